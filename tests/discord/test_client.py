"""The real discord.py client against the fake Discord: startup, command sync, slash commands."""

from __future__ import annotations

import discord
import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord import DiscordAdapter, DiscordStartupError, start_discord
from bot.adapters.discord import commands as commands_module
from tests.discord.conftest import FakeQuery, SettingsFactory, huge_answer
from tests.fakes.discord_server import EPHEMERAL, LOADING, FakeDiscord, embed_problems


async def test_connects_and_syncs_commands_to_the_guild(
    fake: FakeDiscord, bot: DiscordAdapter
) -> None:
    assert bot.ready
    assert bot.client.user is not None and bot.client.user.id == fake.BOT_ID
    assert len(fake.identifies) == 1 and fake.identifies[0]["token"] == fake.token
    assert fake.identifies[0]["intents"] & discord.Intents(guilds=True).value
    assert [scope for scope, _ in fake.command_puts] == [fake.GUILD_ID]
    names = {c["name"] for c in fake.commands[fake.GUILD_ID]}
    assert names == {"agreements", "feeds"}
    agreements = next(c for c in fake.commands[fake.GUILD_ID] if c["name"] == "agreements")
    country = next(o for o in agreements["options"] if o["name"] == "country")
    assert country["autocomplete"] is True and country["required"] is False
    assert {c.name for c in bot.commands} == {"agreements", "feeds"}
    assert fake.unexpected == []
    assert fake.heartbeats >= 1  # discord.py heartbeats right after HELLO


async def test_global_sync_without_guild(fake: FakeDiscord, settings_for: SettingsFactory, query: FakeQuery) -> None:
    adapter = await start_discord(settings_for(guild=False), fake.token, query, ready_timeout=5.0,
                                  guild_ready_timeout=0.05)
    try:
        assert [scope for scope, _ in fake.command_puts] == [None]
        inter = await fake.invoke("feeds")
        answer = await fake.wait_response(inter)
        assert answer["type"] == 4
    finally:
        await adapter.close()


