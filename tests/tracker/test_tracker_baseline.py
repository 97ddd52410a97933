"""The reviewed baseline file: every entry is complete and valid, errors point at file/line/key,
and the real data gives the statuses the seeds describe."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pycountry
import pytest

from bot.tracker import (
    BaselineError,
    Kind,
    Statement,
    Status,
    country_status,
    default_baseline_path,
    load_baseline,
)
from bot.tracker.baseline import REQUIRED_KEYS, parse_baseline

BASELINE = Path(__file__).resolve().parents[2] / "data" / "baseline.toml"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GOOD_ENTRY = """
[[statement]]
date = "2025-06-26"
country = "HN"
counterpart = "US"
kind = "denial"
actor = "Wilson Paz, director of Honduras' National Migration Institute"
summary = "Denies that any agreement was signed."
source = "https://example.org/paz"
outlet = "AP"
deal_type = "safe_third_country"
"""


@pytest.fixture(scope="module")
def raw_entries() -> list[dict[str, object]]:
    with BASELINE.open("rb") as handle:
        doc = tomllib.load(handle)
    entries = doc["statement"]
    assert isinstance(entries, list)
    return entries


@pytest.fixture(scope="module")
def baseline() -> list[Statement]:
    return load_baseline()


def _is_iso(code: object) -> bool:
    return isinstance(code, str) and (code == "XK" or pycountry.countries.get(alpha_2=code) is not None)


def test_every_entry_is_complete_and_valid(raw_entries: list[dict[str, object]]) -> None:
    """Checked independently of the loader, so a loader bug cannot hide a bad entry."""
    kinds = {k.value for k in Kind} - {"mention"}
    for number, entry in enumerate(raw_entries, start=1):
        where = f"statement #{number} ({entry.get('country')} {entry.get('date')})"
        for key in REQUIRED_KEYS:
            value = entry.get(key)
            assert isinstance(value, str) and value.strip(), f"{where}: missing or empty {key}"
        assert _is_iso(entry["country"]) and str(entry["country"]).isupper(), where
        assert _is_iso(entry["counterpart"]) and entry["counterpart"] != entry["country"], where
        text = str(entry["date"])
        assert DATE.match(text), where
        parts = [int(p) for p in text.split("-")] + [1, 1]
        date(parts[0], parts[1], parts[2])  # raises on impossible dates
        assert entry["kind"] in kinds, where
        url = urlsplit(str(entry["source"]))
        assert url.scheme in ("http", "https") and url.netloc, where


def test_loader_accepts_the_file_and_keeps_order(
    raw_entries: list[dict[str, object]], baseline: list[Statement]
) -> None:
    assert len(baseline) == len(raw_entries)
    assert [s.country for s in baseline] == [e["country"] for e in raw_entries]
    assert all(s.origin == "baseline" and s.label is None for s in baseline)


def test_default_path_is_the_checkout_file() -> None:
    assert Path(str(default_baseline_path())) == BASELINE


def test_default_path_falls_back_to_the_packaged_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed from the wheel there is no checkout data/ dir; the copy lives at bot/data/."""
    import bot

    monkeypatch.setattr(Path, "exists", lambda self: False)

    fallback = default_baseline_path()

    assert Path(str(fallback)) == Path(bot.__file__).parent / "data" / "baseline.toml"
    with pytest.raises(BaselineError, match="cannot read file"):
        load_baseline()


def test_required_coverage(baseline: list[Statement]) -> None:
    countries = {s.country for s in baseline}
    assert {"CA", "GT", "HN", "SV", "MX", "PA", "CR", "XK", "RW", "PY", "UG", "SZ", "GH", "EC"} <= countries
    assert any(s.country == "RW" and s.counterpart == "GB" for s in baseline)
    assert any(s.kind is Kind.CONTEXT and s.country == "GT" for s in baseline)


def test_canada_is_confirmed_since_2002_with_its_source(baseline: list[Statement]) -> None:
    status = country_status(baseline, country="CA", today=date(2025, 7, 1))

    assert status.status is Status.CONFIRMED
    assert status.since == date(2002, 12, 5)
    first = status.claims[-1]
    assert first.kind is Kind.AGREEMENT_SIGNED and first.source_url.startswith("https://www.canada.ca/")


@pytest.mark.parametrize(
    ("country", "today", "expected"),
    [
        ("HN", date(2025, 6, 30), Status.CONTESTED),  # the seed case: Noem's claim vs Paz's denial
        ("HN", date(2025, 9, 1), Status.CONFIRMED),  # Paz later confirms the agreement himself
        ("HN", date(2024, 1, 1), Status.NONE),  # 2019 agreement suspended in 2021
        ("GT", date(2025, 7, 1), Status.CONTESTED),  # 2019 deal ended; 2025 claim vs denials
        ("GT", date(2020, 1, 1), Status.CONFIRMED),
        ("UG", date(2025, 8, 20), Status.CONTESTED),
        ("UG", date(2025, 8, 22), Status.CONFIRMED),
        ("RW", date(2025, 6, 1), Status.TALKS),  # UK deal terminated, US talks only
        ("MX", date(2025, 3, 1), Status.DENIED),
        ("MX", date(2025, 7, 1), Status.CONFIRMED),  # takes people, refuses the label
    ],
)
def test_baseline_statuses(baseline: list[Statement], country: str, today: date, expected: Status) -> None:
    assert country_status(baseline, country=country, today=today).status is expected


