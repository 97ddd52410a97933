"""Store queries for retention: blank old article bodies, delete old finished deliveries.

What stays, whatever the age: every article row's identity (key, URL, content hash: an old story that
reappears is matched, never stored or alerted again), its title, link and dates, every finding with its
evidence and speaker (the tracker's timeline), every baseline statement, and every alert row (its dedupe key
is what stops a re-alert). What goes: the article text in `article_bodies` (only classification reads it,
once, on arrival) and deliveries that are finished (delivered or orphaned; failed ones wait for an operator).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.store.timefmt import to_db

WATERMARK = "retention.bodies_pruned_through"  # "first_seen_at|id" of the last article pruned


class RetentionRepo:
    """One bounded step at a time, so the caller can commit between steps and never hold the store long."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def prune_bodies(self, cutoff: datetime, *, batch: int) -> int:
        """Delete the text of up to BATCH articles first seen before CUTOFF, oldest first; returns how many
        articles were looked at (fewer than BATCH: done). Pages by (first_seen_at, id) from where the last
        step stopped, so each step reads only new index entries, however many articles share a timestamp."""
        row = self._conn.execute("SELECT value FROM store_meta WHERE key = ?", (WATERMARK,)).fetchone()
        seen, _, last = (str(row[0]) if row else "").partition("|")
        rows = self._conn.execute(
            """SELECT id, first_seen_at FROM articles INDEXED BY articles_first_seen
               WHERE (first_seen_at > ? OR (first_seen_at = ? AND id > ?)) AND first_seen_at < ?
               ORDER BY first_seen_at, id LIMIT ?""",
            (seen, seen, int(last or 0), to_db(cutoff), batch),
        ).fetchall()
        if not rows:
            return 0
        self._conn.executemany("DELETE FROM article_bodies WHERE article_id = ?", [(r[0],) for r in rows])
        self._conn.execute(
            """INSERT INTO store_meta (key, value) VALUES (?, ?)
               ON CONFLICT(key) DO UPDATE SET value = excluded.value""",
            (WATERMARK, f"{rows[-1][1]}|{rows[-1][0]}"),
        )
        return len(rows)

    def prune_deliveries(self, cutoff: datetime, *, batch: int) -> int:
        """Delete up to BATCH delivered or orphaned deliveries of alerts created before CUTOFF."""
        cur = self._conn.execute(
            """DELETE FROM deliveries WHERE rowid IN (
                   SELECT d.rowid FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                   WHERE d.status IN ('delivered', 'orphaned') AND a.created_at < ? LIMIT ?)""",
            (to_db(cutoff), batch),
        )
        return cur.rowcount
