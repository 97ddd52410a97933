"""Shared fixtures for the Discord adapter tests: a fake Discord, a fake QueryService, a connected bot."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.adapters.discord import DiscordAdapter, start_discord
from bot.config import DiscordRoute, DiscordSettings
from bot.models import Alert, FeedState
from bot.service.answers import (
    Answer,
    CountryAnswer,
    FindingItem,
    NotFoundAnswer,
    OverviewAnswer,
    OverviewRow,
    TimelineItem,
)
from tests.fakes.discord_server import FakeDiscord

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


def honduras() -> CountryAnswer:
    """HN contested: a US claim against a Honduran denial, plus the 2019 baseline agreement."""
    return CountryAnswer(
        country="HN",
        name="Honduras",
        status="contested",
        reason="A US official says Honduras agreed; Honduras' foreign ministry denies signing.",
        since=date(2025, 6, 1),
        timeline=[
            TimelineItem(date(2025, 6, 1), "day", "denial", "Cancillería de Honduras",
                         "Honduras has not signed any safe third country agreement.",
                         "https://news.example/hn-denial", "La Prensa", "finding", 2),
            TimelineItem(date(2025, 5, 30), "day", "claim", "US DHS official",
                         "Honduras agreed to receive asylum seekers.", "https://news.example/us-claim",
                         "Wire", "finding"),
            TimelineItem(date(2019, 9, 1), "month", "agreement_signed", "Governments of HN and US",
                         "Asylum Cooperative Agreement signed.", "https://gov.example/aca", "Federal Register",
                         "baseline"),
        ],
        findings=[
            FindingItem("DENIAL", "Honduras niega acuerdo de tercer país seguro", "https://news.example/hn-denial",
                        "Honduras no ha firmado ningún acuerdo de tercer país seguro.", "es.denial.v1",
                        NOW, 2, "Canciller Eduardo Enrique Reina"),
            FindingItem("CLAIM", "US says Honduras will take asylum seekers", "https://news.example/us-claim",
                        "Honduras has agreed to accept asylum seekers, the official said.", "en.claim.v1",
                        NOW, 1, None),
        ],
    )


HUGE = "Ω𝔘 " * 3000  # astral characters count double in UTF-16


def huge_answer(items: int = 200) -> CountryAnswer:
    """Honduras with an absurdly long timeline and oversized text everywhere."""
    base = honduras()
    timeline = [
        TimelineItem(date(2025, 1, 1) - timedelta(days=i), "day", "claim_" * 30, HUGE, HUGE,
                     "https://news.example/" + "a" * 1500, HUGE, "finding", 3)
        for i in range(items)
    ]
    findings = [FindingItem("CLAIM", HUGE, "https://news.example/x", HUGE, "r", NOW, 9, HUGE)] * 10
    return replace(base, name=HUGE, reason=HUGE, timeline=timeline, findings=findings)


class FakeQuery:
    """A QueryService with canned answers; records calls; can be made slow or broken."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.deal_types: list[str | None] = []
        self.delay = 0.0
        self.broken: Exception | None = None
        self.answers: dict[str, Answer] = {"honduras": honduras(), "hn": honduras()}
        self.feeds: list[FeedState] = [
            FeedState(1, "Wire EN", "https://feeds.example/wire.xml", 600, "en",
                      last_fetch_at=NOW, last_success_at=NOW, last_status="ok", polled_once=True),
            FeedState(2, "Prensa ES", "https://feeds.example/prensa.xml", 600, "es",
                      last_fetch_at=NOW, last_success_at=datetime(2025, 6, 1, tzinfo=UTC), last_status="http 503",
                      last_error="HTTP 503 Service Unavailable", error_streak=4, polled_once=True),
        ]

    def _maybe_fail(self) -> None:
        if self.delay:
            time.sleep(self.delay)  # runs in a worker thread, like a slow database
        if self.broken is not None:
            raise self.broken

    def agreements(self, country: str | None = None, *, deal_type: str | None = None) -> Answer:
        self.calls.append(("agreements", country))
        self.deal_types.append(deal_type)
        self._maybe_fail()
        if country is None:
            return OverviewAnswer([OverviewRow("HN", "Honduras", "contested", "claim vs denial", date(2025, 6, 1)),
                                   OverviewRow("GT", "Guatemala", "confirmed", "signed 2019", date(2019, 7, 26))])
        found = self.answers.get(country.lower())
        if found is not None:
            return found
        return NotFoundAnswer(country, [("HN", "Honduras"), ("HU", "Hungary")])

    def complete_country(self, prefix: str, *, limit: int = 25) -> list[tuple[str, str]]:
        self.calls.append(("complete", prefix))
        names = [("HN", "Honduras"), ("HU", "Hungary"), ("GT", "Guatemala"), ("SV", "El Salvador")]
        return [(c, n) for c, n in names if n.lower().startswith(prefix.lower())][:limit]

    def feed_health(self) -> list[FeedState]:
        self.calls.append(("feeds", None))
        self._maybe_fail()
        return self.feeds


def make_alert(alert_id: int = 1, *, kind: str = "finding", label: str = "CLAIM", country: str | None = "HN",
               title: str = "US says Honduras will take asylum seekers", evidence: str | None = None,
               extra: dict[str, object] | None = None) -> Alert:
    """An alert as the outbox hands it to sinks."""
    return Alert(
        id=alert_id, kind=kind, label=label, country=country, title=title, url="https://news.example/us-claim",
        feed="Wire EN", rule="en.claim.v1",
        evidence=evidence or "Honduras has agreed to accept asylum seekers, the official said.",
        created_at=NOW, extra=extra if extra is not None else {"explanation": "US official asserts", "speaker": None},
    )


SettingsFactory = Callable[..., DiscordSettings]


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server
    assert server.errors == [], "the fake Discord itself failed"
    assert server.unexpected == [], "the bot called routes the fake does not know"


@pytest.fixture
def settings_for(fake: FakeDiscord) -> SettingsFactory:
    def make(*, guild: bool = True, routes: list[DiscordRoute] | None = None) -> DiscordSettings:
        return DiscordSettings(enabled=True, api_base=fake.api_base, gateway_url=fake.gateway_url,
                               guild_id=fake.GUILD_ID if guild else None, routes=routes or [])
    return make


@pytest.fixture
def query() -> FakeQuery:
    return FakeQuery()


@pytest.fixture
async def bot(fake: FakeDiscord, settings_for: SettingsFactory, query: FakeQuery) -> AsyncIterator[DiscordAdapter]:
    adapter = await start_discord(settings_for(), fake.token, query, ready_timeout=5.0, guild_ready_timeout=0.05)
    try:
        yield adapter
    finally:
        await adapter.close()
