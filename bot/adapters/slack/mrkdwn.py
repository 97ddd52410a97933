"""Safe mrkdwn pieces, Block Kit building blocks and limits.

Feed text is untrusted. Slack parses `<...>` as links and mentions (`<!channel>`, `<@U1>`,
`<http://x|y>`), and `*_~`` as formatting, so every feed-derived string passes through `esc`
before it reaches a message. Only `mention` ever produces a real mention, and only a user group.
Limits are enforced on the escaped text, because Slack counts what it receives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from bot.adapters.console import safe_text

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 3000
MAX_URL = 2000
ELLIPSIS = "…"

Block = dict[str, Any]

LABEL_EMOJI = {
    "CLAIM": "📣",
    "CONFIRMED": "✅",
    "DENIAL": "🚫",
    "STATUS_CHANGE": "🔄",
    "FEED_HEALTH": "📡",
}


@dataclass(frozen=True)
class Message:
    """What chat.postMessage / respond take: fallback text and blocks."""

    text: str
    blocks: list[Block]


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Formatting markers swapped for look-alikes so feed text cannot open bold/italic/strike/code spans
# that run into our own layout (an unmatched ``` swallows the rest of a message).
_NEUTRAL = {"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"}
# Plain-text broadcast words stay text even if a client auto-links them (verbatim is also set).
_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_SUBTEAM = re.compile(r"^(?:<!subteam\^)?(S[A-Z0-9]{2,})(?:\|[^>]*)?>?$")
# printable ASCII minus what would end or split `<url|label>` or confuse a client; the rest is %-encoded
_URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '<>|"`{}\\^')


def esc(text: str | None, limit: int = MAX_SECTION) -> str:
    """Escape untrusted text for mrkdwn, on one line, at most `limit` characters once escaped."""
    clean = safe_text(text)
    clean = _BROADCAST.sub("@\u2060", clean)
    out: list[str] = []
    size = 0
    for i, ch in enumerate(clean):
        piece = _ESCAPES.get(ch) or _NEUTRAL.get(ch) or ch
        # keep room for the ellipsis unless this is the last character
        room = limit - (0 if i == len(clean) - 1 else len(ELLIPSIS))
        if size + len(piece) > room:
            out.append(ELLIPSIS)
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


def code(text: str | None, limit: int = 200) -> str:
    """Inline code (rule ids): Slack does not format inside, so only `&<>` and backticks need care."""
    clean = "".join(_ESCAPES.get(ch, "ˋ" if ch == "`" else ch) for ch in plain(text, limit))
    return f"`{clean}`" if clean else ""


def plain(text: str | None, limit: int) -> str:
    """One-line plain_text (headers, fallbacks of our own making), cut to `limit` characters."""
    clean = safe_text(text)
    return clean if len(clean) <= limit else clean[: max(limit - 1, 0)] + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for `<url|label>`: no `|`, `<`, `>`, spaces or controls; else None."""
    if not url:
        return None
    raw = "".join(ch for ch in url.strip() if ch.isprintable())
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if not parts.netloc.isascii():
        try:
            host = parts.netloc.encode("idna").decode("ascii")
        except UnicodeError:
            return None
        raw = parts._replace(netloc=host).geturl()
    encoded = quote(raw, safe=_URL_SAFE)
    encoded = encoded.replace("&", "&amp;")
    return encoded if len(encoded) <= MAX_URL else None


def link(url: str | None, label: str | None, limit: int = 500) -> str:
    """`<url|label>` with both parts made safe; just the escaped label when the URL is unusable."""
    text = esc(label, limit) or esc(url, limit) or "link"
    target = safe_url(url)
    return f"<{target}|{text}>" if target else text


def mention(value: str | None) -> str | None:
    """The configured user-group mention (`S0123` or `<!subteam^S0123>`), else None."""
    if not value:
        return None
    match = _SUBTEAM.match(value.strip())
    return f"<!subteam^{match.group(1)}>" if match else None


def fit_lines(lines: list[str], limit: int = MAX_SECTION, *, hidden: int = 0) -> str:
    """Join whole lines up to `limit`; say how many items (left out or `hidden`) were not shown."""
    total = len(lines) + hidden
    reserve = len(f"{ELLIPSIS} and {total} more") + 1
    kept: list[str] = []
    size = 0
    for line in lines:
        extra = len(line) + (1 if kept else 0)
        last = len(kept) + 1 == total
        if size + extra + (0 if last else reserve) > limit:
            break
        kept.append(line)
        size += extra
    left = total - len(kept)
    if left:
        kept.append(f"{ELLIPSIS} and {left} more")
    return "\n".join(kept)


def section(text: str) -> Block:
    """A mrkdwn section; verbatim so Slack does not auto-link names or broadcast words."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION], "verbatim": True}}


def header(text: str) -> Block:
    """A header block (plain text, 150 characters at most)."""
    return {"type": "header", "text": {"type": "plain_text", "text": plain(text, MAX_HEADER), "emoji": True}}


def context(*parts: str) -> Block:
    """A context line of mrkdwn parts (already escaped), within Slack's element limits."""
    items = [p for p in parts if p][:MAX_CONTEXT_ELEMENTS] or [" "]
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": p[:MAX_CONTEXT], "verbatim": True} for p in items],
    }


def divider() -> Block:
    """A horizontal rule."""
    return {"type": "divider"}


def cap_blocks(blocks: list[Block]) -> list[Block]:
    """At most 50 blocks; the last one says the message was shortened."""
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    return [*blocks[: MAX_BLOCKS - 1], context(f"{ELLIPSIS} shortened to fit a Slack message")]
