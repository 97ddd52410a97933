"""Status engine: how statements about one country fold into a status, and when that is a change."""

from __future__ import annotations

from datetime import date

import pytest

from bot.models import Label
from bot.tracker import Kind, Statement, Status, country_status, country_statuses, status_change

TODAY = date(2025, 7, 1)


def st(
    kind: str,
    when: str,
    *,
    country: str = "HN",
    counterpart: str = "US",
    actor: str = "someone",
    precision: str = "day",
    source: str = "https://example.org/a",
    outlets: int = 1,
) -> Statement:
    """A baseline-style statement with just the fields the engine looks at."""
    return Statement(
        country=country,
        counterpart=counterpart,
        kind=Kind(kind),
        date=date.fromisoformat(when),
        date_precision=precision,  # type: ignore[arg-type]
        actor=actor,
        summary=f"{kind} by {actor}",
        source_url=source,
        outlet="Example News",
        origin="baseline",
        outlets_count=outlets,
    )


NOEM = "Kristi Noem, US Homeland Security Secretary"
PAZ = "Wilson Paz, Honduran migration director"


def seed_honduras() -> list[Statement]:
    """The seed case: Noem says Honduras signed; Honduras denies the same day."""
    return [
        st("denial", "2025-06-26", actor=PAZ, source="https://example.org/paz"),
        st("claim", "2025-06-26", actor=NOEM, source="https://example.org/noem"),
    ]


def test_seed_honduras_claim_and_same_day_denial_is_contested_with_both_sides() -> None:
    status = country_status(seed_honduras(), today=TODAY)

    assert status.country == "HN"
    assert status.status is Status.CONTESTED
    assert status.since == date(2025, 6, 26)
    assert [s.actor for s in status.claims] == [NOEM]
    assert [s.actor for s in status.denials] == [PAZ]
    assert status.reason == (
        "Kristi Noem, US Homeland Security Secretary, claimed on 2025-06-26; "
        "Wilson Paz, Honduran migration director, denied on 2025-06-26"
    )


def test_canada_agreement_is_confirmed_since_2002_with_its_source() -> None:
    signed = st("agreement_signed", "2002-12-05", country="CA", actor="Canada and US", source="https://ca/stca")
    statements = [
        st("agreement_in_force", "2023-03-25", country="CA", actor="Trudeau and Biden"),
        signed,
        st("agreement_in_force", "2004-12-29", country="CA", actor="Canada and US"),
    ]

    status = country_status(statements, today=TODAY)

    assert status.status is Status.CONFIRMED
    assert status.since == date(2002, 12, 5)
    assert status.claims[-1] is signed and status.claims[-1].source_url == "https://ca/stca"
    assert status.reason.startswith("Canada and US signed on 2002-12-05; latest: Trudeau and Biden")
    assert [s.date.year for s in status.timeline] == [2023, 2004, 2002]


def test_terminated_2019_agreement_does_not_make_2025_claim_confirmed() -> None:
    statements = [
        st("agreement_signed", "2019-07-26", country="GT", actor="Degenhart and McAleenan"),
        st("transfers_received", "2019-11-21", country="GT", actor="Degenhart"),
        st("terminated", "2021-02-06", country="GT", actor="Blinken"),
        st("claim", "2025-06-26", country="GT", actor=NOEM),
        st("denial", "2025-06-26", country="GT", actor="Guatemala's presidential communications office"),
    ]

    status = country_status(statements, today=TODAY)

    assert status.status is Status.CONTESTED
    assert {s.kind for s in status.claims} == {Kind.CLAIM}
    assert all(s.date.year == 2025 for s in status.claims + status.denials + status.episode)
    assert len(status.timeline) == 5


def test_only_talks_gives_talks() -> None:
    status = country_status([st("talks", "2025-05-04", country="RW", actor="Nduhungirehe")], today=TODAY)

    assert status.status is Status.TALKS
    assert status.since == date(2025, 5, 4)
    assert status.reason == "Nduhungirehe reported talks on 2025-05-04"


def test_unknown_country_is_none() -> None:
    status = country_status(seed_honduras(), today=TODAY, country="zz")

    assert status.country == "ZZ"
    assert status.status is Status.NONE
    assert status.since is None
    assert status.claims == status.denials == status.timeline == []
    assert status.reason == "No statements on record"


