"""Outbox: retries with backoff, honours Retry-After, keeps order, never delivers twice.

The in-flight bookkeeping: an attempt is committed as in flight before the sink is called and
cleared once its outcome is known, so after a crash mid-send the sink is told `possibly_sent`.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import DeliveryError, StoreError
from bot.models import Alert
from bot.service.notify import Outbox, retry_delay
from bot.store import Store, open_store
from bot.store.db import connect
from bot.store.migrations import MIGRATIONS
from bot.store.timefmt import to_db


class FlakySink:
    """A sink that fails a scripted number of times before accepting."""

    name = "flaky"

    def __init__(self, failures: list[DeliveryError]) -> None:
        self.failures = failures
        self.sent: list[int] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return country != "MX"

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(alert.id)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_retry_delay_grows_and_respects_retry_after() -> None:
    assert retry_delay(1, None) == 15.0
    assert retry_delay(3, None) == 60.0
    assert retry_delay(30, None) == 3600.0
    assert retry_delay(1, 120.0) == 120.0


async def test_failed_delivery_is_retried_in_order_and_only_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    clock = Clock()
    sink = FlakySink([DeliveryError("429", retry_after=40.0), DeliveryError("HTTP 502")])
    outbox = Outbox(store, [sink], clock=clock)
    assert outbox.sinks_for(kind="finding", label="CLAIM", country="MX") == []
    ids = []
    for n in range(2):
        alert = store.add_alert(
            dedupe_key=f"k{n}",
            kind="finding",
            label="CLAIM",
            title=f"t{n}",
            country="HN",
            sinks=outbox.sinks_for(kind="finding", label="CLAIM", country="HN"),
            now=clock.now,
        )
        assert alert is not None
        ids.append(alert.id)
    assert await outbox.deliver_due() == 0  # 429: first alert waits, second waits behind it
    clock.now += timedelta(seconds=30)
    assert await outbox.deliver_due() == 0  # still inside Retry-After
    clock.now += timedelta(seconds=15)
    assert await outbox.deliver_due() == 0  # 502 on the retry
    clock.now += timedelta(seconds=31)
    assert await outbox.deliver_due() == 2
    assert sink.sent == ids
    clock.now += timedelta(hours=2)
    assert await outbox.deliver_due() == 0
    assert sink.sent == ids


async def test_permanent_failure_does_not_block_later_alerts(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    clock = Clock()
    sink = FlakySink([DeliveryError("unknown channel", permanent=True)])
    outbox = Outbox(store, [sink], clock=clock)
    for n in range(2):
        store.add_alert(
            dedupe_key=f"k{n}", kind="finding", label="DENIAL", title="t", country="GT", sinks=["flaky"], now=clock.now
        )
    assert await outbox.deliver_due() == 1
    assert store.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 1, "orphaned": 0}


# ---- in-flight bookkeeping ---------------------------------------------------------------------


class Killed(BaseException):
    """Stands in for SIGKILL: nothing after the raise runs, no handler records an outcome."""


class ScriptedSink:
    """Records each call with its `possibly_sent` flag and what another connection saw meanwhile."""

    name = "chat"

    def __init__(self, db: Path, script: list[BaseException | None] | None = None) -> None:
        self.db = db
        self.script = script or []
        self.calls: list[tuple[int, bool]] = []
        self.seen_in_flight: list[str | None] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        self.calls.append((alert.id, possibly_sent))
        self.seen_in_flight.append(in_flight(self.db, alert.id))  # read by a separate connection
        outcome = self.script.pop(0) if self.script else None
        if outcome is not None:
            raise outcome


def in_flight(db: Path, alert_id: int, sink: str = "chat") -> str | None:
    """What the file on disk says, through a connection of its own."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT in_flight_at FROM deliveries WHERE alert_id = ? AND sink = ?", (alert_id, sink)
        ).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def add_alerts(store: Store, clock: Clock, n: int, sinks: list[str] | None = None) -> list[int]:
    ids = []
    for i in range(n):
        alert = store.add_alert(
            dedupe_key=f"k{i}", kind="finding", label="DENIAL", title=f"t{i}", country="GT",
            sinks=sinks or ["chat"], now=clock.now,
        )
        assert alert is not None
        ids.append(alert.id)
    return ids


