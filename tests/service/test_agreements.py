"""Tracker + query over a real store: the seed story, baseline entries, overview order, lookups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import Article, Finding, Label
from bot.service.answers import CountryAnswer, NotFoundAnswer, OverviewAnswer
from bot.service.notify import Outbox
from bot.service.query import Query
from bot.service.tracking import Tracker
from bot.store import Store, open_store
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline
from tests.fakes.sinks import Sink

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "t.db")
    s.sync_feeds(
        [FeedSpec("Wire", "http://127.0.0.1/w.xml", 600.0), FeedSpec("Prensa", "http://127.0.0.1/p.xml", 600.0)]
    )
    return s


def add_finding(store: Store, n: int, finding: Finding, *, feeds: tuple[int, ...] = (1,), when: datetime = NOW) -> int:
    article = Article(
        key=f"k{n}", url=f"http://news.example/{n}", title=f"Story {n}", text=finding.evidence,
        published=when, content_hash=f"h{n}",
    )
    with store.transaction():
        aid = store.insert_article(article, now=when)
        for feed_id in feeds:
            store.add_source(aid, feed_id, article, now=when)
        store.insert_findings(aid, [finding], now=when)
    return aid


def setup(store: Store) -> tuple[Tracker, Query]:
    outbox = Outbox(store, [Sink()])
    tracker = Tracker(store, outbox, clock=lambda: NOW)
    tracker.load_baseline(load_baseline())
    return tracker, Query(store, tracker, clock=lambda: NOW)


def test_claim_then_denial_is_contested_with_both_sides(store: Store) -> None:
    tracker, query = setup(store)
    claim = Finding(Label.CLAIM, "HN", "en.claim.official_says_signed",
                    "A US official said Honduras signed a safe third country agreement.", speaker="US official")
    denial = Finding(Label.DENIAL, "HN", "es.denial.niega_firma",
                     "Honduras niega haber firmado un acuerdo de tercer país seguro.", speaker="Honduran government")
    a1 = add_finding(store, 1, claim, feeds=(1, 2))
    alerts = tracker.on_findings([(a1, claim)], NOW)
    a2 = add_finding(store, 2, denial, when=NOW + timedelta(hours=2))
    alerts += tracker.on_findings([(a2, denial)], NOW + timedelta(hours=2))

    answer = query.agreements("honduras")
    assert isinstance(answer, CountryAnswer)
    assert (answer.country, answer.name, answer.status) == ("HN", "Honduras", "contested")
    recent = [t for t in answer.timeline if t.origin == "finding"]
    assert [(t.kind, t.actor) for t in recent] == [("denial", "Honduran government"), ("claim", "US official")]
    assert recent[1].source_url == "http://news.example/1" and recent[1].outlets_count == 2
    assert any(t.origin == "baseline" for t in answer.timeline)
    assert [f.label for f in answer.findings] == ["DENIAL", "CLAIM"]
    assert answer.findings[1].outlets == 2

    change = [a for a in alerts if a.kind == "status_change"]
    assert len(change) == 1
    assert change[0].title == "Honduras: confirmed -> contested"
    assert change[0].extra["new"] == "contested"
    assert change[0].extra["for"] and change[0].extra["against"]
    against = change[0].extra["against"]
    assert isinstance(against, list) and against[0]["url"] == "http://news.example/2"


def test_confirmation_reads_confirmed_and_canada_has_its_2002_entry(store: Store) -> None:
    tracker, query = setup(store)
    finding = Finding(Label.CONFIRMED, "PY", "en.confirmed.signed", "Paraguay signed the agreement, its ministry said.")
    aid = add_finding(store, 3, finding)
    tracker.on_findings([(aid, finding)], NOW)
    answer = query.agreements("PRY")
    assert isinstance(answer, CountryAnswer) and answer.status == "confirmed"

    canada = query.agreements("Canadá")
    assert isinstance(canada, CountryAnswer)
    assert canada.status == "confirmed"
    signed = [t for t in canada.timeline if t.date.isoformat() == "2002-12-05"]
    assert signed and signed[0].kind == "agreement_signed"
    assert signed[0].source_url and signed[0].source_url.startswith("https://")


def test_overview_orders_by_latest_change(store: Store) -> None:
    tracker, query = setup(store)
    overview = query.agreements()
    assert isinstance(overview, OverviewAnswer)
    dates = [r.changed for r in overview.rows]
    assert all(d is not None for d in dates)
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert {"CA", "GT", "HN"} <= {r.country for r in overview.rows}
    # A new denial about Mexico changes its status today, so it moves to the top.
    denial = Finding(Label.DENIAL, "MX", "es.denial", "México rechaza ser tercer país seguro.")
    aid = add_finding(store, 4, denial)
    tracker.on_findings([(aid, denial)], NOW)
    top = query.agreements()
    assert isinstance(top, OverviewAnswer) and top.rows[0].country == "MX"


@pytest.mark.parametrize("text", ["HN", "HND", "honduras", "Hondureño", "hondureña", "hondras", "  HONDURAS "])
def test_lookup_variants(store: Store, text: str) -> None:
    _, query = setup(store)
    answer = query.agreements(text)
    assert isinstance(answer, CountryAnswer) and answer.country == "HN"


def test_unknown_country_gets_suggestions_not_an_exception(store: Store) -> None:
    _, query = setup(store)
    answer = query.agreements("Atlantis")
    assert isinstance(answer, NotFoundAnswer)
    assert "Atlantis" in answer.message
    assert isinstance(query.agreements("zzzzzz"), NotFoundAnswer)


def test_autocomplete_prefers_tracked_countries(store: Store) -> None:
    _, query = setup(store)
    choices = query.complete_country("gu")
    assert choices[0] == ("GT", "Guatemala")
    assert all(isinstance(code, str) and len(code) == 2 for code, _ in choices)
    assert len(query.complete_country("", limit=5)) == 5
