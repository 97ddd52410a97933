"""Repository over the SQLite store: every query the services need, returning models."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from bot.errors import StoreError
from bot.models import Alert, Article, FeedState, Finding
from bot.store.outbox import OutboxRepo
from bot.store.retention import RetentionRepo
from bot.store.reviews import ReviewRepo
from bot.store.timefmt import from_db, to_db
from bot.store.tracking import TrackingRepo
from bot.textclip import EXPLANATION_CHARS, SPEAKER_CHARS, TITLE_CHARS, cap_text, clip_evidence


@dataclass(frozen=True)
class FeedSpec:
    """What the configuration says about a feed (identity is the URL)."""

    name: str
    url: str
    interval: float
    lang: str | None = None


KNOWN_KEYS_WINDOW = 2000  # entry keys per feed the poller skips without parsing


def _feed(row: sqlite3.Row) -> FeedState:
    return FeedState(
        id=row["id"],
        name=row["name"],
        url=row["url"],
        interval=row["interval"],
        lang=row["lang"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetch_at=from_db(row["last_fetch_at"]),
        last_success_at=from_db(row["last_success_at"]),
        last_status=row["last_status"],
        last_error=row["last_error"],
        error_streak=row["error_streak"],
        next_poll_at=from_db(row["next_poll_at"]),
        polled_once=bool(row["polled_once"]),
        body_hash=row["body_hash"],
        last_fetch_seconds=row["last_fetch_seconds"],
    )


def _alert(row: sqlite3.Row) -> Alert:
    created = from_db(row["created_at"])
    assert created is not None
    return Alert(
        id=row["id"],
        kind=row["kind"],
        label=row["label"],
        country=row["country"],
        title=row["title"],
        url=row["url"],
        feed=row["feed"],
        rule=row["rule"],
        evidence=clip_evidence(row["evidence"]) if row["evidence"] else row["evidence"],  # rows from before the bound
        created_at=created,
        extra=json.loads(row["extra"]),
    )


class Store:
    """All reads and writes; one instance per process, owned by the startup code."""

    def __init__(self, conn: sqlite3.Connection, *, readonly: bool = False) -> None:
        self._conn = conn
        self.readonly = readonly
        self.tracking = TrackingRepo(conn)
        self.outbox = OutboxRepo(conn)
        self.retention = RetentionRepo(conn)
        self.reviews = ReviewRepo(conn)

    def close(self) -> None:
        """Checkpoint the WAL (the writer only) and close."""
        try:
            if not self.readonly:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work (nested calls join the outer one)."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def ping(self) -> bool:
        """True when the database answers."""
        return bool(self._conn.execute("SELECT 1").fetchone()[0] == 1)

    # ---- feeds -------------------------------------------------------------------------------

    def sync_feeds(self, specs: Sequence[FeedSpec]) -> list[FeedState]:
        """Make the stored feeds match the configuration, keeping fetch state of known URLs."""
        with self.transaction():
            self._conn.execute("UPDATE feeds SET active = 0")
            for spec in specs:
                self._conn.execute(
                    """INSERT INTO feeds (name, url, lang, interval, active) VALUES (?, ?, ?, ?, 1)
                       ON CONFLICT(url) DO UPDATE SET name = excluded.name, lang = excluded.lang,
                       interval = excluded.interval, active = 1""",
                    (spec.name, spec.url, spec.lang, spec.interval),
                )
        return self.feeds()

    def feeds(self, *, active_only: bool = True) -> list[FeedState]:
        """Feeds in configuration order (by id)."""
        if active_only:
            return [_feed(r) for r in self._conn.execute("SELECT * FROM feeds WHERE active = 1 ORDER BY id")]
        return [_feed(r) for r in self._conn.execute("SELECT * FROM feeds ORDER BY id")]

    def feed(self, feed_id: int) -> FeedState:
        """One feed by id."""
        return _feed(self._conn.execute("SELECT * FROM feeds WHERE id = ?", (feed_id,)).fetchone())

    def due_feeds(self, now: datetime) -> list[FeedState]:
        """Active feeds whose next poll time has come (or never polled)."""
        rows = self._conn.execute(
            "SELECT * FROM feeds WHERE active = 1 AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY id",
            (to_db(now),),
        )
        return [_feed(r) for r in rows]

    def record_fetch(
        self,
        feed_id: int,
        *,
        now: datetime,
        ok: bool,
        status: str,
        next_poll_at: datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
        seconds: float | None = None,
    ) -> int:
        """Store the outcome of one fetch (and how long it took); returns the failure streak after it."""
        if ok:
            self._conn.execute(
                """UPDATE feeds SET last_fetch_at = ?, last_success_at = ?, last_status = ?, last_error = NULL,
                   error_streak = 0, next_poll_at = ?, polled_once = 1,
                   etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                   body_hash = COALESCE(?, body_hash), last_fetch_seconds = ? WHERE id = ?""",
                (to_db(now), to_db(now), status, to_db(next_poll_at), etag, last_modified, body_hash, seconds,
                 feed_id),
            )  # fmt: skip
            return 0
        self._conn.execute(
            """UPDATE feeds SET last_fetch_at = ?, last_status = ?, last_error = ?,
               error_streak = error_streak + 1, next_poll_at = ?, last_fetch_seconds = ? WHERE id = ?""",
            (to_db(now), status, error, to_db(next_poll_at), seconds, feed_id),
        )
        return int(self._conn.execute("SELECT error_streak FROM feeds WHERE id = ?", (feed_id,)).fetchone()[0])

    # ---- articles ----------------------------------------------------------------------------

    def find_article(self, article: Article) -> int | None:
        """The stored article this entry is the same story as: same key, same URL or same text."""
        row = self._conn.execute("SELECT id FROM articles WHERE key = ?", (article.key,)).fetchone()
        if row is None and article.url:
            row = self._conn.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", (article.url,)).fetchone()
        if row is None:
            row = self._conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (article.content_hash,)
            ).fetchone()
        return int(row[0]) if row else None

    def insert_article(self, article: Article, *, now: datetime) -> int:
        """Store a new article; returns its id. The text goes to `article_bodies` (retention deletes it there)."""
        cur = self._conn.execute(
            """INSERT INTO articles (key, url, title, text, published_at, lang, content_hash, first_seen_at)
               VALUES (?, ?, ?, '', ?, ?, ?, ?)""",
            (
                article.key,
                article.url,
                article.title,
                to_db(article.published),
                article.lang,
                article.content_hash,
                to_db(now),
            ),
        )
        assert cur.lastrowid is not None
        if article.text:
            self._conn.execute(
                "INSERT INTO article_bodies (article_id, text) VALUES (?, ?)", (cur.lastrowid, article.text)
            )
        return cur.lastrowid

    def article_text(self, article_id: int) -> str | None:
        """An article's stored text; None once retention pruned it (or when it had none)."""
        row = self._conn.execute("SELECT text FROM article_bodies WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def add_source(self, article_id: int, feed_id: int, article: Article, *, now: datetime) -> bool:
        """Record that a feed carried this article; False if it was already recorded."""
        cur = self._conn.execute(
            """INSERT OR IGNORE INTO article_sources (article_id, feed_id, entry_key, entry_url, first_seen_at)
               VALUES (?, ?, ?, ?, ?)""",
            (article_id, feed_id, article.key, article.url, to_db(now)),
        )
        return cur.rowcount > 0

    def known_entry_keys(self, feed_id: int, *, newest: int = KNOWN_KEYS_WINDOW) -> set[str]:
        """The newest entry keys this feed delivered (cheap skip of unchanged items).

        Bounded so a feed polled for years does not load its whole history on every poll: a feed carries
        far fewer items than the window, and an older item that reappears is only parsed again and then
        matched to its stored article, never stored or alerted twice.
        """
        rows = self._conn.execute(
            "SELECT entry_key FROM article_sources WHERE feed_id = ? ORDER BY first_seen_at DESC LIMIT ?",
            (feed_id, newest),
        )
        return {r[0] for r in rows}

    def article_count(self) -> int:
        """How many distinct articles are stored."""
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ---- findings ----------------------------------------------------------------------------

    def insert_findings(self, article_id: int, findings: Iterable[Finding], *, now: datetime) -> None:
        """Store an article's findings (one per country and label: an article can carry both sides), and
        mark their countries' cached status stale (whatever path they came by: a backlog never calls the
        tracker, yet the overview must see it)."""
        findings = list(findings)
        self.tracking.mark_stale({f.country for f in findings if f.label.is_signal}, now=now)
        self._conn.executemany(
            """INSERT OR IGNORE INTO findings
               (article_id, country, label, rule, evidence, explanation, speaker, found_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    article_id,
                    f.country,
                    str(f.label),
                    f.rule,
                    clip_evidence(f.evidence),
                    cap_text(f.explanation, EXPLANATION_CHARS),
                    cap_text(f.speaker, SPEAKER_CHARS) if f.speaker else f.speaker,
                    to_db(now),
                )
                for f in findings
            ],
        )

    def finding_id(self, article_id: int, country: str, label: str) -> int | None:
        """The id of an article's finding for COUNTRY with LABEL (what a finding alert's review buttons carry)."""
        row = self._conn.execute(
            "SELECT id FROM findings WHERE article_id = ? AND country = ? AND label = ? ORDER BY id LIMIT 1",
            (article_id, country, label),
        ).fetchone()
        return int(row[0]) if row else None

    def finding_countries(self) -> list[str]:
        """Every country with at least one finding."""
        return [r[0] for r in self._conn.execute("SELECT DISTINCT country FROM findings ORDER BY country")]

    # ---- alert outbox ------------------------------------------------------------------------

    def add_alert(
        self,
        *,
        dedupe_key: str,
        kind: str,
        label: str,
        title: str,
        sinks: Sequence[str],
        now: datetime,
        country: str | None = None,
        url: str | None = None,
        feed: str | None = None,
        rule: str | None = None,
        evidence: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> Alert | None:
        """Queue an alert for each sink; None when an alert with this key already exists.

        Feed text in it is bounded here, whoever built the alert: evidence to a sentence-sized window, the
        title and every string in `extra` (explanation, speaker, reason) to a few hundred characters.
        """
        title = cap_text(title, TITLE_CHARS)
        evidence = clip_evidence(evidence) if evidence else evidence
        extra = {k: cap_text(v, EXPLANATION_CHARS) if isinstance(v, str) else v for k, v in (extra or {}).items()}
        cur = self._conn.execute(
            """INSERT OR IGNORE INTO alerts
               (dedupe_key, kind, label, country, title, url, feed, rule, evidence, extra, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                dedupe_key,
                kind,
                label,
                country,
                title,
                url,
                feed,
                rule,
                evidence,
                json.dumps(extra, ensure_ascii=False, sort_keys=True),
                to_db(now),
            ),
        )
        if cur.rowcount == 0:
            return None
        alert_id = cur.lastrowid
        self._conn.executemany(
            "INSERT INTO deliveries (alert_id, sink, next_attempt_at) VALUES (?, ?, ?)",
            [(alert_id, sink, to_db(now)) for sink in sinks],
        )
        return self.alert(int(alert_id or 0))

    def alert(self, alert_id: int) -> Alert:
        """One alert by id."""
        return _alert(self._conn.execute("SELECT * FROM alerts WHERE id = ?", (alert_id,)).fetchone())

    def due_deliveries(self, sink: str, *, now: datetime, limit: int = 100) -> list[Alert]:
        """Alerts owed to SINK in creation order, up to the first one still waiting for a retry.

        Stopping there keeps each channel's alerts in order (a claim is never shown after its denial).
        """
        rows = self._conn.execute(
            """SELECT a.*, d.next_attempt_at AS due_at FROM deliveries d JOIN alerts a ON a.id = d.alert_id
               WHERE d.sink = ? AND d.status = 'pending' ORDER BY a.id LIMIT ?""",
            (sink, limit),
        )
        due: list[Alert] = []
        cutoff = to_db(now) or ""
        for row in rows:
            if row["due_at"] > cutoff:
                break
            due.append(_alert(row))
        return due

    def begin_delivery(self, alert_id: int, sink: str, *, now: datetime) -> datetime | None:
        """Mark an attempt in flight and commit before the sink is called, so a crash mid-send is known.

        Returns when an earlier attempt went in flight without an outcome being recorded (the process
        died, or the sink said the post may have landed), else None. Must not run inside a transaction:
        the mark has to be on disk before the chat service sees the post. This one commit is fsynced
        (synchronous=FULL) so even a power cut cannot lose it; later commits may, and then only cost a check.
        """
        if self._conn.in_transaction:
            raise StoreError("begin_delivery inside a transaction: the in-flight mark would not be committed")
        previous = int(self._conn.execute("PRAGMA synchronous").fetchone()[0])
        self._conn.execute("PRAGMA synchronous=FULL")
        try:
            with self.transaction():
                row = self._conn.execute(
                    "SELECT in_flight_at FROM deliveries WHERE alert_id = ? AND sink = ?", (alert_id, sink)
                ).fetchone()
                self._conn.execute(
                    "UPDATE deliveries SET in_flight_at = ? WHERE alert_id = ? AND sink = ?",
                    (to_db(now), alert_id, sink),
                )
        finally:
            self._conn.execute(f"PRAGMA synchronous={previous:d}")
        return from_db(row[0]) if row is not None else None

    def mark_delivered(self, alert_id: int, sink: str, *, now: datetime) -> None:
        """Record a successful delivery (never delivered again)."""
        self._conn.execute(
            """UPDATE deliveries SET status = 'delivered', delivered_at = ?, attempts = attempts + 1,
               last_error = NULL, in_flight_at = NULL WHERE alert_id = ? AND sink = ?""",
            (to_db(now), alert_id, sink),
        )

    def mark_attempt_failed(
        self, alert_id: int, sink: str, *, error: str, retry_at: datetime | None, maybe_sent: bool = False
    ) -> int:
        """Record a failed attempt; retry_at None means give up. Returns attempts so far.

        `maybe_sent` keeps the attempt in flight (the post may have landed), so the next try checks first.
        """
        status = "pending" if retry_at is not None else "failed"
        self._conn.execute(
            """UPDATE deliveries SET attempts = attempts + 1, last_error = ?, status = ?,
               next_attempt_at = COALESCE(?, next_attempt_at),
               in_flight_at = CASE WHEN ? THEN in_flight_at ELSE NULL END WHERE alert_id = ? AND sink = ?""",
            (error, status, to_db(retry_at), maybe_sent and retry_at is not None, alert_id, sink),
        )
        row = self._conn.execute(
            "SELECT attempts FROM deliveries WHERE alert_id = ? AND sink = ?", (alert_id, sink)
        ).fetchone()
        return int(row[0])

    def delivery_attempts(self, alert_id: int, sink: str) -> int:
        """How many times delivery of this alert to SINK was tried."""
        row = self._conn.execute(
            "SELECT attempts FROM deliveries WHERE alert_id = ? AND sink = ?", (alert_id, sink)
        ).fetchone()
        return int(row[0]) if row else 0

    def outbox_counts(self) -> dict[str, int]:
        """Deliveries by status, for `feeds`, health and metrics."""
        rows = self._conn.execute("SELECT status, COUNT(*) FROM deliveries GROUP BY status")
        counts = {"pending": 0, "delivered": 0, "failed": 0, "orphaned": 0}
        counts.update({r[0]: r[1] for r in rows})
        return counts

    def latest_alerts(self, *, limit: int = 10) -> list[Alert]:
        """The newest alerts, newest first (the web overview lists them)."""
        rows = self._conn.execute("SELECT * FROM alerts ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_alert(row) for row in rows]

    def oldest_pending_at(self) -> datetime | None:
        """When the oldest undelivered alert was created."""
        row = self._conn.execute(
            """SELECT MIN(a.created_at) FROM deliveries d JOIN alerts a ON a.id = d.alert_id
               WHERE d.status = 'pending'"""
        ).fetchone()
        return from_db(row[0])
