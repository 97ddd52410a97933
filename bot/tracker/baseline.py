"""Load and validate the reviewed baseline knowledge file (`data/baseline.toml`).

The file is data reviewed like code, so a bad entry must fail loudly: every problem is collected and
reported with the file, the entry number (1-based, counting `[[statement]]` blocks), the key and the
line, so a reviewer can fix them all in one pass. The schema is documented in data/README.md.
"""

from __future__ import annotations

import datetime as _dt
import importlib.resources
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

import pycountry

from bot.errors import StcwatchError
from bot.tracker.dealtypes import DealType
from bot.tracker.statements import BASELINE_KINDS, DatePrecision, Kind, Statement, parse_partial_date

SCHEMA_VERSION: Final = 1
REQUIRED_KEYS: Final = (
    "date", "country", "counterpart", "kind", "deal_type", "actor", "summary", "source", "outlet"
)
OPTIONAL_KEYS: Final = ("note",)
EXTRA_CODES: Final = frozenset({"XK"})  # Kosovo: user-assigned, not in ISO 3166-1 proper
MAX_SUMMARY: Final = 300
MAX_ACTOR: Final = 200
_YEARS: Final = range(1945, 2101)

_HEADER = re.compile(r"^\s*\[\[\s*statement\s*\]\]")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class BaselineProblem:
    """One validation problem; `index` counts `[[statement]]` blocks from 1."""

    message: str
    index: int | None = None
    key: str | None = None
    line: int | None = None

    def render(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line is not None else path
        parts = [where]
        if self.index is not None:
            parts.append(f"statement #{self.index}")
        if self.key is not None:
            parts.append(f"key '{self.key}'")
        return ": ".join([", ".join(parts), self.message])


class BaselineError(StcwatchError):
    """The baseline file is missing or invalid; the message lists every problem with file and line."""

    def __init__(self, path: str, problems: Sequence[BaselineProblem]) -> None:
        self.path = path
        self.problems = list(problems)
        lines = [p.render(path) for p in self.problems]
        head = f"{len(lines)} problem(s) in baseline file" if len(lines) > 1 else "invalid baseline file"
        super().__init__(head + ":\n  " + "\n  ".join(lines))


def default_baseline_path() -> Path | Traversable:
    """The repo's data/baseline.toml when running from a checkout, else the copy packed in the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "data" / "baseline.toml"
    if checkout.exists():
        return checkout
    return importlib.resources.files("bot") / "data" / "baseline.toml"


def load_baseline(path: Path | None = None) -> list[Statement]:
    """Read and validate the baseline file (default: `default_baseline_path()`), in file order."""
    source: Path | Traversable = default_baseline_path() if path is None else path
    name = str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(name, [BaselineProblem(f"cannot read file: {exc}")]) from exc
    return parse_baseline(text, name)


def parse_baseline(text: str, name: str = "<baseline>") -> list[Statement]:
    """Validate baseline TOML text and build statements; `name` is used in error messages."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise BaselineError(name, [BaselineProblem(f"TOML syntax error: {exc}", line=line)]) from exc

    locator = _Locator(text)
    problems: list[BaselineProblem] = []
    version = doc.get("schema_version")
    if version != SCHEMA_VERSION:
        problems.append(
            BaselineProblem(
                f"schema_version must be {SCHEMA_VERSION}, got {version!r}",
                key="schema_version",
                line=locator.top_level("schema_version"),
            )
        )
    for key in sorted(set(doc) - {"schema_version", "statement"}):
        problems.append(BaselineProblem("unknown top-level key", key=key, line=locator.top_level(key)))
    entries = doc.get("statement", [])
    if not isinstance(entries, list) or not entries:
        problems.append(BaselineProblem("expected one or more [[statement]] tables", key="statement"))
        entries = []

    statements: list[Statement] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for number, entry in enumerate(entries, start=1):
        entry_problems, statement = _validate_entry(entry, number, locator)
        problems.extend(entry_problems)
        if statement is None:
            continue
        identity = (statement.country, statement.kind.value, statement.when, statement.actor)
        if identity in seen:
            problems.append(
                BaselineProblem(
                    f"duplicate of statement #{seen[identity]} (same country, kind, date and actor)",
                    index=number,
                    line=locator.entry(number),
                )
            )
            continue
        seen[identity] = number
        statements.append(statement)
    if problems:
        raise BaselineError(name, problems)
    return statements


def is_country_code(code: str) -> bool:
    """ISO 3166-1 alpha-2 (upper case), plus XK for Kosovo."""
    if code in EXTRA_CODES:
        return True
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def _validate_entry(entry: object, number: int, locator: _Locator) -> tuple[list[BaselineProblem], Statement | None]:
    """Check one [[statement]] table; return its problems and, if none, the statement."""

    def problem(message: str, key: str | None = None) -> BaselineProblem:
        line = locator.key(number, key) if key else locator.entry(number)
        return BaselineProblem(message, index=number, key=key, line=line)

    if not isinstance(entry, Mapping):
        return [problem("expected a table")], None
    problems = [problem("missing required key", key) for key in REQUIRED_KEYS if key not in entry]
    problems += [
        problem("unknown key (allowed: " + ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS) + ")", key)
        for key in entry
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS
    ]
    values: dict[str, str] = {}
    for key in (*REQUIRED_KEYS, *OPTIONAL_KEYS):
        if key not in entry or key == "date":
            continue
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            problems.append(problem("must be a non-empty string", key))
        elif "\n" in value or value != value.strip():
            problems.append(problem("must be one line without surrounding spaces", key))
        else:
            values[key] = value

    when: tuple[_dt.date, DatePrecision] | None = None
    if "date" in entry:
        when, message = _check_date(entry["date"])
        if message:
            problems.append(problem(message, "date"))
    for key in ("country", "counterpart"):
        if key in values and not is_country_code(values[key]):
            problems.append(problem(f"{values[key]!r} is not an ISO 3166-1 alpha-2 code (or XK)", key))
    if values.get("country") and values.get("country") == values.get("counterpart"):
        problems.append(problem("counterpart must differ from country", "counterpart"))
    if "kind" in values and values["kind"] not in {k.value for k in BASELINE_KINDS}:
        allowed = ", ".join(sorted(k.value for k in BASELINE_KINDS))
        problems.append(problem(f"{values['kind']!r} is not a baseline kind ({allowed})", "kind"))
    if "deal_type" in values and values["deal_type"] not in {d.value for d in DealType}:
        allowed = ", ".join(d.value for d in DealType)
        problems.append(problem(f"{values['deal_type']!r} is not a deal type ({allowed})", "deal_type"))
    if "source" in values:
        url = urlsplit(values["source"])
        if url.scheme not in ("http", "https") or not url.netloc or " " in values["source"]:
            problems.append(problem(f"{values['source']!r} is not an http(s) URL", "source"))
    if len(values.get("summary", "")) > MAX_SUMMARY:
        problems.append(problem(f"longer than {MAX_SUMMARY} characters", "summary"))
    if len(values.get("actor", "")) > MAX_ACTOR:
        problems.append(problem(f"longer than {MAX_ACTOR} characters", "actor"))

    if problems or when is None:
        return problems, None
    return [], Statement(
        country=values["country"],
        counterpart=values["counterpart"],
        kind=Kind(values["kind"]),
        date=when[0],
        date_precision=when[1],
        actor=values["actor"],
        summary=values["summary"],
        source_url=values["source"],
        outlet=values["outlet"],
        origin="baseline",
        reviewed=True,
        deal_type=DealType(values["deal_type"]),
    )


