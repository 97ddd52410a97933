"""fetch: real HTTP against the fake feed server on 127.0.0.1 (conditional GET, limits, failures)."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from bot.errors import FeedParseError
from bot.feeds.fetch import FetchLimits, FetchResult, fetch_feed, make_client, parse_retry_after
from bot.feeds.parse import parse_feed
from tests.fakes.feed_server import FeedServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
RSS = (FIXTURES / "rss_basic.xml").read_bytes()
LIMITS = FetchLimits(timeout=2.0, max_bytes=200_000, max_redirects=3)
LAST_MODIFIED = "Tue, 01 Jul 2025 10:00:00 GMT"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(LIMITS) as c:
        yield c


async def get(client: httpx.AsyncClient, url: str, **kwargs: object) -> FetchResult:
    return await fetch_feed(client, url, limits=LIMITS, **kwargs)  # type: ignore[arg-type]


# --- success and conditional GET -------------------------------------------------------------------------


async def test_ok_fetch_returns_body_and_validators(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/a.xml", RSS, etag='"v1"', last_modified=LAST_MODIFIED)
    result = await get(client, url)
    assert result.outcome == "ok"
    assert result.http_status == 200
    assert result.body == RSS
    assert result.content_type == "application/rss+xml; charset=utf-8"
    assert (result.etag, result.last_modified) == ('"v1"', LAST_MODIFIED)
    assert result.final_url == url
    assert result.error is None
    assert result.retry_after is None
    assert 0 <= result.elapsed < 2
    (request,) = server.requests_for("/a.xml")
    assert request.headers["user-agent"] == LIMITS.user_agent
    assert "if-none-match" not in request.headers
    assert "if-modified-since" not in request.headers


async def test_second_conditional_get_gets_304_then_new_body_after_swap(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    url = server.add("/a.xml", RSS, etag='"v1"', last_modified=LAST_MODIFIED)
    first = await get(client, url)
    second = await get(client, url, etag=first.etag, last_modified=first.last_modified)
    assert second.outcome == "not_modified"
    assert second.http_status == 304
    assert second.body is None
    assert second.error is None
    assert (second.etag, second.last_modified) == ('"v1"', LAST_MODIFIED)
    sent = server.requests_for("/a.xml")[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == LAST_MODIFIED

    server.set_body("/a.xml", b"<rss version='2.0'><channel><title>new</title></channel></rss>", etag='"v2"')
    third = await get(client, url, etag=second.etag, last_modified=second.last_modified)
    assert third.outcome == "ok"
    assert third.body is not None
    assert b"new" in third.body
    assert third.etag == '"v2"'


async def test_if_modified_since_alone_yields_304(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/lm.xml", RSS, last_modified=LAST_MODIFIED)
    result = await get(client, url, last_modified=LAST_MODIFIED)
    assert result.outcome == "not_modified"
    assert result.etag is None
    assert result.last_modified == LAST_MODIFIED
    stale = await get(client, url, last_modified="Mon, 30 Jun 2025 10:00:00 GMT")
    assert stale.outcome == "ok"


async def test_stale_etag_gets_full_body(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/a.xml", RSS, etag='"v2"')
    result = await get(client, url, etag='"v1"')
    assert (result.outcome, result.body) == ("ok", RSS)


async def test_redirect_is_followed_and_final_url_reported(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    target = server.add("/new.xml", RSS)
    url = server.add_redirect("/old.xml", "/new.xml", status=301)
    result = await get(client, url)
    assert result.outcome == "ok"
    assert result.final_url == target
    assert result.body == RSS


# --- HTTP errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 500, 502])
async def test_http_errors(server: FeedServer, client: httpx.AsyncClient, status: int) -> None:
    url = server.add("/err.xml", b"nope", status=status, headers={"Retry-After": "30"})
    result = await get(client, url)
    assert result.outcome == "error"
    assert result.error == f"HTTP {status}"
    assert result.http_status == status
    assert result.body is None
    assert result.retry_after is None  # only 429 and 503 carry a meaningful Retry-After


async def test_unknown_path_is_404(server: FeedServer, client: httpx.AsyncClient) -> None:
    result = await get(client, server.url("/missing.xml"))
    assert (result.outcome, result.error, result.http_status) == ("error", "HTTP 404", 404)


async def test_429_retry_after_seconds(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/busy.xml", b"", status=429, headers={"Retry-After": "120"})
    result = await get(client, url)
    assert (result.outcome, result.error, result.retry_after) == ("error", "HTTP 429", 120.0)


async def test_503_retry_after_http_date(server: FeedServer, client: httpx.AsyncClient) -> None:
    when = datetime.fromtimestamp(time.time() + 3600, tz=UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    url = server.add("/down.xml", b"", status=503, headers={"Retry-After": when})
    result = await get(client, url)
    assert result.error == "HTTP 503"
    assert result.retry_after is not None
    assert 3590 <= result.retry_after <= 3600


def test_parse_retry_after_forms() -> None:
    now = datetime(2025, 7, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now=now) == 120.0
    assert parse_retry_after(" 0 ", now=now) == 0.0
    assert parse_retry_after("Tue, 01 Jul 2025 12:05:00 GMT", now=now) == 300.0
    assert parse_retry_after("Tue, 01 Jul 2025 11:00:00 GMT", now=now) == 0.0  # in the past
    for bad in (None, "", "soon", "-5", "1.5"):
        assert parse_retry_after(bad, now=now) is None


# --- limits and hostile servers --------------------------------------------------------------------------


async def test_slow_response_times_out(server: FeedServer) -> None:
    url = server.add("/slow.xml", RSS, delay=3.0)
    limits = FetchLimits(timeout=0.3)
    started = time.monotonic()
    async with make_client(limits) as c:
        result = await fetch_feed(c, url, limits=limits)
    assert (result.outcome, result.error) == ("error", "timeout after 0.3s")
    assert time.monotonic() - started < 1.5


async def test_slow_drip_is_cut_by_the_total_deadline(server: FeedServer, client: httpx.AsyncClient) -> None:
    # Each read arrives well within the per-read timeout (2 s); only a whole-fetch deadline stops this.
    url = server.add("/drip.xml", RSS, drip_bytes=16, drip_interval=0.05)
    started = time.monotonic()
    result = await fetch_feed(client, url, limits=LIMITS, deadline=0.5)
    assert (result.outcome, result.error) == ("error", "timeout after 0.5s")
    assert result.http_status == 200
    assert time.monotonic() - started < 1.5
    assert server.hits("/drip.xml") == 1


async def test_limits_timeout_is_the_default_total_deadline(server: FeedServer) -> None:
    url = server.add("/drip.xml", RSS, drip_bytes=16, drip_interval=0.05)
    limits = FetchLimits(timeout=0.4)
    async with make_client(limits) as c:
        result = await fetch_feed(c, url, limits=limits)
    assert result.error == "timeout after 0.4s"
    assert result.elapsed < 1.2


async def test_declared_oversized_body_is_refused(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/huge.xml", filler_size=50_000_000)
    result = await get(client, url)
    assert (result.outcome, result.error) == ("error", "body exceeds 200000 bytes")
    assert result.body is None
    assert result.elapsed < 1.5


async def test_undeclared_oversized_body_is_cut_while_streaming(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    url = server.add("/huge.xml", filler_size=50_000_000, chunked=True)
    result = await get(client, url)
    assert (result.outcome, result.error) == ("error", "body exceeds 200000 bytes")
    assert result.elapsed < 1.5


async def test_body_at_the_limit_is_accepted(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/edge.xml", filler_size=LIMITS.max_bytes, chunked=True)
    result = await get(client, url)
    assert result.outcome == "ok"
    assert result.body is not None
    assert len(result.body) == LIMITS.max_bytes


async def test_redirect_loop(server: FeedServer, client: httpx.AsyncClient) -> None:
    server.add_redirect("/loop-a", "/loop-b")
    server.add_redirect("/loop-b", "/loop-a")
    result = await get(client, server.url("/loop-a"))
    assert (result.outcome, result.error) == ("error", "too many redirects")
    assert server.hits("/loop-a") + server.hits("/loop-b") == LIMITS.max_redirects + 1


async def test_connection_reset(server: FeedServer, client: httpx.AsyncClient) -> None:
    result = await get(client, server.add_reset("/reset.xml"))
    assert result.outcome == "error"
    assert result.error is not None
    assert result.error.startswith(("connection reset", "connection closed by server"))
    assert result.http_status is None


async def test_connection_refused(client: httpx.AsyncClient) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = await get(client, f"http://127.0.0.1:{port}/feed.xml")
    assert result.outcome == "error"
    assert result.error is not None
    assert result.error.startswith("connection failed: ")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed.xml", "not a url", "http://"])
async def test_bad_urls_become_errors(client: httpx.AsyncClient, url: str) -> None:
    result = await get(client, url)
    assert result.outcome == "error"
    assert result.error is not None
    assert result.error.startswith("invalid URL: ")


# --- fetch + parse end to end ----------------------------------------------------------------------------


async def test_wrong_charset_end_to_end(server: FeedServer, client: httpx.AsyncClient) -> None:
    body = (FIXTURES / "cp1252_declared_utf8.xml").read_bytes()
    url = server.add("/cp1252.xml", body, content_type="application/rss+xml; charset=utf-8")
    result = await get(client, url)
    assert result.body is not None
    feed = parse_feed(result.body, feed_url=url, content_type=result.content_type)
    assert feed.entries[0].title == '"Ningún acuerdo firmado", dice la cancillería de Panamá'


async def test_missing_charset_end_to_end(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/latin1.xml", (FIXTURES / "latin1_no_decl.xml").read_bytes(), content_type="text/xml")
    result = await get(client, url)
    assert result.body is not None
    (entry,) = parse_feed(result.body, feed_url=url, content_type=result.content_type).entries
    assert entry.text == "El ministro señaló que la reunión fue técnica... y que no habrá anuncios."


async def test_html_page_end_to_end(server: FeedServer, client: httpx.AsyncClient) -> None:
    page = (FIXTURES / "not_a_feed.html").read_bytes()
    url = server.add("/feed", page, content_type="text/html; charset=utf-8")
    result = await get(client, url)
    assert result.outcome == "ok"
    assert result.body is not None
    with pytest.raises(FeedParseError, match="not a feed: got an HTML page"):
        parse_feed(result.body, feed_url=url, content_type=result.content_type)


async def test_malformed_xml_end_to_end(server: FeedServer, client: httpx.AsyncClient) -> None:
    url = server.add("/bad.xml", (FIXTURES / "malformed.xml").read_bytes())
    result = await get(client, url)
    assert result.body is not None
    with pytest.raises(FeedParseError, match="malformed XML"):
        parse_feed(result.body, feed_url=url, content_type=result.content_type)


# --- the fake server itself, from sync code --------------------------------------------------------------


def test_fake_server_works_from_sync_code(server: FeedServer) -> None:
    url = server.add("/s.xml", "<rss/>", etag='W/"x"')
    with httpx.Client() as c:
        assert c.get(url).text == "<rss/>"
        assert c.get(url, headers={"If-None-Match": '"x"'}).status_code == 304
        assert c.get(url, headers={"If-None-Match": "*"}).status_code == 304
        assert c.head(url).headers["content-length"] == "6"
    assert [r.method for r in server.requests] == ["GET", "GET", "GET", "HEAD"]
    server.clear_requests()
    assert server.requests == []
