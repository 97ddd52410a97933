"""`stcwatch run` as a real process: polls, prints alerts, serves health and metrics, keeps a second bot
off its store, stops on SIGTERM.

Discord is enabled against a dead loopback port: the adapter fails to start, says so, and the rest of
the bot keeps polling and printing. The chat tokens never appear in the logs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from tests.fakes.feed_server import FeedServer

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "discord-token-must-never-be-logged-9f8e7d"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def feed() -> bytes:
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=30), usegmt=True)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Guatemala denies signing a safe third country agreement with the United States</title>
<link>http://desk.example/gt-denies</link><guid>gt-1</guid><pubDate>{when}</pubDate>
<description>Guatemala's government denied on Friday that it had signed any safe third country agreement
with Washington.</description></item></channel></rss>""".encode()


def wait_for(predicate: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_run_serves_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    health_port, dead_port = free_port(), free_port()
    with FeedServer() as srv:
        srv.add("/desk.xml", body=feed())
        config = tmp_path / "c.toml"
        config.write_text(
            f"""
[store]
path = "{tmp_path / 's.db'}"
[poll]
tick = "1s"
[health]
listen = "127.0.0.1:{health_port}"
[console]
enabled = true
[logging]
format = "json"
level = "DEBUG"
[discord]
enabled = true
api_base = "http://127.0.0.1:{dead_port}/api/v10"
gateway_url = "ws://127.0.0.1:{dead_port}/"
[[discord.routes]]
channel_id = 42
[[feeds]]
name = "Desk"
url = "{srv.url('/desk.xml')}"
""",
            encoding="utf-8",
        )
        out, err = tmp_path / "out.txt", tmp_path / "err.txt"
        env = {**os.environ, "STCWATCH_DISCORD_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
        with out.open("w") as o, err.open("w") as e:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "--config", str(config), "run"], stdout=o, stderr=e, env=env, cwd=tmp_path
            )
            try:
                wait_for(lambda: "DENIAL" in out.read_text(), 30)
                wait_for(lambda: _get(health_port, "/healthz")[0] == 200, 15)
                status, body = _get(health_port, "/healthz")
                health = json.loads(body)
                assert health["status"] == "ok" and health["store"] and health["scheduler"]
                status, metrics = _get(health_port, "/metrics")
                assert status == 200
                assert 'stcwatch_fetches_total{status="ok"}' in metrics
                assert 'stcwatch_findings_total{label="DENIAL"}' in metrics
                assert "stcwatch_alerts_pending" in metrics
                wait_for(lambda: "chat adapter failed to start" in err.read_text(), 15)
                second = subprocess.run(  # a second bot on the same store would post every alert twice
                    [sys.executable, "-m", "bot", "--config", str(config), "poll", "--once"],
                    capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
                )  # fmt: skip
                assert second.returncode == 1
                assert f"another stcwatch (pid {proc.pid}) is already polling and posting" in second.stderr
                started = time.monotonic()
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=10) == 0
                assert time.monotonic() - started < 10
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
    logs = err.read_text()
    assert TOKEN not in logs and TOKEN not in out.read_text()
    assert "GT" in out.read_text()
    for line in logs.splitlines():
        json.loads(line)  # structured logs: every line is one JSON object


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""
