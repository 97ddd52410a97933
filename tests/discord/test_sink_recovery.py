"""Discord sink after a crash or lost response: with possibly_sent it reads the channel before posting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.adapters.discord import DiscordAdapter, start_discord
from bot.adapters.discord.sink import HISTORY_PAGE, alert_nonce
from bot.config import DiscordRoute
from bot.errors import DeliveryError
from bot.service.notify import Sink
from tests.discord.conftest import FakeQuery, SettingsFactory, make_alert
from tests.fakes.discord_server import Failure, FakeDiscord

CHANNEL = 2001


@pytest.fixture
async def sink(fake: FakeDiscord, settings_for: SettingsFactory, query: FakeQuery) -> AsyncIterator[Sink]:
    adapter: DiscordAdapter = await start_discord(
        settings_for(routes=[DiscordRoute(channel_id=CHANNEL)]), fake.token, query, ready_timeout=5.0,
        guild_ready_timeout=0.05,
    )
    try:
        (only,) = adapter.sinks()
        yield only
    finally:
        await adapter.close()


def nonces(fake: FakeDiscord) -> list[str]:
    return [p["nonce"] for p in fake.posts_to(CHANNEL)]


async def test_normal_send_does_not_read_history(fake: FakeDiscord, sink: Sink) -> None:
    await sink.send(make_alert(1))
    assert fake.history_reads == []


async def test_posted_alert_found_by_its_embed_marker_is_not_posted_again(fake: FakeDiscord, sink: Sink) -> None:
    alert = make_alert(1)
    await sink.send(alert)
    await sink.send(make_alert(2))
    await sink.send(alert, possibly_sent=True)  # Discord returns no nonce: the footer + timestamp find it
    assert nonces(fake) == [alert_nonce(alert, CHANNEL), alert_nonce(make_alert(2), CHANNEL)]
    [read] = fake.history_reads
    assert read.query["limit"] == str(HISTORY_PAGE)


async def test_posted_alert_found_by_nonce_when_discord_returns_it(fake: FakeDiscord, sink: Sink) -> None:
    fake.history_with_nonce = True
    alert = make_alert(1)
    await sink.send(alert)
    fake.messages[CHANNEL][0]["embeds"] = []  # only the nonce can tell
    await sink.send(alert, possibly_sent=True)
    assert len(fake.posts_to(CHANNEL)) == 1


async def test_not_found_is_posted(fake: FakeDiscord, sink: Sink) -> None:
    alert = make_alert(1)
    await sink.send(replace(alert, created_at=alert.created_at - timedelta(days=40)))  # same id, other store
    await sink.send(alert, possibly_sent=True)
    assert len(fake.messages[CHANNEL]) == 2


async def test_found_on_a_later_page(fake: FakeDiscord, sink: Sink) -> None:
    alert = make_alert(1)
    await sink.send(alert)
    for n in range(HISTORY_PAGE + 3):
        await sink.send(make_alert(100 + n))
    await sink.send(alert, possibly_sent=True)
    assert len(fake.posts_to(CHANNEL)) == HISTORY_PAGE + 4
    assert len(fake.history_reads) == 2 and "before" in fake.history_reads[1].query


async def test_history_outage_leaves_the_question_open(fake: FakeDiscord, sink: Sink) -> None:
    fake.fail_history(CHANNEL, Failure(503))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert(1), possibly_sent=True)
    assert info.value.maybe_sent and not info.value.permanent
    assert fake.posts_to(CHANNEL) == []


async def test_history_rate_limit_keeps_retry_after(fake: FakeDiscord, sink: Sink) -> None:
    fake.fail_history(CHANNEL, Failure(429, retry_after=3.5))
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert(1), possibly_sent=True)
    assert info.value.retry_after == 3.5 and info.value.maybe_sent


async def test_no_history_permission_posts_anyway(
    fake: FakeDiscord, sink: Sink, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail_history(CHANNEL, Failure(403))
    await sink.send(make_alert(1), possibly_sent=True)
    assert len(fake.messages[CHANNEL]) == 1
    assert "cannot read discord channel history" in caplog.text


@pytest.mark.parametrize(("failure", "maybe_sent"), [(Failure(502), True), (Failure(429, retry_after=1.0), False)])
async def test_post_failures_say_whether_the_post_may_exist(
    fake: FakeDiscord, sink: Sink, failure: Failure, maybe_sent: bool
) -> None:
    fake.fail_channel(CHANNEL, failure)
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert(1))
    assert info.value.maybe_sent is maybe_sent


async def test_lost_response_then_retry_finds_the_message(fake: FakeDiscord, sink: Sink) -> None:
    fake.fail_channel(CHANNEL, Failure(502, store_first=True))
    alert = make_alert(7)
    with pytest.raises(DeliveryError) as info:
        await sink.send(alert)
    assert info.value.maybe_sent
    await sink.send(alert, possibly_sent=True)
    assert len(fake.posts_to(CHANNEL)) == 1 and len(fake.messages[CHANNEL]) == 1
