"""Reviews over a real store and the real status engine: provenance, accept, reject, alerts, one source of truth."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.text import country_json
from bot.models import Article, Finding, Label
from bot.service.answers import CountryAnswer, OverviewAnswer
from bot.service.notify import Outbox
from bot.service.query import Query
from bot.service.review import Reviewer, ReviewError
from bot.service.tracking import Tracker
from bot.store import Store, open_store
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline
from tests.fakes.sinks import Sink

NOW = datetime(2025, 7, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "t.db")
    s.sync_feeds([FeedSpec("Wire", "http://127.0.0.1/w.xml", 600.0)])
    return s


class World:
    """Store + tracker + query + reviewer on one clock, with the real baseline loaded."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.now = NOW
        clock = lambda: self.now  # noqa: E731
        self.tracker = Tracker(store, Outbox(store, [Sink()]), clock=clock)
        self.tracker.load_baseline(load_baseline())
        self.query = Query(store, self.tracker, clock=clock)
        self.reviewer = Reviewer(store, self.tracker, clock=clock)
        self.n = 0

    def finding(self, label: Label, country: str, evidence: str, *, alert: bool = True) -> int:
        """Store one article with one finding (as the poller does); returns the finding id."""
        self.n += 1
        self.now += timedelta(minutes=5)
        article = Article(key=f"k{self.n}", url=f"http://news.example/{self.n}", title=f"Story {self.n}",
                          text=f"Full text {self.n}: {evidence}", published=self.now, content_hash=f"h{self.n}",
                          lang="en")
        finding = Finding(label, country, f"en.{label.lower()}.rule", evidence, speaker=None)
        with self.store.transaction():
            aid = self.store.insert_article(article, now=self.now)
            self.store.add_source(aid, 1, article, now=self.now)
            self.store.insert_findings(aid, [finding], now=self.now)
            if alert:
                self.tracker.on_findings([(aid, finding)], self.now)
        fid = self.store.finding_id(aid, country, str(label))
        assert fid is not None
        return fid

    def status(self, country: str) -> str:
        answer = self.query.agreements(country)
        assert isinstance(answer, CountryAnswer)
        return answer.status

    def answer(self, country: str) -> CountryAnswer:
        answer = self.query.agreements(country)
        assert isinstance(answer, CountryAnswer)
        return answer


def test_machine_confirmation_against_guatemalas_reviewed_denial_is_contested_until_accepted(store: Store) -> None:
    w = World(store)
    assert w.status("GT") == "contested"
    fid = w.finding(Label.CONFIRMED, "GT", "Guatemala confirmed it signed the safe third country agreement.")

    assert w.status("GT") == "contested"  # not "confirmed, superseding the denial of 2025-06-27"
    data = country_json(w.answer("GT"))
    machine = [t for t in data["timeline"] if t["origin"] == "finding"]
    assert [(t["kind"], t["reviewed"]) for t in machine] == [("confirmation", False)]
    assert all(t["reviewed"] for t in data["timeline"] if t["origin"] == "baseline")
    assert [(f["id"], f["reviewed"], f["review"]) for f in data["findings"]] == [(fid, False, None)]
    assert all("deal_type" in t for t in data["timeline"]) and data["deal_type"] == "safe_third_country"
    assert "(unreviewed)" in data["reason"]

    outcome = w.reviewer.accept(fid, by="ana")

    assert (outcome.old_status, outcome.new_status) == ("contested", "confirmed")
    assert w.status("GT") == "confirmed"
    assert outcome.alert is not None and outcome.alert.label == "STATUS_CHANGE"
    assert outcome.alert.title == "Guatemala: contested -> confirmed"
    assert outcome.alert.extra["reviewed_by"] == "ana" and "review by ana" in (outcome.alert.evidence or "")
    assert store.delivery_attempts(outcome.alert.id, "test") == 0  # queued for the sink like any alert
    data = country_json(w.answer("GT"))
    assert [(f["reviewed"], f["review"], f["reviewed_by"]) for f in data["findings"]] == [(True, "accepted", "ana")]
    assert [t["reviewed"] for t in data["timeline"] if t["origin"] == "finding"] == [True]


def test_machine_denial_makes_canada_contested_never_denied_and_a_reject_restores_confirmed(store: Store) -> None:
    w = World(store)
    assert w.status("CA") == "confirmed"
    fid = w.finding(Label.DENIAL, "CA", "Canada denied having any agreement with the US.")
    assert w.status("CA") == "contested"

    outcome = w.reviewer.reject(fid, by="bo")

    assert w.status("CA") == "confirmed"  # as it was before the finding arrived
    assert outcome.alert is not None and outcome.alert.extra["old"] == "contested"
    assert outcome.alert.extra["new"] == "confirmed" and outcome.alert.extra["reviewed_by"] == "bo"
    assert all(t.origin == "baseline" for t in w.answer("CA").timeline)
    finding = w.answer("CA").findings[0]
    assert (finding.review, finding.review_label, finding.reviewed_by) == ("rejected", None, "bo")


def test_rejected_finding_leaves_the_status_as_it_was_before_it_arrived(store: Store) -> None:
    w = World(store)
    before = w.answer("HN")
    fid = w.finding(Label.DENIAL, "HN", "Honduras denied signing anything.")
    assert w.status("HN") != before.status or w.answer("HN").reason != before.reason

    w.reviewer.reject(fid, by="cy", label="IRRELEVANT")

    after = w.answer("HN")
    assert (after.status, after.reason, after.since) == (before.status, before.reason, before.since)


