"""Whole pipeline into the chat fakes: local feeds -> classify -> outbox -> Discord embeds / Slack blocks,
then `/agreements honduras` answered from the same store. Real discord.py and slack-bolt stacks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.chat import CHAT_CONNECT_TIMEOUT, open_bot, wait_connected
from bot.cli import _sinks
from bot.config import load_settings
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack

ALL, GT_DENIALS = 1001, 1002


def feed_xml() -> bytes:
    when = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    items = [
        ("US official says Honduras signed a safe third country agreement", "hn-claim",
         "The US homeland security secretary said Honduras has signed a safe third country agreement."),
        ("Honduras denies signing a safe third country agreement", "hn-denial",
         "Honduras's foreign ministry denied that the country signed a safe third country agreement."),
        ("@everyone <!channel> Guatemala denies signing safe third country deal <@123>", "gt-denial",
         "Guatemala's government denied it signed a safe third country agreement. @here <http://evil.example|click>"),
    ]
    body = "".join(
        f"<item><title>{t.replace('&', '&amp;').replace('<', '&lt;')}</title><link>http://news.example/{slug}</link>"
        f"<guid>{slug}</guid><pubDate>{when}</pubDate><description>{d.replace('<', '&lt;')}</description></item>"
        for t, slug, d in items
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>W</title>'
    return f"{head}{body}</channel></rss>".encode()


def config(tmp_path: Path, srv: FeedServer, chat: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(
        f"""
[store]
path = "{tmp_path / 's.db'}"
[[feeds]]
name = "Wire"
url = "{srv.url('/w.xml')}"
{chat}
""",
        encoding="utf-8",
    )
    return path


async def test_discord_pipeline_routes_embeds_and_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with FakeDiscord() as fake, FeedServer() as srv:
        srv.add("/w.xml", body=feed_xml())
        monkeypatch.setenv("STCWATCH_DISCORD_TOKEN", "fake-token")
        settings = load_settings(config(tmp_path, srv, f"""
[discord]
enabled = true
api_base = "{fake.api_base}"
gateway_url = "{fake.gateway_url}"
guild_id = {fake.GUILD_ID}
[[discord.routes]]
channel_id = {ALL}
[[discord.routes]]
channel_id = {GT_DENIALS}
countries = ["GT"]
labels = ["DENIAL"]
mention_role_id = 555
"""))
        async with open_bot(settings, sinks=_sinks(settings)) as app:
            assert await wait_connected(app.chat, within=CHAT_CONNECT_TIMEOUT)
            await app.poller.poll(only_due=False)
            await app.outbox.deliver_due()

            everything = fake.posts_to(ALL)
            titles = [p["embeds"][0]["title"] for p in everything]
            assert len(everything) == 4, titles  # HN claim, HN denial, GT denial, HN status change
            assert any("contested" in t.lower() for t in titles)
            for post in everything:
                assert post["allowed_mentions"] == {"parse": []}
            gt_only = fake.posts_to(GT_DENIALS)
            assert len(gt_only) == 1
            assert gt_only[0]["allowed_mentions"] == {"parse": [], "roles": [555]}
            assert gt_only[0]["content"] == "<@&555>"
            raw = json.dumps(gt_only[0], ensure_ascii=False)
            assert "@everyone" not in raw and "<@123>" not in raw  # escaped, and allowed_mentions blocks pings

            inter = await fake.invoke("agreements", {"country": "honduras"})
            answer = await fake.wait_answer(inter)
            text = json.dumps(answer)
            assert "Honduras" in text and "contested" in text.lower()
            assert "http://news.example/hn-denial" in text and "http://news.example/hn-claim" in text

            await app.outbox.deliver_due()
            assert len(fake.posts_to(ALL)) == 4  # nothing posted twice


async def test_slack_pipeline_routes_blocks_and_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with FakeSlack() as fake, FeedServer() as srv:
        srv.add("/w.xml", body=feed_xml())
        monkeypatch.setenv("STCWATCH_SLACK_BOT_TOKEN", BOT_TOKEN)
        monkeypatch.setenv("STCWATCH_SLACK_APP_TOKEN", APP_TOKEN)
        settings = load_settings(config(tmp_path, srv, f"""
[slack]
enabled = true
api_base = "{fake.api_base}"
[[slack.routes]]
channel = "C-ALL"
[[slack.routes]]
channel = "C-GT"
countries = ["GT"]
labels = ["DENIAL"]
"""))
        async with open_bot(settings, sinks=_sinks(settings)) as app:
            assert await wait_connected(app.chat, within=CHAT_CONNECT_TIMEOUT)
            await app.poller.poll(only_due=False)
            await app.outbox.deliver_due()
            by_channel: dict[str, list[dict[str, object]]] = {}
            for post in fake.posted:
                by_channel.setdefault(str(post["channel"]), []).append(post)
            assert len(by_channel["C-ALL"]) == 4
            assert len(by_channel["C-GT"]) == 1
            gt = json.dumps(by_channel["C-GT"][0])
            assert "<!channel>" not in gt and "<@123>" not in gt and "<http://evil.example|click>" not in gt
            assert "&lt;@123&gt;" in gt  # the mention survives only as visible text
            assert "@everyone" not in gt

            envelope = await fake.send_command("/agreements", "honduras")
            await fake.wait_for_ack(envelope)
            response = await fake.wait_for_response(envelope)
            text = json.dumps(response.body)
            assert "Honduras" in text and "contested" in text.lower()
            assert "http://news.example/hn-denial" in text
