"""Running the real `python -m bot run` process from async tests, next to fakes on the test's own loop.

The fakes (Slack, Discord) serve from the test's event loop, so the bot is an asyncio subprocess and
every wait is an `await`. The store is read through a separate SQLite connection, the way an operator
would look at it, while the bot runs or after it was killed.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Item:
    """One fixture article and the finding it must produce."""

    slug: str
    title: str
    text: str
    label: str | None
    country: str | None


# Our own text; `python -m bot classify` gives exactly these findings (the last one: none).
ITEMS = [
    Item("gt-denies", "Guatemala denies signing a safe third country agreement",
         "Guatemala's foreign ministry denied on Monday that the country had signed a safe third country "
         "agreement with the United States.", "DENIAL", "GT"),
    Item("sv-claim", "US official says El Salvador signed a safe third country deal",
         "A senior US State Department official said El Salvador has signed a safe third country agreement "
         "with Washington.", "CLAIM", "SV"),
    Item("hn-niega", "Honduras niega haber firmado un acuerdo de tercer país seguro",
         "La cancillería hondureña negó que Honduras haya firmado un acuerdo de tercer país seguro con "
         "Estados Unidos.", "DENIAL", "HN"),
    Item("cr-afirma", "Funcionario de EE.UU. afirma que Costa Rica firmó un acuerdo de tercer país seguro",
         "Un alto funcionario del Departamento de Estado afirmó que Costa Rica firmó un acuerdo de tercer país "
         "seguro con Washington.", "CLAIM", "CR"),
    Item("pa-security", "Panama and the US sign a security memorandum",
         "Panama and the United States signed a memorandum of understanding on port security on Tuesday.",
         None, None),
]
EXPECTED_FINDINGS = {(i.label, i.country) for i in ITEMS if i.label is not None}


def feed_xml(items: list[Item] = ITEMS) -> bytes:
    """An RSS feed of ITEMS, published half an hour ago (fresh enough to alert on a first poll)."""
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=30), usegmt=True)
    body = "".join(
        f"<item><title>{i.title}</title><link>http://news.example/{i.slug}</link><guid>{i.slug}</guid>"
        f"<pubDate>{when}</pubDate><description>{i.text}</description></item>"
        for i in items
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
    return f"{head}{body}</channel></rss>".encode()


def slack_chat(api_base: str, channel: str) -> str:
    """The [slack] config for one route into CHANNEL on a fake Slack."""
    return f'[slack]\nenabled = true\napi_base = "{api_base}"\n[[slack.routes]]\nchannel = "{channel}"\n'


def discord_chat(fake: Any, channel_id: int) -> str:
    """The [discord] config for one route into CHANNEL_ID on a fake Discord (tests.fakes.discord_server)."""
    return (
        f'[discord]\nenabled = true\napi_base = "{fake.api_base}"\ngateway_url = "{fake.gateway_url}"\n'
        f"guild_id = {fake.GUILD_ID}\n[[discord.routes]]\nchannel_id = {channel_id}\n"
    )


def write_config(tmp_path: Path, feed_url: str, chat: str) -> Path:
    """A config with one feed, a 0.5 s tick, short outbox retries and the given chat section."""
    path = tmp_path / "c.toml"
    path.write_text(
        f"""
[store]
path = "{tmp_path / 's.db'}"
[poll]
tick = "500ms"
[outbox]
base_retry = "200ms"
max_retry = "1s"
[logging]
format = "json"
level = "INFO"
[[feeds]]
name = "Wire"
url = "{feed_url}"
{chat}
""",
        encoding="utf-8",
    )
    return path


class Bot:
    """One `stcwatch run` process; logs of every start go to the same files."""

    def __init__(self, tmp_path: Path, config: Path, env: dict[str, str]) -> None:
        self.config = config
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.cwd = tmp_path
        self.out_path, self.err_path = tmp_path / "out.txt", tmp_path / "err.txt"
        self.proc: asyncio.subprocess.Process | None = None
        self._files: list[IO[str]] = []

    async def start(self) -> None:
        out, err = self.out_path.open("a"), self.err_path.open("a")
        self._files += [out, err]
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(self.config), "run",
            stdout=out, stderr=err, env=self.env, cwd=self.cwd,
        )

    async def kill(self) -> int:
        """SIGKILL: no handler, no cleanup, no last delivery."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        return await asyncio.wait_for(self.proc.wait(), 10)

    async def stop(self) -> int:
        """SIGTERM and wait (bounded) for a clean exit."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.proc.wait(), 15)

    async def close(self) -> None:
        """Never leave a process behind, whatever the test did."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        for f in self._files:
            f.close()

    @property
    def log(self) -> str:
        return self.err_path.read_text(encoding="utf-8") if self.err_path.exists() else ""

    async def eventually(self, predicate: Callable[[], object], *, within: float, what: str) -> None:
        """Poll PREDICATE until true; fail with the bot's log tail if it is not, or if the bot died."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if predicate():
                return
            if self.proc is not None and self.proc.returncode is not None:
                raise AssertionError(f"bot exited ({self.proc.returncode}) waiting for {what}:\n{self.log[-3000:]}")
            await asyncio.sleep(0.1)
        raise AssertionError(f"timed out after {within:g}s waiting for {what}:\n{self.log[-3000:]}")


@dataclass(frozen=True)
class DeliveryRow:
    alert_id: int
    sink: str
    status: str
    attempts: int
    in_flight_at: str | None


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    if not db.exists():
        return []
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not migrated yet
        return []
    finally:
        conn.close()


def deliveries(db: Path) -> list[DeliveryRow]:
    """Every delivery in alert order."""
    rows = _query(db, "SELECT alert_id, sink, status, attempts, in_flight_at FROM deliveries ORDER BY alert_id, sink")
    return [
        DeliveryRow(int(str(a)), str(s), str(st), int(str(n)), None if f is None else str(f))
        for a, s, st, n, f in rows
    ]


def alerts(db: Path) -> dict[int, tuple[str, str, str | None]]:
    """alert id -> (kind, label, country)."""
    rows = _query(db, "SELECT id, kind, label, country FROM alerts ORDER BY id")
    return {int(str(i)): (str(k), str(lab), None if c is None else str(c)) for i, k, lab, c in rows}


def all_delivered(db: Path) -> bool:
    rows = deliveries(db)
    return bool(rows) and all(r.status == "delivered" for r in rows)
