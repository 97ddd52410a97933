"""Review from Discord: buttons on the alert -> role check -> stored review -> edited alert -> status change alert."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.discord import DiscordAdapter, start_discord
from bot.adapters.discord.review import parse_custom_id
from bot.config import DiscordRoute, DiscordSettings
from bot.models import Label
from tests.discord.conftest import FakeQuery
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.review_world import ReviewWorld

REVIEWER = 555000000000000001
OTHER_ROLE = 555000000000000002
EPHEMERAL = 1 << 6


@pytest.fixture
def world(tmp_path: Path) -> Iterator[ReviewWorld]:
    w = ReviewWorld(tmp_path)
    yield w
    w.close()


async def start(fake: FakeDiscord, world: ReviewWorld, *, role: int | None = REVIEWER) -> DiscordAdapter:
    settings = DiscordSettings(enabled=True, api_base=fake.api_base, gateway_url=fake.gateway_url,
                               guild_id=fake.GUILD_ID, routes=[DiscordRoute(channel_id=fake.CHANNEL_ID)],
                               reviewer_role_id=role)
    adapter = await start_discord(settings, fake.token, FakeQuery(), ready_timeout=5.0, guild_ready_timeout=0.05,
                                  reviews=world.reviews)
    world.add_sinks(adapter.sinks())
    return adapter


@pytest.fixture
async def bot(fake: FakeDiscord, world: ReviewWorld) -> AsyncIterator[DiscordAdapter]:
    adapter = await start(fake, world)
    try:
        yield adapter
    finally:
        await adapter.close()


def buttons(message: dict[str, Any]) -> list[str]:
    return [c.get("custom_id", "") for row in message.get("components") or [] for c in row["components"]]


def review_field(message: dict[str, Any]) -> str:
    fields = message["embeds"][0].get("fields") or []
    return next(f["value"] for f in fields if f["name"] == "Review")


async def test_wrong_then_right_label_round_trip(fake: FakeDiscord, bot: DiscordAdapter, world: ReviewWorld) -> None:
    fid, _ = world.finding_alert(Label.DENIAL, "CA", "Canada denied having any agreement with the US.")
    assert world.status("CA") == "contested"
    await world.box.deliver_due()
    alert_msg = fake.messages[fake.CHANNEL_ID][0]
    assert buttons(alert_msg) == [f"stcwatch:review:ok:{fid}", f"stcwatch:review:wrong:{fid}"]
    posts_before = len(fake.messages[fake.CHANNEL_ID])

    wrong = await fake.click(alert_msg, f"stcwatch:review:wrong:{fid}", roles=[REVIEWER])
    response = await fake.wait_response(wrong)
    assert response["type"] == 7  # the alert itself now offers the right label
    ids = buttons(alert_msg)
    assert ids == [f"stcwatch:review:label:{fid}", f"stcwatch:review:back:{fid}"]
    options = [o["value"] for o in alert_msg["components"][0]["components"][0]["options"]]
    assert options == ["CLAIM", "CONFIRMED", "DENIAL", "MENTION", "IRRELEVANT"]
    pending = world.store.tracking.finding(fid)
    assert pending is not None and pending.review is None  # nothing stored until the label is picked

    pick = await fake.click(alert_msg, f"stcwatch:review:label:{fid}", roles=[OTHER_ROLE, REVIEWER],
                            values=["IRRELEVANT"], name="bob")
    assert (await fake.wait_response(pick))["type"] == 7

    stored = world.store.tracking.finding(fid)
    assert stored is not None and (stored.review, stored.review_label, stored.reviewed_by) == (
        "rejected", "IRRELEVANT", "bob (Discord)"
    )
    assert buttons(alert_msg) == []
    verdict = review_field(alert_msg)
    assert "wrong (DENIAL -> not a signal), by bob (Discord)" in verdict and "contested -> confirmed" in verdict
    assert alert_msg["embeds"][0]["title"].startswith("Story")  # the rest of the alert is kept
    assert world.status("CA") == "confirmed"

    await world.box.deliver_due()
    posted = fake.messages[fake.CHANNEL_ID][posts_before:]
    changes = [m for m in posted if "contested → confirmed" in (m["embeds"][0].get("title") or "")]
    assert len(changes) == 1
    fields = {f["name"]: f["value"] for f in changes[0]["embeds"][0]["fields"]}
    assert fields["After a review by"] == "bob (Discord)"


async def test_correct_button_accepts_and_edits(fake: FakeDiscord, bot: DiscordAdapter, world: ReviewWorld) -> None:
    fid, _ = world.finding_alert(Label.CONFIRMED, "GT", "Guatemala confirmed it signed the agreement.")
    assert world.status("GT") == "contested"  # a machine read does not override Arévalo's reviewed denial
    await world.box.deliver_due()
    alert_msg = fake.messages[fake.CHANNEL_ID][0]

    ok = await fake.click(alert_msg, f"stcwatch:review:ok:{fid}", roles=[REVIEWER])
    assert (await fake.wait_response(ok))["type"] == 7

    assert world.status("GT") == "confirmed"
    assert "correct (CONFIRMED), by alice (Discord); status contested -> confirmed" in review_field(alert_msg)
    assert buttons(alert_msg) == []


async def test_non_reviewers_get_an_ephemeral_refusal_and_nothing_changes(
    fake: FakeDiscord, bot: DiscordAdapter, world: ReviewWorld
) -> None:
    fid, _ = world.finding_alert(Label.DENIAL, "CA", "Canada denied.")
    await world.box.deliver_due()
    alert_msg = fake.messages[fake.CHANNEL_ID][0]
    before = [dict(m) for m in fake.messages[fake.CHANNEL_ID]]

    for custom_id in (f"stcwatch:review:ok:{fid}", f"stcwatch:review:wrong:{fid}"):
        inter = await fake.click(alert_msg, custom_id, roles=[OTHER_ROLE])
        response = await fake.wait_response(inter)
        assert response["type"] == 4 and response["data"]["flags"] & EPHEMERAL
        assert "reviewer role" in response["data"]["content"]
    picked = await fake.click(alert_msg, f"stcwatch:review:label:{fid}", roles=[], values=["CLAIM"])
    assert (await fake.wait_response(picked))["data"]["flags"] & EPHEMERAL

    stored = world.store.tracking.finding(fid)
    assert stored is not None and stored.review is None
    assert fake.messages[fake.CHANNEL_ID] == before and fake.message_updates == []


async def test_without_a_reviewer_role_nobody_reviews(fake: FakeDiscord, world: ReviewWorld) -> None:
    adapter = await start(fake, world, role=None)
    try:
        fid, _ = world.finding_alert(Label.CLAIM, "HN", "Honduras agreed, an official said.")
        await world.box.deliver_due()
        alert_msg = fake.messages[fake.CHANNEL_ID][0]
        inter = await fake.click(alert_msg, f"stcwatch:review:ok:{fid}", roles=[REVIEWER])
        response = await fake.wait_response(inter)
        assert response["data"]["flags"] & EPHEMERAL and "reviewer_role_id" in response["data"]["content"]
    finally:
        await adapter.close()


async def test_unknown_finding_is_an_ephemeral_error(
    fake: FakeDiscord, bot: DiscordAdapter, world: ReviewWorld
) -> None:
    world.finding_alert(Label.CLAIM, "HN", "Honduras agreed.")
    await world.box.deliver_due()
    alert_msg = fake.messages[fake.CHANNEL_ID][0]
    inter = await fake.click(alert_msg, "stcwatch:review:ok:98765", roles=[REVIEWER])
    response = await fake.wait_response(inter)
    assert response["data"]["flags"] & EPHEMERAL and "no finding with id 98765" in response["data"]["content"]


def test_custom_ids_are_parsed_strictly() -> None:
    assert parse_custom_id("stcwatch:review:ok:12") == ("ok", 12)
    assert parse_custom_id("stcwatch:review:label:7") == ("label", 7)
    assert parse_custom_id("stcwatch:review:ok:12:x") is None
    assert parse_custom_id("other:ok:12") is None
