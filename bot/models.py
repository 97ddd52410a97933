"""Plain frozen dataclasses shared by every layer; no behaviour beyond small helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Label(StrEnum):
    """What an article says about one country's deal."""

    CLAIM = "CLAIM"
    CONFIRMED = "CONFIRMED"
    DENIAL = "DENIAL"
    MENTION = "MENTION"

    @property
    def is_signal(self) -> bool:
        """Signals are the labels that raise alerts."""
        return self is not Label.MENTION


@dataclass(frozen=True)
class Article:
    """One normalised feed entry.

    `key` identifies the entry (guid, else canonical URL); `content_hash` identifies the story text so
    the same story from two feeds collapses into one article.
    """

    key: str
    url: str
    title: str
    text: str
    published: datetime | None
    content_hash: str
    lang: str | None = None
    guid: str | None = None


@dataclass(frozen=True)
class Finding:
    """What one rule concluded about one country in one article."""

    label: Label
    country: str  # ISO 3166 alpha-2 (XK for Kosovo)
    rule: str
    evidence: str
    explanation: str = ""
    speaker: str | None = None


@dataclass(frozen=True)
class FeedState:
    """A feed as configured plus its fetch state in the store."""

    id: int
    name: str
    url: str
    interval: int
    lang: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: datetime | None = None
    last_success_at: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    error_streak: int = 0
    next_poll_at: datetime | None = None
    polled_once: bool = False
    body_hash: str | None = None
    last_fetch_seconds: float | None = None  # how long the last fetch took, failed or not


@dataclass(frozen=True)
class Alert:
    """Something worth telling the team, stored in the outbox before any delivery."""

    id: int
    kind: str  # "finding" | "status_change" | "feed_health"
    label: str
    country: str | None
    title: str
    url: str | None
    feed: str | None
    rule: str | None
    evidence: str | None
    created_at: datetime
    extra: dict[str, object] = field(default_factory=dict)

    def also(self) -> list[dict[str, str]]:
        """The other signals one finding alert carries for its country (same article): label, evidence,
        speaker and rule of each, strings only (the store round-trips `extra` as JSON)."""
        raw = self.extra.get("also")
        out: list[dict[str, str]] = []
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and isinstance(item.get("label"), str):
                out.append({k: str(item.get(k) or "") for k in ("label", "evidence", "speaker", "rule")})
        return out

    def as_json(self) -> dict[str, object]:
        """The stable JSON shape printed by `poll --once --json` (`also`: the other signals of a finding
        alert for the same country, present only when there are some)."""
        extra: dict[str, object] = {"also": self.also()} if self.also() else {}
        return {
            "label": self.label,
            "country": self.country,
            "url": self.url,
            "title": self.title,
            "feed": self.feed,
            "rule": self.rule,
            "evidence": self.evidence,
            **extra,
        }
