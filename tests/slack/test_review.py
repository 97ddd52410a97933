"""Review from Slack: buttons on the alert -> user group check -> stored review -> chat.update -> status change."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack import SlackAdapter, start_slack
from bot.config import SlackRoute, SlackSettings
from bot.models import Label
from tests.fakes.review_world import ReviewWorld
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.slack.conftest import FakeQuery

CHANNEL = "C0ALERTS"
GROUP = "S0REVIEW"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[ReviewWorld]:
    w = ReviewWorld(tmp_path)
    yield w
    w.close()


async def start(slack: FakeSlack, world: ReviewWorld, *, group: str | None = GROUP) -> SlackAdapter:
    settings = SlackSettings(enabled=True, api_base=slack.api_base, routes=[SlackRoute(channel=CHANNEL)],
                             reviewer_usergroup=group)
    adapter = await start_slack(settings, BOT_TOKEN, APP_TOKEN, FakeQuery(), connect_timeout=5,
                                reviews=world.reviews)
    world.add_sinks(adapter.sinks())
    return adapter


@pytest.fixture
async def bot(slack: FakeSlack, world: ReviewWorld) -> AsyncIterator[SlackAdapter]:
    slack.usergroups[GROUP] = ["U0REVIEWER"]
    adapter = await start(slack, world)
    try:
        yield adapter
    finally:
        await adapter.close()


def review_elements(message: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = [b for b in message["blocks"] if b.get("block_id") == "stcwatch_review"]
    return blocks[0]["elements"] if blocks else []


def button(message: dict[str, Any], action_id: str) -> dict[str, Any]:
    return next(e for e in review_elements(message) if e["action_id"] == action_id)


def all_text(message: dict[str, Any]) -> str:
    out = []
    for block in message["blocks"]:
        text = block.get("text")
        if isinstance(text, dict):
            out.append(text.get("text", ""))
        for element in block.get("elements") or []:
            if isinstance(element, dict) and isinstance(element.get("text"), str):
                out.append(element["text"])
    return "\n".join(out)


async def test_wrong_then_right_label_round_trip(slack: FakeSlack, bot: SlackAdapter, world: ReviewWorld) -> None:
    fid, _ = world.finding_alert(Label.DENIAL, "CA", "Canada denied having any agreement with the US.")
    assert world.status("CA") == "contested"
    await world.box.deliver_due()
    alert_msg = slack.history[CHANNEL][0]
    assert [(e["action_id"], e["value"]) for e in review_elements(alert_msg)] == [
        ("stcwatch_review_ok", str(fid)), ("stcwatch_review_wrong", str(fid))
    ]
    posts_before = len(slack.history[CHANNEL])

    env = await slack.send_action(CHANNEL, alert_msg, button(alert_msg, "stcwatch_review_wrong"), user_id="U0REVIEWER",
                                  user_name="carla")
    await slack.wait_for_ack(env)
    await slack.wait_until(lambda: len(slack.updates) == 1)
    select = review_elements(alert_msg)[0]
    assert select["type"] == "static_select"
    assert [o["value"] for o in select["options"]] == [f"{fid}:{x}" for x in
                                                      ("CLAIM", "CONFIRMED", "DENIAL", "MENTION", "IRRELEVANT")]
    pending = world.store.tracking.finding(fid)
    assert pending is not None and pending.review is None

    chosen = {**select, "selected_option": select["options"][4]}
    env = await slack.send_action(CHANNEL, alert_msg, chosen, user_id="U0REVIEWER", user_name="carla")
    await slack.wait_for_ack(env)
    await slack.wait_until(lambda: len(slack.updates) == 2)

    stored = world.store.tracking.finding(fid)
    assert stored is not None and (stored.review, stored.review_label, stored.reviewed_by) == (
        "rejected", "IRRELEVANT", "carla (Slack)"
    )
    assert review_elements(alert_msg) == []
    text = all_text(alert_msg)
    assert "wrong (DENIAL -&gt; not a signal), by carla (Slack); status contested -&gt; confirmed" in text
    assert "Canada denied having any agreement" in text  # the rest of the alert is kept
    assert world.status("CA") == "confirmed"

    await world.box.deliver_due()
    posted = slack.history[CHANNEL][posts_before:]
    changes = [m for m in posted if "CONFIRMED" in m["text"] and "STATUS" in m["text"]]
    assert len(changes) == 1 and "After a review by* carla (Slack)" in all_text(changes[0])


async def test_correct_button_accepts_and_edits(slack: FakeSlack, bot: SlackAdapter, world: ReviewWorld) -> None:
    fid, _ = world.finding_alert(Label.CONFIRMED, "GT", "Guatemala confirmed it signed the agreement.")
    assert world.status("GT") == "contested"
    await world.box.deliver_due()
    alert_msg = slack.history[CHANNEL][0]
    assert button(alert_msg, "stcwatch_review_ok")["value"] == str(fid)

    env = await slack.send_action(CHANNEL, alert_msg, button(alert_msg, "stcwatch_review_ok"), user_id="U0REVIEWER",
                                  user_name="dan")
    await slack.wait_for_ack(env)
    await slack.wait_until(lambda: len(slack.updates) == 1)

    assert world.status("GT") == "confirmed"
    assert "correct (CONFIRMED), by dan (Slack); status contested -&gt; confirmed" in all_text(alert_msg)
    assert review_elements(alert_msg) == []


async def test_outsiders_get_an_ephemeral_refusal_and_nothing_changes(
    slack: FakeSlack, bot: SlackAdapter, world: ReviewWorld
) -> None:
    fid, _ = world.finding_alert(Label.DENIAL, "CA", "Canada denied.")
    await world.box.deliver_due()
    alert_msg = slack.history[CHANNEL][0]
    blocks_before = [dict(b) for b in alert_msg["blocks"]]

    env = await slack.send_action(CHANNEL, alert_msg, button(alert_msg, "stcwatch_review_ok"), user_id="U0OTHER")
    reply = await slack.wait_for_response(env)

    assert reply.body["response_type"] == "ephemeral" and reply.body["replace_original"] is False
    assert "reviewer user group" in reply.body["text"]
    assert [c.params["usergroup"] for c in slack.calls_to("usergroups.users.list")] == [GROUP]
    stored = world.store.tracking.finding(fid)
    assert stored is not None and stored.review is None
    assert slack.updates == [] and alert_msg["blocks"] == blocks_before


async def test_without_a_reviewer_group_nobody_reviews(slack: FakeSlack, world: ReviewWorld) -> None:
    adapter = await start(slack, world, group=None)
    try:
        world.finding_alert(Label.CLAIM, "HN", "Honduras agreed, an official said.")
        await world.box.deliver_due()
        alert_msg = slack.history[CHANNEL][0]
        env = await slack.send_action(CHANNEL, alert_msg, button(alert_msg, "stcwatch_review_ok"))
        reply = await slack.wait_for_response(env)
        assert reply.body["response_type"] == "ephemeral" and "reviewer_usergroup" in reply.body["text"]
    finally:
        await adapter.close()