async def test_close_restores_discord_endpoints(fake: FakeDiscord, settings_for: SettingsFactory,
                                                query: FakeQuery) -> None:
    before = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
    adapter = await start_discord(settings_for(), fake.token, query, ready_timeout=5.0, guild_ready_timeout=0.05)
    assert fake.api_base == Route.BASE
    await adapter.close()
    assert before == (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
    assert adapter.client.is_closed()


async def test_bad_token_is_a_clear_startup_error(fake: FakeDiscord, settings_for: SettingsFactory,
                                                  query: FakeQuery) -> None:
    before = Route.BASE
    with pytest.raises(DiscordStartupError, match="refused the bot token"):
        await start_discord(settings_for(), "wrong-token", query, ready_timeout=5.0)
    assert fake.identifies == []
    assert before == Route.BASE


async def test_no_ready_times_out_clearly(fake: FakeDiscord, settings_for: SettingsFactory, query: FakeQuery) -> None:
    fake.send_ready = False
    with pytest.raises(DiscordStartupError, match="no READY within"):
        await start_discord(settings_for(), fake.token, query, ready_timeout=0.5)
    assert len(fake.identifies) == 1


async def test_unreachable_discord_is_a_clear_startup_error(settings_for: SettingsFactory, fake: FakeDiscord,
                                                            query: FakeQuery) -> None:
    settings = settings_for().model_copy(update={"api_base": "http://127.0.0.1:9/api/v10"})
    with pytest.raises(DiscordStartupError, match="cannot log in"):
        await start_discord(settings, fake.token, query, ready_timeout=2.0)


async def test_agreements_honduras_round_trip(fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery) -> None:
    inter = await fake.invoke("agreements", {"country": "honduras"})
    response = await fake.wait_response(inter)
    assert response["type"] == 4  # answered directly, within the window
    data = response["data"]
    assert not int(data.get("flags") or 0) & EPHEMERAL
    assert data["allowed_mentions"] == {"parse": []}  # nothing in the answer can ping
    (embed,) = data["embeds"]
    assert embed_problems(embed) == []
    assert embed["title"].startswith("🇭🇳 Honduras (HN)")
    assert "⚠ CONTESTED" in embed["title"]
    assert embed["color"] == 0xE74C3C
    assert "foreign ministry denies" in embed["description"]
    names = [f["name"] for f in embed["fields"]]
    assert names[0] == "2025-06-01 · denial" and names[2] == "2019-09 · agreement signed · baseline"
    assert "[La Prensa](https://news.example/hn-denial) (+1 more outlets)" in embed["fields"][0]["value"]
    assert any(n.startswith("Finding · DENIAL · 2025-06-02 · 2 outlets") for n in names)
    assert "page 1/1" in embed["footer"]["text"]
    assert ("agreements", "honduras") in query.calls


async def test_autocomplete_offers_countries(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    inter = await fake.invoke("agreements", {"country": "h"}, focused="country")
    response = await fake.wait_response(inter)
    assert response["type"] == 8
    assert response["data"]["choices"] == [
        {"name": "🇭🇳 Honduras (HN)", "value": "HN"},
        {"name": "🇭🇺 Hungary (HU)", "value": "HU"},
    ]


async def test_chosen_autocomplete_code_answers(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    inter = await fake.invoke("agreements", {"country": "HN"})
    response = await fake.wait_response(inter)
    assert response["data"]["embeds"][0]["title"].startswith("🇭🇳 Honduras")


async def test_unknown_country_is_ephemeral_with_suggestions(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    inter = await fake.invoke("agreements", {"country": "Hondurass @everyone"})
    response = await fake.wait_response(inter)
    data = response["data"]
    assert int(data["flags"]) & EPHEMERAL
    assert "Did you mean" in data["content"] and "Honduras (`HN`)" in data["content"]
    assert "@everyone" not in data["content"]  # the echoed query is made inert
    assert not data.get("embeds")


async def test_overview_without_country(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    inter = await fake.invoke("agreements")
    embed = (await fake.wait_response(inter))["data"]["embeds"][0]
    assert "overview" in embed["title"]
    assert "**Honduras** (`HN`) — ⚠ CONTESTED" in embed["description"]
    assert "Guatemala" in embed["description"]


async def test_overview_filtered_by_deal_type(fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery) -> None:
    cmd, _ = fake._find_command("agreements")
    option = next(o for o in cmd["options"] if o["name"] == "deal_type")
    assert [c["value"] for c in option["choices"]] == [
        "safe_third_country", "deportation", "transit", "detention", "other"
    ]
    inter = await fake.invoke("agreements", {"deal_type": "transit"})
    await fake.wait_response(inter)
    assert query.deal_types == ["transit"]


async def test_feeds_shows_health(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    inter = await fake.invoke("feeds")
    data = (await fake.wait_response(inter))["data"]
    assert int(data["flags"]) & EPHEMERAL
    (embed,) = data["embeds"]
    assert embed["title"] == "Feed health — 2 feeds, 1 failing"
    lines = embed["description"].splitlines()
    assert lines[0].startswith("🔴 **Prensa ES** — http 503")  # failing feeds first
    assert "failure streak 4" in lines[0] and "HTTP 503 Service Unavailable" in lines[1]
    assert "🟢 **Wire EN** — ok" in embed["description"]
    assert f"<t:{int(FakeQuery().feeds[0].last_fetch_at.timestamp())}:R>" in embed["description"]  # type: ignore[union-attr]


async def test_query_error_reaches_user_as_ephemeral_message(
    fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery, caplog: pytest.LogCaptureFixture
) -> None:
    query.broken = RuntimeError("database is locked")
    inter = await fake.invoke("agreements", {"country": "honduras"})
    data = (await fake.wait_response(inter))["data"]
    assert int(data["flags"]) & EPHEMERAL
    assert data["content"].startswith("Sorry, something went wrong")
    assert "database is locked" not in data["content"]
    assert any(r.message == "slash command failed" and r.exc_info for r in caplog.records)


async def test_slow_query_defers_then_edits(
    fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands_module, "DEFER_AFTER", 0.05)
    fake.ack_deadline = 0.5  # a late first response would be refused, as Discord does after 3 s
    query.delay = 0.6
    inter = await fake.invoke("agreements", {"country": "honduras"})
    first = await fake.wait_response(inter)
    assert first["type"] == 5  # deferred: "thinking…"
    answer = await fake.wait_answer(inter)
    assert not int(answer["flags"]) & LOADING
    assert answer["embeds"][0]["title"].startswith("🇭🇳 Honduras")
    assert len(inter.callbacks) == 1


async def test_slow_failing_query_still_tells_the_user(
    fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands_module, "DEFER_AFTER", 0.05)
    query.delay = 0.2
    query.broken = RuntimeError("boom")
    inter = await fake.invoke("feeds")
    assert (await fake.wait_response(inter))["type"] == 5
    answer = await fake.wait_answer(inter)
    assert answer["content"].startswith("Sorry, something went wrong")
    assert int(answer["flags"]) & EPHEMERAL  # /feeds defers privately


async def test_huge_timeline_pages_fit_discord_limits(fake: FakeDiscord, bot: DiscordAdapter, query: FakeQuery) -> None:
    query.answers["honduras"] = huge_answer(60)
    for page in (1, 2, 8):
        inter = await fake.invoke("agreements", {"country": "honduras", "page": page})
        response = await fake.wait_response(inter)
        assert response["type"] == 4  # the fake answers 400 (and records nothing) if any limit is exceeded
        (embed,) = response["data"]["embeds"]
        assert embed_problems(embed) == []
        assert f"page {page}/8" in embed["footer"]["text"]


async def test_gateway_drop_resumes_and_keeps_answering(fake: FakeDiscord, bot: DiscordAdapter) -> None:
    await fake.close_sockets()  # Discord going away (1001): discord.py resumes the session
    await fake.wait_until(lambda: fake.resumes)
    assert fake.resumes[0]["session_id"] == "fake-session" and fake.resumes[0]["token"] == fake.token
    inter = await fake.invoke("agreements", {"country": "hn"})
    assert (await fake.wait_response(inter))["type"] == 4
    assert bot.ready
