"""Store queries for the agreement tracker: baseline statements, findings with their reviews, cached status."""

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
    deal_type: str = "other"


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
    review: str | None = None  # None (unreviewed), "accepted" or "rejected"
    review_label: str | None = None  # when rejected: the right reading (None = not a signal)
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None

    @property
    def effective_label(self) -> str | None:
        """The label the tracker uses: the reviewer's when rejected (None: not a signal at all)."""
        if self.review == "rejected":
            return self.review_label if self.review_label not in (None, "IRRELEVANT") else None
        return self.label


@dataclass(frozen=True)
class StatusRow:
    """The cached status of one country."""

    country: str
    status: str
    reason: str
    since: date | None
    updated_at: datetime
    deal_type: str | None = None
    stale: bool = False  # a signal finding arrived since it was computed


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
               actor, summary, source_url, outlet, deal_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                    r.deal_type,
                )
                for i, r in enumerate(rows)
            ],
        )
        return True

    def baseline(self, country: str | None = None) -> list[BaselineRow]:
        """Baseline statements in file order, optionally for one country."""
        cols = "country, counterpart, kind, date, date_precision, actor, summary, source_url, outlet, deal_type"
        if country is None:
            rows = self._conn.execute(f"SELECT {cols} FROM baseline_statements ORDER BY position")  # noqa: S608
        else:
            rows = self._conn.execute(
                f"SELECT {cols} FROM baseline_statements WHERE country = ? ORDER BY position",  # noqa: S608
                (country,),
            )
        return [BaselineRow(*r) for r in rows]

    def findings(self, country: str, *, limit: int, signals_only: bool = False) -> list[FindingRow]:
        """A country's newest LIMIT findings (signals only for the status engine), newest first, with reviews.

        Indexes on (country, found_at) and (country, label, found_at) keep this a bounded read. With
        `signals_only`, a finding a reviewer relabelled counts by its reviewed label: a rejected signal
        is still returned (the caller drops it), and a MENTION relabelled as a signal is added.
        """
        labels = "('CLAIM', 'CONFIRMED', 'DENIAL')" if signals_only else "('CLAIM', 'CONFIRMED', 'DENIAL', 'MENTION')"
        rows = self._conn.execute(
            f"""{FINDING_SELECT} WHERE f.country = ? AND f.label IN {labels}
               ORDER BY f.found_at DESC, f.id DESC LIMIT ?""",
            (country, limit),
        )
        out = [finding_row(r) for r in rows]
        if signals_only:
            relabelled = self._conn.execute(
                f"""{FINDING_SELECT} WHERE f.country = ? AND f.label NOT IN {labels} AND r.verdict = 'rejected'
                   AND r.label IN {labels} ORDER BY f.found_at DESC, f.id DESC LIMIT ?""",
                (country, limit),
            )
            out = sorted([*out, *map(finding_row, relabelled)], key=lambda f: (f.found_at, f.finding_id), reverse=True)
            out = out[:limit]
        return out

    def finding(self, finding_id: int) -> FindingRow | None:
        """One finding with its article and review, by id."""
        row = self._conn.execute(f"{FINDING_SELECT} WHERE f.id = ?", (finding_id,)).fetchone()
        return finding_row(row) if row else None

    def countries_with_statements(self) -> list[str]:
        """Every country in the baseline or with a signal finding (by its label or its reviewed label)."""
        rows = self._conn.execute(
            """SELECT country FROM baseline_statements UNION
               SELECT DISTINCT country FROM findings WHERE label IN ('CLAIM', 'CONFIRMED', 'DENIAL') UNION
               SELECT DISTINCT f.country FROM finding_reviews r JOIN findings f ON f.id = r.finding_id
                WHERE r.label IN ('CLAIM', 'CONFIRMED', 'DENIAL')
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

    def all_statuses(self) -> list[StatusRow]:
        """Every cached status, none and stale ones included (the overview refreshes what it must)."""
        return [_status(r) for r in self._conn.execute("SELECT * FROM country_status ORDER BY country")]

    def save_status(
        self,
        country: str,
        status: str,
        reason: str,
        since: date | None,
        *,
        now: datetime,
        deal_type: str | None = None,
    ) -> None:
        """Cache a freshly computed status (no longer stale)."""
        self._conn.execute(
            """INSERT INTO country_status (country, status, reason, since, updated_at, deal_type, stale)
               VALUES (?, ?, ?, ?, ?, ?, 0)
               ON CONFLICT(country) DO UPDATE SET status = excluded.status, reason = excluded.reason,
               since = excluded.since, updated_at = excluded.updated_at, deal_type = excluded.deal_type, stale = 0""",
            (country, status, reason, since.isoformat() if since else None, to_db(now), deal_type),
        )

    def mark_stale(self, countries: set[str], *, now: datetime) -> None:
        """New evidence for these countries: their cached status must be recomputed before it is shown.

        A country seen for the first time gets a stale `none` row, which is also what the status engine's
        hook compares against ("none -> claimed")."""
        self._conn.executemany(
            """INSERT INTO country_status (country, status, reason, since, updated_at, stale)
               VALUES (?, 'none', '', NULL, ?, 1) ON CONFLICT(country) DO UPDATE SET stale = 1""",
            [(c, to_db(now)) for c in sorted(countries)],
        )


FINDING_SELECT = """SELECT f.id, f.article_id, f.label, f.country, f.rule, f.evidence, f.explanation, f.speaker,
          f.found_at, a.published_at, a.title, a.url,
          (SELECT fd.name FROM article_sources s JOIN feeds fd ON fd.id = s.feed_id
            WHERE s.article_id = a.id ORDER BY s.first_seen_at LIMIT 1) AS feed,
          (SELECT COUNT(*) FROM article_sources s WHERE s.article_id = a.id) AS outlets,
          r.verdict, r.label, r.reviewed_by, r.reviewed_at
   FROM findings f JOIN articles a ON a.id = f.article_id LEFT JOIN finding_reviews r ON r.finding_id = f.id"""


def finding_row(r: sqlite3.Row) -> FindingRow:
    """A row of `FINDING_SELECT` as a FindingRow."""
    found_at = from_db(r[8])
    assert found_at is not None
    evidence = clip_evidence(r[5])  # bounded on write; rows stored before that are bounded here
    return FindingRow(
        r[0], r[1], r[2], r[3], r[4], evidence, r[6], r[7], found_at, from_db(r[9]), r[10], r[11], r[12], r[13],
        review=r[14], review_label=r[15], reviewed_by=r[16], reviewed_at=from_db(r[17]),
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
        deal_type=row["deal_type"],
        stale=bool(row["stale"]),
    )
