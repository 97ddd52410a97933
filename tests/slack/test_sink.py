"""Alert sinks against the fake Slack: routing, payloads, and how failures map to DeliveryError."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.slack import SlackAdapter, SlackSink, start_slack
from bot.config import SlackRoute
from bot.errors import DeliveryError
from bot.service.notify import Outbox
from bot.store import open_store
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply
from tests.slack.conftest import FakeQuery, make_alert, settings_for, status_change_alert


def sink_named(adapter: SlackAdapter, name: str) -> SlackSink:
    sink = next(s for s in adapter.sinks() if s.name == name)
    assert isinstance(sink, SlackSink)
    return sink


def test_one_sink_per_route_with_filters(adapter: SlackAdapter) -> None:
    sinks = {s.name: s for s in adapter.sinks()}
    assert set(sinks) == {"slack:C0ALL", "slack:C0HN"}
    everything, honduras = sinks["slack:C0ALL"], sinks["slack:C0HN"]

    assert everything.accepts(kind="finding", label="CLAIM", country="MX")
    assert everything.accepts(kind="status_change", label="STATUS_CHANGE", country="GT")
    assert everything.accepts(kind="feed_health", label="FEED_HEALTH", country=None)

    assert honduras.accepts(kind="finding", label="DENIAL", country="HN")
    assert honduras.accepts(kind="status_change", label="STATUS_CHANGE", country="HN")
    assert not honduras.accepts(kind="finding", label="CLAIM", country="HN")  # label not routed
    assert not honduras.accepts(kind="finding", label="DENIAL", country="GT")  # country not routed
    assert not honduras.accepts(kind="finding", label="DENIAL", country=None)
    assert honduras.accepts(kind="feed_health", label="FEED_HEALTH", country=None)  # every route


async def test_same_channel_twice_gets_distinct_names(slack: FakeSlack, query: FakeQuery) -> None:
    routes = [SlackRoute(channel="C1", countries=["HN"]), SlackRoute(channel="C1", countries=["GT"])]
    started = await start_slack(settings_for(slack, routes), BOT_TOKEN, APP_TOKEN, query, connect_timeout=5)
    try:
        assert [s.name for s in started.sinks()] == ["slack:C1", "slack:C1#2"]
    finally:
        await started.close()


async def test_claim_alert_blocks_with_mention(slack: FakeSlack, adapter: SlackAdapter) -> None:
    await sink_named(adapter, "slack:C0ALL").send(make_alert())
    [posted] = slack.posted
    assert posted["channel"] == "C0ALL"
    assert posted["unfurl_links"] is False
    assert posted["text"].startswith("<!subteam^S0TEAM> CLAIM")
    blocks = posted["blocks"]
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": "📣 CLAIM · 🇭🇳 HN", "emoji": True}}
    dumped = json.dumps(posted, ensure_ascii=False)
    assert "<https://news.example/us-claim?id=1&amp;lang=en|US says Honduras agreed to take deportees>" in dumped
    assert "> Honduras has agreed to receive third-country nationals" in dumped
    assert "Feed: Wire EN" in dumped and "en.claim.has_agreed" in dumped
    assert "US State Department" in dumped  # speaker


async def test_denial_alert_without_mention(slack: FakeSlack, adapter: SlackAdapter) -> None:
    alert = make_alert(label="DENIAL", title="Honduras niega el acuerdo", url="https://news.example/hn")
    await sink_named(adapter, "slack:C0HN").send(alert)
    [posted] = slack.posted
    assert posted["channel"] == "C0HN"
    assert "subteam" not in json.dumps(posted)
    assert posted["blocks"][0]["text"]["text"] == "🚫 DENIAL · 🇭🇳 HN"


async def test_status_change_shows_both_sides(slack: FakeSlack, adapter: SlackAdapter) -> None:
    await sink_named(adapter, "slack:C0HN").send(status_change_alert())
    [posted] = slack.posted
    assert posted["blocks"][0]["text"]["text"].startswith("⚠️ CONTESTED")
    dumped = json.dumps(posted["blocks"], ensure_ascii=False)
    for piece in (
        "US State Department",
        "2026-02-25",
        "Honduras will receive deportees.",
        "<https://news.example/us-claim|Wire>",
        "Honduran foreign ministry",
        "2026-02-27",
        "No agreement was signed.",
        "<https://news.example/hn-denial|Prensa>",
        "claimed → *CONTESTED*",
    ):
        assert piece in dumped, piece
    assert "claimed → CONTESTED" in posted["text"]


async def test_feed_text_cannot_mention_or_link(slack: FakeSlack, adapter: SlackAdapter) -> None:
    alert = make_alert(
        label="DENIAL",
        title="Breaking <!channel> <@U1> <http://evil.example|click> & *bold* ```",
        evidence="<!here> says <https://x.example|y> @everyone",
        feed="<!subteam^S999>",
        url="https://news.example/a|b>c",
        extra={"speaker": "<@U2>", "explanation": "_x_"},
    )
    await sink_named(adapter, "slack:C0HN").send(alert)
    [posted] = slack.posted
    dumped = json.dumps(posted, ensure_ascii=False)
    for bad in (
        "<!channel>",
        "<@U1>",
        "<http://evil.example|click>",
        "<!here>",
        "<https://x.example|y>",
        "<!subteam^S999>",
        "<@U2>",
        "```",
        "*bold*",
    ):
        assert bad not in dumped, bad
    assert "&lt;!channel&gt; &lt;@U1&gt; &lt;http://evil.example|click&gt; &amp;" in dumped
    assert "@\u2060everyone" in dumped
    # the only link target is the sanitised article URL: no | or > inside it
    assert "<https://news.example/a%7Cb%3Ec|" in dumped
    # every mrkdwn text object is verbatim, so Slack does not auto-parse names either
    for block in posted["blocks"]:
        texts = [block["text"]] if "text" in block else block.get("elements", [])
        for t in texts:
            assert t["type"] == "plain_text" or t.get("verbatim") is True


async def test_rate_limit_then_success(slack: FakeSlack, adapter: SlackAdapter) -> None:
    slack.script("chat.postMessage", Reply(status=429, error="ratelimited", headers={"Retry-After": "7"}))
    sink = sink_named(adapter, "slack:C0ALL")
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert())
    assert info.value.retry_after == 7.0 and not info.value.permanent
    assert len(slack.calls_to("chat.postMessage")) == 1  # one attempt: no built-in retry
    await sink.send(make_alert())
    assert len(slack.posted) == 1


async def test_server_error_is_transient_then_success(slack: FakeSlack, adapter: SlackAdapter) -> None:
    slack.script("chat.postMessage", Reply(status=500, body="<html>oops</html>", content_type="text/html"))
    sink = sink_named(adapter, "slack:C0ALL")
    with pytest.raises(DeliveryError) as info:
        await sink.send(make_alert())
    assert not info.value.permanent and info.value.retry_after is None
    assert len(slack.calls_to("chat.postMessage")) == 1
    await sink.send(make_alert())
    assert len(slack.posted) == 1


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "invalid_auth", "invalid_blocks"])
async def test_configuration_errors_are_permanent(slack: FakeSlack, adapter: SlackAdapter, error: str) -> None:
    slack.script("chat.postMessage", Reply(error=error))
    with pytest.raises(DeliveryError, match=error) as info:
        await sink_named(adapter, "slack:C0ALL").send(make_alert())
    assert info.value.permanent


async def test_unknown_channel_via_fake_directory(slack: FakeSlack, adapter: SlackAdapter) -> None:
    slack.channels = {"C0ALL"}
    with pytest.raises(DeliveryError, match="channel_not_found") as info:
        await sink_named(adapter, "slack:C0HN").send(make_alert(label="DENIAL"))
    assert info.value.permanent


async def test_network_error_is_transient(adapter: SlackAdapter, slack: FakeSlack) -> None:
    sink = sink_named(adapter, "slack:C0ALL")
    await slack.close()
    with pytest.raises(DeliveryError, match="network error") as info:
        await sink.send(make_alert())
    assert not info.value.permanent


async def test_outbox_honours_retry_after_from_slack(slack: FakeSlack, adapter: SlackAdapter, tmp_path: Path) -> None:
    """The real outbox and store with the Slack sink: 429 waits Retry-After, then delivers once."""
    store = open_store(tmp_path / "s.db")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    outbox = Outbox(store, adapter.sinks(), clock=lambda: now)
    sinks = outbox.sinks_for(kind="finding", label="DENIAL", country="HN")
    assert sorted(sinks) == ["slack:C0ALL", "slack:C0HN"]
    store.add_alert(dedupe_key="k", kind="finding", label="DENIAL", title="t", country="HN", sinks=sinks, now=now)
    slack.script("chat.postMessage", Reply(status=429, error="ratelimited", headers={"Retry-After": "120"}))
    assert await outbox.deliver_due() == 1  # one sink rate limited, the other delivered
    now += timedelta(seconds=100)
    assert await outbox.deliver_due() == 0  # still inside Retry-After
    now += timedelta(seconds=30)
    assert await outbox.deliver_due() == 1
    assert sorted(p["channel"] for p in slack.posted) == ["C0ALL", "C0HN"]
    store.close()
