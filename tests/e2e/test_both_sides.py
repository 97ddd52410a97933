"""One article, both sides (issue #17): every (label, country) an article carries is kept, alerted once per
country with both sides quoted, and recorded in the tracker, so one article can make a country contested.

The articles are ours, written in the shapes of the seed articles: a US claim and both governments' denial;
a claim, its denial and an unrelated security memorandum; a confirmation and the denial it recalls.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bot.cli import main
from bot.detect import classify, load_ruleset
from tests.fakes.feed_server import FeedServer

CLAIM_AND_DENIALS_EN = (
    "Honduras and Guatemala dispute US claim of asylum deals",
    "US Homeland Security Secretary Kristi Noem said on Thursday that Honduras and Guatemala had signed "
    "agreements to take in asylum seekers from other countries. Both governments denied having signed any "
    "such agreement on the same day.",
)
CLAIM_DENIAL_AND_MOU_EN = (
    "Noem says Belize signed safe third country pact; Belize denies",
    "Kristi Noem said Belize had signed a safe third country agreement with the United States. Belize's "
    "foreign ministry rejected the claim on Friday. The two governments did sign a memorandum on airport "
    "security during the visit.",
)
CONFIRMATION_AND_EARLIER_DENIAL_ES = (
    "Paraguay confirma que firmó el acuerdo de tercer país seguro con EE.UU.",
    "El canciller paraguayo confirmó este martes que el país firmó el acuerdo de tercer país seguro con "
    "Estados Unidos. En julio, el mismo gobierno había negado que existiera un acuerdo de ese tipo.",
)
CLAIM_AND_DENIALS_ES = (
    "Honduras y Guatemala niegan haber firmado pactos migratorios",
    "Según Noem, Honduras y Guatemala firmaron acuerdos para acoger a solicitantes de asilo de terceros "
    "países. Ambos gobiernos lo negaron el mismo día.",
)
RULES = load_ruleset()


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (CLAIM_AND_DENIALS_EN, {("CLAIM", "GT"), ("CLAIM", "HN"), ("DENIAL", "GT"), ("DENIAL", "HN")}),
        (CLAIM_DENIAL_AND_MOU_EN, {("CLAIM", "BZ"), ("DENIAL", "BZ")}),
        (CONFIRMATION_AND_EARLIER_DENIAL_ES, {("CONFIRMED", "PY"), ("DENIAL", "PY")}),
        (CLAIM_AND_DENIALS_ES, {("CLAIM", "GT"), ("CLAIM", "HN"), ("DENIAL", "GT"), ("DENIAL", "HN")}),
    ],
)
def test_every_pair_of_one_article(article: tuple[str, str], expected: set[tuple[str, str]]) -> None:
    title, body = article
    findings = [f for f in classify(RULES, body, title=title) if f.label.is_signal]
    assert {(f.label.value, f.country) for f in findings} == expected
    for f in findings:  # each side has its own sentence and speaker
        if f.label.value == "CLAIM":
            assert "Noem" in (f.speaker or "") and "Noem" in f.evidence
        if f.label.value == "DENIAL":
            assert "Noem" not in (f.speaker or "")


def _rss(items: list[tuple[str, str, str]]) -> bytes:
    when = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    body = "".join(
        f"<item><title>{escape(t)}</title><link>http://news.example/{slug}</link><guid>{slug}</guid>"
        f"<pubDate>{when}</pubDate><description>{escape(d)}</description></item>"
        for slug, t, d in items
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
    return f"{head}{body}</channel></rss>".encode()


def test_one_article_alerts_once_per_country_and_contests_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FeedServer() as srv:
        srv.add("/feed.xml", body=_rss([("belize", *CLAIM_DENIAL_AND_MOU_EN)]))
        config = tmp_path / "c.toml"
        config.write_text(
            f'[store]\npath = "{tmp_path / "s.db"}"\n[logging]\nformat = "json"\n'
            f'[[feeds]]\nname = "Wire"\nurl = "{srv.url("/feed.xml")}"\n',
            encoding="utf-8",
        )
        assert main(["--config", str(config), "poll", "--once", "--json"]) == 0
        alerts = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    findings = [a for a in alerts if a["label"] in ("CLAIM", "DENIAL", "CONFIRMED")]
    assert len(findings) == 1, alerts  # one alert for (article, Belize) ...
    alert = findings[0]
    assert (alert["label"], alert["country"]) == ("DENIAL", "BZ")
    assert "Belize denies" in alert["evidence"] or alert["evidence"].startswith("Belize's foreign ministry")
    also = alert["also"]  # ... quoting the other side too
    assert [a["label"] for a in also] == ["CLAIM"] and "Noem" in also[0]["evidence"]

    assert main(["--config", str(config), "agreements", "BZ", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    labels = sorted(f["label"] for f in answer["findings"])
    assert labels == ["CLAIM", "DENIAL"]  # both statements of the one article are in the tracker
    assert answer["status"] == "contested"
