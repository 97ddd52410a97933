"""`stcwatch outbox [--json]` and `stcwatch outbox retry [ID|--all-failed]`: what was not delivered and why.

Listing opens the store read-only (it runs beside the bot). Retrying is one small UPDATE, safe beside the
running bot (SQLite serialises it with the bot's writes); the bot sends what it reopened on its next pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from bot.app import open_query_store
from bot.cli_feeds import _ago
from bot.config import Settings
from bot.errors import StoreError
from bot.store import open_store
from bot.store.outbox import DeliveryRow
from bot.store.timefmt import utcnow


def _row_json(row: DeliveryRow) -> dict[str, object]:
    return {
        "alert_id": row.alert_id,
        "sink": row.sink,
        "status": row.status,
        "attempts": row.attempts,
        "reason": row.last_error,
        "next_attempt_at": row.next_attempt_at.isoformat() if row.next_attempt_at and row.status == "pending" else None,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "label": row.label,
        "country": row.country,
        "title": row.title,
    }


def outbox_list(settings: Settings, *, as_json: bool, out: TextIO) -> int:
    """Every pending, failed and orphaned delivery with the platform's reason; then the totals."""
    store = open_query_store(settings)
    try:
        rows = store.outbox.undelivered()
        counts = store.outbox_counts()
    finally:
        store.close()
    if as_json:
        out.write(json.dumps({"counts": counts, "deliveries": [_row_json(r) for r in rows]}, ensure_ascii=False,
                             indent=2) + "\n")  # fmt: skip
        return 0
    now = utcnow()
    for r in rows:
        where = f"{r.label} {r.country or '-'}"
        when = ""
        if r.status == "pending" and r.next_attempt_at is not None:
            when = "  next try now" if r.next_attempt_at <= now else f"  next try {_ago(r.next_attempt_at, now)}"
        out.write(f"{r.status.upper():8}  alert {r.alert_id}  {r.sink}  {where}  {r.title[:60]!r}  "
                  f"attempts {r.attempts}{when}\n")  # fmt: skip
        if r.last_error:
            out.write(f"          reason: {r.last_error}\n")
    out.write(
        f"outbox: {counts['pending']} pending, {counts['failed']} failed, {counts['orphaned']} orphaned, "
        f"{counts['delivered']} delivered\n"
    )
    if counts["failed"]:
        out.write("fix the route (permissions, channel), then: stcwatch outbox retry --all-failed (or retry ID)\n")
    return 0


def outbox_retry(settings: Settings, *, alert_id: int | None, all_failed: bool, out: TextIO) -> int:
    """Queue failed deliveries again (one alert's, orphaned ones included, or every failed one)."""
    if (alert_id is None) == (not all_failed):
        raise StoreError("outbox retry: give an alert ID or --all-failed (not both)")
    path = settings.store.path
    if path == ":memory:" or not Path(path).exists():
        raise StoreError(f"{path}: no store there, so nothing to retry")
    store = open_store(path)
    try:
        with store.transaction():
            count = store.outbox.retry(now=utcnow(), alert_id=alert_id)
    finally:
        store.close()
    if count == 0:
        what = f"alert {alert_id} has no failed or orphaned delivery" if alert_id is not None else "no failed delivery"
        out.write(f"{what}; nothing to retry (see `stcwatch outbox`)\n")
        return 1
    out.write(
        f"{count} deliver{'y' if count == 1 else 'ies'} queued again; a running bot sends "
        f"{'it' if count == 1 else 'them'} within seconds (else: stcwatch poll --once)\n"
    )
    return 0