def test_status_change_reports_claimed_to_contested_with_both_sides() -> None:
    claim, denial = seed_honduras()[1], st("denial", "2025-06-27", actor=PAZ)
    before = country_status([claim], today=TODAY)
    after = country_status([claim, denial], today=TODAY)

    change = status_change(before, after)

    assert before.status is Status.CLAIMED
    assert change is not None
    assert (change.country, change.old, change.new) == ("HN", Status.CLAIMED, Status.CONTESTED)
    assert change.for_side == [claim]
    assert change.against_side == [denial]
    assert change.reason == after.reason
    assert change.headline == "HN: claimed -> contested"


def test_status_change_is_none_when_status_unchanged_and_rejects_other_country() -> None:
    one = country_status(seed_honduras(), today=TODAY)
    more = country_status([*seed_honduras(), st("claim", "2025-06-28", actor="CBS")], today=TODAY)

    assert status_change(one, more) is None
    with pytest.raises(ValueError, match="cannot compare"):
        status_change(one, country_status([], today=TODAY, country="GT"))


def test_country_confirmation_after_its_own_denial_supersedes_it() -> None:
    statements = [
        st("claim", "2025-08-19", country="UG", actor="CBS News"),
        st("denial", "2025-08-20", country="UG", actor="Oryem, state minister"),
        st("confirmation", "2025-08-21", country="UG", actor="Bagiire, permanent secretary"),
    ]

    assert country_status(statements[:2], today=TODAY.replace(month=9)).status is Status.CONTESTED
    status = country_status(statements, today=TODAY.replace(month=9))

    assert status.status is Status.CONFIRMED
    assert status.since == date(2025, 8, 21)
    assert "superseding the denial of 2025-08-20" in status.reason


def test_denial_after_confirmation_is_contested() -> None:
    statements = [st("confirmation", "2025-06-25", actor="Bu Soto"), st("denial", "2025-06-26", actor=PAZ)]

    assert country_status(statements, today=TODAY).status is Status.CONTESTED


def test_same_day_confirmation_beats_refusal_but_not_denial() -> None:
    taking_people = st("transfers_received", "2025-06-24", country="MX", actor="Sheinbaum")
    label_refused = st("refusal", "2025-06-24", country="MX", actor="Sheinbaum")
    denied = st("denial", "2025-06-24", country="MX", actor="Sheinbaum")

    assert country_status([label_refused, taking_people], today=TODAY).status is Status.CONFIRMED
    assert country_status([denied, taking_people], today=TODAY).status is Status.CONTESTED


def test_denial_alone_is_denied_and_later_talks_reopen() -> None:
    denial = st("denial", "2019-07-29", actor="Rosales")

    denied = country_status([denial], today=TODAY)
    assert (denied.status, denied.reason) == (Status.DENIED, "Rosales denied on 2019-07-29")
    talks = country_status([denial, st("talks", "2019-08-15", actor="Rosales")], today=TODAY)
    assert talks.status is Status.TALKS
    assert talks.reason.endswith("after the denial of 2019-07-29")


def test_quiet_gap_starts_a_new_episode_for_unresolved_statements() -> None:
    old_claim = st("claim", "2024-01-10", actor="old rumour")
    new_denial = st("denial", "2025-06-01", actor=PAZ)

    status = country_status([old_claim, new_denial], today=TODAY)
    assert status.status is Status.DENIED
    assert status.claims == []
    assert old_claim in status.timeline
    wide = country_status([old_claim, new_denial], today=TODAY, episode_gap_days=1000)
    assert wide.status is Status.CONTESTED


def test_confirmed_agreement_does_not_lapse_with_quiet_gap() -> None:
    statements = [st("agreement_signed", "2010-01-01"), st("denial", "2025-06-01", actor=PAZ)]

    assert country_status(statements, today=TODAY).status is Status.CONTESTED


def test_termination_leaves_none_with_the_end_as_reason() -> None:
    statements = [
        st("agreement_signed", "2022-04-13", country="RW", counterpart="GB", actor="Patel and Biruta"),
        st("terminated", "2024-07-06", country="RW", counterpart="GB", actor="Keir Starmer, UK Prime Minister"),
    ]

    status = country_status(statements, today=TODAY)

    assert status.status is Status.NONE
    assert status.since == date(2024, 7, 6)
    assert status.reason == "Keir Starmer, UK Prime Minister, terminated it on 2024-07-06; nothing on record since"
    assert status.episode == []


