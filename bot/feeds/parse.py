"""Feed bytes -> Articles. Pure: no network, no clock, no store.

feedparser does the format work (RSS 0.9x/1.0/2.0, Atom, charset sniffing, HTML sanitising); this module
decides what counts as a usable feed, refuses hostile input, and turns entries into clean Articles.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Container, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.errors import FeedParseError
from bot.feeds.normalize import (
    canonical_url,
    collapse_whitespace,
    content_hash,
    dedupe_key,
    fix_text,
    html_to_text,
    to_utc,
)
from bot.feeds.prescan import drop_known_entries
from bot.models import Article
from bot.textclip import ARTICLE_CHARS, TITLE_CHARS, cap_text

__all__ = ["ParsedFeed", "parse_feed"]

_ROOT_ELEMENT = re.compile(rb"<[A-Za-z]")
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_MARKUP = re.compile(r"<[A-Za-z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);")
_LANG = re.compile(r"[a-z]{2,3}")
_TITLE_FALLBACK_CHARS = 120


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed; `warning` says what was odd but survivable (charset override, lenient XML, skips)."""

    title: str | None
    entries: list[Article]
    warning: str | None


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _prologue(body: bytes) -> bytes:
    """The markup before the root element, comments removed, NULs dropped so UTF-16/32 reads as ASCII."""
    text = _COMMENT.sub(b"", body.replace(b"\x00", b""))
    match = _ROOT_ELEMENT.search(text)
    return text[: match.start()] if match else text


def _refuse_hostile(body: bytes) -> None:
    """Refuse DOCTYPE entity declarations: real feeds never need them, entity bombs always do.

    feedparser already strips unsafe declarations, but relying on that alone would tie our safety to an
    implementation detail of a dependency.
    """
    if _ENTITY_DECL.search(_prologue(body)):
        raise FeedParseError(
            "refusing feed: DOCTYPE declares XML entities (possible entity-expansion attack)"
        )


def _plain(value: str, content_type: str = "") -> str:
    """Text of a feed field: strip HTML when it is (or looks like) HTML, then repair mojibake."""
    if "html" in content_type or _MARKUP.search(value):
        value = html_to_text(value)
    return fix_text(value)


def _detail(entry: Mapping[str, Any], key: str) -> tuple[str, str]:
    detail = entry.get(f"{key}_detail")
    ctype = _str(detail.get("type")) if isinstance(detail, Mapping) else ""
    return _str(entry.get(key)), ctype


def _body_text(entry: Mapping[str, Any]) -> str:
    """The fuller of summary and content, as plain text."""
    summary, summary_type = _detail(entry, "summary")
    candidates = [_plain(summary, summary_type)] if summary else []
    contents = entry.get("content")
    if isinstance(contents, list):
        for part in contents:
            if isinstance(part, Mapping) and _str(part.get("value")):
                candidates.append(_plain(_str(part.get("value")), _str(part.get("type"))))
    return max(candidates, key=len, default="")


def _norm_lang(value: object) -> str | None:
    """Primary language subtag in lower case ("es-MX" -> "es"), or None when it is not a language tag."""
    primary = _str(value).strip().lower().replace("_", "-").split("-")[0]
    return primary if _LANG.fullmatch(primary) else None


def _entry_lang(entry: Mapping[str, Any], feed_lang: str | None) -> str | None:
    found = _norm_lang(entry.get("language"))
    for key in ("title_detail", "summary_detail"):
        detail = entry.get(key)
        if found is None and isinstance(detail, Mapping):
            found = _norm_lang(detail.get("language"))
    return found or feed_lang


def _entry_url(entry: Mapping[str, Any], feed_url: str) -> str:
    link = _str(entry.get("link")).strip()
    if not link:
        return ""
    absolute = urljoin(feed_url, link)
    return canonical_url(absolute) if urlsplit(absolute).scheme in ("http", "https") else ""


def _time(entry: Mapping[str, Any], key: str) -> time.struct_time | None:
    """A parsed date, read without feedparser's deprecated updated->published key fallback."""
    value = dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)
    return value if isinstance(value, time.struct_time) else None


