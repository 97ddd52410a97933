"""Types of the agreement tracker: statements about a country's deal, and the status derived from them.

A `Statement` is one dated thing someone said or did about a country receiving other countries' asylum
seekers or deportees: from the reviewed baseline file (`origin="baseline"`) or from a classified article
(`origin="finding"`). Its provenance is `reviewed`: baseline entries and findings a reviewer accepted (or
relabelled) are reviewed; a finding nobody reviewed yet is a machine read, which may raise a status but
never overrides a reviewed statement. Each `Kind` has an `Effect` on the status; `bot.tracker.status`
folds them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal, get_args

from bot.models import Finding, Label
from bot.tracker.dealtypes import DealType, guess_deal_type

DatePrecision = Literal["day", "month", "year"]
Origin = Literal["baseline", "finding"]

DATE_PRECISIONS: Final[frozenset[str]] = frozenset(get_args(DatePrecision))
ORIGINS: Final[frozenset[str]] = frozenset(get_args(Origin))

_CODE = re.compile(r"^[A-Z]{2}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Kind(StrEnum):
    """What a statement is. The values are the strings used in `data/baseline.toml` and the store."""

    AGREEMENT_SIGNED = "agreement_signed"
    AGREEMENT_IN_FORCE = "agreement_in_force"
    CLAIM = "claim"
    CONFIRMATION = "confirmation"
    DENIAL = "denial"
    REFUSAL = "refusal"
    TALKS = "talks"
    TRANSFERS_RECEIVED = "transfers_received"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    MENTION = "mention"  # findings only: topic discussed, nothing new asserted
    CONTEXT = "context"  # a related but non-STC event (e.g. a security MOU), kept to explain confusion


class Effect(StrEnum):
    """How a kind moves the status engine."""

    CLAIM = "claim"  # someone other than the country says a deal exists
    CONFIRM = "confirm"  # the country confirms, a signing/entry into force, or transfers actually happen
    DENY = "deny"  # the country denies having signed, or refuses such a deal
    TALKS = "talks"  # negotiations acknowledged, nothing agreed
    END = "end"  # suspension/termination closes the episode
    NEUTRAL = "neutral"  # timeline only (when asked), never changes status


class Status(StrEnum):
    """A country's current position, as shown by `/agreements`."""

    NONE = "none"
    TALKS = "talks"
    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DENIED = "denied"
    CONTESTED = "contested"


KIND_EFFECT: Final = MappingProxyType(
    {
        Kind.CLAIM: Effect.CLAIM,
        Kind.CONFIRMATION: Effect.CONFIRM,
        Kind.AGREEMENT_SIGNED: Effect.CONFIRM,
        Kind.AGREEMENT_IN_FORCE: Effect.CONFIRM,
        Kind.TRANSFERS_RECEIVED: Effect.CONFIRM,
        Kind.DENIAL: Effect.DENY,
        Kind.REFUSAL: Effect.DENY,
        Kind.TALKS: Effect.TALKS,
        Kind.SUSPENDED: Effect.END,
        Kind.TERMINATED: Effect.END,
        Kind.MENTION: Effect.NEUTRAL,
        Kind.CONTEXT: Effect.NEUTRAL,
    }
)

KIND_FOR_LABEL: Final = MappingProxyType(
    {
        Label.CLAIM: Kind.CLAIM,
        Label.CONFIRMED: Kind.CONFIRMATION,
        Label.DENIAL: Kind.DENIAL,
        Label.MENTION: Kind.MENTION,
    }
)

# Kinds a reviewed baseline entry may use; `mention` is reserved for classifier findings.
BASELINE_KINDS: Final[frozenset[Kind]] = frozenset(Kind) - {Kind.MENTION}

# Past-tense verbs for one-sentence reasons ("X denied on 2025-06-26").
KIND_VERB: Final = MappingProxyType(
    {
        Kind.AGREEMENT_SIGNED: "signed",
        Kind.AGREEMENT_IN_FORCE: "put it in force",
        Kind.CLAIM: "claimed",
        Kind.CONFIRMATION: "confirmed",
        Kind.DENIAL: "denied",
        Kind.REFUSAL: "refused",
        Kind.TALKS: "reported talks",
        Kind.TRANSFERS_RECEIVED: "received transfers",
        Kind.SUSPENDED: "suspended it",
        Kind.TERMINATED: "terminated it",
        Kind.MENTION: "mentioned it",
        Kind.CONTEXT: "noted related context",
    }
)


