"""`stcwatch run` and `poll --once` as real processes: a quiet, correct shutdown during a hanging fetch, no
overlap warnings, one bot per store whatever path leads to it, and poll's exit status (issue #16)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from tests.cli.clirun import ROOT, config, stcwatch
from tests.fakes.feed_server import FeedServer


def denial_feed() -> bytes:
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=10), usegmt=True)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>Guatemala denies signing a safe third country agreement</title>"
        f"<link>http://desk.example/gt</link><guid>gt</guid><pubDate>{when}</pubDate><description>Guatemala's "
        "government denied that it had signed a safe third country agreement with Washington.</description>"
        "</item></channel></rss>"
    ).encode()


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        assert proc.poll() is None, f"bot exited ({proc.returncode}) waiting for {what}"
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def start_bot(cfg: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path, Path]:
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "--config", str(cfg), "run"], stdout=o, stderr=e, env=env, cwd=tmp_path
        )
    return proc, out, err


def test_sigterm_during_a_hanging_fetch_is_quiet_and_ticks_do_not_pile_up(tmp_path: Path) -> None:
    with FeedServer() as srv:
        srv.add("/hang.xml", body=b"<rss/>", delay=60)
        srv.add("/desk.xml", body=denial_feed())
        cfg = config(
            tmp_path,
            f"""
[poll]
tick = "300ms"
[http]
timeout = "30s"
[console]
enabled = true
[logging]
format = "json"
level = "DEBUG"
[[feeds]]
name = "Hang"
url = "{srv.url('/hang.xml')}"
[[feeds]]
name = "Desk"
url = "{srv.url('/desk.xml')}"
""",
        )
        proc, out, err = start_bot(cfg, tmp_path)
        try:
            # The healthy feed alerts while the hanging one holds the cycle open.
            wait_for(lambda: "DENIAL" in out.read_text(), 30, "the alert", proc)
            time.sleep(3)  # ten ticks and several delivery runs while the cycle is still fetching
            assert len(srv.requests_for("/hang.xml")) == 1  # no second cycle stacked on the first
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            assert time.monotonic() - started < 5  # the hanging fetch was not waited for
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    logs = [json.loads(line) for line in err.read_text().splitlines()]
    assert logs[-1]["msg"] == "stcwatch stopped"
    loud = [entry for entry in logs if entry["level"] in ("warning", "error", "critical")]
    assert loud == []  # no CancelledError from APScheduler, no "maximum number of running instances"
    assert "Traceback" not in err.read_text()
    assert out.read_text().count("DENIAL") == 1


def test_one_bot_per_store_even_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "linkdir").symlink_to(real, target_is_directory=True)
    with FeedServer() as srv:
        srv.add("/desk.xml", body=denial_feed())
        feeds = f'[[feeds]]\nname = "Desk"\nurl = "{srv.url("/desk.xml")}"\n[logging]\nformat = "json"'
        first = config(tmp_path, f'[store]\npath = "{real / "s.db"}"\n{feeds}', name="first.toml")
        proc, _, err = start_bot(first, tmp_path)
        try:
            wait_for(lambda: "stcwatch running" in err.read_text(), 30, "the first bot", proc)
            (tmp_path / "s-link.db").symlink_to(real / "s.db")
            for path in (tmp_path / "linkdir" / "s.db", tmp_path / "s-link.db"):
                other = config(tmp_path, f'[store]\npath = "{path}"\n{feeds}', name="second.toml")
                second = stcwatch("--config", str(other), "poll", "--once", cwd=tmp_path)
                assert second.returncode == 1, second.stderr
                assert f"another stcwatch (pid {proc.pid}) is already polling and posting" in second.stderr
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=15) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_poll_once_exits_1_only_when_every_feed_fails(tmp_path: Path) -> None:
    with FeedServer() as srv:
        srv.add("/down.xml", status=500, body=b"boom")
        srv.add("/gone.xml", status=404, body=b"gone")
        srv.add("/desk.xml", body=denial_feed())
        broken = (("A", "/down.xml"), ("B", "/gone.xml"))
        failing = "".join(f'[[feeds]]\nname = "{name}"\nurl = "{srv.url(path)}"\n' for name, path in broken)
        all_fail = config(tmp_path, failing + '[logging]\nformat = "json"', name="fail.toml")
        proc = stcwatch("--config", str(all_fail), "poll", "--once", cwd=tmp_path)
        assert proc.returncode == 1
        assert "feed fetch failed" in proc.stderr and "Traceback" not in proc.stderr
        some_ok = config(
            tmp_path,
            failing + f'[[feeds]]\nname = "C"\nurl = "{srv.url("/desk.xml")}"\n[store]\npath = "{tmp_path / "t.db"}"',
            name="some.toml",
        )
        proc = stcwatch("--config", str(some_ok), "poll", "--once", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "DENIAL" in proc.stdout
