"""SIGKILL in the middle of delivering alerts, then a restart: every alert posted exactly once, nothing else.

The real `stcwatch run` process polls a local feed and posts to a fake Slack / fake Discord running on
this test's event loop. The fake accepts the 2nd post and then holds its HTTP answer, so the kill lands
after the chat service has the message but before the bot could record it: the one window the outbox
cannot close by itself. The restarted bot sees the delivery still in flight, looks in the channel,
finds its message and does not post it again; the remaining alerts follow, in order.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

from tests.e2e.botproc import (
    EXPECTED_FINDINGS,
    Bot,
    alerts,
    all_delivered,
    deliveries,
    discord_chat,
    feed_xml,
    slack_chat,
    write_config,
)
from tests.fakes.discord_server import Failure, FakeDiscord
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply

SLACK_CHANNEL = "C0ALERTS"
DISCORD_CHANNEL = 4242


def assert_killed_mid_delivery(db: Path) -> int:
    """What SIGKILL left: the first alert delivered, the second in flight, the rest pending. Returns its id."""
    rows = deliveries(db)
    assert len(rows) >= 4, rows
    assert rows[0].status == "delivered" and rows[0].in_flight_at is None
    assert rows[1].status == "pending" and rows[1].in_flight_at is not None, rows[1]
    assert all(r.status == "pending" and r.in_flight_at is None for r in rows[2:]), rows
    return rows[1].alert_id


def assert_findings_alerted(db: Path) -> dict[int, tuple[str, str, str | None]]:
    stored = alerts(db)
    findings = {(label, country) for kind, label, country in stored.values() if kind == "finding"}
    assert findings == EXPECTED_FINDINGS
    assert all(kind in ("finding", "status_change") for kind, _, _ in stored.values())  # no feed trouble
    return stored


async def test_sigkill_after_slack_accepted_the_post(tmp_path: Path) -> None:
    async with FakeSlack() as slack, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        slack.script("chat.postMessage", Reply(), Reply(stall=120.0))  # 2nd post: accepted, answer held
        config = write_config(tmp_path, srv.url("/wire.xml"), slack_chat(slack.api_base, SLACK_CHANNEL))
        db = tmp_path / "s.db"
        bot = Bot(tmp_path, config, {"STCWATCH_SLACK_BOT_TOKEN": BOT_TOKEN, "STCWATCH_SLACK_APP_TOKEN": APP_TOKEN})
        try:
            await bot.start()
            await bot.eventually(lambda: len(slack.posted) == 2, within=40, what="the 2nd post to reach Slack")
            assert await bot.kill() == -signal.SIGKILL
            stalled = assert_killed_mid_delivery(db)
            assert slack.posted[1]["metadata"]["event_payload"]["alert_id"] == stalled

            await bot.start()
            await bot.eventually(lambda: all_delivered(db), within=40, what="every alert delivered after restart")
            assert await bot.stop() == 0
        finally:
            await bot.close()

        stored = assert_findings_alerted(db)
        channel = [m["metadata"]["event_payload"]["alert_id"] for m in slack.messages_in(SLACK_CHANNEL)]
        assert channel == sorted(stored)  # every alert exactly once, in order
        assert len(slack.posted) == len(stored)  # no other post, not even a refused duplicate
        assert {p["channel"] for p in slack.posted} == {SLACK_CHANNEL}
        [check] = slack.calls_to("conversations.history")  # only the alert in doubt was looked up
        assert check.params["channel"] == SLACK_CHANNEL
        assert all(r.in_flight_at is None for r in deliveries(db))
        assert "already posted by an earlier attempt" in bot.log


def discord_alert_id(message: dict[str, Any]) -> int:
    """The alert id from the embed footer `stcwatch · alert <id>` (what the sink matches on)."""
    footer = message["embeds"][0]["footer"]["text"]
    return int(footer.rsplit(" ", 1)[1])


async def test_sigkill_after_discord_accepted_the_post(tmp_path: Path) -> None:
    async with FakeDiscord() as discord, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        discord.fail_channel(DISCORD_CHANNEL, Failure(200), Failure(200, stall=120.0))
        config = write_config(tmp_path, srv.url("/wire.xml"), discord_chat(discord, DISCORD_CHANNEL))
        db = tmp_path / "s.db"
        bot = Bot(tmp_path, config, {"STCWATCH_DISCORD_TOKEN": discord.token})
        try:
            await bot.start()
            await bot.eventually(
                lambda: len(discord.messages.get(DISCORD_CHANNEL, [])) == 2, within=40, what="the 2nd Discord post"
            )
            assert await bot.kill() == -signal.SIGKILL
            stalled = assert_killed_mid_delivery(db)

            await bot.start()
            await bot.eventually(lambda: all_delivered(db), within=40, what="every alert delivered after restart")
            assert await bot.stop() == 0
        finally:
            await bot.close()

        stored = assert_findings_alerted(db)
        channel = [discord_alert_id(m) for m in discord.messages[DISCORD_CHANNEL]]
        assert channel == sorted(stored)
        posts = discord.posts_to(DISCORD_CHANNEL)
        assert len(posts) == len(stored)  # the held one was not even re-sent (nonce dedupe not needed)
        assert len({p["nonce"] for p in posts}) == len(posts)
        assert discord_alert_id(discord.messages[DISCORD_CHANNEL][1]) == stalled
        assert len(discord.history_reads) == 1
        assert discord.errors == [] and discord.unexpected == []
