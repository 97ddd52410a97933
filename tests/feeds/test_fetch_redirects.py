"""Redirects into internal addresses are refused (SSRF); the operator's own URL may be internal.

Every request goes to 127.0.0.1. Two feed servers on different ports stand for two services: the first is
the configured feed, the second the redirect target. Where the test needs the target to count as public it
injects an address policy saying so; names are resolved by a test resolver, and a refused target is never
connected to at all.
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import httpx
import pytest

from bot.feeds.addresses import AddressPolicy, IPAddress, is_internal
from bot.feeds.fetch import FetchLimits, fetch_feed, make_client
from tests.fakes.feed_server import FeedServer

LIMITS = FetchLimits(timeout=3.0, max_redirects=3)
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
LOOPBACK = ipaddress.ip_address("127.0.0.1")


def loopback_is_public(ip: IPAddress) -> bool:
    """The test server counts as a public site; everything else internal stays internal."""
    return ip != LOOPBACK and is_internal(ip)


def resolver(table: dict[str, list[str]]) -> Callable[[str, int], Awaitable[list[str]]]:
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"test resolver: no such name {host}")
        return table[host]

    return resolve


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def target() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.add("/secret", body=RSS)
        yield srv


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(LIMITS) as c:
        yield c


async def test_redirect_to_an_internal_address_is_refused_before_connecting(
    feed: FeedServer, target: FeedServer, client: httpx.AsyncClient
) -> None:
    url = feed.add_redirect("/feed.xml", target.url("/secret"))  # another service, on 127.0.0.1
    result = await fetch_feed(client, url, limits=LIMITS)
    assert (result.outcome, result.error) == ("error", "redirect to internal address 127.0.0.1 refused")
    assert target.hits("/secret") == 0


# Names under .invalid never resolve through the system, so even a broken check sends nothing anywhere.
@pytest.mark.parametrize(
    "address", ["127.0.0.2", "::1", "10.1.2.3", "172.20.0.9", "192.168.1.1", "169.254.169.254", "fd00::1",
                "fe80::1%eth0", "::ffff:10.0.0.1"],
)  # fmt: skip
async def test_redirect_to_a_name_resolving_internal_is_refused(
    feed: FeedServer, client: httpx.AsyncClient, address: str
) -> None:
    policy = AddressPolicy(resolve=resolver({"cdn.invalid": ["203.0.113.7", address]}))
    url = feed.add_redirect("/feed.xml", "http://cdn.invalid/feed.xml")
    result = await fetch_feed(client, url, limits=LIMITS, policy=policy)
    shown = ipaddress.ip_address(address.split("%")[0])
    assert result.outcome == "error"
    assert result.error == f"redirect to cdn.invalid refused: it resolves to internal address {shown}"
    assert result.final_url == "http://cdn.invalid/feed.xml"


@pytest.mark.parametrize("host", ["10.1.2.3", "[::1]", "169.254.169.254", "[fd00::1]", "[::ffff:192.168.0.1]"])
async def test_literal_internal_hosts_are_refused_without_resolving(host: str) -> None:
    async def no_dns(name: str, port: int) -> list[str]:
        raise AssertionError("a literal address must not be resolved")

    refusal = await AddressPolicy(resolve=no_dns).refusal(host, 80)
    assert refusal == f"redirect to internal address {host.strip('[]')} refused"
    assert await AddressPolicy(resolve=no_dns).refusal("203.0.113.7", 80) is None


async def test_redirect_to_a_public_address_is_followed(
    feed: FeedServer, target: FeedServer, client: httpx.AsyncClient
) -> None:
    url = feed.add_redirect("/feed.xml", target.url("/secret"))
    result = await fetch_feed(client, url, limits=LIMITS, policy=AddressPolicy(internal=loopback_is_public))
    assert (result.outcome, result.body, result.final_url) == ("ok", RSS, target.url("/secret"))
    assert target.hits("/secret") == 1


async def test_the_configured_internal_url_and_its_own_redirects_are_allowed(
    feed: FeedServer, client: httpx.AsyncClient
) -> None:
    feed.add("/new.xml", body=RSS)
    url = feed.add_redirect("/old.xml", "/new.xml", status=301)  # same service, 127.0.0.1: the operator's choice
    result = await fetch_feed(client, url, limits=LIMITS)
    assert (result.outcome, result.body) == ("ok", RSS)


async def test_a_name_that_looked_public_but_connected_internal_is_not_read(
    feed: FeedServer, target: FeedServer, client: httpx.AsyncClient
) -> None:
    answers = iter([False])  # public when checked, internal at connect time (DNS rebinding)

    def rebinding(ip: IPAddress) -> bool:
        return next(answers, True)

    url = feed.add_redirect("/feed.xml", target.url("/secret"))
    result = await fetch_feed(client, url, limits=LIMITS, policy=AddressPolicy(internal=rebinding))
    assert (result.outcome, result.body) == ("error", None)
    assert result.error == "redirect to 127.0.0.1 refused: it connected to internal address 127.0.0.1"


async def test_redirect_to_another_scheme_is_refused(feed: FeedServer, client: httpx.AsyncClient) -> None:
    url = feed.add_redirect("/feed.xml", "ftp://files.example/feed.xml")
    result = await fetch_feed(client, url, limits=LIMITS)
    assert result.outcome == "error" and result.error is not None and "ftp" in result.error


def test_internal_ranges() -> None:
    inside = ["127.0.0.1", "127.255.0.1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.1.1",
              "::1", "fc00::1", "fdff::1", "fe80::1", "0.0.0.0", "::ffff:192.168.0.1"]  # fmt: skip
    outside = ["8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "2001:4860::8888", "203.0.113.7"]
    assert all(is_internal(ipaddress.ip_address(a)) for a in inside)
    assert not any(is_internal(ipaddress.ip_address(a)) for a in outside)
