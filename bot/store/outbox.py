"""Store queries for operating the outbox: what is stuck and why, re-sending, closing orphaned deliveries.

A delivery is `pending` (to be tried), `delivered`, `failed` (the platform refused it for good: no access,
unknown channel; kept with the platform's reason until an operator retries it) or `orphaned` (its route is no
longer configured, so nothing will ever try it; closed so it stops counting as pending).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.store.timefmt import from_db, to_db

ORPHANED_REASON = "route no longer configured (no sink named {sink}); closed as orphaned"
OPEN_STATUSES = ("pending", "failed", "orphaned")


@dataclass(frozen=True)
class DeliveryRow:
    """One delivery that has not been made, with its alert's headline."""

    alert_id: int
    sink: str
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime | None
    label: str
    country: str | None
    title: str


class OutboxRepo:
    """Reads and writes for outbox operations; shares the Store's connection (and its transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def undelivered(self, *, statuses: Sequence[str] = OPEN_STATUSES, limit: int = 1000) -> list[DeliveryRow]:
        """Deliveries not made, by status then alert order."""
        marks = ", ".join("?" for _ in statuses)
        rows = self._conn.execute(
            f"""SELECT d.alert_id, d.sink, d.status, d.attempts, d.last_error, d.next_attempt_at,
                      a.created_at, a.label, a.country, a.title
               FROM deliveries d JOIN alerts a ON a.id = d.alert_id
               WHERE d.status IN ({marks}) ORDER BY d.status, d.alert_id, d.sink LIMIT ?""",  # noqa: S608
            (*statuses, limit),
        )
        return [
            DeliveryRow(r[0], r[1], r[2], r[3], r[4], from_db(r[5]), from_db(r[6]), r[7], r[8], r[9]) for r in rows
        ]

    def retry(self, *, now: datetime, alert_id: int | None = None) -> int:
        """Put failed deliveries (of one alert, with its orphaned ones too; else every failed one) back in
        the queue, due now with a fresh backoff. Returns how many. The running bot picks them up."""
        if alert_id is None:
            cur = self._conn.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, in_flight_at = NULL "
                "WHERE status = 'failed'",
                (to_db(now),),
            )
        else:
            cur = self._conn.execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, in_flight_at = NULL "
                "WHERE alert_id = ? AND status IN ('failed', 'orphaned')",
                (to_db(now), alert_id),
            )
        return cur.rowcount

    def orphans(self, sinks: Sequence[str]) -> list[tuple[int, str]]:
        """Pending deliveries to sinks not in SINKS (their route is gone), as (alert, sink) pairs."""
        marks = ", ".join("?" for _ in sinks)
        where = f"status = 'pending' AND sink NOT IN ({marks})" if sinks else "status = 'pending'"
        rows = self._conn.execute(f"SELECT alert_id, sink FROM deliveries WHERE {where}", tuple(sinks))  # noqa: S608
        return [(int(r[0]), str(r[1])) for r in rows]

    def close_orphaned(self, found: Sequence[tuple[int, str]]) -> None:
        """Mark these deliveries orphaned, with the reason (only while still pending)."""
        self._conn.executemany(
            "UPDATE deliveries SET status = 'orphaned', last_error = ?, in_flight_at = NULL "
            "WHERE alert_id = ? AND sink = ? AND status = 'pending'",
            [(ORPHANED_REASON.format(sink=sink), alert_id, sink) for alert_id, sink in found],
        )
