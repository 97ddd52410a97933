"""Opening the SQLite store: WAL mode, foreign keys, and migrations applied in order."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from bot.errors import StoreError
from bot.store.migrations import MIGRATIONS
from bot.store.repo import Store
from bot.store.timefmt import to_db, utcnow

log = logging.getLogger(__name__)


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection tuned for one writer process: WAL, NORMAL sync, FKs on."""
    target = Path(path)
    if str(path) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    return conn


def statements(sql: str) -> list[str]:
    """Split a migration into complete SQL statements.

    A `;` inside a string literal, a comment or a trigger body does not end a statement; SQLite's own
    `complete_statement` decides, so a migration is never cut in the middle.
    """
    out: list[str] = []
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                out.append(buffer.strip())
            buffer = ""
    rest = buffer[:-1].strip()  # the text after the last `;` (the `;` added above is not the author's)
    if rest and not _only_comments(rest):
        raise StoreError(f"migration SQL ends with an incomplete statement: {rest[:80]!r}")
    return out


def _only_comments(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()]
    return all(not line or line.startswith("--") for line in lines)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the store's version; return the resulting version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    current = int(row[0])
    known = max(v for v, _, _ in MIGRATIONS)
    if current > known:
        raise StoreError(f"store schema version {current} is newer than this stcwatch knows ({known})")
    for version, name, sql in MIGRATIONS:
        if version <= current:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, to_db(utcnow())),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {version} ({name}) failed: {exc}") from None
        log.info("store migrated", extra={"version": version, "migration": name})
        current = version
    return current


def open_store(path: str | Path) -> Store:
    """Open (creating if needed) and migrate the store at PATH."""
    conn = connect(path)
    migrate(conn)
    return Store(conn)


def open_store_readonly(path: str | Path) -> Store:
    """Open an existing store for queries only: no migration, no sync, no write can reach the file.

    `feeds` and `agreements` run beside a running bot (and maybe with another config); SQLite's read-only
    mode makes any stray write an error instead of a change to the bot's data. A missing store, or one
    whose schema differs from this stcwatch's, is a clear StoreError (the bot or `poll --once` migrates it).
    """
    target = Path(path)
    if not target.is_file():
        raise StoreError(f"{path}: no store there yet; `stcwatch run` or `stcwatch poll --once` creates it")
    try:
        conn = sqlite3.connect(
            f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0, isolation_level=None,
            check_same_thread=False,
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA query_only=ON")
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store read-only: {exc}") from None
    known = max(v for v, _, _ in MIGRATIONS)
    if int(row[0]) != known:
        conn.close()
        raise StoreError(
            f"{path}: store schema version {row[0]}, this stcwatch reads version {known}; "
            "run this stcwatch's `run` or `poll --once` on it first (it migrates the store)"
            if int(row[0]) < known
            else f"{path}: store schema version {row[0]} is newer than this stcwatch knows ({known})"
        )
    return Store(conn, readonly=True)