def _fallback_title(text: str) -> str:
    if len(text) <= _TITLE_FALLBACK_CHARS:
        return text
    return text[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"


def _to_article(entry: Mapping[str, Any], feed_url: str, feed_lang: str | None) -> Article | None:
    """One entry -> Article; None for entries with neither link nor title (nothing to show or link to)."""
    raw_title, title_type = _detail(entry, "title")
    title = collapse_whitespace(_plain(raw_title, title_type))
    url = _entry_url(entry, feed_url)
    if not title and not url:
        return None
    text = cap_text(_body_text(entry), ARTICLE_CHARS)  # bounded before it is hashed, classified or stored
    title = cap_text(title, TITLE_CHARS) or collapse_whitespace(_fallback_title(text))
    guid = _str(entry.get("id")).strip() or None
    digest = content_hash(title, text)
    published = to_utc(_time(entry, "published_parsed")) or to_utc(_time(entry, "updated_parsed"))
    return Article(
        key=dedupe_key(guid, url) if (guid or url) else "hash:" + digest,
        url=url,
        title=title,
        text=text,
        published=published,
        content_hash=digest,
        lang=_entry_lang(entry, feed_lang),
        guid=guid,
    )


def _reject_empty(parsed: Mapping[str, Any], body: bytes, content_type: str | None) -> None:
    """Raise with the most useful reason when a body yielded nothing usable and is not a valid empty feed."""
    exc = parsed.get("bozo_exception")
    serious = bool(parsed.get("bozo")) and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe)
    version = _str(parsed.get("version"))
    if not version and ("html" in (content_type or "").lower() or _HTML_START.match(body[:4096])):
        raise FeedParseError("not a feed: got an HTML page")
    if serious:
        raise FeedParseError(f"malformed XML with no entries: {exc}")
    if not version:
        raise FeedParseError("not a feed: no RSS, Atom or RDF root element")


def _link_key(guid: str | None, link: str, feed_url: str) -> str | None:
    """An entry's key from feedparser's guid and link alone (None: it needs the text hash)."""
    url = _entry_url({"link": link}, feed_url)
    return dedupe_key(guid, url) if (guid or url) else None


def _known_key(entry: Mapping[str, Any], feed_url: str, known: Container[str]) -> bool:
    """Whether the entry's key (guid, else URL) is in KNOWN, computed without normalising its text."""
    key = _link_key(_str(entry.get("id")).strip() or None, _str(entry.get("link")), feed_url)
    return key is not None and key in known


def parse_feed(
    body: bytes,
    *,
    feed_url: str,
    content_type: str | None = None,
    lang: str | None = None,
    known: Container[str] | None = None,
) -> ParsedFeed:
    """Parse feed bytes into Articles; raises FeedParseError when the body is not a usable feed.

    Entries whose key is in `known` (what the caller already stored from this feed) are left out, most of
    them before feedparser sees them (bot.feeds.prescan), the rest before their text is cleaned: that is
    nearly all the cost of a feed that gained one item.
    """
    if not body.strip():
        raise FeedParseError("empty body")
    _refuse_hostile(body)
    headers = {"content-location": feed_url}
    if content_type:
        headers["content-type"] = content_type
    # BytesIO, never raw bytes: feedparser treats a bare string as a URL or file name to open.
    # No HTML sanitising or relative-URI rewriting inside content: we keep only the text (html_to_text drops
    # tags and script/style), and those two passes are most of feedparser's time on HTML-heavy feeds.
    source = body
    if known:
        source = drop_known_entries(
            body, feed_url=feed_url, known=known, key_of=lambda guid, link: _link_key(guid, link, feed_url)
        )
    parsed = feedparser.parse(
        io.BytesIO(source), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    raw_entries = [e for e in parsed.get("entries", []) if isinstance(e, Mapping)]
    if not raw_entries:
        _reject_empty(parsed, body, content_type)

    feed = parsed.get("feed", {})
    feed_lang = _norm_lang(feed.get("language")) or _norm_lang(lang)
    warnings: list[str] = []
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exc is not None and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe):
        warnings.append(f"malformed XML, parsed leniently: {exc}")
    elif exc is not None and (content_type or not isinstance(exc, feedparser.NonXMLContentType)):
        warnings.append(str(exc))  # e.g. declared utf-8 but parsed as windows-1252

    articles: list[Article] = []
    seen: set[str] = set()
    skipped = duplicates = 0
    for entry in raw_entries:
        if known and _known_key(entry, feed_url, known):
            continue
        article = _to_article(entry, feed_url, feed_lang)
        if article is None:
            skipped += 1
        elif known and article.key in known:
            continue  # keyed by its text hash: known only once cleaned
        elif article.key in seen:
            duplicates += 1
        else:
            seen.add(article.key)
            articles.append(article)
    if not articles and not _str(parsed.get("version")):
        _reject_empty(parsed, body, content_type)  # stray <item> tags in some other XML do not make a feed
    if skipped:
        warnings.append(f"skipped {skipped} entries without link or title")
    if duplicates:
        warnings.append(f"dropped {duplicates} duplicate entries")

    title = collapse_whitespace(_plain(*_detail(feed, "title"))) or None
    return ParsedFeed(title=title, entries=articles, warning="; ".join(warnings) or None)