def _check_date(raw: object) -> tuple[tuple[_dt.date, DatePrecision] | None, str | None]:
    """Accept "YYYY-MM-DD" / "YYYY-MM" / "YYYY" strings, or a bare TOML date (day precision)."""
    if isinstance(raw, _dt.datetime | _dt.time):
        return None, "must be a date without a time"
    if isinstance(raw, _dt.date):
        parsed: tuple[_dt.date, DatePrecision] = (raw, "day")
    elif isinstance(raw, str):
        try:
            parsed = parse_partial_date(raw)
        except ValueError as exc:
            return None, str(exc)
    else:
        return None, 'must be a string like "2025-06-26", "2025-06" or "2025"'
    if parsed[0].year not in _YEARS:
        return None, f"year {parsed[0].year} is outside {_YEARS.start}-{_YEARS.stop - 1}"
    return parsed, None


class _Locator:
    """Finds line numbers for entries and keys; tomllib does not report positions."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers = [n for n, line in enumerate(self._lines, start=1) if _HEADER.match(line)]

    def entry(self, number: int) -> int | None:
        """Line of the `[[statement]]` header of entry `number` (1-based)."""
        return self._headers[number - 1] if 0 < number <= len(self._headers) else None

    def key(self, number: int, key: str) -> int | None:
        """Line of `key = ...` inside entry `number`, else the entry's header line."""
        start = self.entry(number)
        if start is None:
            return None
        end = self._headers[number] if number < len(self._headers) else len(self._lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n in range(start + 1, end):
            if pattern.match(self._lines[n - 1]):
                return n
        return start

    def top_level(self, key: str) -> int | None:
        """Line of a top-level `key = ...` before the first table."""
        stop = self._headers[0] - 1 if self._headers else len(self._lines)
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n, line in enumerate(self._lines[:stop], start=1):
            if pattern.match(line):
                return n
        return None
