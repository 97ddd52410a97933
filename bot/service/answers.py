"""Platform-neutral answers to chat commands; each adapter renders them its own way.

The core never formats for Discord or Slack: it returns these dataclasses, and the console, CLI,
Discord and Slack adapters turn them into text, embeds or Block Kit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from bot.models import FeedState
from bot.tracker.dealtypes import DEAL_TYPE_NAMES, DealType

STATUSES = ("none", "talks", "claimed", "confirmed", "denied", "contested")
DEAL_TYPES = tuple((d.value, DEAL_TYPE_NAMES[d]) for d in DealType)  # (value, words), for command options


def flag(country: str) -> str:
    """Regional-indicator flag emoji for an ISO alpha-2 code (XK works on most platforms)."""
    if len(country) != 2 or not country.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country.upper())


def deal_name(value: str | None) -> str:
    """A deal type value in words ("transit or bridge arrangement"); "type unknown" for None."""
    if value is None:
        return "type unknown"
    try:
        return DEAL_TYPE_NAMES[DealType(value)]
    except ValueError:
        return value


def review_mark(reviewed: bool, review: str | None = None, reviewed_by: str | None = None,
                review_label: str | None = None) -> str:
    """"unreviewed", "accepted by X" or "rejected by X -> DENIAL" (names are untrusted: escape when rendering)."""
    if not reviewed or review is None:
        return "unreviewed"
    fix = f" -> {review_label}" if review == "rejected" and review_label else ""
    return f"{review} by {reviewed_by or '?'}{fix}"


@dataclass(frozen=True)
class TimelineItem:
    """One dated statement in a country's timeline (from the baseline or from a finding)."""

    date: date
    precision: str  # "day" | "month" | "year"
    kind: str  # agreement_signed, claim, denial, talks, terminated, ...
    actor: str
    summary: str
    source_url: str | None
    outlet: str | None
    origin: str  # "baseline" | "finding"
    outlets_count: int = 1
    reviewed: bool = True  # False: a machine read nobody reviewed yet
    deal_type: str | None = None  # a DealType value; None when a finding's words name none


@dataclass(frozen=True)
class FindingItem:
    """A recent finding with its article link and how many feeds carried the article."""

    label: str
    title: str
    url: str
    evidence: str
    rule: str
    found_at: datetime
    outlets: int
    speaker: str | None = None
    id: int | None = None  # the finding id `review accept/reject` takes
    reviewed: bool = False
    review: str | None = None  # None, "accepted" or "rejected"
    reviewed_by: str | None = None
    review_label: str | None = None  # when rejected: the right reading
    deal_type: str | None = None


@dataclass(frozen=True)
class CountryAnswer:
    """`/agreements <country>`: status, why, timeline newest first, latest findings."""

    country: str
    name: str
    status: str
    reason: str
    since: date | None
    timeline: list[TimelineItem] = field(default_factory=list)
    findings: list[FindingItem] = field(default_factory=list)
    deal_type: str | None = None  # of the current episode

    @property
    def flag(self) -> str:
        """The country's flag emoji."""
        return flag(self.country)


@dataclass(frozen=True)
class OverviewRow:
    """One country in `/agreements` without arguments."""

    country: str
    name: str
    status: str
    reason: str
    changed: date | None
    deal_type: str | None = None


@dataclass(frozen=True)
class OverviewAnswer:
    """All tracked countries with a status, most recent change first."""

    rows: list[OverviewRow]


@dataclass(frozen=True)
class NotFoundAnswer:
    """An unknown or ambiguous country name, with suggestions to offer the user."""

    query: str
    suggestions: list[tuple[str, str]]  # (alpha-2, name)

    @property
    def message(self) -> str:
        """One sentence for any platform."""
        if not self.suggestions:
            return f"I don't know a country called '{self.query}'."
        names = ", ".join(f"{name} ({code})" for code, name in self.suggestions)
        return f"I don't know a country called '{self.query}'. Did you mean: {names}?"


Answer = CountryAnswer | OverviewAnswer | NotFoundAnswer


class QueryService(Protocol):
    """What chat adapters may ask the core."""

    def agreements(self, country: str | None = None, *, deal_type: str | None = None) -> Answer:
        """The answer to `/agreements [country]`; `deal_type` filters the overview."""
        ...

    def complete_country(self, prefix: str, *, limit: int = 25) -> list[tuple[str, str]]:
        """(alpha-2, name) choices for autocomplete, tracked countries first."""
        ...

    def feed_health(self) -> list[FeedState]:
        """Every active feed's fetch state, for `/feeds`."""
        ...
