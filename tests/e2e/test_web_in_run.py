"""The web pages inside a real `stcwatch run` (on their own port, or sharing the health port) and alone as
`stcwatch web` beside it, all answering from the bot's store as it fills."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.botproc import ROOT, Bot, all_delivered, feed_xml, write_config
from tests.fakes.feed_server import FeedServer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""


def fresh_cache(db: Path) -> bool:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT stale, updated_at FROM country_status").fetchall()
    finally:
        conn.close()
    today = datetime.now(UTC).date().isoformat()
    return bool(rows) and all(stale == 0 and str(updated).startswith(today) for stale, updated in rows)


@pytest.mark.parametrize("shared", [False, True], ids=["own-port", "health-port"])
async def test_run_serves_the_pages_from_its_store(tmp_path: Path, shared: bool) -> None:
    web_port = free_port()
    health_port = web_port if shared else free_port()
    with FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        extra = (f'[console]\nenabled = true\n[web]\nlisten = "127.0.0.1:{web_port}"\n'
                 f'[health]\nlisten = "127.0.0.1:{health_port}"\n')  # fmt: skip
        config = write_config(tmp_path, srv.url("/wire.xml"), extra)
        bot = Bot(tmp_path, config, {})
        try:
            await bot.start()
            await bot.eventually(lambda: all_delivered(tmp_path / "s.db"), within=60, what="the first poll")
            await bot.eventually(lambda: 'data-country="SV"' in fetch(web_port, "/")[1], within=20,
                                 what="the overview listing El Salvador's new claim")  # fmt: skip
            # the bot keeps the status cache fresh after each cycle, so read-only pages need not recompute it
            await bot.eventually(lambda: fresh_cache(tmp_path / "s.db"), within=20, what="a fresh status cache")
            status, page = await asyncio.to_thread(fetch, web_port, "/country/HN")
            assert status == 200 and "Honduras" in page and 'id="timeline-chart"' in page
            status, api = await asyncio.to_thread(fetch, web_port, "/api/agreements/GT")
            assert status == 200 and json.loads(api)["country"] == "GT"
            health, _ = await asyncio.to_thread(fetch, health_port, "/healthz")
            assert health in (200, 503)  # the health routes stay there, shared or not

            alone = free_port()
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--config", str(config), "web", "--listen", f"127.0.0.1:{alone}",
                cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip
            try:
                await bot.eventually(lambda: fetch(alone, "/api/agreements/GT")[0] == 200, within=30,
                                     what="`stcwatch web` answering")  # fmt: skip
                assert (await asyncio.to_thread(fetch, alone, "/api/agreements/GT"))[1] == api
            finally:
                proc.terminate()
                _, err = await asyncio.wait_for(proc.communicate(), timeout=10)
                assert proc.returncode == 0, err.decode()
            assert bot.proc is not None and bot.proc.returncode is None
        finally:
            await bot.close()
