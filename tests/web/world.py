"""A real store written the way the bot writes it, with hostile feed text, and the real web server on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.config import Settings, settings_from_mapping
from bot.models import Article, Finding, Label
from bot.service.notify import Outbox
from bot.service.tracking import Tracker
from bot.store import open_store
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline
from bot.web.serve import web_pages
from bot.web.server import WebServer

NOW = datetime(2025, 7, 10, 12, 0, tzinfo=UTC)
HOSTILE_TITLE = 'Deal <script>alert("t")</script> @everyone <@&123>'
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_EVIDENCE = 'US official says Honduras signed <img src=x onerror=alert(1)> "><script>alert(2)</script>'
HOSTILE_SPEAKER = '"><svg onload=alert(3)>'


def build_store(path: Path) -> Path:
    """Baseline + one CLAIM for HN from a hostile article (javascript: link), one from a normal one, and
    their alerts, plus a feed with a failure streak."""
    store = open_store(path)
    try:
        store.sync_feeds([FeedSpec("Wire <b>x</b>", "http://127.0.0.1/w.xml", 600.0),
                          FeedSpec("Desk", "http://127.0.0.1/d.xml", 600.0)])  # fmt: skip
        store.record_fetch(1, ok=False, status="error", error="HTTP 503 <script>x</script>", now=NOW, next_poll_at=NOW)
        outbox = Outbox(store, [])
        tracker = Tracker(store, outbox, clock=lambda: NOW)
        tracker.load_baseline(load_baseline())
        articles = [
            (HOSTILE_TITLE, HOSTILE_URL, HOSTILE_EVIDENCE, HOSTILE_SPEAKER),
            ("Honduras deal reported", "https://news.example/hn-2", "A US official said Honduras agreed.", None),
        ]
        for n, (title, url, evidence, speaker) in enumerate(articles, start=1):
            article = Article(key=f"k{n}", url=url, title=title, text=evidence, published=NOW,
                              content_hash=f"h{n}", lang="en")  # fmt: skip
            finding = Finding(Label.CLAIM, "HN", "en.claim.test", evidence, speaker=speaker)
            with store.transaction():
                aid = store.insert_article(article, now=NOW)
                store.add_source(aid, 1, article, now=NOW)
                store.insert_findings(aid, [finding], now=NOW)
                store.add_alert(
                    dedupe_key=f"finding:{aid}:HN:CLAIM", kind="finding", label="CLAIM", country="HN",
                    title=title, url=url, feed="Wire", rule=finding.rule, evidence=evidence, sinks=[], now=NOW,
                )  # fmt: skip
                tracker.on_findings([(aid, finding)], NOW)
    finally:
        store.close()
    return path


def settings_for(db: Path) -> Settings:
    return settings_from_mapping({"store": {"path": str(db)}, "feeds": []}, source="test")


@asynccontextmanager
async def running(db: Path) -> AsyncIterator[tuple[WebServer, str]]:
    """The real web server on 127.0.0.1 (a free port) over DB, read-only; yields it and its base URL."""
    async with web_pages(settings_for(db)) as server:
        await server.start("127.0.0.1:0")
        try:
            yield server, f"http://127.0.0.1:{server.port}"
        finally:
            await server.stop()
