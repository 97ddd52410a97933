"""Store: migrations, article dedupe across feeds, outbox semantics on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import StoreError
from bot.models import Article, Finding, Label
from bot.store import open_store
from bot.store.migrations import MIGRATIONS
from bot.store.repo import FeedSpec

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def article(key: str, url: str, text: str = "body") -> Article:
    return Article(key=key, url=url, title="t", text=text, published=NOW, content_hash=f"h-{text}")


def test_wal_and_migrations_are_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    store.close()
    store = open_store(db)
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_feed_sync_keeps_state_and_deactivates(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    a, b = FeedSpec("A", "http://h/a", 60.0), FeedSpec("B", "http://h/b", 60.0)
    feeds = store.sync_feeds([a, b])
    store.record_fetch(feeds[0].id, now=NOW, ok=True, status="ok", next_poll_at=NOW, etag='"e1"')
    feeds = store.sync_feeds([FeedSpec("A renamed", "http://h/a", 120.0)])
    assert [(f.name, f.etag, f.interval) for f in feeds] == [("A renamed", '"e1"', 120.0)]
    assert len(store.feeds(active_only=False)) == 2


def test_failure_streak_counts_and_resets(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    feed = store.sync_feeds([FeedSpec("A", "http://h/a", 60.0)])[0]
    assert store.record_fetch(feed.id, now=NOW, ok=False, status="error", error="HTTP 500", next_poll_at=NOW) == 1
    assert store.record_fetch(feed.id, now=NOW, ok=False, status="error", error="HTTP 500", next_poll_at=NOW) == 2
    assert store.feed(feed.id).last_error == "HTTP 500"
    store.record_fetch(feed.id, now=NOW, ok=True, status="ok", next_poll_at=NOW + timedelta(minutes=5))
    state = store.feed(feed.id)
    assert (state.error_streak, state.last_error, state.polled_once) == (0, None, True)
    assert store.due_feeds(NOW) == []
    assert [f.id for f in store.due_feeds(NOW + timedelta(minutes=6))] == [feed.id]


def test_same_story_by_url_or_text_is_one_article(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    first = article("guid:1", "http://news/x")
    assert store.find_article(first) is None
    aid = store.insert_article(first, now=NOW)
    assert store.find_article(article("guid:other", "http://news/x", "different")) == aid
    assert store.find_article(article("guid:other", "http://mirror/y", "body")) == aid
    assert store.find_article(article("guid:new", "http://news/z", "new text")) is None


def test_outbox_dedupes_and_tracks_deliveries(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    aid = store.insert_article(article("k", "http://news/x"), now=NOW)
    store.insert_findings(aid, [Finding(Label.DENIAL, "HN", "r1", "Honduras denies")], now=NOW)
    kwargs = {"kind": "finding", "label": "DENIAL", "title": "t", "sinks": ["console", "chat"], "now": NOW}
    alert = store.add_alert(dedupe_key="finding:1:HN:DENIAL", country="HN", **kwargs)  # type: ignore[arg-type]
    assert alert is not None and alert.country == "HN"
    assert store.add_alert(dedupe_key="finding:1:HN:DENIAL", country="HN", **kwargs) is None  # type: ignore[arg-type]
    assert [a.id for a in store.due_deliveries("console", now=NOW)] == [alert.id]
    store.mark_delivered(alert.id, "console", now=NOW)
    assert store.due_deliveries("console", now=NOW) == []
    store.mark_attempt_failed(alert.id, "chat", error="HTTP 500", retry_at=NOW + timedelta(seconds=30))
    assert store.due_deliveries("chat", now=NOW) == []
    assert [a.id for a in store.due_deliveries("chat", now=NOW + timedelta(seconds=31))] == [alert.id]
    assert store.delivery_attempts(alert.id, "chat") == 1
    assert store.outbox_counts() == {"pending": 1, "delivered": 1, "failed": 0, "orphaned": 0}
    assert store.oldest_pending_at() == NOW
    found = store.tracking.findings("HN", limit=10)
    assert [(f.label, f.outlets) for f in found] == [("DENIAL", 0)]


def test_known_entry_keys_are_the_feeds_newest_window(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    feed, other = store.sync_feeds([FeedSpec("A", "http://h/a", 60.0), FeedSpec("B", "http://h/b", 60.0)])
    for i in range(30):
        item = article(f"guid:{i}", f"http://news/{i}", text=f"story {i}")
        article_id = store.insert_article(item, now=NOW + timedelta(minutes=i))
        store.add_source(article_id, feed.id, item, now=NOW + timedelta(minutes=i))
        if i % 2:
            store.add_source(article_id, other.id, item, now=NOW + timedelta(minutes=i))
    assert store.known_entry_keys(feed.id, newest=5) == {f"guid:{i}" for i in range(25, 30)}
    assert store.known_entry_keys(other.id, newest=3) == {"guid:29", "guid:27", "guid:25"}
    assert len(store.known_entry_keys(feed.id)) == 30
    plan = " ".join(  # the newest keys come straight off the index, without reading the feed's whole history
        str(row[-1])
        for row in sqlite3.connect(tmp_path / "s.db").execute(
            "EXPLAIN QUERY PLAN SELECT entry_key FROM article_sources WHERE feed_id = ?"
            " ORDER BY first_seen_at DESC LIMIT ?",
            (feed.id, 5),
        )
    )
    assert "article_sources_feed_seen" in plan and "TEMP B-TREE" not in plan


def test_fetch_duration_is_kept_for_success_and_failure(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    feed = store.sync_feeds([FeedSpec("A", "http://h/a", 60.0)])[0]
    assert store.feed(feed.id).last_fetch_seconds is None
    store.record_fetch(feed.id, now=NOW, ok=False, status="error", error="timeout", next_poll_at=NOW, seconds=20.0)
    assert store.feed(feed.id).last_fetch_seconds == 20.0
    store.record_fetch(feed.id, now=NOW, ok=True, status="ok", next_poll_at=NOW, seconds=0.25)
    assert store.feed(feed.id).last_fetch_seconds == 0.25


def test_migration_4_upgrades_a_store_with_feeds_and_sources(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for version, name, sql in MIGRATIONS[:3]:  # a store written by the previous release
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00.000000Z')", (version, name))
    conn.execute("INSERT INTO feeds (id, name, url, interval) VALUES (1, 'A', 'http://h/a', 60)")
    conn.execute(
        "INSERT INTO articles (id, key, url, title, text, content_hash, first_seen_at)"
        " VALUES (1, 'guid:1', 'http://news/1', 't', 'x', 'h', '2026-01-01T00:00:00.000000Z')"
    )
    conn.execute(
        "INSERT INTO article_sources VALUES (1, 1, 'guid:1', 'http://news/1', '2026-01-01T00:00:00.000000Z')"
    )
    conn.commit()
    conn.close()
    store = open_store(db)
    assert store.feed(1).last_fetch_seconds is None
    assert store.known_entry_keys(1) == {"guid:1"}
