"""A chat connection that dies after startup is noticed, reported by /healthz and brought back.

The real `stcwatch run` process against the fake Discord / Slack. Discord ends the gateway session for good
(close code 4004, the token rotated): discord.py stops, the bot starts its adapter afresh with backoff and,
once the token works again, answers slash commands. Slack's Socket Mode edge refuses connections for a
while. Meanwhile `/healthz` names the adapter as down and answers 503 once that lasts longer than
`[health] max_chat_down`; afterwards 200 again.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.e2e.botproc import Bot, discord_chat, feed_xml, slack_chat, write_config
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def health_config(tmp_path: Path, feed_url: str, chat: str, port: int) -> Path:
    extra = f'[health]\nlisten = "127.0.0.1:{port}"\nmax_chat_down = "1s"\n{chat}'
    return write_config(tmp_path, feed_url, extra)


def healthz(port: int) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except OSError:
        return 0, {}


def metrics(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
        return str(resp.read().decode())


class Probe:
    """The last /healthz answer, refreshed on every check."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.status, self.body = 0, {}

    def chat_is(self, platform: str, state: str, status: int) -> bool:
        self.status, self.body = healthz(self.port)
        return self.status == status and self.body.get("chat", {}).get(platform, {}).get("state") == state


async def test_discord_gateway_lost_for_good_is_restarted_and_reported(tmp_path: Path) -> None:
    port = free_port()
    async with FakeDiscord() as discord, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        config = health_config(tmp_path, srv.url("/wire.xml"), discord_chat(discord, 4545), port)
        bot = Bot(tmp_path, config, {"STCWATCH_DISCORD_TOKEN": discord.token})
        probe = Probe(port)
        token = discord.token
        try:
            await bot.start()
            await bot.eventually(lambda: probe.chat_is("discord", "up", 200), within=30, what="discord up")
            identifies = len(discord.identifies)

            discord.token = "rotated"  # REST now answers 401 and a new IDENTIFY would be refused
            await discord.close_sockets(code=4004)
            await bot.eventually(lambda: probe.chat_is("discord", "down", 503), within=15, what="503, discord down")
            assert probe.body["chat_down"] == ["discord"] and probe.body["status"] == "unhealthy"
            assert probe.body["chat"]["discord"]["error"]
            assert 'stcwatch_chat_connected{platform="discord"} 0.0' in metrics(port)

            discord.token = token  # fixed: the next restart (5 s backoff) gets through
            await bot.eventually(lambda: probe.chat_is("discord", "up", 200), within=30, what="discord back up")
            assert len(discord.identifies) > identifies  # a fresh session, not discord.py's resume
            inter = await discord.invoke("feeds")
            answer = await discord.wait_answer(inter, within=10)
            assert "Wire" in json.dumps(answer)
            assert 'stcwatch_chat_connected{platform="discord"} 1.0' in metrics(port)
        finally:
            await bot.close()
    assert "chat connection lost" in bot.log


async def test_slack_socket_mode_down_is_reported_then_recovers(tmp_path: Path) -> None:
    port = free_port()
    async with FakeSlack() as slack, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        config = health_config(tmp_path, srv.url("/wire.xml"), slack_chat(slack.api_base, "C0ALERTS"), port)
        bot = Bot(tmp_path, config, {"STCWATCH_SLACK_BOT_TOKEN": BOT_TOKEN, "STCWATCH_SLACK_APP_TOKEN": APP_TOKEN})
        probe = Probe(port)
        try:
            await bot.start()
            await bot.eventually(lambda: probe.chat_is("slack", "up", 200), within=30, what="slack up")

            slack.refuse_sockets = True
            await slack.drop_sockets()
            await bot.eventually(lambda: probe.chat_is("slack", "down", 503), within=15, what="503, slack down")
            assert probe.body["chat_down"] == ["slack"]

            slack.refuse_sockets = False
            await bot.eventually(lambda: probe.chat_is("slack", "up", 200), within=40, what="slack back up")
            envelope = await slack.send_command("/feeds")
            await slack.wait_for_ack(envelope, within=10)
            reply = await slack.wait_for_response(envelope, within=10)
            assert "Wire" in json.dumps(reply.body)
        finally:
            await bot.close()


async def test_healthz_is_503_while_a_configured_adapter_never_connected(tmp_path: Path) -> None:
    port, dead = free_port(), free_port()
    async with FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        chat = f'[slack]\nenabled = true\napi_base = "http://127.0.0.1:{dead}/api/"\n[[slack.routes]]\nchannel = "C1"\n'
        config = health_config(tmp_path, srv.url("/wire.xml"), chat, port)
        bot = Bot(tmp_path, config, {"STCWATCH_SLACK_BOT_TOKEN": BOT_TOKEN, "STCWATCH_SLACK_APP_TOKEN": APP_TOKEN})
        probe = Probe(port)
        try:
            await bot.start()
            await bot.eventually(lambda: probe.chat_is("slack", "connecting", 503), within=20, what="503, never up")
            assert "cannot reach Slack" in (probe.body["chat"]["slack"]["error"] or "")
        finally:
            await bot.close()
