"""Embed-safe text: escaping untrusted feed text, clipping to Discord's limits, and an embed budget.

Discord rejects a whole message (HTTP 400) when any embed limit is exceeded, so every string that
reaches an embed goes through `clip` and every embed is built with `EmbedBudget`. Lengths are measured
in UTF-16 code units, which is never less than the code-point count, so we stay under the limit
whichever way Discord counts (flags and most emoji are two code points, four UTF-16 units).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import discord

from bot.adapters.console import safe_text

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
AUTHOR_MAX = 256
TOTAL_MAX = 6000
URL_MAX = 2048
ELLIPSIS = "…"

# Mentions that `escape_mentions` leaves alone (short ids, channels, slash-command and timestamp tags).
_TAG = re.compile(r"<([@#/:]|a?:|t:)")


def units(text: str) -> int:
    """Length in UTF-16 code units (what JavaScript's `length` reports)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` UTF-16 units, ending with an ellipsis when shortened.

    Never splits a surrogate pair and never leaves a dangling backslash that would escape the ellipsis.
    """
    if units(text) <= limit:
        return text
    budget = max(limit - units(ELLIPSIS), 0)
    out: list[str] = []
    used = 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > budget:
            break
        out.append(ch)
        used += width
    cut = "".join(out).rstrip()
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut + ELLIPSIS if limit >= units(ELLIPSIS) else cut


def escape(text: str | None, limit: int | None = None) -> str:
    """Untrusted text -> one line of inert Markdown: no formatting, masked links, mentions or controls."""
    plain = safe_text(text)
    if limit is not None:
        plain = clip(plain, limit)  # clip first so escaping cannot be cut in half
    escaped = discord.utils.escape_markdown(plain)
    escaped = discord.utils.escape_mentions(escaped)
    escaped = _TAG.sub(lambda m: "<\u200b" + m.group(1), escaped)
    if limit is not None:
        escaped = clip(escaped, limit)
    return escaped


def code(text: str | None, limit: int = 100) -> str:
    """Inline code span: Markdown escapes would show literally inside it, so only backticks are replaced."""
    plain = clip(safe_text(text).replace("`", "ˋ"), limit)
    return f"`{plain}`" if plain else ""


def safe_url(url: str | None) -> str | None:
    """The URL if Discord will accept it in an embed (absolute http/https, no spaces), else None."""
    if not url:
        return None
    url = url.strip()
    if units(url) > URL_MAX or any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link(text: str | None, url: str | None, limit: int = 200) -> str:
    """`[text](url)` with the text escaped; plain escaped text when the URL is unusable."""
    label = escape(text, limit) or "link"
    target = safe_url(url)
    if target is None:
        return label
    label = label.replace("[", "\\[").replace("]", "\\]")
    target = target.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{label}]({target})"


class EmbedBudget:
    """Builds an embed that always satisfies Discord's per-part, field-count and 6000-total limits."""

    def __init__(self, *, title: str, description: str = "", colour: int, url: str | None = None) -> None:
        self.title = clip(title, TITLE_MAX)
        self.description = clip(description, DESCRIPTION_MAX)
        self.embed = discord.Embed(
            title=self.title, description=self.description or None, colour=colour, url=safe_url(url)
        )
        self.used = units(self.title) + units(self.description)
        self.reserve = 0
        self.fields = 0

    @property
    def remaining(self) -> int:
        """Units still free for fields (after the reserve kept for footer/author)."""
        return TOTAL_MAX - self.used - self.reserve

    def reserve_for(self, text_units: int) -> None:
        """Keep room for a footer or author added at the end."""
        self.reserve += text_units

    def add_field(self, name: str, value: str, *, inline: bool = False, min_value: int = 40) -> bool:
        """Add a field, shortening the value to what is left; False (and nothing added) if it cannot fit."""
        if self.fields >= FIELDS_MAX:
            return False
        name = clip(name or "\u200b", FIELD_NAME_MAX)
        room = self.remaining - units(name)
        if room < min(min_value, units(value or "\u200b")):
            return False
        value = clip(value or "\u200b", min(FIELD_VALUE_MAX, room))
        self.embed.add_field(name=name, value=value, inline=inline)
        self.used += units(name) + units(value)
        self.fields += 1
        return True

    def set_footer(self, text: str) -> None:
        """Set the footer within whatever budget is left (including the reserve)."""
        self.reserve = 0
        text = clip(text, min(FOOTER_MAX, max(self.remaining, 0)))
        if text:
            self.embed.set_footer(text=text)
            self.used += units(text)

    def set_author(self, name: str) -> None:
        """Set the author line within the budget."""
        name = clip(name, min(AUTHOR_MAX, max(self.remaining, 0)))
        if name:
            self.embed.set_author(name=name)
            self.used += units(name)


def embed_units(embed: discord.Embed) -> int:
    """Total counted length of an embed, as Discord checks it against TOTAL_MAX."""
    data = embed.to_dict()
    total = units(str(data.get("title", ""))) + units(str(data.get("description", "")))
    for f in data.get("fields", []):
        total += units(str(f.get("name", ""))) + units(str(f.get("value", "")))
    total += units(str(data.get("footer", {}).get("text", "")))
    total += units(str(data.get("author", {}).get("name", "")))
    return total
