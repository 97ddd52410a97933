"""Agreement tracker: baseline knowledge + findings -> a per-country status and timeline (pure core).

Public API:
- `load_baseline(path=None) -> list[Statement]` reads the reviewed `data/baseline.toml`.
- `country_status(statements, *, today, episode_gap_days=180) -> CountryStatus` folds one country.
- `status_change(before, after) -> StatusChange | None` reports a transition worth an alert.
"""

from bot.tracker.baseline import BaselineError, BaselineProblem, default_baseline_path, load_baseline
from bot.tracker.statements import (
    BASELINE_KINDS,
    KIND_EFFECT,
    KIND_FOR_LABEL,
    CountryStatus,
    Effect,
    Kind,
    Statement,
    Status,
    StatusChange,
    parse_partial_date,
)
from bot.tracker.status import country_status, country_statuses, status_change

__all__ = [
    "BASELINE_KINDS",
    "KIND_EFFECT",
    "KIND_FOR_LABEL",
    "BaselineError",
    "BaselineProblem",
    "CountryStatus",
    "Effect",
    "Kind",
    "Statement",
    "Status",
    "StatusChange",
    "country_status",
    "country_statuses",
    "default_baseline_path",
    "load_baseline",
    "parse_partial_date",
    "status_change",
]
