"""PerHostTransport: a small pool per origin, keep-alive per origin, idle pools closed, busy ones kept."""

from __future__ import annotations

import asyncio

import httpx

from bot.feeds.transport import PerHostTransport
from tests.fakes.raw_http import RawServer, rss_answer

ANSWER = rss_answer(b"<rss/>")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_each_origin_gets_its_own_capped_pool_and_reuses_it() -> None:
    in_flight = peak = 0
    gate, two_in = asyncio.Event(), asyncio.Event()

    async def respond(host: str, path: str) -> bytes:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        if in_flight == 2:
            two_in.set()
        if path == "/held":
            await asyncio.wait_for(gate.wait(), 5.0)
        in_flight -= 1
        return ANSWER

    transport = PerHostTransport(per_host=2)
    async with (
        RawServer(respond) as a,
        RawServer(respond, "127.0.0.2") as b,
        httpx.AsyncClient(transport=transport) as client,
    ):
        held = [asyncio.create_task(client.get(a.base + "/held")) for _ in range(5)]
        await asyncio.wait_for(two_in.wait(), 5.0)
        await asyncio.sleep(0.2)  # time for a third connection, were the pool not capped
        assert peak == 2 and a.connections == 2
        assert (await client.get(b.base + "/x")).status_code == 200  # another origin is not held up
        gate.set()
        assert [r.status_code for r in await asyncio.gather(*held)] == [200] * 5
        for _ in range(3):
            await client.get(b.base + "/x")
        assert transport.origins == 2
        assert (a.connections, b.connections) == (2, 1)  # kept alive and reused per origin


async def test_idle_origins_are_closed_and_busy_ones_kept() -> None:
    async def respond(host: str, path: str) -> bytes:
        return ANSWER

    clock = Clock()
    transport = PerHostTransport(per_host=2, keepalive_expiry=30.0, clock=clock)
    async with (
        RawServer(respond) as a,
        RawServer(respond, "127.0.0.2") as b,
        RawServer(respond, "127.0.0.3") as c,
        httpx.AsyncClient(transport=transport) as client,
    ):
        await client.get(a.base + "/x")
        async with client.stream("GET", b.base + "/x") as busy:  # a response still being read
            clock.now += 31
            await client.get(c.base + "/x")  # the next request prunes: a's pool goes, b's stays
            assert transport.origins == 2
            assert await busy.aread() == b"<rss/>"
        for _ in range(50):
            if a.closed:
                break
            await asyncio.sleep(0.01)
        assert (a.closed, b.closed) == (1, 0)
        clock.now += 31
        await client.get(c.base + "/y")
        assert transport.origins == 1  # b was released when its response closed, and is idle now
        await client.get(a.base + "/x")  # a closed origin simply opens again
        assert a.connections == 2
    assert transport.origins == 0
