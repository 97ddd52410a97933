"""`stcwatch review` and `stcwatch agreements` through `main()`, over a real store file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.models import Article, Finding, Label
from bot.store import open_store
from bot.store.repo import FeedSpec

NOW = datetime.now(UTC).replace(microsecond=0)


def make_store(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """A config whose store holds three findings: CA DENIAL (machine read), HN CLAIM, HN MENTION."""
    db = tmp_path / "s.db"
    config = tmp_path / "c.toml"
    config.write_text(
        f'[store]\npath = "{db}"\n\n[console]\nenabled = false\n\n'
        '[[feeds]]\nname = "Wire"\nurl = "http://127.0.0.1:9/w.xml"\n',
        encoding="utf-8",
    )
    store = open_store(db)
    store.sync_feeds([FeedSpec("Wire", "http://127.0.0.1:9/w.xml", 600.0)])
    ids: dict[str, int] = {}
    items = [
        ("ca", Finding(Label.DENIAL, "CA", "en.denial.x", "Canada denied any such agreement.", speaker="Ottawa")),
        ("hn", Finding(Label.CLAIM, "HN", "en.claim.x", "Honduras agreed, an official said.")),
        ("mention", Finding(Label.MENTION, "HN", "en.mention.x", "Talks were discussed.")),
    ]
    for n, (key, finding) in enumerate(items):
        when = NOW - timedelta(hours=3 - n)
        article = Article(key=f"k{n}", url=f"https://news.example/{n}", title=f"Story {n}",
                          text=f"Article text {n}", published=when, content_hash=f"h{n}", lang="en")
        with store.transaction():
            aid = store.insert_article(article, now=when)
            store.add_source(aid, 1, article, now=when)
            store.insert_findings(aid, [finding], now=when)
        fid = store.finding_id(aid, finding.country, str(finding.label))
        assert fid is not None
        ids[key] = fid
    store.close()
    return config, ids


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_review_lists_accepts_rejects_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, ids = make_store(tmp_path)
    c = ("--config", str(config))

    code, out, _ = run(capsys, *c, "review", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [f["id"] for f in listed] == [ids["hn"], ids["ca"]]  # newest first, no MENTION
    assert set(listed[0]) >= {"id", "label", "country", "url", "title", "evidence", "found_at", "review",
                              "reviewed_by"}
    assert listed[1]["review"] is None and listed[1]["reviewed_by"] is None

    code, out, _ = run(capsys, *c, "agreements", "canada", "--json")
    before = json.loads(out)
    assert before["status"] == "contested"
    assert [f["reviewed"] for f in before["findings"]] == [False]

    code, out, _ = run(capsys, *c, "review", "reject", str(ids["ca"]), "--by", "ana")
    assert code == 0
    assert f"Finding #{ids['ca']} rejected by ana." in out and "CA: contested -> confirmed" in out

    code, out, _ = run(capsys, *c, "review", "accept", str(ids["hn"]), "--json")
    assert code == 0 and json.loads(out)["review"] == "accepted" and json.loads(out)["reviewed_by"]

    code, out, _ = run(capsys, *c, "review", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, *c, "review", "--all", "--json")
    assert {(f["id"], f["review"]) for f in json.loads(out)} == {(ids["hn"], "accepted"), (ids["ca"], "rejected")}

    code, out, _ = run(capsys, *c, "agreements", "CA", "--json")
    after = json.loads(out)
    assert after["status"] == "confirmed" and after["deal_type"] == "safe_third_country"
    assert all(t["reviewed"] for t in after["timeline"]) and all("deal_type" in t for t in after["timeline"])

    code, out, _ = run(capsys, *c, "review", "export")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["label"], r["country"]) for r in records] == [("IRRELEVANT", "CA"), ("CLAIM", "HN")]
    for r in records:
        assert set(r) >= {"id", "text", "lang", "label", "country", "source_url", "date"}
        assert r["lang"] == "en" and r["date"] == r["date"][:10]
    assert records[0]["text"] == "Canada denied any such agreement."
    assert records[0]["source_url"] == "https://news.example/0" and "ana" in records[0]["note"]


def test_reject_with_label_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, ids = make_store(tmp_path)
    c = ("--config", str(config))

    code, _, err = run(capsys, *c, "review", "accept", "4242")
    assert code == 1 and "no finding with id 4242" in err

    with pytest.raises(SystemExit) as exited:
        main([*c, "review", "reject", str(ids["hn"]), "--label", "MAYBE"])
    assert exited.value.code == 2
    capsys.readouterr()

    code, out, _ = run(capsys, *c, "review", "reject", str(ids["hn"]), "--label", "denial", "--by", "bo")
    assert code == 0 and "HN" in out
    code, out, _ = run(capsys, *c, "review", "--all")
    assert f"#{ids['hn']}" in out and "rejected by bo -> DENIAL" in out


def test_agreements_overview_filtered_by_deal_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _ = make_store(tmp_path)
    code, out, _ = run(capsys, "--config", str(config), "agreements", "--deal-type", "bridge", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["country"] for r in rows} == {"PA", "CR"} and {r["deal_type"] for r in rows} == {"transit"}
    code, out, _ = run(capsys, "--config", str(config), "agreements", "--deal-type", "bridge")
    assert "transit or bridge arrangement" in out
    code, _, err = run(capsys, "--config", str(config), "agreements", "--deal-type", "spaceport")
    assert code == 1 and "not a deal type" in err


def test_a_cli_review_queues_its_status_change_for_the_configured_chat_routes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, ids = make_store(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "\n[discord]\nenabled = true\n\n[[discord.routes]]\nchannel_id = 777\n", encoding="utf-8")

    code, _, _ = run(capsys, "--config", str(config), "review", "reject", str(ids["ca"]), "--by", "ana")
    assert code == 0

    store = open_store(tmp_path / "s.db")
    try:
        due = store.due_deliveries("discord:777", now=datetime.now(UTC) + timedelta(seconds=1))
    finally:
        store.close()
    assert [(a.label, a.title, a.extra["reviewed_by"]) for a in due] == [
        ("STATUS_CHANGE", "Canada: contested -> confirmed", "ana")
    ]
