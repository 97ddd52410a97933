"""Poller behaviour around failures: backoff, Retry-After, one notice per outage, recovery notice."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from bot.config import PollSettings
from bot.feeds.fetch import FetchLimits, make_client
from bot.models import Alert
from bot.service.notify import Outbox
from bot.service.poll import Poller
from bot.service.rulebook import RuleBook
from bot.store import Store, open_store
from bot.store.repo import FeedSpec
from tests.fakes.feed_server import FeedServer

RSS = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>Weather report</title><link>http://x.example/1</link><guid>1</guid></item></channel></rss>"""


class Recorder:
    name = "rec"

    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        self.alerts.append(alert)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make(store: Store, client: httpx.AsyncClient, clock: Clock, sink: Recorder) -> tuple[Poller, Outbox]:
    outbox = Outbox(store, [sink], clock=clock)
    poller = Poller(
        store=store, client=client, limits=FetchLimits(timeout=2.0), rulebook=RuleBook(), outbox=outbox,
        settings=PollSettings(failure_notice_after=3, jitter=0.0), clock=clock, rng=random.Random(1),
    )
    return poller, outbox


async def test_failures_back_off_and_notify_once_per_outage(tmp_path: Path) -> None:
    clock, sink = Clock(), Recorder()
    store = open_store(tmp_path / "s.db")
    limits = FetchLimits(timeout=2.0)
    async with FeedServer() as srv, make_client(limits) as client:
        srv.add("/f.xml", status=500, body=b"down")
        store.sync_feeds([FeedSpec("Flaky", srv.url("/f.xml"), 600.0)])
        poller, outbox = make(store, client, clock, sink)
        delays = []
        for _ in range(5):
            await poller.poll(only_due=False)
            feed = store.feeds()[0]
            assert feed.next_poll_at is not None
            delays.append((feed.next_poll_at - clock.now).total_seconds())
            clock.now += timedelta(hours=1)
        await outbox.deliver_due()
        assert delays == [600.0, 1200.0, 2400.0, 4800.0, 9600.0]
        notices = [a for a in sink.alerts if a.kind == "feed_health"]
        assert len(notices) == 1 and "is failing" in notices[0].title and "HTTP 500" in notices[0].title

        srv.add("/f.xml", body=RSS)
        await poller.poll(only_due=False)
        await poller.poll(only_due=False)
        await outbox.deliver_due()
        notices = [a for a in sink.alerts if a.kind == "feed_health"]
        assert [n.extra["state"] for n in notices] == ["down", "up"]
        assert store.feeds()[0].error_streak == 0
    store.close()


async def test_retry_after_is_a_floor_for_the_next_poll(tmp_path: Path) -> None:
    clock, sink = Clock(), Recorder()
    store = open_store(tmp_path / "s.db")
    async with FeedServer() as srv, make_client(FetchLimits(timeout=2.0)) as client:
        srv.add("/busy.xml", status=429, body=b"slow down", headers={"Retry-After": "7200"})
        store.sync_feeds([FeedSpec("Busy", srv.url("/busy.xml"), 60.0)])
        poller, _ = make(store, client, clock, sink)
        await poller.poll()
        feed = store.feeds()[0]
        assert feed.next_poll_at is not None
        assert (feed.next_poll_at - clock.now).total_seconds() == 7200.0
        assert "429" in (feed.last_error or "")
        # Not due yet: a scheduled cycle does not fetch it again.
        await poller.poll()
        assert len(srv.requests_for("/busy.xml")) == 1
    store.close()
