"""End to end: fixture feeds on a loopback server -> `stcwatch poll --once --json` -> exact alerts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.cli import main
from tests.fakes.feed_server import FeedServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "e2e"


def fixture(name: str) -> bytes:
    now = datetime.now(UTC)
    text = (FIXTURES / name).read_text(encoding="utf-8")
    text = text.replace("{recent1}", format_datetime(now - timedelta(hours=1), usegmt=True))
    text = text.replace("{recent2}", format_datetime(now - timedelta(hours=3), usegmt=True))
    return text.encode("utf-8")


def write_config(tmp_path: Path, srv: FeedServer, extra_feeds: str = "") -> Path:
    config = tmp_path / "stcwatch.toml"
    config.write_text(
        f"""
[store]
path = "{tmp_path / "store.db"}"
[http]
timeout = "3s"
[logging]
format = "json"
[[feeds]]
name = "Wire EN"
url = "{srv.url("/wire.xml")}"
lang = "en"
[[feeds]]
name = "Prensa ES"
url = "{srv.url("/prensa.xml")}"
lang = "es"
{extra_feeds}
""",
        encoding="utf-8",
    )
    return config


def poll_json(config: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["--config", str(config), "poll", "--once", "--json"]) == 0
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_poll_once_yields_exact_alerts_then_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FeedServer() as srv:
        srv.add("/wire.xml", body=fixture("wire_en.xml"), etag='"w1"')
        srv.add("/prensa.xml", body=fixture("prensa_es.xml"), last_modified="Mon, 02 Nov 2026 10:00:00 GMT")
        config = write_config(tmp_path, srv)

        alerts = poll_json(config, capsys)
        pairs = sorted((a["label"], a["country"]) for a in alerts)
        # Honduras was confirmed in the baseline (2025); a new claim plus a new denial contest it.
        assert pairs == [("CLAIM", "HN"), ("CONFIRMED", "PY"), ("DENIAL", "HN"), ("STATUS_CHANGE", "HN")]
        change = next(a for a in alerts if a["label"] == "STATUS_CHANGE")
        assert change["title"] == "Honduras: confirmed -> contested"
        alerts = [a for a in alerts if a["label"] != "STATUS_CHANGE"]
        for alert in alerts:
            # `also` (the other side of the same article for that country) appears only when there is one
            assert set(alert) - {"also"} == {"label", "country", "url", "title", "feed", "rule", "evidence"}
            assert alert["rule"] and alert["evidence"]
            assert "utm_" not in str(alert["url"])
        denial = next(a for a in alerts if a["label"] == "DENIAL")
        assert denial["feed"] == "Prensa ES"
        assert denial["url"] == "http://prensa.example/honduras-niega"

        # Second pass: nothing new, and both feeds were asked conditionally.
        assert poll_json(config, capsys) == []
        wire = srv.requests_for("/wire.xml")
        prensa = srv.requests_for("/prensa.xml")
        assert len(wire) == 2 and len(prensa) == 2
        assert wire[1].headers.get("if-none-match") == '"w1"'
        assert prensa[1].headers.get("if-modified-since") == "Mon, 02 Nov 2026 10:00:00 GMT"
        assert "stcwatch" in wire[0].headers.get("user-agent", "")


def test_same_story_from_two_feeds_is_one_article_with_two_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.store import open_store

    with FeedServer() as srv:
        srv.add("/wire.xml", body=fixture("wire_en.xml"))
        srv.add("/prensa.xml", body=fixture("prensa_es.xml"))
        config = write_config(tmp_path, srv)
        alerts = poll_json(config, capsys)
    assert sum(1 for a in alerts if a["country"] == "PY") == 1
    store = open_store(tmp_path / "store.db")
    try:
        paraguay = store.tracking.findings("PY", limit=10)
        assert len(paraguay) == 1
        assert paraguay[0].outlets == 2
        assert store.article_count() == 7  # 5 wire + 3 prensa items, minus the shared story
    finally:
        store.close()


def test_broken_feed_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FeedServer() as srv:
        srv.add("/wire.xml", body=fixture("wire_en.xml"))
        srv.add("/prensa.xml", status=500, body=b"oops")
        srv.add("/html", body=b"<html><body>not a feed</body></html>", content_type="text/html")
        config = write_config(tmp_path, srv, f'[[feeds]]\nname = "Page"\nurl = "{srv.url("/html")}"\n')
        alerts = poll_json(config, capsys)
        assert sorted((a["label"], a["country"]) for a in alerts) == [("CLAIM", "HN"), ("CONFIRMED", "PY")]
        # (one claim confirms nothing new: Honduras stays confirmed, so no status change)
        assert main(["--config", str(config), "feeds", "--json"]) == 0
        rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
        assert main(["--config", str(config), "feeds"]) == 0
        table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["FEED", "STATUS", "LAST", "FETCH", "TOOK", "FAILS", "NEXT", "POLL"]
    assert all(0 <= r["last_fetch_seconds"] < 10 for r in rows.values())  # failures are timed too
    took = table[0].index("TOOK")
    assert all(line[took:].split()[0].endswith("s") for line in table[1:4])
    assert rows["Wire EN"]["status"] == "ok" and rows["Wire EN"]["error_streak"] == 0
    assert rows["Prensa ES"]["error_streak"] == 1 and "500" in rows["Prensa ES"]["error"]
    assert rows["Page"]["error_streak"] == 1 and rows["Page"]["error"]


def test_backlog_on_first_poll_is_stored_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FeedServer() as srv:
        srv.add("/wire.xml", body=fixture("wire_en.xml"))
        srv.add("/prensa.xml", body=fixture("prensa_es.xml"))
        config = write_config(tmp_path, srv)
        alerts = poll_json(config, capsys)
    assert all("2019" not in str(a["url"]) for a in alerts)


def test_console_script_module_entry(tmp_path: Path) -> None:
    """`python -m bot` is the same command; config errors exit 2 with file and key."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[[feeds]]\nname = "x"\nurl = "nope"\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(bad), "feeds"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 2
    assert str(bad) in proc.stderr and "feeds[0] (name 'x').url" in proc.stderr


