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
    assert store.outbox_counts() == {"pending": 1, "delivered": 1, "failed": 0}
    assert store.oldest_pending_at() == NOW
    found = store.tracking.findings("HN", limit=10)
    assert [(f.label, f.outlets) for f in found] == [("DENIAL", 0)]
