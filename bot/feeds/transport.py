"""One small connection pool per origin, behind one httpx client.

httpcore's pool re-scans every connection it holds on each request and each release (O(n²) per pass in
1.0.x), so one shared pool sized for 64+ fetches at once spent most of a 10,000-feed cycle's CPU in that
scan (bench/README.md). Feeds come from many sites, so a pool per origin holds only the few connections
that origin may have (`per_host`), each pass is tiny, and keep-alive still works per site. Pools of
origins not used for a while are closed, so polling thousands of sites does not keep thousands of idle
sockets open until each site's next poll.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx

__all__ = ["PerHostTransport"]

Origin = tuple[bytes, bytes, int | None]


@dataclass
class _Pool:
    transport: httpx.AsyncHTTPTransport
    last_used: float
    active: int = 0


class _TrackedStream(httpx.AsyncByteStream):
    """A response body that tells its pool when it is closed (the connection is then free again)."""

    def __init__(self, inner: httpx.AsyncByteStream, done: Callable[[], None]) -> None:
        self._inner = inner
        self._done: Callable[[], None] | None = done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._done is not None:
                self._done()
                self._done = None


class PerHostTransport(httpx.AsyncBaseTransport):
    """Routes each request to its origin's own pool of at most `per_host` connections."""

    def __init__(
        self,
        *,
        per_host: int,
        keepalive_expiry: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = httpx.Limits(
            max_connections=per_host, max_keepalive_connections=per_host, keepalive_expiry=keepalive_expiry
        )
        self._expiry = keepalive_expiry
        # One TLS context for every pool: building one loads the CA bundle (tens of ms each).
        self._ssl = ssl_context or httpx.create_ssl_context()
        self._clock = clock
        self._pools: dict[Origin, _Pool] = {}
        self._next_prune = clock() + keepalive_expiry

    @property
    def origins(self) -> int:
        """Origins with a pool open now."""
        return len(self._pools)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        now = self._clock()
        if now >= self._next_prune:
            await self._prune(now)
        origin = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        pool = self._pools.get(origin)
        if pool is None:
            pool = _Pool(httpx.AsyncHTTPTransport(verify=self._ssl, limits=self._limits), now)
            self._pools[origin] = pool
        pool.last_used = now
        pool.active += 1
        try:
            response = await pool.transport.handle_async_request(request)
        except BaseException:
            pool.active -= 1
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _TrackedStream(response.stream, lambda: self._release(pool))
        return response

    def _release(self, pool: _Pool) -> None:
        pool.active -= 1
        pool.last_used = self._clock()

    async def _prune(self, now: float) -> None:
        """Close the pools of origins idle past the keep-alive expiry (their connections are stale anyway)."""
        self._next_prune = now + self._expiry
        idle = [o for o, p in self._pools.items() if p.active == 0 and now - p.last_used >= self._expiry]
        for origin in idle:
            await self._pools.pop(origin).transport.aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.transport.aclose()
