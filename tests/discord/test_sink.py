"""Alert delivery: routing, error mapping to DeliveryError, mentions, nonces, rate limits."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.adapters.discord import DiscordAdapter, start_discord
from bot.adapters.discord.sink import ChannelPoster, DiscordSink
from bot.config import DiscordRoute
from bot.errors import DeliveryError
from bot.service.notify import Sink
from tests.discord.conftest import FakeQuery, SettingsFactory, make_alert
from tests.fakes.discord_server import Failure, FakeDiscord, embed_problems

ALL = 1001
HN_ONLY = 1002
DENIALS = 1003


@pytest.fixture
async def routed(fake: FakeDiscord, settings_for: SettingsFactory, query: FakeQuery) -> AsyncIterator[DiscordAdapter]:
    routes = [
        DiscordRoute(channel_id=ALL, mention_role_id=777),
        DiscordRoute(channel_id=HN_ONLY, countries=["HN"]),
        DiscordRoute(channel_id=DENIALS, labels=["DENIAL"], countries=["HN", "GT"]),
    ]
    adapter = await start_discord(settings_for(routes=routes), fake.token, query, ready_timeout=5.0,
                                  guild_ready_timeout=0.05)
    try:
        yield adapter
    finally:
        await adapter.close()


def by_name(adapter: DiscordAdapter) -> dict[str, Sink]:
    return {s.name: s for s in adapter.sinks()}


async def deliver(sinks: list[Sink], alert_kwargs: dict[str, object]) -> list[str]:
    """What the outbox does: send to every sink that accepts the alert."""
    alert = make_alert(**alert_kwargs)  # type: ignore[arg-type]
    chosen = [s for s in sinks if s.accepts(kind=alert.kind, label=alert.label, country=alert.country)]
    for sink in chosen:
        await sink.send(alert)
    return [s.name for s in chosen]


async def test_alerts_go_to_channels_by_country_and_label(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sinks = routed.sinks()
    assert [s.name for s in sinks] == [f"discord:{ALL}", f"discord:{HN_ONLY}", f"discord:{DENIALS}"]
    assert await deliver(sinks, {"alert_id": 1, "label": "CLAIM", "country": "HN"}) == [
        f"discord:{ALL}", f"discord:{HN_ONLY}"]
    assert await deliver(sinks, {"alert_id": 2, "label": "DENIAL", "country": "GT"}) == [
        f"discord:{ALL}", f"discord:{DENIALS}"]
    assert await deliver(sinks, {"alert_id": 3, "label": "MENTION", "country": "HN"}) == []
    assert await deliver(sinks, {"alert_id": 4, "label": "CLAIM", "country": None}) == [f"discord:{ALL}"]
    health = {"alert_id": 5, "kind": "feed_health", "label": "FEED_HEALTH", "country": None,
              "title": "Prensa ES failing", "extra": {"streak": 4}}
    assert await deliver(sinks, health) == [f"discord:{ALL}", f"discord:{HN_ONLY}", f"discord:{DENIALS}"]

    assert len(fake.messages[ALL]) == 4 and len(fake.messages[HN_ONLY]) == 2 and len(fake.messages[DENIALS]) == 2
    first = fake.messages[ALL][0]
    embed = first["embeds"][0]
    assert embed_problems(embed) == []
    assert embed["author"]["name"] == "CLAIM · 🇭🇳 HN"
    assert embed["url"] == "https://news.example/us-claim"
    assert first["content"] == "<@&777>"  # the configured role, and only that
    assert first["allowed_mentions"] == {"parse": [], "roles": [777]}
    assert fake.messages[HN_ONLY][0]["allowed_mentions"] == {"parse": []}
    assert "content" not in fake.posts_to(HN_ONLY)[0]
    assert fake.messages[ALL][3]["content"] == ""  # feed health never pings the role


async def test_feed_text_pings_no_one(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    alert = make_alert(title="@everyone look <@123> **bold** [x](https://evil.example)",
                       evidence="@here Honduras agreed, says <@&555> and <@123456789012345678>",
                       extra={"speaker": "@everyone", "explanation": "`code` ||spoiler||"})
    await sink.send(alert)
    (payload,) = fake.posts_to(HN_ONLY)
    assert payload["allowed_mentions"] == {"parse": []}
    assert "content" not in payload
    embed = payload["embeds"][0]
    text = " ".join([embed["title"], embed["description"], *(f["value"] for f in embed["fields"])])
    for raw in ("@everyone", "@here", "<@123>", "<@&555>", "<@123456789012345678>", "**bold**", "`code`", "||"):
        assert raw not in text
    assert "\\[x](https://evil.example)" in embed["title"]  # an escaped, inert masked link
    assert "@\u200beveryone look <\u200b@123> \\*\\*bold\\*\\*" in embed["title"]


async def test_429_surfaces_retry_after(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.fail_channel(HN_ONLY, Failure(429, retry_after=42.5))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert())
    assert info.value.retry_after == 42.5 and not info.value.permanent
    assert len(fake.posts_to(HN_ONLY)) == 1  # no internal retry
    await sink.send(make_alert())
    assert len(fake.messages[HN_ONLY]) == 1


async def test_500_is_transient_then_success(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.fail_channel(HN_ONLY, Failure(500))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert())
    assert not info.value.permanent and info.value.retry_after is None
    assert len(fake.posts_to(HN_ONLY)) == 1  # failed fast: discord.py would retry for ~25 s
    await sink.send(make_alert())
    assert len(fake.messages[HN_ONLY]) == 1


@pytest.mark.parametrize("status", [403, 404])
async def test_missing_access_is_permanent(fake: FakeDiscord, routed: DiscordAdapter, status: int) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.fail_channel(HN_ONLY, Failure(status))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert())
    assert info.value.permanent
    assert f"HTTP {status}" in str(info.value)


async def test_lost_response_retry_is_not_posted_twice(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.fail_channel(HN_ONLY, Failure(502, store_first=True))
    with pytest.raises(DeliveryError):
        await sink.send(make_alert(7))
    await sink.send(make_alert(7))
    posts = fake.posts_to(HN_ONLY)
    assert len(posts) == 2 and posts[0]["nonce"] == posts[1]["nonce"] and posts[0]["enforce_nonce"] is True
    assert len(posts[0]["nonce"]) <= 25
    assert len(fake.messages[HN_ONLY]) == 1
    other = fake.posts_to(ALL)
    await by_name(routed)[f"discord:{ALL}"].send(make_alert(7))
    assert fake.posts_to(ALL)[len(other)]["nonce"] != posts[0]["nonce"]  # distinct per channel


async def test_exhausted_bucket_gives_the_alert_back(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.set_ratelimit(HN_ONLY, remaining=0, reset_after=30.0)
    await sink.send(make_alert(1))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert(2))
    assert info.value.retry_after is not None and 25.0 < info.value.retry_after <= 30.0
    assert len(fake.posts_to(HN_ONLY)) == 1  # we did not even ask


async def test_short_bucket_wait_is_absorbed(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    sink = by_name(routed)[f"discord:{HN_ONLY}"]
    fake.set_ratelimit(HN_ONLY, remaining=0, reset_after=0.05)
    await sink.send(make_alert(1))
    await sink.send(make_alert(2))
    assert len(fake.messages[HN_ONLY]) == 2


async def test_network_error_is_transient() -> None:
    async with aiohttp.ClientSession() as session:
        poster = ChannelPoster(session, api_base="http://127.0.0.1:9/api/v10", token="t", user_agent="test",
                               timeout=2.0)
        sink = DiscordSink(DiscordRoute(channel_id=5), poster)
        with pytest.raises(DeliveryError, match="network error") as info:
            await sink.send(make_alert())
    assert not info.value.permanent


async def test_status_change_alert_is_posted_within_limits(fake: FakeDiscord, routed: DiscordAdapter) -> None:
    side = {"actor": "US DHS", "summary": "Honduras agreed. " * 200, "date": "2025-05-30",
            "url": "https://news.example/us-claim", "outlet": "Wire", "kind": "claim"}
    alert = make_alert(9, kind="status_change", label="STATUS_CHANGE", title="Honduras denies" * 40,
                       extra={"old": "claimed", "new": "contested", "reason": "claim vs denial " * 300,
                              "for": [side] * 12, "against": [{**side, "actor": "Cancillería"}] * 12})
    await by_name(routed)[f"discord:{HN_ONLY}"].send(alert)
    embed = fake.messages[HN_ONLY][0]["embeds"][0]
    assert embed_problems(embed) == []
    assert embed["color"] == 0xE74C3C and embed["title"].startswith("⚠ contested")


async def test_send_after_close_is_a_transient_delivery_error(fake: FakeDiscord, settings_for: SettingsFactory,
                                                              query: FakeQuery) -> None:
    adapter = await start_discord(settings_for(routes=[DiscordRoute(channel_id=HN_ONLY)]), fake.token, query,
                                  ready_timeout=5.0, guild_ready_timeout=0.05)
    (sink,) = adapter.sinks()
    await adapter.close()
    with pytest.raises(DeliveryError, match="closed") as info:
        await sink.send(make_alert())
    assert not info.value.permanent
