"""A real store with the real baseline, tracker and reviewer, and a finding alert queued as the poller queues it.

Shared by the Discord and Slack review round-trip tests (the chat fakes stand in for the platforms).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.models import Alert, Article, Finding, Label
from bot.service.notify import Outbox, Sink
from bot.service.review import LockedReviewer, Reviewer
from bot.service.tracking import Tracker
from bot.store import Store, open_store
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline

NOW = datetime(2025, 7, 10, 12, 0, tzinfo=UTC)


class ReviewWorld:
    """Store + tracker + reviewer on one clock; `outbox(sinks)` wires the chat sinks once the adapter is up."""

    def __init__(self, tmp_path: Path) -> None:
        self.store: Store = open_store(tmp_path / "review.db")
        self.store.sync_feeds([FeedSpec("Wire", "http://127.0.0.1/w.xml", 600.0)])
        self.now = NOW
        self.box = Outbox(self.store, [], clock=self.clock)
        self.tracker = Tracker(self.store, self.box, clock=self.clock)
        self.tracker.load_baseline(load_baseline())
        self.reviews = LockedReviewer(Reviewer(self.store, self.tracker, clock=self.clock), threading.Lock())

    def clock(self) -> datetime:
        return self.now

    def add_sinks(self, sinks: list[Sink]) -> None:
        self.box.add_sinks(sinks)

    def finding_alert(self, label: Label, country: str, evidence: str) -> tuple[int, Alert]:
        """Store an article with one finding and queue its finding alert (extra carries the finding id)."""
        self.now += timedelta(minutes=1)
        n = self.store.article_count() + 1
        article = Article(key=f"k{n}", url=f"https://news.example/{n}", title=f"Story {n} <@&1> @everyone",
                          text=evidence, published=self.now, content_hash=f"h{n}", lang="en")
        finding = Finding(label, country, f"en.{label.lower()}.rule", evidence)
        with self.store.transaction():
            aid = self.store.insert_article(article, now=self.now)
            self.store.add_source(aid, 1, article, now=self.now)
            self.store.insert_findings(aid, [finding], now=self.now)
            fid = self.store.finding_id(aid, country, str(label))
            assert fid is not None
            alert = self.store.add_alert(
                dedupe_key=f"finding:{aid}:{country}:{label}", kind="finding", label=str(label), country=country,
                title=article.title, url=article.url, feed="Wire", rule=finding.rule, evidence=evidence,
                extra={"explanation": "", "speaker": None, "finding_id": fid},
                sinks=self.box.sinks_for(kind="finding", label=str(label), country=country), now=self.now,
            )
            self.tracker.on_findings([(aid, finding)], self.now)
        assert alert is not None
        return fid, alert

    def status(self, country: str) -> str:
        return str(self.tracker.compute(country).status)

    def close(self) -> None:
        self.store.close()
