"""fetch: 304s and small error pages leave the connection reusable (one TCP connection for many polls)."""

from __future__ import annotations

from bot.feeds.fetch import FetchLimits, fetch_feed, make_client
from tests.fakes.raw_http import RawServer

ANSWERS = {
    "/304": b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n',
    "/500": b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!",
    "/200": b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 7\r\n\r\n<rss/>\n",
}


async def test_not_modified_and_error_answers_keep_the_connection() -> None:
    async def respond(host: str, path: str) -> bytes:
        return ANSWERS[path]

    limits = FetchLimits(timeout=5.0)
    async with RawServer(respond) as server, make_client(limits) as client:
        outcomes = []
        for path in ("/304", "/500", "/304", "/200", "/500", "/304"):
            result = await fetch_feed(client, server.base + path, etag='"v1"', limits=limits)
            outcomes.append(result.outcome)
    assert outcomes == ["not_modified", "error", "not_modified", "ok", "error", "not_modified"]
    assert server.connections == 1
