"""Migrations are split by SQLite's own statement boundaries, never on a bare `;`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.errors import StoreError
from bot.store import db
from bot.store.db import connect, migrate, statements

TRICKY = """
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT 'a; b');
-- a comment; with a semicolon
CREATE TABLE log (note_id INTEGER, what TEXT);
CREATE TRIGGER notes_logged AFTER INSERT ON notes BEGIN
    INSERT INTO log (note_id, what) VALUES (new.id, 'added; logged');
END;
INSERT INTO notes (id) VALUES (1);
"""


def test_semicolons_in_literals_comments_and_triggers_do_not_split() -> None:
    parts = statements(TRICKY)
    assert len(parts) == 4
    assert parts[2].rstrip().endswith("END;")


def test_a_migration_with_such_statements_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "MIGRATIONS", [(1, "tricky", TRICKY)])
    conn = connect(tmp_path / "m.db")
    assert migrate(conn) == 1
    assert [tuple(r) for r in conn.execute("SELECT body FROM notes")] == [("a; b",)]
    assert [tuple(r) for r in conn.execute("SELECT note_id, what FROM log")] == [(1, "added; logged")]
    conn.close()


def test_an_unfinished_statement_is_refused() -> None:
    with pytest.raises(StoreError, match="incomplete statement"):
        statements("CREATE TABLE t (a TEXT); CREATE TABLE u (b TEXT DEFAULT 'x;")
    assert sqlite3.complete_statement("SELECT 1;")
