"""Store queries for the agreement tracker: baseline statements, signal findings, cached status."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.store.timefmt import from_db, to_db
from bot.textclip import clip_evidence

SIGNALS = ("CLAIM", "CONFIRMED", "DENIAL")


@dataclass(frozen=True)
class BaselineRow:
    """One baseline statement as stored (strings; the tracker turns them into Statements)."""

    country: str
    counterpart: str
    kind: str
    date: str
    date_precision: str
    actor: str
    summary: str
    source_url: str
    outlet: str


@dataclass(frozen=True)
class FindingRow:
    """A finding with its article: date, link, first feed, and how many feeds carried it."""

    finding_id: int
    article_id: int
    label: str
    country: str
    rule: str
    evidence: str
    explanation: str
    speaker: str | None
    found_at: datetime
    published: datetime | None
    title: str
    url: str
    feed: str | None
    outlets: int


@dataclass(frozen=True)
class StatusRow:
    """The cached status of one country."""

    country: str
    status: str
    reason: str
    since: date | None
    updated_at: datetime


class TrackingRepo:
    """Reads and writes for the tracker; shares the Store's connection (and its transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def replace_baseline(self, rows: Sequence[BaselineRow]) -> bool:
        """Make the stored baseline equal ROWS; returns True when anything changed (idempotent)."""
        current = self.baseline()
        if current == list(rows):
            return False
        self._conn.execute("DELETE FROM baseline_statements")
        self._conn.executemany(
            """INSERT INTO baseline_statements (position, country, counterpart, kind, date, date_precision,
               actor, summary, source_url, outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    i,
                    r.country,
                    r.counterpart,
                    r.kind,
                    r.date,
                    r.date_precision,
                    r.actor,
                    r.summary,
                    r.source_url,
                    r.outlet,
                )
                for i, r in enumerate(rows)
            ],
        )
        return True

    def baseline(self, country: str | None = None) -> list[BaselineRow]:
        """Baseline statements in file order, optionally for one country."""
        cols = "country, counterpart, kind, date, date_precision, actor, summary, source_url, outlet"
        if country is None:
            rows = self._conn.execute(f"SELECT {cols} FROM baseline_statements ORDER BY position")  # noqa: S608
        else:
            rows = self._conn.execute(
                f"SELECT {cols} FROM baseline_statements WHERE country = ? ORDER BY position",  # noqa: S608
                (country,),
            )
        return [BaselineRow(*r) for r in rows]

    def findings(self, country: str, *, limit: int, signals_only: bool = False) -> list[FindingRow]:
        """A country's newest LIMIT findings (signals only for the status engine), newest first.

        Indexes on (country, found_at) and (country, label, found_at) keep this a bounded read.
        """
        labels = "('CLAIM', 'CONFIRMED', 'DENIAL')" if signals_only else "('CLAIM', 'CONFIRMED', 'DENIAL', 'MENTION')"
        rows = self._conn.execute(
            f"""SELECT f.id, f.article_id, f.label, f.country, f.rule, f.evidence, f.explanation, f.speaker,
                      f.found_at, a.published_at, a.title, a.url,
                      (SELECT fd.name FROM article_sources s JOIN feeds fd ON fd.id = s.feed_id
                        WHERE s.article_id = a.id ORDER BY s.first_seen_at LIMIT 1) AS feed,
                      (SELECT COUNT(*) FROM article_sources s WHERE s.article_id = a.id) AS outlets
               FROM findings f JOIN articles a ON a.id = f.article_id
               WHERE f.country = ? AND f.label IN {labels}
               ORDER BY f.found_at DESC, f.id DESC LIMIT ?""",  # noqa: S608 - constant label lists
            (country, limit),
        )
        out: list[FindingRow] = []
        for r in rows:
            found_at = from_db(r[8])
            assert found_at is not None
            evidence = clip_evidence(r[5])  # bounded on write; rows stored before that are bounded here
            out.append(FindingRow(r[0], r[1], r[2], r[3], r[4], evidence, r[6], r[7], found_at, from_db(r[9]), *r[10:]))
        return out

    def countries_with_statements(self) -> list[str]:
        """Every country in the baseline or with a signal finding."""
        rows = self._conn.execute(
            """SELECT country FROM baseline_statements UNION
               SELECT DISTINCT country FROM findings WHERE label IN ('CLAIM', 'CONFIRMED', 'DENIAL')
               ORDER BY 1"""
        )
        return [r[0] for r in rows]

    def signal_countries(self) -> list[str]:
        """Every country with a CLAIM, CONFIRMED or DENIAL finding."""
        rows = self._conn.execute(
            "SELECT DISTINCT country FROM findings WHERE label IN ('CLAIM', 'CONFIRMED', 'DENIAL') ORDER BY 1"
        )
        return [r[0] for r in rows]

    def status(self, country: str) -> StatusRow | None:
        """The cached status of one country, if computed."""
        row = self._conn.execute("SELECT * FROM country_status WHERE country = ?", (country,)).fetchone()
        return _status(row) if row else None

    def statuses(self) -> list[StatusRow]:
        """Every cached status other than none, most recent change first."""
        rows = self._conn.execute(
            "SELECT * FROM country_status WHERE status != 'none' ORDER BY since DESC, country ASC"
        )
        return [_status(r) for r in rows]

    def save_status(self, country: str, status: str, reason: str, since: date | None, *, now: datetime) -> None:
        """Cache a freshly computed status."""
        self._conn.execute(
            """INSERT INTO country_status (country, status, reason, since, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(country) DO UPDATE SET status = excluded.status, reason = excluded.reason,
               since = excluded.since, updated_at = excluded.updated_at""",
            (country, status, reason, since.isoformat() if since else None, to_db(now)),
        )


def _status(row: sqlite3.Row) -> StatusRow:
    updated = from_db(row["updated_at"])
    assert updated is not None
    return StatusRow(
        country=row["country"],
        status=row["status"],
        reason=row["reason"],
        since=date.fromisoformat(row["since"]) if row["since"] else None,
        updated_at=updated,
    )
