"""Pure text and URL normalisation for feed entries.

Feeds are messy: HTML in summaries, tracking parameters in links, mojibake from wrong charsets. Everything
here is a pure function so parse.py stays small and the rules see clean, comparable text.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
import unicodedata
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import ftfy

__all__ = ["canonical_url", "content_hash", "dedupe_key", "fix_text", "html_to_text", "to_utc"]

# --- HTML -> text -------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


class _TextExtractor(HTMLParser):
    """Collects text, turning block boundaries into newlines and skipping script/style content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def collapse_whitespace(s: str, *, keep_newlines: bool = False) -> str:
    """Collapse runs of whitespace to one space; with keep_newlines, keep one newline between lines."""
    if not keep_newlines:
        return " ".join(s.split())
    lines = (" ".join(line.split()) for line in s.splitlines())
    return "\n".join(line for line in lines if line)


def html_to_text(s: str) -> str:
    """Plain text from an HTML fragment: tags dropped, entities decoded, blocks on their own lines."""
    parser = _TextExtractor()
    parser.feed(s)
    parser.close()
    return collapse_whitespace("".join(parser.parts), keep_newlines=True)


# --- URLs and keys ------------------------------------------------------------------------------------

_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "_ga", "igshid", "ref", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(pair: str) -> bool:
    name = unquote_plus(pair.split("=", 1)[0]).strip().lower()
    return name.startswith("utm_") or name in _TRACKING_PARAMS


def canonical_url(url: str) -> str:
    """One spelling per article URL, so the same story linked with different tracking tags dedupes."""
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    try:
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # malformed port: keep the authority, only lower-case it
        netloc = netloc.lower()
    else:
        if ":" in host:  # IPv6 literal
            host = f"[{host}]"
        userinfo = netloc.rpartition("@")[0]
        netloc = (userinfo + "@" if userinfo else "") + host
        if port is not None and port != _DEFAULT_PORTS.get(scheme):
            netloc += f":{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    pairs = [p for p in parts.query.split("&") if p and not _is_tracking(p)]
    query = "&".join(sorted(pairs))
    return urlunsplit((scheme, netloc, path, query, ""))


def dedupe_key(guid: str | None, url: str) -> str:
    """Stable identity of an entry: its guid when it is a real id, else its canonical URL."""
    g = (guid or "").strip()
    canon = canonical_url(url)
    if g and g != url.strip() and canonical_url(g) != canon:
        return "guid:" + g
    return "url:" + canon


_LSQUO, _RSQUO, _LDQUO, _RDQUO, _NDASH, _MDASH = "\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014"
_FOLD_TABLE = str.maketrans({_LSQUO: "'", _RSQUO: "'", _LDQUO: '"', _RDQUO: '"', _NDASH: "-", _MDASH: "-"})


def _fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().translate(_FOLD_TABLE).split())


def content_hash(title: str, text: str) -> str:
    """Hash of the story's words, insensitive to case, accents and spacing, to spot the same story twice."""
    return hashlib.sha256(f"{_fold(title)}\n{_fold(text)}".encode()).hexdigest()


def to_utc(st: time.struct_time | None) -> datetime | None:
    """Aware UTC datetime from feedparser's (already UTC) struct_time; None when missing or nonsense."""
    if st is None:
        return None
    try:
        return datetime(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, min(st.tm_sec, 59), tzinfo=UTC)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


# --- mojibake: UTF-8 read as cp874 / TIS-620 -----------------------------------------------------------
#
# A UTF-8 quote is E2 80 9C; read as TIS-620, E2 is "โ" (Thai SARA O) and the C1 bytes are control chars
# that often get dropped, leaving a lone "โ". Genuine Thai never has "โ" without a Thai consonant after it,
# so only such "โ" are touched. Where the bytes survive we decode them exactly; otherwise we guess the
# punctuation from the neighbours (letter-โ-letter is an apostrophe, and so on).

_SARA_O = "\u0e42"
_THAI_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")


def _high_byte_map() -> dict[str, int]:
    """Char -> byte 0x80-0x9F for C1 controls and their cp874/cp1252 renderings (ftfy maps C1 to cp1252)."""
    table: dict[str, int] = {}
    for b in range(0x80, 0xA0):
        table[chr(b)] = b
        for codec in ("cp874", "cp1252"):
            with contextlib.suppress(UnicodeDecodeError):
                table.setdefault(bytes([b]).decode(codec), b)
    return table


