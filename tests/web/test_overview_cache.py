"""The read-only overview (CLI and web pages) takes the rows the bot computed today and nothing made stale
since, and computes every other country itself: fast on a big store, never behind the findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.app import readonly_query
from bot.store import open_store, open_store_readonly
from bot.store.timefmt import utcnow
from tests.web.world import build_store


def overview_reason(db: Path, country: str) -> str:
    store = open_store_readonly(db)
    try:
        rows = readonly_query(store).overview().rows
    finally:
        store.close()
    return next(r.reason for r in rows if r.country == country)


def test_fresh_rows_are_read_stale_and_old_ones_computed(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.db")
    computed = overview_reason(db, "HN")  # the world's rows were cached in 2025: computed now
    assert "Wilson Paz" in computed

    store = open_store(db)
    store.tracking.save_status("HN", "denied", "cached by the bot today", date(2025, 7, 1), now=utcnow())
    store.close()
    assert overview_reason(db, "HN") == "cached by the bot today"

    store = open_store(db)
    store.tracking.mark_stale({"HN"}, now=utcnow())  # a finding arrived after the bot computed the row
    store.close()
    assert overview_reason(db, "HN") == computed
