"""Evidence and article text are bounded on every path: store, alerts, JSON, classify (issue #16).

The hostile input is one feed item of 4 MB without a single full stop: the deciding "sentence" is the
whole item, and before the bound it became a 4 MB alert, a 4 MB `agreements --json` and ~12 MB of store.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from bot.models import Article, Finding, Label
from bot.store import open_store
from bot.store.timefmt import utcnow
from bot.textclip import ARTICLE_CHARS, EVIDENCE_CHARS
from tests.cli.clirun import config, stcwatch
from tests.fakes.feed_server import FeedServer

CUE = "Guatemala denied that it had signed a safe third country agreement with the United States"
FILLER = " and the ministry repeated its position to reporters" * 80_000  # ~4 MB, no punctuation


def huge_feed() -> bytes:
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=10), usegmt=True)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Guatemala denies</title><link>http://wire.example/gt</link><guid>gt</guid>"
        f"<pubDate>{when}</pubDate><description>{CUE}{FILLER}</description></item></channel></rss>"
    ).encode()


def test_a_huge_unpunctuated_item_gives_bounded_alerts_answers_and_store(tmp_path: Path) -> None:
    with FeedServer() as srv:
        srv.add("/wire.xml", body=huge_feed())
        cfg = config(tmp_path, f'[[feeds]]\nname = "Wire"\nurl = "{srv.url("/wire.xml")}"\n[http]\ntimeout = "20s"')
        from bot.store import open_store

        open_store(tmp_path / "s.db").close()  # an empty, migrated store (`feeds` is read-only: creates none)
        size_before = (tmp_path / "s.db").stat().st_size
        proc = stcwatch("--config", str(cfg), "poll", "--once", "--json", cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    alerts = [json.loads(line) for line in proc.stdout.splitlines()]
    denial = next(a for a in alerts if a["label"] == "DENIAL")
    assert denial["country"] == "GT"
    assert denial["evidence"].startswith(CUE) and len(denial["evidence"]) <= EVIDENCE_CHARS
    assert len(proc.stdout) < 5_000

    text = stcwatch("--config", str(cfg), "agreements", "guatemala", cwd=tmp_path)
    as_json = stcwatch("--config", str(cfg), "agreements", "guatemala", "--json", cwd=tmp_path)
    assert text.returncode == 0 and as_json.returncode == 0
    assert len(text.stdout) < 20_000 and len(as_json.stdout) < 40_000
    finding = json.loads(as_json.stdout)["findings"][0]
    assert finding["evidence"].startswith(CUE) and len(finding["evidence"]) <= EVIDENCE_CHARS

    db = sqlite3.connect(tmp_path / "s.db")
    try:
        (body,) = db.execute("SELECT length(text) FROM articles").fetchone()
        evidence = [n for (n,) in db.execute("SELECT length(evidence) FROM findings")]
        alert_evidence = [n for (n,) in db.execute("SELECT length(evidence) FROM alerts WHERE evidence IS NOT NULL")]
    finally:
        db.close()
    assert body <= ARTICLE_CHARS
    assert evidence and max(evidence) <= EVIDENCE_CHARS
    assert max(alert_evidence) <= EVIDENCE_CHARS
    assert (tmp_path / "s.db").stat().st_size - size_before < 2_000_000  # was ~12 MB


def test_console_alert_of_a_huge_item_is_bounded(tmp_path: Path) -> None:
    with FeedServer() as srv:
        srv.add("/wire.xml", body=huge_feed())
        cfg = config(tmp_path, f'[[feeds]]\nname = "Wire"\nurl = "{srv.url("/wire.xml")}"\n[http]\ntimeout = "20s"')
        proc = stcwatch("--config", str(cfg), "poll", "--once", cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "DENIAL" in proc.stdout and CUE in proc.stdout
    assert len(proc.stdout) < 5_000


def test_classify_a_huge_line_gives_a_bounded_answer(tmp_path: Path) -> None:
    line = json.dumps({"id": "big", "text": CUE + FILLER * 1}).encode() + b"\n"
    assert len(line) > 4_000_000
    proc = stcwatch("classify", "--explain", stdin=line, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(proc.stdout) < 3_000
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["country"] == "GT" and finding["evidence"].startswith(CUE)
    assert len(finding["evidence"]) <= EVIDENCE_CHARS


def test_rows_stored_before_the_bound_are_bounded_when_read(tmp_path: Path) -> None:
    """Alerts and findings already in a store are clipped on the way out (chat, console, JSON)."""
    store = open_store(tmp_path / "old.db")
    try:
        now = utcnow()
        article = Article("k", "http://x.example/a", "T", "text", now, "h")
        article_id = store.insert_article(article, now=now)
        store.insert_findings(article_id, [Finding(Label.DENIAL, "GT", "r", "short")], now=now)
        alert = store.add_alert(
            dedupe_key="k", kind="finding", label="DENIAL", title="T", sinks=["console"], now=now, evidence="e"
        )
        assert alert is not None
    finally:
        store.close()
    huge = CUE + FILLER[:500_000]
    with sqlite3.connect(tmp_path / "old.db") as db:  # as an older version wrote them
        db.execute("UPDATE alerts SET evidence = ?", (huge,))
        db.execute("UPDATE findings SET evidence = ?", (huge,))
    db.close()
    store = open_store(tmp_path / "old.db")
    try:
        read = store.alert(alert.id)
        assert read.evidence is not None and read.evidence.startswith(CUE)
        assert len(read.evidence) <= EVIDENCE_CHARS
        (row,) = store.tracking.findings("GT", limit=5)
        assert row.evidence.startswith(CUE) and len(row.evidence) <= EVIDENCE_CHARS
    finally:
        store.close()
