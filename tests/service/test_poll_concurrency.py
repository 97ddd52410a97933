"""How the poller spends its fetch slots: `http.concurrency` really runs at once (the connection pool must
not cap it), never more than `per_host_concurrency` against one host, and feeds that were slow last time
start first, in a lane of their own that never takes the other feeds' slots.

Raw loopback servers hold requests until the expected number are in flight (or a grace period passes),
so what they see is what the poller allowed, not an artefact of timing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from pathlib import Path

from bot.app import fetch_limits
from bot.config import HttpSettings, PollSettings, Settings
from bot.feeds.fetch import make_client
from bot.models import FeedState
from bot.service.notify import Outbox
from bot.service.poll import CycleReport, Poller
from bot.service.rulebook import RuleBook
from bot.store import open_store
from bot.store.repo import FeedSpec
from bot.store.timefmt import utcnow
from tests.fakes.raw_http import RawServer, Responder, rss_answer

ANSWER = rss_answer(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>')


class HoldingServer:
    """Answers each GET only once `target` requests are in flight or `grace` seconds have passed."""

    def __init__(self, target: int, grace: float) -> None:
        self.target = target
        self.grace = grace
        self.in_flight: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.peak_total = 0
        self.released = asyncio.Event()

    async def respond(self, host: str, path: str) -> bytes:
        self.in_flight[host] += 1
        self.peak[host] = max(self.peak[host], self.in_flight[host])
        self.peak_total = max(self.peak_total, sum(self.in_flight.values()))
        if self.peak_total >= self.target:
            self.released.set()
        try:
            await asyncio.wait_for(self.released.wait(), self.grace)
        except TimeoutError:
            self.released.set()
        self.in_flight[host] -= 1
        return ANSWER


async def poll_once(
    tmp_path: Path,
    respond: Responder,
    feeds: dict[str, list[tuple[str, float | None]]],
    http: HttpSettings,
) -> tuple[CycleReport, list[FeedState]]:
    """One cycle over `feeds` ({host: [(path, last fetch seconds or None)]}), in that configuration order."""
    async with contextlib.AsyncExitStack() as stack:
        specs, seconds = [], []
        for host, paths in feeds.items():
            server = await stack.enter_async_context(RawServer(respond, host))
            for path, last in paths:
                specs.append(FeedSpec(f"{host}{path}", server.base + path, 600.0))
                seconds.append(last)
        store = open_store(tmp_path / "s.db")
        stack.callback(store.close)
        states = store.sync_feeds(specs)
        for feed, last in zip(states, seconds, strict=True):
            if last is not None:
                store.record_fetch(feed.id, now=utcnow(), ok=True, status="ok", next_poll_at=utcnow(), seconds=last)
        limits = fetch_limits(Settings(http=http))
        client = await stack.enter_async_context(make_client(limits))
        poller = Poller(
            store=store, client=client, limits=limits, rulebook=RuleBook(), outbox=Outbox(store, []),
            settings=PollSettings(), concurrency=http.concurrency, per_host=http.per_host_concurrency,
        )  # fmt: skip
        report = await poller.poll(only_due=False)
        assert [o.status for o in report.outcomes] == ["ok"] * len(specs)
        return report, states


def fresh(n: int) -> list[tuple[str, float | None]]:
    return [(f"/{i}.xml", None) for i in range(n)]


async def test_concurrency_above_the_old_pool_size_is_honoured(tmp_path: Path) -> None:
    server = HoldingServer(target=100, grace=10.0)
    http = HttpSettings(concurrency=100, per_host_concurrency=64)
    await poll_once(tmp_path, server.respond, {"127.0.0.1": fresh(60), "127.0.0.2": fresh(60)}, http)
    assert server.peak_total == 100  # two hosts: the overall cap binds, and the pool does not cut it to 64
    assert all(peak <= 64 for peak in server.peak.values())


async def test_per_host_cap_holds_while_other_hosts_proceed(tmp_path: Path) -> None:
    server = HoldingServer(target=1000, grace=0.5)  # never reached: hold each batch for the grace period
    http = HttpSettings(concurrency=100, per_host_concurrency=3)
    await poll_once(tmp_path, server.respond, {"127.0.0.1": fresh(10), "127.0.0.2": fresh(10)}, http)
    assert server.peak == Counter({"127.0.0.1": 3, "127.0.0.2": 3})


async def test_slow_feeds_start_first_in_a_lane_of_their_own(tmp_path: Path) -> None:
    """Five feeds that were slow last time and eight fast ones, four slots: the slow ones go first (slowest
    first) in their own four slots, and every fast feed is answered while they are all stuck."""
    order: list[str] = []
    stuck = peak_stuck = served_fast = 0
    fast_done = asyncio.Event()

    async def respond(host: str, path: str) -> bytes:
        nonlocal stuck, peak_stuck, served_fast
        order.append(path)
        if path.startswith("/slow"):
            stuck += 1
            peak_stuck = max(peak_stuck, stuck)
            with contextlib.suppress(TimeoutError):  # without the lane, fast feeds never come
                await asyncio.wait_for(fast_done.wait(), 5.0)
            stuck -= 1
        else:
            served_fast += 1
            if served_fast == 12:
                fast_done.set()
        return ANSWER

    feeds = [(f"/fast{i}.xml", 0.05) for i in range(12)] + [(f"/slow{i}.xml", 2.0 + i) for i in range(5)]
    http = HttpSettings(concurrency=4, per_host_concurrency=64)
    report, states = await poll_once(tmp_path, respond, {"127.0.0.1": feeds}, http)
    assert [o.feed for o in report.outcomes] == [f.name for f in states]  # reported in configuration order
    assert order[:4] == ["/slow4.xml", "/slow3.xml", "/slow2.xml", "/slow1.xml"]  # the slowest start first
    assert peak_stuck == 4  # the lane is as wide as the regular one
    assert fast_done.is_set() and order[-1] == "/slow0.xml"


async def test_after_a_busy_cycle_no_feed_is_put_in_the_slow_lane(tmp_path: Path) -> None:
    """After a backlog every fetch took long because the bot was busy: nobody is singled out as slow (so
    nobody gets the slow lane's extra slots)."""
    server = HoldingServer(target=8, grace=0.5)
    feeds = [(f"/{i}.xml", 1.5 + i / 10) for i in range(8)]  # all past the absolute bar, none 4x the median
    feeds += [(f"/new{i}.xml", None) for i in range(8)]
    http = HttpSettings(concurrency=4, per_host_concurrency=64)
    await poll_once(tmp_path, server.respond, {"127.0.0.1": feeds}, http)
    assert server.peak_total == 4