def test_ending_one_counterparts_deal_keeps_talks_with_another() -> None:
    statements = [
        st("agreement_signed", "2022-04-13", country="RW", counterpart="GB"),
        st("talks", "2024-05-01", country="RW", counterpart="US", actor="FM"),
        st("terminated", "2024-07-06", country="RW", counterpart="GB"),
    ]

    status = country_status(statements, today=TODAY)

    assert status.status is Status.TALKS
    assert [s.counterpart for s in status.episode] == ["US"]


def test_statements_after_today_are_ignored() -> None:
    statements = [*seed_honduras(), st("confirmation", "2025-08-20", actor=PAZ)]

    assert country_status(statements, today=TODAY).status is Status.CONTESTED
    later = country_status(statements, today=date(2025, 9, 1))
    assert later.status is Status.CONFIRMED
    assert later.timeline[0].date == date(2025, 8, 20)


def test_mentions_never_change_status_and_show_only_when_asked() -> None:
    mention = st("mention", "2025-06-27", actor="analyst")
    context = st("context", "2025-06-26", actor="MOU signers")
    statements = [*seed_honduras(), mention, context]

    status = country_status(statements, today=TODAY)
    assert status.status is Status.CONTESTED
    assert mention not in status.timeline and context not in status.timeline
    shown = country_status(statements, today=TODAY, include_mentions=True)
    assert shown.timeline[0] is mention and context in shown.timeline
    assert country_status([mention], today=TODAY).status is Status.NONE


def test_reason_uses_coarse_dates_and_outlet_counts() -> None:
    statement = st("claim", "2025-06-01", actor="CBS", precision="month", outlets=3)

    status = country_status([statement], today=TODAY)

    assert status.reason == "CBS claimed on 2025-06 (3 outlets); no confirmation or denial on record"


def test_timeline_is_newest_first_and_the_episode_is_its_current_part() -> None:
    statements = [st("agreement_signed", "2019-09-25"), st("suspended", "2021-02-06"), *seed_honduras()]

    status = country_status(statements, today=TODAY)

    assert [s.when for s in status.timeline] == ["2025-06-26", "2025-06-26", "2021-02-06", "2019-09-25"]
    assert [any(s is e for e in status.episode) for s in status.timeline] == [True, True, False, False]
    assert status.timeline[-1].effect == "confirm"


def test_mixed_countries_need_a_country_and_overview_sorts_them() -> None:
    statements = [*seed_honduras(), st("talks", "2025-05-04", country="RW")]

    with pytest.raises(ValueError, match="several countries"):
        country_status(statements, today=TODAY)
    overview = country_statuses(statements, today=TODAY)
    assert [(s.country, s.status) for s in overview] == [("HN", Status.CONTESTED), ("RW", Status.TALKS)]


def test_finding_statements_use_label_mapping() -> None:
    from bot.models import Finding

    finding = Finding(label=Label.DENIAL, country="hn", rule="deny-1", evidence="Paz denied it", speaker=PAZ)
    statement = Statement.from_finding(
        finding, published=date(2025, 6, 26), source_url="https://example.org/x", outlet="AP"
    )
    status = country_status([seed_honduras()[1], statement], today=TODAY)

    assert statement.kind is Kind.DENIAL and statement.origin == "finding"
    assert status.status is Status.CONTESTED and status.denials == [statement]


def test_negative_gap_is_rejected() -> None:
    with pytest.raises(ValueError, match="episode_gap_days"):
        country_status([], today=TODAY, episode_gap_days=-1)


def test_confirmation_carried_over_an_end_still_stands_through_a_gap() -> None:
    statements = [
        st("confirmation", "2020-01-10", country="RW", counterpart="US", actor="US deal"),
        st("agreement_signed", "2020-02-01", country="RW", counterpart="GB"),
        st("terminated", "2021-01-01", country="RW", counterpart="GB"),
        st("claim", "2025-06-01", country="RW", counterpart="US", actor="new report"),
    ]

    status = country_status(statements, today=TODAY)

    assert status.status is Status.CONFIRMED
    assert [s.actor for s in status.claims] == ["new report", "US deal"]