def test_reject_with_a_label_makes_a_reviewed_statement_that_machine_reads_cannot_override(store: Store) -> None:
    w = World(store)
    claim = w.finding(Label.CLAIM, "BR", "Brazil signed a deal to receive deportees, an official said.")
    assert w.status("BR") == "claimed"

    outcome = w.reviewer.reject(claim, by="di", label="DENIAL")

    assert (outcome.old_status, outcome.new_status) == ("claimed", "denied")
    w.finding(Label.CONFIRMED, "BR", "Brazil confirmed the deportee agreement.")
    assert w.status("BR") == "contested"  # a machine read never overrides the reviewed denial


def test_accepting_without_a_status_change_queues_no_alert(store: Store) -> None:
    w = World(store)
    fid = w.finding(Label.CLAIM, "HN", "Honduras agreed to take asylum seekers, Noem said.")
    before = w.status("HN")
    outcome = w.reviewer.accept(fid, by="ed")
    assert outcome.alert is None and w.status("HN") == before


def test_queue_lists_unreviewed_signals_newest_first_and_all_with_reviewed(store: Store) -> None:
    w = World(store)
    first = w.finding(Label.CLAIM, "HN", "claim one")
    w.finding(Label.MENTION, "HN", "just a mention")
    second = w.finding(Label.DENIAL, "GT", "denial two")
    assert [f.finding_id for f in w.reviewer.queue()] == [second, first]

    w.reviewer.accept(second, by="fa")
    assert [f.finding_id for f in w.reviewer.queue()] == [first]
    assert [(f.finding_id, f.review) for f in w.reviewer.queue(include_reviewed=True)] == [
        (second, "accepted"), (first, None)
    ]


def test_review_errors_are_clear(store: Store) -> None:
    w = World(store)
    fid = w.finding(Label.CLAIM, "HN", "claim")
    with pytest.raises(ReviewError, match="no finding with id 999"):
        w.reviewer.accept(999, by="x")
    with pytest.raises(ReviewError, match="label must be one of"):
        w.reviewer.reject(fid, by="x", label="MAYBE")
    with pytest.raises(ReviewError, match="reviewer"):
        w.reviewer.accept(fid, by="  ")
    assert w.reviewer.queue()[0].review is None  # nothing stored by a failed review


def test_a_reviewer_may_change_their_mind_and_each_change_alerts(store: Store) -> None:
    w = World(store)
    fid = w.finding(Label.DENIAL, "CA", "Canada denies")
    first = w.reviewer.reject(fid, by="gu")
    w.now += timedelta(minutes=1)
    second = w.reviewer.accept(fid, by="gu")
    assert first.alert is not None and second.alert is not None and first.alert.id != second.alert.id
    assert w.status("CA") == "contested"


def test_overview_and_country_answer_agree_for_backlog_findings(store: Store) -> None:
    w = World(store)
    w.finding(Label.DENIAL, "CA", "Canada denies the agreement", alert=False)  # backlog: no tracker hook ran
    w.finding(Label.CLAIM, "BR", "Brazil agreed to take deportees", alert=False)

    overview = w.query.agreements(None)
    assert isinstance(overview, OverviewAnswer)
    rows = {r.country: r for r in overview.rows}
    for code in ("CA", "BR", "GT", "HN", "SV"):
        answer = w.answer(code)
        assert (rows[code].status, rows[code].reason, rows[code].changed) == (answer.status, answer.reason,
                                                                            answer.since)
    assert rows["CA"].status == "contested" and rows["BR"].status == "claimed"


def test_overview_filtered_by_deal_type(store: Store) -> None:
    w = World(store)
    transit = w.query.agreements(None, deal_type="transit")
    detention = w.query.agreements(None, deal_type="custody")
    assert isinstance(transit, OverviewAnswer) and isinstance(detention, OverviewAnswer)
    assert {r.country for r in transit.rows} == {"PA", "CR"}
    assert {r.country for r in detention.rows} == {"SV", "SS"}  # Eswatini (SZ) comes after NOW
    assert all(r.deal_type == "detention" for r in detention.rows)
    with pytest.raises(ValueError, match="not a deal type"):
        w.query.agreements(None, deal_type="spaceport")


def test_overview_recomputes_rows_cached_before_today(store: Store) -> None:
    w = World(store)
    before = w.query.agreements(None)
    assert isinstance(before, OverviewAnswer) and "SZ" not in {r.country for r in before.rows}

    w.now = NOW + timedelta(days=7)  # Eswatini's reviewed entry of 2025-07-16 now lies in the past
    after = w.query.agreements(None)

    assert isinstance(after, OverviewAnswer)
    row = next(r for r in after.rows if r.country == "SZ")
    answer = w.answer("SZ")
    assert (row.status, row.reason, row.changed, row.deal_type) == (answer.status, answer.reason, answer.since,
                                                                    answer.deal_type) == (
        "confirmed", answer.reason, date(2025, 7, 16), "detention"
    )


def test_storing_a_signal_finding_marks_its_country_stale_and_the_overview_refreshes_it(store: Store) -> None:
    w = World(store)
    w.query.agreements(None)
    assert not any(r.stale for r in store.tracking.all_statuses())
    w.finding(Label.DENIAL, "CA", "Canada denies", alert=False)
    assert [r.country for r in store.tracking.all_statuses() if r.stale] == ["CA"]
    w.query.agreements(None)
    ca = store.tracking.status("CA")
    assert ca is not None and (ca.status, ca.stale) == ("contested", False)
