"""Migration 5: findings become one per (article, country, label); existing rows and their ids survive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.store import db
from bot.store.migrations import MIGRATIONS


def test_v4_store_keeps_its_findings_and_accepts_both_sides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    conn = db.connect(path)
    monkeypatch.setattr(db, "MIGRATIONS", [m for m in MIGRATIONS if m[0] <= 4])
    assert db.migrate(conn) == 4
    conn.execute(
        "INSERT INTO articles (id, key, url, title, text, lang, published_at, content_hash, first_seen_at)"
        " VALUES (1, 'k', 'http://a', 't', 'x', 'en', NULL, 'h', '2025-06-26T00:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO findings (id, article_id, country, label, rule, evidence, found_at)"
        " VALUES (41, 1, 'HN', 'DENIAL', 'r', 'e', '2025-06-26T00:00:00+00:00')"
    )
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError):  # before: one finding per article and country
        conn.execute(
            "INSERT INTO findings (article_id, country, label, rule, evidence, found_at)"
            " VALUES (1, 'HN', 'CLAIM', 'r', 'e', '2025-06-26T00:00:00+00:00')"
        )
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    assert db.migrate(conn) >= 5
    assert [tuple(r) for r in conn.execute("SELECT id, label FROM findings")] == [(41, "DENIAL")]
    conn.execute(
        "INSERT INTO findings (article_id, country, label, rule, evidence, found_at)"
        " VALUES (1, 'HN', 'CLAIM', 'r', 'e', '2025-06-26T00:00:00+00:00')"
    )
    with pytest.raises(sqlite3.IntegrityError):  # still one per label
        conn.execute(
            "INSERT INTO findings (article_id, country, label, rule, evidence, found_at)"
            " VALUES (1, 'HN', 'CLAIM', 'r2', 'e2', '2025-06-26T00:00:00+00:00')"
        )
    conn.close()
