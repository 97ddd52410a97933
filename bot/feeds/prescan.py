"""Cut the entries a feed already delivered out of its bytes, so feedparser only walks the new ones.

A busy feed that gained one item still carries its other 49, and feedparser spends ~0.2 ms on each. Here
expat (C, no per-item Python work beyond a few callbacks) finds each top-level RSS <item> / Atom <entry>,
works out the key parse.py would give it (guid, else canonical URL), and removes the byte span of those
whose key the caller already knows. The result is still well-formed XML with the same prologue.

Only the plain, common shapes are cut; anything that could make feedparser derive a different guid or link
(xml:base, relative, non-ASCII or spaced values, extra link/id/guid elements, RDF, prefixed Atom) keeps
the entry, and anything expat cannot read leaves the body untouched. Keeping an entry is always safe: the
caller skips known keys again after the full parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from xml.parsers import expat

from feedparser.urls import _urljoin

__all__ = ["drop_known_entries", "entry_keys"]

_SEP = " "
_ATOM = "http://www.w3.org/2005/Atom"
_XML_BASE = "http://www.w3.org/XML/1998/namespace base"
_IDENTITY = frozenset({"link", "id", "guid"})
# Printable ASCII without spaces (no charset or whitespace handling to mirror), and absolute http(s) URLs.
_TOKEN = re.compile(r"[!-~]+")
_HTTP = re.compile(r"https?://[!-~]+")
_BARE_REF = re.compile("&([A-Za-z0-9_]+);")
_LINK_ATTRS = frozenset({"rel", "type", "href", "hreflang", "title", "length"})


class _Bail(Exception):
    """The body has something this scan does not model; leave it whole."""


@dataclass
class _Entry:
    start: int
    depth: int
    unsafe: bool = False
    ids: list[str] = field(default_factory=list)
    permalink: bool = True
    links: list[str] = field(default_factory=list)  # RSS <link> text
    alternates: list[str] = field(default_factory=list)  # Atom alternate hrefs
    text: list[str] | None = None


def _resolves_to_itself(value: str, base: str) -> bool:
    joined: str = _urljoin(base, value)
    return joined == value


class _Scan:
    def __init__(self, body: bytes, base: str) -> None:
        self.body = body
        self.base = base
        self.parser = expat.ParserCreate(namespace_separator=_SEP)
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.depth = 0
        self.kind = ""  # "rss" or "atom"
        self.entry: _Entry | None = None
        self.spans: list[tuple[int, int, _Entry]] = []

    def run(self) -> list[tuple[int, int, _Entry]]:
        self.parser.Parse(self.body, True)
        return self.spans

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if _XML_BASE in attrs or "base" in attrs:
            raise _Bail
        if self.depth == 1:
            self.kind = "rss" if name == "rss" else "atom" if name == f"{_ATOM}{_SEP}feed" else ""
            if not self.kind:
                raise _Bail
            return
        entry = self.entry
        if entry is not None and entry.text is not None:
            entry.unsafe = True  # markup inside a guid, link or id
        if entry is None:
            top = (self.kind == "rss" and self.depth == 3 and name == "item") or (
                self.kind == "atom" and self.depth == 2 and name == f"{_ATOM}{_SEP}entry"
            )
            if top:
                self.entry = _Entry(self.parser.CurrentByteIndex, self.depth)
            return
        local = name.rsplit(_SEP, 1)[-1]
        if local not in _IDENTITY:
            return
        if self.depth != entry.depth + 1:
            entry.unsafe = True  # e.g. <source><id> inside an Atom entry
        elif self.kind == "rss" and name == "guid":
            extra = set(attrs) - {"isPermaLink"}
            flag = attrs.get("isPermaLink")
            entry.unsafe |= bool(extra) or flag not in (None, "true", "false")
            entry.permalink = flag != "false"
            self._capture(entry)
        elif (self.kind == "rss" and name == "link") or (self.kind == "atom" and name == f"{_ATOM}{_SEP}id"):
            entry.unsafe |= bool(attrs)
            self._capture(entry)
        elif self.kind == "atom" and name == f"{_ATOM}{_SEP}link":
            self._atom_link(entry, attrs)
        else:
            entry.unsafe = True  # atom:link inside RSS, a prefixed guid, ...

    def _atom_link(self, entry: _Entry, attrs: dict[str, str]) -> None:
        rel, ctype, href = attrs.get("rel", "alternate"), attrs.get("type"), attrs.get("href", "")
        if set(attrs) - _LINK_ATTRS or not href or rel != rel.lower() or (ctype and ctype != ctype.lower()):
            entry.unsafe = True
        elif rel == "alternate":
            entry.unsafe |= ctype not in (None, "text/html")
            entry.alternates.append(href)

    def _capture(self, entry: _Entry) -> None:
        """Collect text until this element ends (the handler is off elsewhere: descriptions are big)."""
        entry.text = []
        self.parser.CharacterDataHandler = entry.text.append

    def end(self, name: str) -> None:
        entry = self.entry
        if entry is not None:
            if self.depth == entry.depth:
                close = self.body.index(b">", self.parser.CurrentByteIndex) + 1
                self.spans.append((entry.start, close, entry))
                self.entry = None
            elif entry.text is not None:
                value = "".join(entry.text).strip()
                entry.text = None
                self.parser.CharacterDataHandler = None
                (entry.links if name == "link" else entry.ids).append(value)
        self.depth -= 1


def _key(entry: _Entry, base: str, key_of: Callable[[str | None, str], str | None]) -> str | None:
    """The key parse.py would give this entry, or None when it cannot be sure."""
    if entry.unsafe or len(entry.ids) > 1 or len(entry.links) > 1:
        return None
    guid = entry.ids[0] if entry.ids else ""
    resolved_guid = entry.permalink  # feedparser resolves permalink guids and Atom ids as URIs
    if guid and (not _TOKEN.fullmatch(guid) or (resolved_guid and not _resolves_to_itself(guid, base))):
        return None
    candidates = entry.links or entry.alternates[-1:]
    if candidates:
        link = candidates[0]
        if not _HTTP.fullmatch(link) or not _resolves_to_itself(link, base):
            return None
        if entry.links:  # feedparser's fix-up of query strings in an RSS <link>'s text
            link = _BARE_REF.sub(r"&\g<1>", link.replace("&amp;", "&"))
    else:
        link = guid if resolved_guid else ""  # feedparser uses a permalink guid / Atom id as the link
    return key_of(guid or None, link)


def entry_keys(
    body: bytes, *, feed_url: str, key_of: Callable[[str | None, str], str | None]
) -> list[tuple[int, int, str | None]] | None:
    """(start, end, key or None) of each top-level entry, in order; None when the body is not scanned.

    `key_of(guid, link)` turns feedparser's guid and link into the entry key (parse.py supplies it).
    """
    try:
        spans = _Scan(body, feed_url).run()
    except (_Bail, expat.ExpatError, ValueError):
        return None
    return [(start, end, _key(entry, feed_url, key_of)) for start, end, entry in spans]


def drop_known_entries(
    body: bytes, *, feed_url: str, known: Container[str], key_of: Callable[[str | None, str], str | None]
) -> bytes:
    """BODY without the entries whose key is in KNOWN (the same bytes when none can be dropped)."""
    spans = entry_keys(body, feed_url=feed_url, key_of=key_of)
    if not spans:
        return body
    parts: list[bytes] = []
    pos = 0
    for start, end, key in spans:
        if key is not None and key in known:
            parts.append(body[pos:start])
            pos = end
    if not parts:
        return body
    parts.append(body[pos:])
    return b"".join(parts)
