"""Store queries for reviews: a reviewer's verdict on one finding (by id), and the review queue.

Reviews live in their own table keyed by finding id, so several findings of one article and country
(different labels) are reviewed independently, and the findings table stays the detector's.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.store.timefmt import to_db
from bot.store.tracking import FINDING_SELECT, FindingRow, finding_row

VERDICTS = ("accepted", "rejected")
REVIEW_LABELS = ("CLAIM", "CONFIRMED", "DENIAL", "MENTION", "IRRELEVANT")


class ReviewRepo:
    """Reads and writes for reviews; shares the Store's connection (and its transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def save(self, finding_id: int, *, verdict: str, label: str | None, by: str, now: datetime) -> None:
        """Record (or replace: a reviewer may change their mind) the review of one finding."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}")
        if label is not None and label not in REVIEW_LABELS:
            raise ValueError(f"label must be one of {REVIEW_LABELS}")
        self._conn.execute(
            """INSERT INTO finding_reviews (finding_id, verdict, label, reviewed_by, reviewed_at)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT(finding_id) DO UPDATE SET verdict = excluded.verdict,
               label = excluded.label, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""",
            (finding_id, verdict, label, by, to_db(now)),
        )

    def queue(self, *, include_reviewed: bool = False, limit: int = 1000) -> list[FindingRow]:
        """Signal findings (CLAIM, CONFIRMED, DENIAL) nobody reviewed yet, newest first; all of them with
        `include_reviewed`."""
        pending = "" if include_reviewed else "AND r.finding_id IS NULL"
        rows = self._conn.execute(
            f"""{FINDING_SELECT} WHERE f.label IN ('CLAIM', 'CONFIRMED', 'DENIAL') {pending}
                ORDER BY f.found_at DESC, f.id DESC LIMIT ?""",
            (limit,),
        )
        return [finding_row(r) for r in rows]

    def reviewed(self) -> list[FindingRow]:
        """Every reviewed finding, oldest review first (what `review export` writes)."""
        rows = self._conn.execute(
            f"{FINDING_SELECT} WHERE r.finding_id IS NOT NULL ORDER BY r.reviewed_at, f.id"
        )
        return [finding_row(r) for r in rows]

    def article_text(self, article_id: int) -> tuple[str, str | None]:
        """An article's stored text and language (the corpus export needs both)."""
        row = self._conn.execute("SELECT text, lang FROM articles WHERE id = ?", (article_id,)).fetchone()
        return (row[0], row[1]) if row else ("", None)
