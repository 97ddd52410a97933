"""Slack sink after a crash or lost response: metadata on every post, history checked when possibly_sent."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.adapters.slack import SlackAdapter, SlackSink, start_slack
from bot.adapters.slack.sink import EVENT_TYPE, HISTORY_LIMIT, alert_dedupe
from bot.config import SlackRoute
from bot.errors import DeliveryError
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply
from tests.slack.conftest import FakeQuery, make_alert, settings_for


def sink_named(adapter: SlackAdapter, name: str) -> SlackSink:
    sink = next(s for s in adapter.sinks() if s.name == name)
    assert isinstance(sink, SlackSink)
    return sink


async def test_every_post_carries_alert_metadata(slack: FakeSlack, adapter: SlackAdapter) -> None:
    alert = make_alert()
    await sink_named(adapter, "slack:C0ALL").send(alert)
    [posted] = slack.posted
    assert posted["metadata"] == {
        "event_type": EVENT_TYPE,
        "event_payload": {"alert_id": alert.id, "dedupe": alert_dedupe(alert, "slack:C0ALL")},
    }
    assert slack.messages_in("C0ALL")[0]["metadata"] == posted["metadata"]
    assert slack.calls_to("conversations.history") == []  # no lookup on the normal path


async def test_possibly_sent_alert_already_in_channel_is_not_posted_again(
    slack: FakeSlack, adapter: SlackAdapter
) -> None:
    sink = sink_named(adapter, "slack:C0ALL")
    alert = make_alert()
    await sink.send(alert)
    await sink.send(make_alert(id=8, title="a later message"))  # ours is no longer the newest
    await sink.send(alert, possibly_sent=True)
    assert len(slack.posted) == 2
    [lookup] = slack.calls_to("conversations.history")
    assert lookup.params["channel"] == "C0ALL"
    assert lookup.params["include_all_metadata"] in ("1", "true", True)
    assert int(lookup.params["limit"]) == HISTORY_LIMIT
    assert float(lookup.params["oldest"]) <= (alert.created_at - timedelta(minutes=1)).timestamp()


async def test_possibly_sent_alert_not_in_channel_is_posted(slack: FakeSlack, adapter: SlackAdapter) -> None:
    await sink_named(adapter, "slack:C0ALL").send(make_alert(), possibly_sent=True)
    assert len(slack.posted) == 1
    assert len(slack.calls_to("conversations.history")) == 1


async def test_same_alert_from_another_route_or_store_does_not_count(slack: FakeSlack, query: FakeQuery) -> None:
    routes = [SlackRoute(channel="C1"), SlackRoute(channel="C1")]  # two routes into one channel
    started = await start_slack(settings_for(slack, routes), BOT_TOKEN, APP_TOKEN, query, connect_timeout=5)
    try:
        first, second = started.sinks()
        alert = make_alert()
        await first.send(alert)
        await first.send(make_alert(created_at=alert.created_at - timedelta(days=30)))  # same id, older store
        await second.send(alert, possibly_sent=True)
        assert len(slack.posted) == 3  # the second route still gets its own message
        await second.send(alert, possibly_sent=True)
        assert len(slack.posted) == 3
    finally:
        await started.close()


async def test_history_found_on_a_later_page(slack: FakeSlack, adapter: SlackAdapter) -> None:
    sink = sink_named(adapter, "slack:C0ALL")
    alert = make_alert()
    await sink.send(alert)
    for n in range(HISTORY_LIMIT + 5):  # a busy channel after ours
        await sink.send(make_alert(id=100 + n))
    await sink.send(alert, possibly_sent=True)
    assert len(slack.posted) == HISTORY_LIMIT + 6
    assert len(slack.calls_to("conversations.history")) == 2


async def test_history_outage_leaves_the_question_open(slack: FakeSlack, adapter: SlackAdapter) -> None:
    slack.script("conversations.history", Reply(status=503, error="service_unavailable"))
    with pytest.raises(DeliveryError) as info:
        await sink_named(adapter, "slack:C0ALL").send(make_alert(), possibly_sent=True)
    assert info.value.maybe_sent and not info.value.permanent
    assert slack.posted == []  # no post while we cannot tell


async def test_history_refused_posts_anyway(
    slack: FakeSlack, adapter: SlackAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    slack.script("conversations.history", Reply(error="missing_scope"))
    await sink_named(adapter, "slack:C0ALL").send(make_alert(), possibly_sent=True)
    assert len(slack.posted) == 1  # better a possible duplicate than a route blocked for good
    assert "cannot read slack channel history" in caplog.text


@pytest.mark.parametrize(
    ("reply", "maybe_sent"),
    [
        (Reply(status=503, error="service_unavailable"), True),
        (Reply(error="internal_error"), True),
        (Reply(status=429, error="ratelimited", headers={"Retry-After": "3"}), False),
        (Reply(error="request_timeout"), False),
    ],
)
async def test_post_failures_say_whether_the_post_may_exist(
    slack: FakeSlack, adapter: SlackAdapter, reply: Reply, maybe_sent: bool
) -> None:
    slack.script("chat.postMessage", reply)
    with pytest.raises(DeliveryError) as info:
        await sink_named(adapter, "slack:C0ALL").send(make_alert())
    assert info.value.maybe_sent is maybe_sent and not info.value.permanent


async def test_refused_connection_means_not_sent(adapter: SlackAdapter, slack: FakeSlack) -> None:
    sink = sink_named(adapter, "slack:C0ALL")
    await slack.close()
    with pytest.raises(DeliveryError, match="network error") as info:
        await sink.send(make_alert())
    assert not info.value.maybe_sent
