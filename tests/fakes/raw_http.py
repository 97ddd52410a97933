"""A bare HTTP/1.1 keep-alive server on loopback for tests that must see exactly what arrives and when.

`respond(host, path)` is awaited for every request (it may hold the request to test concurrency) and
returns the full answer bytes; the connection is kept for the next request, as httpx expects.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

Responder = Callable[[str, str], Awaitable[bytes]]


def rss_answer(body: bytes) -> bytes:
    """A 200 answer carrying an RSS body."""
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


class RawServer:
    """Serves `respond` on one loopback address; counts the TCP connections it accepted and saw closed."""

    def __init__(self, respond: Responder, host: str = "127.0.0.1") -> None:
        self.respond = respond
        self.host = host
        self.connections = 0
        self.closed = 0
        self._server: asyncio.Server | None = None
        self.base = ""

    async def __aenter__(self) -> RawServer:
        self._server = await asyncio.start_server(self._handle, self.host, 0)
        self.base = f"http://{self.host}:{self._server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                writer.write(await self.respond(self.host, head.split(b" ", 2)[1].decode()))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.closed += 1
            writer.close()