def test_seed_case_reason_names_both_sides(baseline: list[Statement]) -> None:
    status = country_status(baseline, country="HN", today=date(2025, 6, 30))

    assert status.reason == (
        "Kristi Noem, US Homeland Security Secretary, claimed on 2025-06-26; "
        "Wilson Paz, director of Honduras' National Migration Institute, denied on 2025-06-26"
    )
    assert {s.kind for s in status.claims} == {
        Kind.CLAIM, Kind.CONFIRMATION, Kind.AGREEMENT_SIGNED, Kind.AGREEMENT_IN_FORCE  # signed 03-10, in force 06-25
    }
    assert [s.kind for s in status.denials] == [Kind.DENIAL]


def _error(text: str) -> BaselineError:
    with pytest.raises(BaselineError) as info:
        parse_baseline(text, "data/baseline.toml")
    return info.value


def test_errors_name_file_entry_key_and_line() -> None:
    text = "schema_version = 1\n" + GOOD_ENTRY + GOOD_ENTRY.replace('"HN"', '"XX"')

    error = _error(text)

    (problem,) = error.problems
    assert (problem.index, problem.key, problem.line) == (2, "country", 16)
    assert "data/baseline.toml:16, statement #2, key 'country': 'XX' is not an ISO" in str(error)


def test_all_problems_are_reported_together() -> None:
    bad = (
        GOOD_ENTRY.replace('"denial"', '"rumour"')
        .replace('"2025-06-26"', '"2025-02-30"')
        .replace("https://example.org/paz", "ftp://example.org/paz")
        .replace('outlet = "AP"\n', 'outlet = "AP"\ncolour = "red"\n')
    )
    text = "schema_version = 1\n" + bad.replace('counterpart = "US"\n', "")

    error = _error(text)

    keys = sorted(p.key or "" for p in error.problems)
    assert keys == ["colour", "counterpart", "date", "kind", "source"]
    assert all(p.index == 1 and p.line is not None for p in error.problems)
    assert "5 problem(s)" in str(error)


def test_syntax_error_reports_the_line() -> None:
    error = _error('schema_version = 1\n\n[[statement]]\ndate = "2025-06-26\n')

    assert error.problems[0].line == 4
    assert str(error).startswith("invalid baseline file:\n  data/baseline.toml:4: TOML syntax error")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (GOOD_ENTRY, "schema_version must be 1"),
        ("schema_version = 2\n" + GOOD_ENTRY, "schema_version must be 1, got 2"),
        ("schema_version = 1\n", "expected one or more [[statement]] tables"),
        ("schema_version = 1\n" + GOOD_ENTRY + GOOD_ENTRY, "duplicate of statement #1"),
        ("schema_version = 1\n" + GOOD_ENTRY.replace('"US"', '"HN"'), "must differ from country"),
        ("schema_version = 1\n" + GOOD_ENTRY.replace('"denial"', '"mention"'), "not a baseline kind"),
        ("schema_version = 1\n" + GOOD_ENTRY.replace('"2025-06-26"', "2025-06-26T10:00:00"), "without a time"),
        ("schema_version = 1\n" + GOOD_ENTRY.replace('"2025-06-26"', '"1899"'), "outside"),
        ("schema_version = 1\n" + GOOD_ENTRY.replace('"AP"', '"  "'), "non-empty string"),
        ("schema_version = 1\nextra = 3\n" + GOOD_ENTRY, "unknown top-level key"),
    ],
)
def test_invalid_files(text: str, fragment: str) -> None:
    assert fragment in str(_error(text))


def test_bare_toml_date_and_partial_dates_are_accepted() -> None:
    text = "schema_version = 1\n" + GOOD_ENTRY.replace('"2025-06-26"', "2025-06-26")
    text += GOOD_ENTRY.replace('"2025-06-26"', '"2025-06"').replace("Wilson Paz", "Paz")

    first, second = parse_baseline(text)

    assert (first.date, first.date_precision) == (date(2025, 6, 26), "day")
    assert (second.date, second.date_precision, second.when) == (date(2025, 6, 1), "month", "2025-06")


def test_missing_file_is_a_baseline_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"

    with pytest.raises(BaselineError, match="cannot read file") as info:
        load_baseline(missing)
    assert str(missing) in str(info.value)


def test_load_from_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "baseline.toml"
    path.write_text("schema_version = 1\n" + GOOD_ENTRY, encoding="utf-8")

    (statement,) = load_baseline(path)

    assert statement.kind is Kind.DENIAL and statement.country == "HN"
