"""Runner: a cycle that outlasts the tick neither stacks nor drops work, and stopping cancels a cycle that is
still fetching but not a delivery in flight."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from bot.metrics import Metrics
from bot.service.poll import CycleReport
from bot.service.runner import Runner
from bot.store.timefmt import utcnow


class HangingPoller:
    """poll() waits until released (a feed hanging on its fetch)."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.started = 0
        self.cancelled = 0

    async def poll(self) -> CycleReport:
        self.started += 1
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        return CycleReport(started_at=utcnow())

    async def settle(self) -> None:
        return None


class SlowOutbox:
    """deliver_due() takes DELAY seconds; counts the runs that finished."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.finished = 0
        self.sinks: list[Any] = []

    async def deliver_due(self) -> int:
        await asyncio.sleep(self.delay)
        self.finished += 1
        return 0


def app(poller: HangingPoller, outbox: SlowOutbox) -> Any:
    settings = SimpleNamespace(
        poll=SimpleNamespace(tick=3600.0), rules=SimpleNamespace(reload=False), feeds=[],
        store=SimpleNamespace(keep_articles=None),
    )
    return SimpleNamespace(settings=settings, poller=poller, outbox=outbox, metrics=Metrics(), rulebook=None)


async def until(predicate: Any) -> None:
    async with asyncio.timeout(5):
        while not predicate():  # noqa: ASYNC110 - polling state the fakes keep, not an event
            await asyncio.sleep(0.01)


async def test_work_requested_during_a_long_cycle_runs_once_after_it() -> None:
    poller, outbox = HangingPoller(), SlowOutbox()
    runner = Runner(app(poller, outbox))
    runner.start()  # the poll job runs at once
    try:
        await until(lambda: poller.started == 1)
        for _ in range(5):  # five delivery ticks and two poll ticks while the cycle hangs
            await runner._request("deliver", runner._deliver)
        for _ in range(2):
            await runner._request("poll", runner._poll_and_deliver)
        assert poller.started == 1 and outbox.finished == 0  # nothing stacked beside the cycle
        poller.release.set()
        await until(lambda: poller.started == 2 and outbox.finished == 3)
        await asyncio.sleep(0.05)
        assert (poller.started, outbox.finished) == (2, 3)  # cycle + its delivery, one delivery, one more cycle
    finally:
        await runner.stop()


async def test_stop_cancels_a_fetching_cycle_at_once() -> None:
    poller, outbox = HangingPoller(), SlowOutbox()
    runner = Runner(app(poller, outbox))
    runner.start()
    await until(lambda: poller.started == 1)
    async with asyncio.timeout(1):
        await runner.stop()
    assert poller.cancelled == 1
    assert outbox.finished == 1  # the last delivery pass still ran
    assert not runner.alive


async def test_stop_lets_a_delivery_in_flight_finish() -> None:
    poller, outbox = HangingPoller(), SlowOutbox(delay=0.3)
    poller.release.set()
    runner = Runner(app(poller, outbox))
    runner.start()
    await until(lambda: poller.started == 1)
    await asyncio.sleep(0.05)  # the cycle is done; its delivery is under way
    await runner.stop()
    assert poller.cancelled == 0
    assert outbox.finished == 2  # the cycle's delivery finished, then the final pass
