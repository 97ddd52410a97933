"""Fetch one feed over HTTP with conditional GET and hard limits; never raises for network trouble.

A poll loop over many hosts must survive any one of them misbehaving (slow, huge, looping, resetting), so
every failure becomes a FetchResult with a short reason the `feeds` command and chat notices can show.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

import httpx

from bot.feeds.addresses import DEFAULT_POLICY, AddressPolicy
from bot.feeds.transport import PerHostTransport

__all__ = ["DEFAULT_LIMITS", "FetchLimits", "FetchResult", "fetch_feed", "make_client", "parse_retry_after"]

_ACCEPT = ", ".join(
    (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml;q=0.9",
        "application/xml;q=0.9",
        "text/xml;q=0.9",
        "*/*;q=0.5",
    )
)
_MAX_ERROR_CHARS = 200
_MAX_DRAIN_BYTES = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """Per-fetch limits; `timeout` bounds the whole fetch (connect + headers + body), not only each read.

    `max_redirects` and the connection pools (`per_host` connections per origin) live on the client, so pass
    the same limits to make_client.
    """

    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    per_host: int = 4
    user_agent: str = "stcwatch/0.1 (+https://github.com/stcwatch/stcwatch)"


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True)
class FetchResult:
    """What happened to one fetch. Error results carry `error`; not_modified results carry no body."""

    outcome: Literal["ok", "not_modified", "error"]
    http_status: int | None
    body: bytes | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    final_url: str | None
    error: str | None
    retry_after: float | None
    elapsed: float


def _timeouts(limits: FetchLimits) -> httpx.Timeout:
    """Per-operation timeouts; connecting gets at most 10 s so a black-holed host fails fast."""
    return httpx.Timeout(limits.timeout, connect=min(limits.timeout, 10.0))


def make_client(limits: FetchLimits) -> httpx.AsyncClient:
    """One shared client for all feeds: capped redirects, timeouts, our UA, a small pool per origin."""
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        timeout=_timeouts(limits),
        headers={"User-Agent": limits.user_agent, "Accept": _ACCEPT},
        # Each origin keeps up to `per_host` connections alive, so hosts serving many feeds reuse them (no
        # new TCP and TLS handshake per feed); overall concurrency is the poller's to bound.
        transport=PerHostTransport(per_host=limits.per_host, keepalive_expiry=30.0),
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None when absent or invalid."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT by definition
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _short(exc: BaseException) -> str:
    """The first non-empty message along the exception chain (httpx often wraps an errno message)."""
    current: BaseException | None = exc
    text = ""
    for _ in range(5):
        if current is None:
            break
        text = str(current).strip()
        if text:
            break
        current = current.__cause__ or current.__context__
    text = text or type(exc).__name__
    return text if len(text) <= _MAX_ERROR_CHARS else text[: _MAX_ERROR_CHARS - 1] + "…"


def _describe(exc: Exception, total: float) -> str:
    """A short, stable reason for a failed fetch."""
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return f"timeout after {total:g}s"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {_short(exc)}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection closed by server: {_short(exc)}"
    if isinstance(exc, httpx.ReadError | httpx.WriteError | ConnectionError):
        return f"connection reset: {_short(exc)}"
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"invalid URL: {_short(exc)}"
    if isinstance(exc, httpx.DecodingError):
        return f"undecodable body: {_short(exc)}"
    return f"{type(exc).__name__}: {_short(exc)}"


async def _drain(resp: httpx.Response) -> None:
    """Read a small unwanted body (a 304's is empty) so the connection goes back to the pool.

    httpx closes a connection whose response was left unread; without this every 304 and every error page
    cost a new TCP (and TLS) connection. A large or unsized body is left alone and its connection closed.
    """
    declared = resp.headers.get("content-length", "")
    if resp.status_code == 304 or (declared.isdigit() and int(declared) <= _MAX_DRAIN_BYTES):
        await resp.aread()


def _host(url: httpx.URL) -> tuple[str, int | None]:
    """The service a URL names: host and port (None for the scheme's default, so http -> https is the same)."""
    return url.host.lower().rstrip("."), url.port


def _peer_refusal(resp: httpx.Response, policy: AddressPolicy) -> str | None:
    """Check the address actually connected to (a name may resolve differently at connect time than when
    it was checked); the request was made, but nothing from it is read."""
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return None
    try:
        ip = ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
    except ValueError:
        return None
    if policy.internal(ip):
        return f"redirect to {resp.url.host} refused: it connected to internal address {ip}"
    return None


class _Fetch:
    """State of one fetch so each exit path builds its FetchResult the same way."""

    def __init__(self, url: str, started: float) -> None:
        self.url = url
        self.started = started
        self.status: int | None = None
        self.final_url: str | None = None

    def error(self, message: str, *, retry_after: float | None = None) -> FetchResult:
        return FetchResult(
            outcome="error",
            http_status=self.status,
            body=None,
            content_type=None,
            etag=None,
            last_modified=None,
            final_url=self.final_url,
            error=message,
            retry_after=retry_after,
            elapsed=time.monotonic() - self.started,
        )

    async def run(
        self,
        client: httpx.AsyncClient,
        headers: dict[str, str],
        limits: FetchLimits,
        sent: tuple[str | None, str | None],
        policy: AddressPolicy,
    ) -> FetchResult:
        """Follow redirects ourselves so each hop to another host is checked before it is requested."""
        request = client.build_request("GET", self.url, headers=headers, timeout=_timeouts(limits))
        configured = _host(request.url)
        for hop in range(limits.max_redirects + 1):
            resp = await client.send(request, stream=True, follow_redirects=False)
            try:
                self.status = resp.status_code
                self.final_url = str(resp.url)
                foreign = _host(resp.url) != configured
                if foreign and (refused := _peer_refusal(resp, policy)):
                    return self.error(refused)
                following = resp.next_request
                if following is None:
                    return await self.answer(resp, limits, sent)
                await _drain(resp)
            finally:
                await resp.aclose()
            if hop == limits.max_redirects:
                return self.error("too many redirects")
            if following.url.scheme not in ("http", "https"):
                return self.error(f"redirect to a {following.url.scheme}: URL refused")
            if _host(following.url) != configured:
                port = following.url.port or (443 if following.url.scheme == "https" else 80)
                if refused := await policy.refusal(following.url.host, port):
                    self.final_url = str(following.url)
                    return self.error(refused)
            request = following
        return self.error("too many redirects")  # not reached: the last hop returns above

    async def answer(
        self, resp: httpx.Response, limits: FetchLimits, sent: tuple[str | None, str | None]
    ) -> FetchResult:
        """The final response: not modified, an HTTP error, or the body within the size cap."""
        etag = resp.headers.get("etag")
        last_modified = resp.headers.get("last-modified")
        if resp.status_code == 304:
            await _drain(resp)
            # Keep the validators we sent when a 304 omits them, so the caller's state is not wiped.
            return self.done("not_modified", None, None, etag or sent[0], last_modified or sent[1])
        if not 200 <= resp.status_code < 300:
            await _drain(resp)
            retry_after = None
            if resp.status_code in (429, 503):
                retry_after = parse_retry_after(resp.headers.get("retry-after"))
            return self.error(f"HTTP {resp.status_code}", retry_after=retry_after)
        too_big = f"body exceeds {limits.max_bytes} bytes"
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            return self.error(too_big)
        body = bytearray()
        async for chunk in resp.aiter_bytes():
            body += chunk
            if len(body) > limits.max_bytes:
                return self.error(too_big)
        return self.done("ok", bytes(body), resp.headers.get("content-type"), etag, last_modified)

    def done(
        self,
        outcome: Literal["ok", "not_modified"],
        body: bytes | None,
        content_type: str | None,
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        return FetchResult(
            outcome=outcome,
            http_status=self.status,
            body=body,
            content_type=content_type,
            etag=etag,
            last_modified=last_modified,
            final_url=self.final_url,
            error=None,
            retry_after=None,
            elapsed=time.monotonic() - self.started,
        )


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    deadline: float | None = None,
    policy: AddressPolicy = DEFAULT_POLICY,
) -> FetchResult:
    """GET a feed, conditionally when validators are given; network and HTTP failures become outcome="error".

    `deadline` (seconds, default `limits.timeout`) bounds the whole fetch so a server dripping one byte at a
    time cannot hold it forever. A 304 returns outcome="not_modified" with the validators to keep.
    """
    total = limits.timeout if deadline is None else deadline
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    state = _Fetch(url, time.monotonic())
    try:
        async with asyncio.timeout(total):
            return await state.run(client, headers, limits, (etag, last_modified), policy)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, TimeoutError) as exc:
        return state.error(_describe(exc, total))
