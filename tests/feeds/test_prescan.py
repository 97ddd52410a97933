"""prescan: cutting already-known entries out of feed bytes never changes what parse_feed returns."""

from __future__ import annotations

import itertools
from pathlib import Path

import feedparser
import pytest

from bench.feedgen import FeedPlan
from bot.errors import FeedParseError
from bot.feeds.parse import _link_key, parse_feed
from bot.feeds.prescan import drop_known_entries, entry_keys

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FEED_URL = "https://news.example.org/feeds/main.xml"


def _key_of(guid: str | None, link: str) -> str | None:
    return _link_key(guid, link, FEED_URL)


def _rss(*items: str, root: str = "<rss version='2.0'>") -> bytes:
    body = "".join(f"<item><title>T{n}</title>{item}</item>" for n, item in enumerate(items))
    return f"<?xml version='1.0' encoding='utf-8'?>{root}<channel><title>C</title>{body}</channel></rss>".encode()


def _atom(*entries: str, root: str = "<feed xmlns='http://www.w3.org/2005/Atom'>") -> bytes:
    body = "".join(f"<entry><title>T{n}</title>{entry}</entry>" for n, entry in enumerate(entries))
    return f"<?xml version='1.0' encoding='utf-8'?>{root}<title>A</title>{body}</feed>".encode()


# Entry shapes: the plain ones are cut, the odd ones are kept; either way the parse must not change.
RSS_ITEMS = [
    "<link>https://a.example/1</link><guid isPermaLink='false'>id-1</guid>",
    "<guid>https://a.example/2</guid>",
    "<guid isPermaLink='true'>https://a.example/3?utm_source=x</guid>",
    "<link>https://a.example/4/</link><guid>https://a.example/4</guid>",
    "<guid isPermaLink='false'>https://a.example/5</guid>",
    "<link>https://a.example/6</link>",
    "<link>/relative/7</link>",
    "<guid>relative-8</guid>",
    "<link>https://a.example/9?a=1&amp;b=2</link>",
    "<guid isPermaLink='false'>tag:a.example,2026:10</guid><link>https://a.example/10</link>",
    "<guid isPermaLink='false'>id 11 with spaces</guid>",
    "<link>https://a.example/caf\u00e9/12</link>",
    "<atom:link xmlns:atom='http://www.w3.org/2005/Atom' href='https://a.example/13'/><guid>g13</guid>",
    "<link>https://a.example/14</link><link>https://a.example/14b</link>",
    "<description>no link and no guid 15</description>",
    "<guid isPermaLink='TRUE'>https://a.example/16</guid>",
    "<link></link><guid>https://a.example/17</guid>",
    "<source url='https://src.example/feed'>Src</source><link>https://a.example/18</link>",
    "<link>https://a.example/1</link><guid isPermaLink='false'>id-1</guid>",  # a duplicate of the first
    "<link>https://a.example/20?x=1&amp;amp;y=2&amp;z;=3</link><guid isPermaLink='false'>a&amp;b</guid>",
    "<guid>https://a.example/21?p=1&amp;q=2</guid>",
]
ATOM_ENTRIES = [
    "<id>tag:a.example,2026:1</id><link href='https://a.example/1'/>",
    "<id>https://a.example/2</id>",
    "<id>urn:uuid:3</id><link rel='alternate' type='text/html' href='https://a.example/3'/>",
    "<id>tag:a.example,2026:4</id><link rel='enclosure' href='https://a.example/4.mp3'/>",
    "<id>tag:a.example,2026:5</id><link href='https://a.example/5a'/><link href='https://a.example/5b'/>",
    "<id>tag:a.example,2026:6</id><link rel='alternate' type='application/xhtml+xml' href='https://a.example/6'/>",
    "<id>tag:a.example,2026:7</id><link href='/relative/7'/>",
    "<link href='https://a.example/8'/>",
    "<id>tag:a.example,2026:9</id><source><id>tag:other,1</id></source><link href='https://a.example/9'/>",
    "<id>tag:a.example,2026:10</id><link rel='ALTERNATE' href='https://a.example/10'/>",
]