_HIGH = _high_byte_map()
_HIGH_CLASS = re.escape("".join(sorted(_HIGH)))
_EXACT = re.compile(f"{_SARA_O}([{_HIGH_CLASS}])([{_HIGH_CLASS}\u0e01-\u0e1f])")
_DROPPED_80 = re.compile(f"(?<![\u0e01-\u0e5b]){_SARA_O}([\u0e01-\u0e1f])(?![\u0e01-\u0e5b])")
# Lower-case Latin accents (é = C3 A9) read as TIS-620 become two Thai letters glued to a Latin word.
_LATIN_ACCENT = re.compile(
    "(?<=[A-Za-z])([รย])([\u0e01-\u0e1f])(?![\u0e01-\u0e5b])|(?<![\u0e01-\u0e5b])([รย])([\u0e01-\u0e1f])(?=[A-Za-z])"
)


def _thai_byte(ch: str) -> bytes:
    """The single byte a cp874/TIS-620 decoder (perhaps followed by ftfy's C1 fix) turned into `ch`."""
    return bytes([_HIGH[ch]]) if ch in _HIGH else ch.encode("tis_620")


def _decode_or(orig: str, raw: bytes, lo: int, hi: int) -> str:
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return orig
    return fixed if len(fixed) == 1 and lo <= ord(fixed) <= hi else orig


def _guess_bare(text: str, i: int, open_quote: bool) -> tuple[str, bool]:
    """Punctuation a lone "โ" most likely stood for, from its neighbours; returns (char, quote open)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isdigit() and nxt.isdigit():
        return _NDASH, open_quote
    if prev.isalnum() and nxt.isalpha():
        return _RSQUO, open_quote
    if prev.isspace() and nxt.isspace():
        return _MDASH, open_quote
    if prev.isspace() or prev in f"([{{-/{_NDASH}{_MDASH}":
        return _LDQUO, True
    if open_quote or not prev.isalpha():
        return _RDQUO, False
    return (_RSQUO if prev in "sS" else _RDQUO), open_quote


_ANY_THAI = re.compile("[\u0e00-\u0e7f]")


def _repair_thai_mojibake(s: str) -> str:
    if not _ANY_THAI.search(s):
        return s  # every artefact this repairs contains a Thai letter: skip the slow scans (hot path)
    if _SARA_O not in s and not _LATIN_ACCENT.search(s):
        return s
    s = _EXACT.sub(lambda m: _decode_or(m[0], b"\xe2" + _thai_byte(m[1]) + _thai_byte(m[2]), 0x2000, 0x214F), s)
    s = _DROPPED_80.sub(lambda m: _decode_or(m[0], b"\xe2\x80" + m[1].encode("tis_620"), 0x2010, 0x203A), s)
    s = _LATIN_ACCENT.sub(
        lambda m: _decode_or(m[0], "".join(g for g in m.groups() if g).encode("tis_620"), 0xA0, 0x24F), s
    )
    out: list[str] = []
    open_quote = False
    for i, ch in enumerate(s):
        if ch == "\n":
            open_quote = False
        if ch == _SARA_O and not _THAI_CONSONANT.match(s, i + 1):
            ch, open_quote = _guess_bare(s, i, open_quote)
        elif ch == _LDQUO:
            open_quote = True
        elif ch == _RDQUO:
            open_quote = False
        out.append(ch)
    return "".join(out)


# Signs that ftfy has something to repair: UTF-8 read as Latin-1/cp1252 ("Ã©", "Â ", "â€™"), replacement
# characters, C1 controls, HTML entities that survived. Clean text (nearly every article) skips ftfy, which
# costs ~0.5 ms per 2 KB of non-ASCII text and was the largest share of ingest CPU (bench_poll).
_NEEDS_FTFY = re.compile("[ÃÂ\ufffd\u0080-\u009f]|â€|&[#A-Za-z0-9]+;|\x1b")
# What ftfy would still change in clean text: curly quotes straightened, ligatures split.
_UNCURL = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)


def fix_text(s: str) -> str:
    """Readable text from mojibake: our cp874/TIS-620 repair, then ftfy for the usual suspects.

    ftfy runs only when the text shows signs of damage; otherwise the same result comes from NFC and
    the quote/ligature table above.
    """
    s = _repair_thai_mojibake(s)
    if s.isascii() and "&" not in s and "\x1b" not in s:
        return s
    if _NEEDS_FTFY.search(s):
        return ftfy.fix_text(s)
    return unicodedata.normalize("NFC", s.translate(_UNCURL))
