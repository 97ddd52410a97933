"""Statement types: date parsing, coercion, validation and the finding -> statement mapping."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.models import Finding, Label
from bot.tracker import BASELINE_KINDS, KIND_EFFECT, KIND_FOR_LABEL, Effect, Kind, Statement, parse_partial_date


def make(**overrides: object) -> Statement:
    fields: dict[str, object] = {
        "country": "HN",
        "counterpart": "US",
        "kind": "claim",
        "date": date(2025, 6, 26),
        "date_precision": "day",
        "actor": "Kristi Noem",
        "summary": "says Honduras signed",
        "source_url": "https://example.org/a",
        "outlet": "AP",
        "origin": "baseline",
    }
    fields.update(overrides)
    return Statement(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-26", (date(2025, 6, 26), "day")),
        ("2025-06", (date(2025, 6, 1), "month")),
        ("2019", (date(2019, 1, 1), "year")),
        (" 2024-02-29 ", (date(2024, 2, 29), "day")),
    ],
)
def test_parse_partial_date(text: str, expected: tuple[date, str]) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize("text", ["2019-02-30", "2025-13", "26/06/2025", "2025-6-1", "", "June 2025"])
def test_parse_partial_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"YYYY|calendar"):
        parse_partial_date(text)


def test_statement_coerces_kind_and_datetime_and_renders_precision() -> None:
    statement = make(kind="denial", date=datetime(2025, 6, 26, 18, 30), date_precision="month")

    assert statement.kind is Kind.DENIAL
    assert type(statement.date) is date
    assert statement.when == "2025-06"
    assert statement.effect is Effect.DENY


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": "rumour"}, "rumour"),
        ({"country": "hn"}, "country"),
        ({"counterpart": "USA"}, "counterpart"),
        ({"date_precision": "week"}, "date_precision"),
        ({"origin": "guess"}, "origin"),
        ({"outlets_count": 0}, "outlets_count"),
    ],
)
def test_statement_rejects_bad_fields(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(**overrides)


def test_unknown_counterpart_is_allowed_for_findings() -> None:
    assert make(counterpart="", origin="finding").counterpart == ""


def test_every_kind_has_an_effect_and_labels_map_as_designed() -> None:
    assert set(KIND_EFFECT) == set(Kind)
    assert {label: kind.value for label, kind in KIND_FOR_LABEL.items()} == {
        Label.CLAIM: "claim",
        Label.CONFIRMED: "confirmation",
        Label.DENIAL: "denial",
        Label.MENTION: "mention",
    }
    assert KIND_EFFECT[Kind.TERMINATED] is KIND_EFFECT[Kind.SUSPENDED] is Effect.END
    assert Kind.MENTION not in BASELINE_KINDS and Kind.CONTEXT in BASELINE_KINDS


def test_from_finding_fills_actor_summary_and_label() -> None:
    finding = Finding(
        label=Label.CLAIM,
        country="gt",
        rule="claim-noem",
        evidence="Noem said Guatemala signed " + "x" * 300,
        speaker=None,
    )

    statement = Statement.from_finding(
        finding,
        published=datetime(2025, 6, 26, 9, 0),
        source_url="https://example.org/noem",
        outlet="Reuters",
        article_title="US says Guatemala signed",
        outlets_count=2,
    )

    assert (statement.country, statement.counterpart, statement.kind) == ("GT", "US", Kind.CLAIM)
    assert statement.actor == "reported by Reuters"
    assert statement.label is Label.CLAIM and statement.origin == "finding"
    assert statement.date == date(2025, 6, 26) and statement.outlets_count == 2
    assert len(statement.summary) == 240 and statement.summary.endswith("…")