def _bodies() -> list[tuple[str, bytes, str | None]]:
    out: list[tuple[str, bytes, str | None]] = [(p.name, p.read_bytes(), None) for p in sorted(FIXTURES.iterdir())]
    out.append(("atom_es.xml typed", (FIXTURES / "atom_es.xml").read_bytes(), "application/atom+xml"))
    out.append(("synthetic rss", _rss(*RSS_ITEMS), None))
    out.append(("synthetic atom", _atom(*ATOM_ENTRIES), "application/atom+xml"))
    out.append(
        ("rss with xml:base", _rss(*RSS_ITEMS[:3], root="<rss version='2.0' xml:base='https://b.example/'>"), None)
    )
    atom_base = "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://b.example/x/'>"
    out.append(("atom with xml:base", _atom(*ATOM_ENTRIES[:3], root=atom_base), None))
    plan = FeedPlan(4)
    plan.inject(1)
    out.extend((f"bench feed {i}", plan.body(i), None) for i in range(4))
    return out


def _parse(body: bytes, content_type: str | None, known: set[str] | None = None) -> list[object] | str:
    try:
        return list(parse_feed(body, feed_url=FEED_URL, content_type=content_type, known=known).entries)
    except FeedParseError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize(("name", "body", "ctype"), _bodies(), ids=lambda v: v if isinstance(v, str) else "")
def test_known_entries_are_dropped_exactly(name: str, body: bytes, ctype: str | None) -> None:
    full = _parse(body, ctype)
    if isinstance(full, str):
        assert _parse(body, ctype, {"url:https://a.example/1"}) == full  # errors stay errors
        return
    keys = [a.key for a in full]  # type: ignore[attr-defined]
    subsets = [set(keys), set(keys[::2]), set(keys[1::2]), {keys[0]} if keys else set()]
    subsets += [set(c) for c in itertools.combinations(keys, 2)][:20]
    for known in subsets:
        expected = [a for a in full if a.key not in known]  # type: ignore[attr-defined]
        assert _parse(body, ctype, known) == expected, (name, sorted(known))


@pytest.mark.parametrize(("name", "body", "ctype"), _bodies(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_prescan_key_is_the_key_parse_feed_gives(name: str, body: bytes, ctype: str | None) -> None:
    spans = entry_keys(body, feed_url=FEED_URL, key_of=_key_of)
    if spans is None:
        return
    parsed = feedparser.parse(body, response_headers={"content-location": FEED_URL})
    assert len(spans) == len(parsed.entries)
    for (_, _, key), entry in zip(spans, parsed.entries, strict=True):
        if key is not None:
            real = _link_key(str(entry.get("id", "")).strip() or None, str(entry.get("link", "")), FEED_URL)
            assert key == real, (name, entry.get("id"), entry.get("link"))


def test_plain_entries_are_cut_and_odd_ones_kept() -> None:
    spans = entry_keys(_rss(*RSS_ITEMS), feed_url=FEED_URL, key_of=_key_of)
    assert spans is not None
    droppable = [n for n, (_, _, key) in enumerate(spans) if key is not None]
    assert droppable == [0, 1, 2, 3, 4, 5, 8, 9, 17, 18, 19, 20]
    atom = entry_keys(_atom(*ATOM_ENTRIES), feed_url=FEED_URL, key_of=_key_of)
    assert atom is not None
    assert [n for n, (_, _, key) in enumerate(atom) if key is not None] == [0, 1, 2, 3, 4, 7]


def test_nothing_known_or_unreadable_body_is_returned_as_is() -> None:
    body = _rss(*RSS_ITEMS[:3])
    assert drop_known_entries(body, feed_url=FEED_URL, known=set(), key_of=_key_of) is body
    broken = body.replace(b"</channel>", b"")
    assert drop_known_entries(broken, feed_url=FEED_URL, known={"guid:id-1"}, key_of=_key_of) is broken
    cut = drop_known_entries(body, feed_url=FEED_URL, known={"guid:id-1"}, key_of=_key_of)
    assert b"id-1" not in cut and b"a.example/2" in cut and cut.endswith(b"</channel></rss>")