async def test_attempt_is_committed_in_flight_before_send_and_cleared_after(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    sink = ScriptedSink(db)
    [alert_id] = add_alerts(store, clock, 1)
    assert await Outbox(store, [sink], clock=clock).deliver_due() == 1
    assert sink.calls == [(alert_id, False)]
    assert sink.seen_in_flight == [to_db(clock.now)]  # on disk while the sink was posting
    assert in_flight(db, alert_id) is None
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again after the fsynced mark
    assert store.outbox_counts()["delivered"] == 1


async def test_crash_mid_send_makes_the_next_process_pass_possibly_sent(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    first, second, third = add_alerts(store, clock, 3)
    crashing = ScriptedSink(db, [None, Killed()])
    with pytest.raises(Killed):
        await Outbox(store, [crashing], clock=clock).deliver_due()
    assert crashing.calls == [(first, False), (second, False)]
    store._conn.close()  # the process is gone: no cleanup, no outcome for the second alert

    restarted = open_store(db)
    assert in_flight(db, second) is not None and in_flight(db, third) is None
    sink = ScriptedSink(db)
    clock.now += timedelta(seconds=5)
    assert await Outbox(restarted, [sink], clock=clock).deliver_due() == 2
    assert sink.calls == [(second, True), (third, False)]  # only the one in doubt is checked
    assert restarted.outbox_counts() == {"pending": 0, "delivered": 3, "failed": 0, "orphaned": 0}
    assert in_flight(db, second) is None


async def test_failure_clears_in_flight_unless_the_post_may_have_landed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    [alert_id] = add_alerts(store, clock, 1)
    sink = ScriptedSink(db, [
        DeliveryError("HTTP 502 after the request reached Slack", maybe_sent=True),
        DeliveryError("rate limited", retry_after=1.0),  # refused: nothing was posted
        None,
    ])
    outbox = Outbox(store, [sink], clock=clock)
    for _ in range(3):
        await outbox.deliver_due()
        clock.now += timedelta(hours=1)
    assert sink.calls == [(alert_id, False), (alert_id, True), (alert_id, False)]
    assert in_flight(db, alert_id) is None
    assert store.delivery_attempts(alert_id, "chat") == 3


async def test_unexpected_sink_error_keeps_the_question_open(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    [alert_id] = add_alerts(store, clock, 1)
    sink = ScriptedSink(db, [RuntimeError("bug after posting?")])
    outbox = Outbox(store, [sink], clock=clock)
    assert await outbox.deliver_due() == 0
    assert in_flight(db, alert_id) is not None
    clock.now += timedelta(hours=1)
    assert await outbox.deliver_due() == 1
    assert sink.calls == [(alert_id, False), (alert_id, True)]


async def test_permanent_failure_clears_in_flight(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    [alert_id] = add_alerts(store, clock, 1)
    sink = ScriptedSink(db, [DeliveryError("channel_not_found", permanent=True, maybe_sent=True)])
    await Outbox(store, [sink], clock=clock).deliver_due()
    assert in_flight(db, alert_id) is None
    assert store.outbox_counts()["failed"] == 1


async def test_one_argument_sinks_still_work_on_the_normal_path(tmp_path: Path) -> None:
    class OldSink:
        name = "old"

        def __init__(self) -> None:
            self.sent: list[int] = []

        def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
            return True

        async def send(self, alert: Alert) -> None:
            self.sent.append(alert.id)

    store, clock = open_store(tmp_path / "s.db"), Clock()
    sink = OldSink()
    ids = add_alerts(store, clock, 2, sinks=["old"])
    assert await Outbox(store, [sink], clock=clock).deliver_due() == 2  # type: ignore[list-item]
    assert sink.sent == ids


def test_begin_delivery_refuses_to_run_inside_a_transaction(tmp_path: Path) -> None:
    store, clock = open_store(tmp_path / "s.db"), Clock()
    [alert_id] = add_alerts(store, clock, 1)
    with store.transaction(), pytest.raises(StoreError, match="transaction"):
        store.begin_delivery(alert_id, "chat", now=clock.now)


async def test_migration_3_upgrades_a_store_with_pending_deliveries(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for version, name, sql in MIGRATIONS[:2]:  # a store written by the previous release
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00.000000Z')", (version, name))
    conn.execute(
        "INSERT INTO alerts (id, dedupe_key, kind, label, title, created_at)"
        " VALUES (1, 'k', 'finding', 'CLAIM', 't', '2026-01-01T00:00:00.000000Z')"
    )
    conn.execute(
        "INSERT INTO deliveries (alert_id, sink, next_attempt_at) VALUES (1, 'chat', '2026-01-01T00:00:00.000000Z')"
    )
    conn.close()

    store = open_store(db)
    assert in_flight(db, 1) is None
    sink = ScriptedSink(db)
    assert await Outbox(store, [sink], clock=Clock()).deliver_due() == 1
    assert sink.calls == [(1, False)]


async def test_retry_schedule_is_configurable(tmp_path: Path) -> None:
    assert retry_delay(1, None, base=0.2, cap=1.0) == 0.2
    assert retry_delay(4, None, base=0.2, cap=1.0) == 1.0
    assert retry_delay(1, 30.0, base=0.2, cap=1.0) == 1.0  # Retry-After honoured only up to the cap
    db = tmp_path / "s.db"
    store, clock = open_store(db), Clock()
    [alert_id] = add_alerts(store, clock, 1)
    sink = ScriptedSink(db, [DeliveryError("503"), DeliveryError("503")])
    outbox = Outbox(store, [sink], clock=clock, base_retry=0.2, max_retry=1.0)
    await outbox.deliver_due()
    clock.now += timedelta(seconds=0.2)
    await outbox.deliver_due()
    clock.now += timedelta(seconds=0.39)
    assert await outbox.deliver_due() == 0  # second backoff is 0.4 s
    clock.now += timedelta(seconds=0.02)
    assert await outbox.deliver_due() == 1
    assert [c[0] for c in sink.calls] == [alert_id] * 3
