"""The chat API rate limits, then fails with 5xx for a stretch, then recovers: the real `stcwatch run` process
backs off (honouring Retry-After), keeps the alerts queued in order, and posts each exactly once afterwards.

The `[outbox]` retry settings are shortened so a minute-long outage plays out in a few seconds.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.botproc import Bot, all_delivered, deliveries, discord_chat, feed_xml, slack_chat, write_config
from tests.fakes.discord_server import Failure, FakeDiscord
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply

SLACK_CHANNEL = "C0ALERTS"
DISCORD_CHANNEL = 4343
DELIVERY = ["chat.postMessage", "conversations.history"]


async def test_slack_429_then_503_outage_then_recovery(tmp_path: Path) -> None:
    async with FakeSlack() as slack, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        rate_limited = Reply(status=429, error="ratelimited", headers={"Retry-After": "1"})
        slack.go_down(rate_limited, methods=DELIVERY)
        config = write_config(tmp_path, srv.url("/wire.xml"), slack_chat(slack.api_base, SLACK_CHANNEL))
        db = tmp_path / "s.db"
        bot = Bot(tmp_path, config, {"STCWATCH_SLACK_BOT_TOKEN": BOT_TOKEN, "STCWATCH_SLACK_APP_TOKEN": APP_TOKEN})

        def failed(method: str = "chat.postMessage") -> list[float]:
            return [c.at for c in slack.calls_to(method) if not c.ok]

        try:
            await bot.start()
            await bot.eventually(lambda: len(failed()) >= 2, within=40, what="two rate-limited posts")
            slack.go_down(Reply(status=503, error="service_unavailable"), methods=DELIVERY)
            outage_started = time.monotonic()
            await bot.eventually(lambda: len(failed()) + len(failed("conversations.history")) >= 4, within=20,
                                 what="the bot to keep trying through the outage")
            assert deliveries(db)[0].in_flight_at is not None  # a 503 may hide a post: checked before the next
            assert time.monotonic() - outage_started > 1.0
            slack.come_back()
            await bot.eventually(lambda: all_delivered(db), within=30, what="every alert delivered after recovery")
            assert await bot.stop() == 0
        finally:
            await bot.close()

        rows = deliveries(db)
        posted = [m["metadata"]["event_payload"]["alert_id"] for m in slack.messages_in(SLACK_CHANNEL)]
        assert posted == [r.alert_id for r in rows]  # each exactly once, in alert order
        assert len(slack.posted) == len(rows)
        limited = failed()[:2]
        assert limited[1] - limited[0] >= 0.9  # Retry-After: 1 honoured
        first = rows[0].alert_id
        refused = [c for c in slack.calls_to("chat.postMessage") if not c.ok]
        assert {c.params["metadata"]["event_payload"]["alert_id"] for c in refused} == {first}  # others waited
        assert len(refused) + len(failed("conversations.history")) < 25  # backoff, not a hammering loop
        assert all(r.in_flight_at is None for r in rows)


async def test_discord_429_and_5xx_with_a_lost_response_then_recovery(tmp_path: Path) -> None:
    async with FakeDiscord() as discord, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        discord.fail_channel(
            DISCORD_CHANNEL,
            Failure(429, retry_after=1.0),
            Failure(503),
            Failure(503),
            Failure(200),  # the first alert gets through
            Failure(502, store_first=True),  # the second is created, but the bot hears a 502
            Failure(503),
        )
        config = write_config(tmp_path, srv.url("/wire.xml"), discord_chat(discord, DISCORD_CHANNEL))
        db = tmp_path / "s.db"
        bot = Bot(tmp_path, config, {"STCWATCH_DISCORD_TOKEN": discord.token})
        try:
            await bot.start()
            await bot.eventually(lambda: all_delivered(db), within=60, what="every alert delivered after recovery")
            assert await bot.stop() == 0
        finally:
            await bot.close()

        rows = deliveries(db)
        messages = discord.messages[DISCORD_CHANNEL]
        in_channel = [int(m["embeds"][0]["footer"]["text"].rsplit(" ", 1)[1]) for m in messages]
        assert in_channel == [r.alert_id for r in rows]  # each exactly once, in alert order
        posts = discord.posts_to(DISCORD_CHANNEL)
        second = [p for p in posts if p["embeds"][0]["footer"]["text"].endswith(f" {rows[1].alert_id}")]
        assert len(second) == 1  # after the lost response the bot looked, found it, and did not re-send
        assert len(discord.history_reads) >= 1
        assert len(posts) == len(rows) + 4  # the four refused attempts, nothing else
        assert discord.errors == [] and discord.unexpected == []