def parse_partial_date(text: str) -> tuple[date, DatePrecision]:
    """Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a coarse date maps to the first day of its period.

    Raises ValueError with a short reason, so callers can add file and line.
    """
    match = _PARTIAL_DATE.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        if day is not None:
            return date(int(year), int(month), int(day)), "day"
        if month is not None:
            return date(int(year), int(month), 1), "month"
        return date(int(year), 1, 1), "year"
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a calendar date ({exc})") from None


def format_partial_date(value: date, precision: DatePrecision) -> str:
    """Render a date no finer than it is known: 2025-06-26, 2025-06 or 2025."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@dataclass(frozen=True)
class Statement:
    """One dated statement or act about `country` hosting people sent by `counterpart`.

    `country` is the receiving state (ISO 3166-1 alpha-2, XK for Kosovo); `counterpart` is the sending
    state, or "" when a finding does not say. Plain strings for `kind` are coerced to `Kind`, and a
    `datetime` to its date, so store rows and article timestamps can be passed straight in.
    """

    country: str
    counterpart: str
    kind: Kind
    date: date
    date_precision: DatePrecision
    actor: str
    summary: str
    source_url: str
    outlet: str
    origin: Origin
    label: Label | None = None
    article_title: str | None = None
    outlets_count: int = 1
    reviewed: bool | None = None  # None: baseline entries are reviewed, findings are not
    deal_type: DealType | None = None
    finding_id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            object.__setattr__(self, "kind", Kind(self.kind))
        if self.reviewed is None:
            object.__setattr__(self, "reviewed", self.origin == "baseline")
        if self.deal_type is not None and not isinstance(self.deal_type, DealType):
            object.__setattr__(self, "deal_type", DealType(self.deal_type))
        if isinstance(self.date, datetime):
            object.__setattr__(self, "date", self.date.date())
        if not _CODE.match(self.country):
            raise ValueError(f"country must be an upper-case alpha-2 code, got {self.country!r}")
        if self.counterpart and not _CODE.match(self.counterpart):
            raise ValueError(f"counterpart must be an alpha-2 code or '', got {self.counterpart!r}")
        if self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"date_precision must be one of {sorted(DATE_PRECISIONS)}")
        if self.origin not in ORIGINS:
            raise ValueError(f"origin must be one of {sorted(ORIGINS)}")
        if self.outlets_count < 1:
            raise ValueError("outlets_count must be at least 1")

    @property
    def effect(self) -> Effect:
        """What this statement does to the status."""
        return KIND_EFFECT[self.kind]

    @property
    def when(self) -> str:
        """The date as precisely as it is known."""
        return format_partial_date(self.date, self.date_precision)

    @classmethod
    def from_finding(
        cls,
        finding: Finding,
        *,
        published: _dt.date,
        source_url: str,
        outlet: str,
        article_title: str | None = None,
        counterpart: str = "US",
        outlets_count: int = 1,
    ) -> Statement:
        """Turn a classifier finding into a statement: CLAIM->claim, CONFIRMED->confirmation,
        DENIAL->denial, MENTION->mention (timeline only)."""
        summary = (finding.explanation or finding.evidence).strip().splitlines()
        text = summary[0] if summary else finding.rule
        return cls(
            country=finding.country.upper(),
            counterpart=counterpart,
            kind=KIND_FOR_LABEL[finding.label],
            date=published,
            date_precision="day",
            actor=finding.speaker or f"reported by {outlet}",
            summary=text if len(text) <= 240 else text[:239] + "…",
            source_url=source_url,
            outlet=outlet,
            origin="finding",
            label=finding.label,
            article_title=article_title,
            outlets_count=outlets_count,
            reviewed=False,
            deal_type=guess_deal_type(finding.evidence, article_title),
        )


@dataclass(frozen=True)
class CountryStatus:
    """A country's status with the evidence behind it.

    `claims` are the statements supporting a deal in the current episode (claims, confirmations,
    signings, entry into force, transfers) and `denials` the denials/refusals in it, both newest first.
    `timeline` is the whole history, newest first. `episode` is the current episode, newest first.
    """

    country: str
    status: Status
    reason: str
    since: date | None
    claims: list[Statement]
    denials: list[Statement]
    timeline: list[Statement]
    episode: list[Statement] = field(default_factory=list)
    deal_type: DealType | None = None  # of the current episode (see `prevailing_deal_type`)


@dataclass(frozen=True)
class StatusChange:
    """A status transition worth an alert, with both sides of the argument."""

    country: str
    old: Status
    new: Status
    reason: str
    for_side: list[Statement]
    against_side: list[Statement]

    @property
    def headline(self) -> str:
        """Short text for a notification title."""
        return f"{self.country}: {self.old} -> {self.new}"
