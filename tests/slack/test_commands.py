"""The real slack-bolt stack against the fake Slack: connect, slash commands, startup errors."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest

from bot.adapters.slack import SlackAdapter, SlackConnectError, start_slack
from bot.service.answers import Answer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply
from tests.slack.conftest import FakeQuery, settings_for

ACK_WITHIN = 1.0  # Slack allows 3 s; loopback should take milliseconds


def all_text(body: dict[str, object]) -> str:
    """Everything a user could read in a reply, as one string."""
    return json.dumps(body, ensure_ascii=False)


async def test_connects_with_both_tokens(slack: FakeSlack, adapter: SlackAdapter) -> None:
    assert slack.connected == 1
    assert [c.token for c in slack.calls_to("auth.test")][:1] == [BOT_TOKEN]
    assert [c.token for c in slack.calls_to("apps.connections.open")] == [APP_TOKEN]
    assert adapter.bot_user_id == "U0BOT"


async def test_agreements_honduras_round_trip(slack: FakeSlack, adapter: SlackAdapter, query: FakeQuery) -> None:
    env = await slack.send_command("/agreements", "honduras")
    ack = await slack.wait_for_ack(env)
    reply = await slack.wait_for_response(env)

    assert ack.at - env.sent_at < ACK_WITHIN
    assert ack.at <= reply.at, "the ack goes out before the answer"
    assert query.asked == ["honduras"]
    body = reply.body
    assert body["response_type"] == "ephemeral"
    assert "Honduras" in body["text"] and "contested" in body["text"]
    blocks = body["blocks"]
    assert blocks[0]["type"] == "header"
    assert "🇭🇳" in blocks[0]["text"]["text"] and "CONTESTED" in blocks[0]["text"]["text"]
    text = all_text(body)
    assert "Contested" in text  # stands out
    assert "2026-02-27" in text and "Honduran foreign ministry" in text  # dated timeline, who said it
    assert "2019-09" in text  # month precision
    assert "<https://news.example/hn-denial|Prensa>" in text  # source link
    assert "<https://news.example/us-claim?id=1&amp;lang=en|US says Honduras agreed to take deportees>" in text
    assert "Honduras no ha firmado" in text  # finding evidence
    assert len(blocks) <= 50


async def test_unknown_country_gets_suggestions(slack: FakeSlack, adapter: SlackAdapter) -> None:
    env = await slack.send_command("/agreements", "Hondurs")
    await slack.wait_for_ack(env)
    reply = await slack.wait_for_response(env)
    text = all_text(reply.body)
    assert "Hondurs" in text
    assert "Honduras (HN)" in reply.body["text"]
    assert "`/agreements HN`" in text and "`/agreements HT`" in text


async def test_agreements_without_country_gives_overview(
    slack: FakeSlack, adapter: SlackAdapter, query: FakeQuery
) -> None:
    env = await slack.send_command("/agreements", "   ")
    reply = await slack.wait_for_response(env)
    assert query.asked == [None]
    text = all_text(reply.body)
    assert "Honduras" in text and "Guatemala" in text and "contested" in text


async def test_overview_filtered_by_deal_type(slack: FakeSlack, adapter: SlackAdapter, query: FakeQuery) -> None:
    env = await slack.send_command("/agreements", "type:detention")
    await slack.wait_for_response(env)
    assert (query.asked, query.deal_types) == ([None], ["detention"])


async def test_feeds_shows_health_with_feed_text_escaped(slack: FakeSlack, adapter: SlackAdapter) -> None:
    env = await slack.send_command("/feeds")
    ack = await slack.wait_for_ack(env)
    reply = await slack.wait_for_response(env)
    assert ack.at - env.sent_at < ACK_WITHIN
    body = reply.body
    assert "2 active, 1 failing" in body["text"]
    text = all_text(body)
    assert "3 failures in a row" in text and "HTTP 503" in text
    assert "<!channel>" not in text and "<@U999>" not in text
    assert "&lt;!channel&gt;" in text and "&lt;@U999&gt;" in text
    assert "*down*" not in text  # feed formatting neutralised


async def test_failing_query_reaches_the_user_as_a_short_message(
    slack: FakeSlack, adapter: SlackAdapter, query: FakeQuery, caplog: pytest.LogCaptureFixture
) -> None:
    query.fail = True
    env = await slack.send_command("/agreements", "hn")
    await slack.wait_for_ack(env)
    reply = await slack.wait_for_response(env)
    assert "failed on our side" in reply.body["text"]
    assert "database is locked" not in all_text(reply.body)  # details stay in the log
    assert any("slack command failed" in r.getMessage() for r in caplog.records)


async def test_refused_response_url_falls_back_to_ephemeral(slack: FakeSlack, adapter: SlackAdapter) -> None:
    slack.script_response_url(Reply(status=404, body="expired_url"))
    env = await slack.send_command("/agreements", "hn", user_id="U0ASKER", channel_id="C0HERE")
    await slack.wait_until(lambda: bool(slack.calls_to("chat.postEphemeral")))
    call = slack.calls_to("chat.postEphemeral")[0]
    assert call.ok and call.params["user"] == "U0ASKER" and call.params["channel"] == "C0HERE"
    assert "Honduras" in call.params["text"]
    assert len([r for r in slack.responses if r.token == env.response_token]) == 1


async def test_second_command_while_first_in_flight(slack: FakeSlack, adapter: SlackAdapter) -> None:
    first = await slack.send_command("/agreements", "hn")
    second = await slack.send_command("/feeds")
    r1 = await slack.wait_for_response(first)
    r2 = await slack.wait_for_response(second)
    assert "Honduras" in r1.body["text"] and "Feeds" in r2.body["text"]


async def test_bad_bot_token_is_a_clear_error(slack: FakeSlack, query: FakeQuery) -> None:
    with pytest.raises(SlackConnectError, match=r"bot token.*invalid_auth"):
        await start_slack(settings_for(slack), "xoxb-wrong", APP_TOKEN, query, connect_timeout=2)
    assert slack.calls_to("apps.connections.open") == []


async def test_bad_app_token_is_a_clear_error(slack: FakeSlack, query: FakeQuery) -> None:
    with pytest.raises(SlackConnectError, match=r"apps\.connections\.open.*invalid_auth"):
        await start_slack(settings_for(slack), BOT_TOKEN, "xapp-wrong", query, connect_timeout=2)
    assert slack.connected == 0


async def test_unreachable_websocket_times_out_clearly(slack: FakeSlack, query: FakeQuery) -> None:
    slack.ws_url_override = "ws://127.0.0.1:9/link/"  # discard port: nothing listens
    started = time.monotonic()
    with pytest.raises(SlackConnectError, match=r"did not connect within 0\.5s"):
        await start_slack(settings_for(slack), BOT_TOKEN, APP_TOKEN, query, connect_timeout=0.5)
    assert time.monotonic() - started < 3


async def test_no_hello_times_out_clearly(query: FakeQuery) -> None:
    async with FakeSlack(send_hello=False) as quiet:
        with pytest.raises(SlackConnectError, match="did not connect"):
            await start_slack(settings_for(quiet), BOT_TOKEN, APP_TOKEN, query, connect_timeout=0.3)


async def test_unreachable_api_is_a_clear_error(query: FakeQuery) -> None:
    async with FakeSlack() as gone:
        settings = settings_for(gone)
    with pytest.raises(SlackConnectError, match="cannot reach Slack"):
        await start_slack(settings, BOT_TOKEN, APP_TOKEN, query, connect_timeout=1)


async def test_close_is_idempotent_and_disconnects(slack: FakeSlack, query: FakeQuery) -> None:
    started = await start_slack(settings_for(slack), BOT_TOKEN, APP_TOKEN, query, connect_timeout=5)
    await started.close()
    await started.close()
    await slack.wait_until(lambda: slack.connected == 0, within=2)


async def test_reconnects_when_slack_asks_and_keeps_answering(slack: FakeSlack, adapter: SlackAdapter) -> None:
    await slack.request_reconnect()
    await slack.wait_until(lambda: len(slack.calls_to("apps.connections.open")) == 2, within=3)
    await slack.wait_until(lambda: slack.connected == 1 and slack.connections_made == 2, within=3)
    env = await slack.send_command("/agreements", "hn")
    reply = await slack.wait_for_response(env)
    assert "Honduras" in reply.body["text"]



async def test_the_store_query_runs_off_the_event_loop(
    slack: FakeSlack, adapter: SlackAdapter, query: FakeQuery
) -> None:
    """A slow answer must not stall the loop: while the query sleeps, the loop keeps ticking."""
    loop_thread = threading.get_ident()
    seen: list[int] = []
    original = query.agreements

    def slow(country: str | None = None, deal_type: str | None = None) -> Answer:
        seen.append(threading.get_ident())
        time.sleep(0.6)
        return original(country, deal_type=deal_type)

    query.agreements = slow  # type: ignore[method-assign]
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1

    task = asyncio.create_task(ticker())
    try:
        env = await slack.send_command("/agreements", "honduras")
        reply = await slack.wait_for_response(env, within=5)
    finally:
        task.cancel()
    assert "Honduras" in reply.body["text"]
    assert seen and seen[0] != loop_thread
    assert ticks >= 6  # the loop ran on during the 0.6 s query