def test_polled_findings_can_be_reviewed_and_their_alerts_carry_the_finding_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with FeedServer() as srv:
        srv.add("/wire.xml", body=fixture("wire_en.xml"))
        srv.add("/prensa.xml", body=fixture("prensa_es.xml"))
        config = write_config(tmp_path, srv)
        poll_json(config, capsys)

    assert main(["--config", str(config), "review", "--json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    by_pair = {(f["label"], f["country"]): f["id"] for f in queue}
    assert set(by_pair) >= {("CLAIM", "HN"), ("CONFIRMED", "PY"), ("DENIAL", "HN")}  # with the silent backlog
    conn = sqlite3.connect(tmp_path / "store.db")
    try:
        rows = conn.execute("SELECT label, country, extra FROM alerts WHERE kind = 'finding'").fetchall()
    finally:
        conn.close()
    alerted = {(label, country): json.loads(extra)["finding_id"] for label, country, extra in rows}
    assert set(alerted) == {("CLAIM", "HN"), ("CONFIRMED", "PY"), ("DENIAL", "HN")}
    assert all(by_pair[pair] == finding_id for pair, finding_id in alerted.items())

    assert main(["--config", str(config), "review", "reject", str(by_pair[("DENIAL", "HN")]), "--by", "e2e"]) == 0
    assert "HN: contested -> confirmed" in capsys.readouterr().out
    assert main(["--config", str(config), "agreements", "HN", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["status"] == "confirmed"
    assert {(f["label"], f["review"]) for f in answer["findings"]} == {("CLAIM", None), ("DENIAL", "rejected")}
