"""`stcwatch feeds` and `stcwatch agreements` beside a running bot, with another config, change nothing.

The bot (a real `stcwatch run` process) polls its feed once and goes idle; then the query commands run as
processes with a config that names the same store but another feed. Every table, and the store file
itself, must read the same afterwards, and the bot must keep its feed active.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.e2e.botproc import ROOT, Bot, all_delivered, feed_xml, write_config
from tests.fakes.feed_server import FeedServer


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read through a read-only connection."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


def file_digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


async def test_queries_with_another_config_leave_the_running_bots_store_alone(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        srv.add("/other.xml", body=feed_xml())
        config = write_config(tmp_path, srv.url("/wire.xml"), "[console]\nenabled = true\n")
        other = tmp_path / "other.toml"
        other.write_text(
            f'[store]\npath = "{db}"\n[[feeds]]\nname = "Other desk"\nurl = "{srv.url("/other.xml")}"\n',
            encoding="utf-8",
        )
        bot = Bot(tmp_path, config, {})
        try:
            await bot.start()
            await bot.eventually(lambda: all_delivered(db), within=60, what="the first poll's alerts")
            await asyncio.sleep(1.5)  # let the cycle's last writes land; the feed is not due again for 10 min
            before, digest, wal = snapshot(db), file_digest(db), file_digest(Path(f"{db}-wal"))
            assert before["feeds"] and all(row[5] == 1 for row in before["feeds"])  # active
            assert before["country_status"], "the bot keeps a status cache"

            answer = await asyncio.to_thread(run_cli, other, "agreements", "honduras")
            listing = await asyncio.to_thread(run_cli, other, "feeds")
            overview = await asyncio.to_thread(run_cli, other, "agreements", "--json")

            assert answer.returncode == 0, answer.stderr
            assert "Honduras (HN)" in answer.stdout and "denial" in answer.stdout.lower()
            assert listing.returncode == 0, listing.stderr
            assert "Other desk" in listing.stdout and "Wire" not in listing.stdout.split("outbox:")[0]
            assert overview.returncode == 0, overview.stderr
            assert {"HN", "GT"} <= {row["country"] for row in json.loads(overview.stdout)}

            after = snapshot(db)
            for table in before:
                assert after[table] == before[table], f"table {table} changed"
            assert after.keys() == before.keys()
            assert file_digest(db) == digest, "the store file changed"
            assert file_digest(Path(f"{db}-wal")) == wal, "the store's WAL changed"
            assert bot.proc is not None and bot.proc.returncode is None
        finally:
            await bot.close()


def test_queries_before_any_poll_create_no_store(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    config = tmp_path / "c.toml"
    config.write_text(
        f'[store]\npath = "{db}"\n[[feeds]]\nname = "Desk"\nurl = "http://127.0.0.1:9/x.xml"\n', encoding="utf-8"
    )
    listing = run_cli(config, "feeds", "--json")
    answer = run_cli(config, "agreements", "guatemala")
    assert listing.returncode == 0, listing.stderr
    assert [row["name"] for row in json.loads(listing.stdout)] == ["Desk"]
    assert answer.returncode == 0 and "Guatemala (GT)" in answer.stdout  # from the packaged baseline
    assert list(tmp_path.iterdir()) == [config]


def test_a_store_written_by_another_schema_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'x', '2025-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    config = tmp_path / "c.toml"
    config.write_text(f'[store]\npath = "{db}"\n', encoding="utf-8")
    digest = file_digest(db)
    listing = run_cli(config, "feeds")
    assert listing.returncode == 1
    assert "schema version 1" in listing.stderr and "poll --once" in listing.stderr
    assert "Traceback" not in listing.stderr
    assert file_digest(db) == digest
