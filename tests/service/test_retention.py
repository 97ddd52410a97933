"""`[store] keep_articles`: old bodies and finished deliveries go; findings, statements and dedupe keys stay.

The real poller, tracker and outbox on a real store: a Honduras denial is polled, alerted and delivered on
day 0; 200 days later pruning with a 180-day retention blanks its text and drops its finished delivery, keeps
its finding in the tracker's answer, and when a second feed carries the same story it is matched to the
stored article: no second article, no second alert.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import PollSettings, load_settings
from bot.errors import ConfigError
from bot.feeds.fetch import FetchLimits, make_client
from bot.models import Alert
from bot.service.notify import Outbox
from bot.service.poll import Poller
from bot.service.query import Query
from bot.service.retention import Retention
from bot.service.rulebook import RuleBook
from bot.service.tracking import Tracker
from bot.store import open_store
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline
from tests.fakes.feed_server import FeedServer

WEATHER = "<item><title>Weather</title><link>http://x.example/w{n}</link><guid>w{n}</guid></item>"
DENIAL = (
    "<item><title>Honduras denies signing a safe third country agreement</title>"
    "<link>http://x.example/hn</link><guid>hn-{feed}</guid><description>Honduras's foreign ministry denied that "
    "the country signed a safe third country agreement with the United States.</description></item>"
)


def rss(*items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'.encode()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Recorder:
    name = "rec"

    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        self.alerts.append(alert)


async def test_pruning_keeps_what_the_tracker_and_dedupe_need(tmp_path: Path) -> None:
    clock, sink = Clock(), Recorder()
    db = tmp_path / "s.db"
    store = open_store(db)
    outbox = Outbox(store, [sink], clock=clock)
    tracker = Tracker(store, outbox, clock=clock)
    tracker.load_baseline(load_baseline())
    limits = FetchLimits(timeout=3.0)
    async with FeedServer() as srv, make_client(limits) as client:
        poller = Poller(
            store=store, client=client, limits=limits, rulebook=RuleBook(), outbox=outbox,
            settings=PollSettings(jitter=0.0), clock=clock, rng=random.Random(1), on_findings=tracker.on_findings,
        )  # fmt: skip
        srv.add("/a.xml", body=rss(WEATHER.format(n=1)))
        srv.add("/b.xml", body=rss(WEATHER.format(n=2)))
        store.sync_feeds([FeedSpec("A", srv.url("/a.xml"), 600.0), FeedSpec("B", srv.url("/b.xml"), 600.0)])
        await poller.poll(only_due=False)  # first polls: backlog
        srv.add("/a.xml", body=rss(WEATHER.format(n=1), DENIAL.format(feed="a")))
        clock.now += timedelta(hours=1)
        await poller.poll(only_due=False)
        await outbox.deliver_due()
        first = [(a.kind, a.label, a.country) for a in sink.alerts]
        assert ("finding", "DENIAL", "HN") in first
        evidence = Query(store, tracker, clock=clock).country("HN").findings[0].evidence

        clock.now += timedelta(days=200)
        store.add_alert(dedupe_key="fresh", kind="finding", label="CLAIM", title="new", sinks=["rec"], now=clock.now)
        articles = store.article_count()
        with_text = sqlite3.connect(db).execute("SELECT COUNT(*) FROM article_bodies").fetchone()[0]
        assert with_text >= 1
        assert "foreign ministry denied" in (store.article_text(max(range(1, articles + 1))) or "")
        report = await Retention(store, keep=180 * 86400.0, clock=clock, batch=1).prune()
        assert report.bodies == articles and report.deliveries == len(first)  # one batch at a time, to the end

        conn = sqlite3.connect(db)
        assert conn.execute("SELECT COUNT(*) FROM article_bodies").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM deliveries").fetchone()[0] == 1  # the pending one stays
        assert conn.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == len(first) + 1
        conn.close()
        answer = Query(store, tracker, clock=clock).country("HN")
        assert answer.findings[0].evidence == evidence and answer.findings[0].title.startswith("Honduras denies")

        srv.add("/b.xml", body=rss(WEATHER.format(n=2), DENIAL.format(feed="b")))  # the same story, elsewhere
        await poller.poll(only_due=False)
        await outbox.deliver_due()
        assert store.article_count() == articles  # matched to the stored article, not stored again
        assert [a.title for a in sink.alerts[len(first) :]] == ["new"]  # the denial is not alerted again
        again = await Retention(store, keep=180 * 86400.0, clock=clock).prune()
        assert again.bodies == 0
    store.close()


def test_keep_articles_is_validated(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[store]\nkeep_articles = "180d"\n', encoding="utf-8")
    assert load_settings(config).store.keep_articles == 180 * 86400.0
    config.write_text('[store]\nkeep_articles = "2h"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"keep_articles: .*at least a day"):
        load_settings(config)


def test_migration_moves_existing_bodies_into_their_own_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.store import db
    from bot.store.migrations import MIGRATIONS

    monkeypatch.setattr(db, "MIGRATIONS", [m for m in MIGRATIONS if m[0] <= 4])
    conn = db.connect(tmp_path / "old.db")
    assert db.migrate(conn) == 4
    conn.execute(
        "INSERT INTO articles (key, url, title, text, content_hash, first_seen_at) "
        "VALUES ('k', 'http://x.example/1', 't', 'the body', 'h', '2025-01-01T00:00:00.000000Z')"
    )
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    assert db.migrate(conn) == max(m[0] for m in MIGRATIONS)
    assert [tuple(r) for r in conn.execute("SELECT text FROM articles")] == [("",)]
    assert [tuple(r) for r in conn.execute("SELECT article_id, text FROM article_bodies")] == [(1, "the body")]
    conn.close()
