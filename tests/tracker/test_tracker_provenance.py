"""Status engine provenance: machine reads (unreviewed findings) raise a status but never override reviewed ones."""

from __future__ import annotations

from datetime import date

from bot.tracker import Kind, Statement, Status, country_status
from bot.tracker.dealtypes import DealType, guess_deal_type, parse_deal_type

TODAY = date(2025, 12, 1)


def st(kind: str, when: str, *, reviewed: bool, country: str = "GT", actor: str = "someone") -> Statement:
    """A statement from the baseline (reviewed) or from a finding (machine read unless `reviewed`)."""
    return Statement(
        country=country,
        counterpart="US",
        kind=Kind(kind),
        date=date.fromisoformat(when),
        date_precision="day",
        actor=actor,
        summary=f"{kind} by {actor}",
        source_url="https://example.org/a",
        outlet="Example News",
        origin="baseline" if reviewed else "finding",
        reviewed=reviewed,
    )


GUATEMALA = [  # the reviewed baseline of 2025: Noem claims, Arévalo denies
    st("claim", "2025-06-26", reviewed=True, actor="Kristi Noem"),
    st("denial", "2025-06-27", reviewed=True, actor="Bernardo Arévalo"),
]


def test_origin_decides_provenance_by_default() -> None:
    baseline = Statement("GT", "US", Kind.CLAIM, date(2025, 1, 1), "day", "a", "s", "https://x", "o", "baseline")
    finding = Statement("GT", "US", Kind.CLAIM, date(2025, 1, 1), "day", "a", "s", "https://x", "o", "finding")
    assert (baseline.reviewed, finding.reviewed) == (True, False)


def test_machine_confirmation_against_a_reviewed_denial_is_contested_never_confirmed() -> None:
    machine = st("confirmation", "2025-07-10", reviewed=False, actor="reported by Wire")

    status = country_status([*GUATEMALA, machine], today=TODAY)

    assert status.status is Status.CONTESTED
    assert "superseding" not in status.reason
    assert status.reason == (
        "reported by Wire confirmed on 2025-07-10 (unreviewed); Bernardo Arévalo denied on 2025-06-27"
    )


def test_reviewed_confirmation_supersedes_a_reviewed_denial() -> None:
    accepted = st("confirmation", "2025-07-10", reviewed=True, actor="reported by Wire")

    status = country_status([*GUATEMALA, accepted], today=TODAY)

    assert status.status is Status.CONFIRMED
    assert "superseding the denial of 2025-06-27" in status.reason


def test_machine_denial_against_a_reviewed_confirmation_is_contested_never_denied() -> None:
    canada = [
        st("agreement_signed", "2002-12-05", reviewed=True, country="CA"),
        st("agreement_in_force", "2004-12-29", reviewed=True, country="CA"),
    ]
    machine = st("denial", "2025-11-01", reviewed=False, country="CA", actor="reported by Wire")

    assert country_status(canada, today=TODAY).status is Status.CONFIRMED
    status = country_status([*canada, machine], today=TODAY)
    assert status.status is Status.CONTESTED
    assert status.reason.endswith("reported by Wire denied on 2025-11-01 (unreviewed)")


def test_machine_reads_raise_none_to_claimed_and_claimed_to_contested() -> None:
    claim = st("claim", "2025-07-01", reviewed=False, country="HN")
    denial = st("denial", "2025-07-02", reviewed=False, country="HN")
    assert country_status([claim], today=TODAY).status is Status.CLAIMED

    reviewed_claim = st("claim", "2025-07-01", reviewed=True, country="HN")
    assert country_status([reviewed_claim, denial], today=TODAY).status is Status.CONTESTED


def test_machine_confirmation_can_supersede_a_machine_denial() -> None:
    statements = [
        st("denial", "2025-07-01", reviewed=False, country="UG"),
        st("confirmation", "2025-07-02", reviewed=False, country="UG"),
    ]
    assert country_status(statements, today=TODAY).status is Status.CONFIRMED


def test_a_machine_read_confirmation_lapses_after_a_quiet_gap_a_reviewed_one_stands() -> None:
    later_claim = st("claim", "2025-11-01", reviewed=False, country="HN")
    machine = st("confirmation", "2025-01-01", reviewed=False, country="HN")
    reviewed = st("confirmation", "2025-01-01", reviewed=True, country="HN")
    later_denial = st("denial", "2025-11-02", reviewed=False, country="HN")

    lapsed = country_status([machine, later_claim, later_denial], today=TODAY)
    assert lapsed.status is Status.CONTESTED and [s.kind for s in lapsed.episode] == [Kind.DENIAL, Kind.CLAIM]

    stands = country_status([reviewed, later_claim, later_denial], today=TODAY)
    assert stands.status is Status.CONTESTED and Kind.CONFIRMATION in [s.kind for s in stands.episode]
    assert country_status([reviewed, later_denial], today=TODAY).status is Status.CONTESTED
    assert country_status([machine, later_denial], today=TODAY).status is Status.DENIED


def test_deal_type_of_the_current_episode_prefers_reviewed_statements() -> None:
    reviewed = Statement("PA", "US", Kind.CONFIRMATION, date(2025, 2, 2), "day", "Mulino", "bridge",
                         "https://x", "o", "baseline", deal_type=DealType.TRANSIT)
    machine = Statement("PA", "US", Kind.CLAIM, date(2025, 3, 1), "day", "a", "s", "https://x", "o", "finding",
                        deal_type=DealType.DETENTION)

    assert country_status([reviewed, machine], today=TODAY).deal_type is DealType.TRANSIT
    assert country_status([machine], today=TODAY).deal_type is DealType.DETENTION


def test_deal_type_guess_and_parse() -> None:
    assert guess_deal_type("Bukele will jail deportees in the CECOT prison") is DealType.DETENTION
    assert guess_deal_type("Panamá servirá de puente para deportados") is DealType.TRANSIT
    assert guess_deal_type("un acuerdo de tercer país seguro") is DealType.SAFE_THIRD_COUNTRY
    assert guess_deal_type("Uganda agreed to take deportees") is DealType.DEPORTATION
    assert guess_deal_type("Honduras signed something", None) is None
    assert parse_deal_type("bridge") is DealType.TRANSIT
    assert parse_deal_type("Safe third country") is DealType.SAFE_THIRD_COUNTRY
