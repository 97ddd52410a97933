"""Fixtures for the Slack adapter tests: a fake Slack on loopback and a canned query service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime

import pytest

from bot.adapters.slack import SlackAdapter, start_slack
from bot.config import SlackRoute, SlackSettings
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
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack

NOW = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)

HONDURAS = CountryAnswer(
    country="HN",
    name="Honduras",
    status="contested",
    reason="A US official says Honduras signed; the foreign ministry denies it.",
    since=date(2026, 2, 27),
    timeline=[
        TimelineItem(
            date=date(2026, 2, 27),
            precision="day",
            kind="denial",
            actor="Honduran foreign ministry",
            summary="Denies signing any safe third country agreement.",
            source_url="https://news.example/hn-denial",
            outlet="Prensa",
            origin="finding",
            outlets_count=2,
        ),
        TimelineItem(
            date=date(2026, 2, 25),
            precision="day",
            kind="claim",
            actor="US State Department",
            summary="Says Honduras will receive deported third-country nationals.",
            source_url="https://news.example/us-claim?id=1&lang=en",
            outlet="Wire",
            origin="finding",
        ),
        TimelineItem(
            date=date(2019, 9, 1),
            precision="month",
            kind="agreement_signed",
            actor="Governments of Honduras and the US",
            summary="Asylum cooperative agreement signed.",
            source_url=None,
            outlet=None,
            origin="baseline",
        ),
    ],
    findings=[
        FindingItem(
            label="DENIAL",
            title="Honduras niega haber firmado acuerdo de tercer país seguro",
            url="https://news.example/hn-denial",
            evidence="Honduras no ha firmado ningún acuerdo de tercer país seguro",
            rule="es.denial.no_ha_firmado",
            found_at=NOW,
            outlets=2,
            speaker="Canciller",
        ),
        FindingItem(
            label="CLAIM",
            title="US says Honduras agreed to take deportees",
            url="https://news.example/us-claim?id=1&lang=en",
            evidence="Honduras has agreed to receive third-country nationals",
            rule="en.claim.has_agreed",
            found_at=NOW,
            outlets=1,
        ),
    ],
)


class FakeQuery:
    """The QueryService protocol with canned answers; `fail` makes every call raise."""

    def __init__(self) -> None:
        self.deal_types: list[str | None] = []
        self.asked: list[str | None] = []
        self.fail = False
        self.feeds = [
            FeedState(
                id=1,
                name="Wire EN",
                url="https://wire.example/rss",
                interval=600,
                polled_once=True,
                last_status="200",
                last_success_at=NOW,
            ),
            FeedState(
                id=2,
                name="Prensa <!channel>",
                url="https://prensa.example/feed",
                interval=600,
                polled_once=True,
                last_status="error",
                error_streak=3,
                last_error="HTTP 503 <@U999> *down*",
            ),
        ]

    def agreements(self, country: str | None = None, *, deal_type: str | None = None) -> Answer:
        self.asked.append(country)
        self.deal_types.append(deal_type)
        if self.fail:
            raise RuntimeError("database is locked")
        if country is None:
            return OverviewAnswer(
                rows=[
                    OverviewRow("HN", "Honduras", "contested", "claim vs denial", date(2026, 2, 27)),
                    OverviewRow("GT", "Guatemala", "confirmed", "agreement signed", date(2019, 7, 26)),
                ]
            )
        if country.lower() in ("honduras", "hn", "honduran"):
            return HONDURAS
        return NotFoundAnswer(query=country, suggestions=[("HN", "Honduras"), ("HT", "Haiti")])

    def complete_country(self, prefix: str, *, limit: int = 25) -> list[tuple[str, str]]:
        return [("HN", "Honduras")][:limit]

    def feed_health(self) -> list[FeedState]:
        if self.fail:
            raise RuntimeError("database is locked")
        return list(self.feeds)


def make_alert(**changes: object) -> Alert:
    """A CLAIM finding for HN unless overridden."""
    fields: dict[str, object] = {
        "id": 7,
        "kind": "finding",
        "label": "CLAIM",
        "country": "HN",
        "title": "US says Honduras agreed to take deportees",
        "url": "https://news.example/us-claim?id=1&lang=en",
        "feed": "Wire EN",
        "rule": "en.claim.has_agreed",
        "evidence": "Honduras has agreed to receive third-country nationals",
        "created_at": NOW,
        "extra": {"explanation": "reported speech by a US official", "speaker": "US State Department"},
    }
    fields.update(changes)
    return Alert(**fields)  # type: ignore[arg-type]


def status_change_alert() -> Alert:
    """HN goes from claimed to contested, with one statement on each side."""
    return make_alert(
        id=8,
        kind="status_change",
        label="STATUS_CHANGE",
        title="Honduras: claimed → contested",
        url="https://news.example/hn-denial",
        rule=None,
        evidence=None,
        extra={
            "old": "claimed",
            "new": "contested",
            "reason": "A claim and a denial stand against each other.",
            "for": [
                {
                    "actor": "US State Department",
                    "summary": "Honduras will receive deportees.",
                    "date": "2026-02-25",
                    "url": "https://news.example/us-claim",
                    "outlet": "Wire",
                    "kind": "claim",
                }
            ],
            "against": [
                {
                    "actor": "Honduran foreign ministry",
                    "summary": "No agreement was signed.",
                    "date": "2026-02-27",
                    "url": "https://news.example/hn-denial",
                    "outlet": "Prensa",
                    "kind": "denial",
                }
            ],
        },
    )


@pytest.fixture
def query() -> Iterator[FakeQuery]:
    yield FakeQuery()


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


def settings_for(slack: FakeSlack, routes: list[SlackRoute] | None = None) -> SlackSettings:
    """Settings pointing at the fake."""
    return SlackSettings(enabled=True, api_base=slack.api_base, routes=routes or [SlackRoute(channel="C0ALL")])


@pytest.fixture
async def adapter(slack: FakeSlack, query: FakeQuery) -> AsyncIterator[SlackAdapter]:
    routes = [
        SlackRoute(channel="C0ALL", mention="S0TEAM"),
        SlackRoute(channel="C0HN", countries=["HN"], labels=["DENIAL", "STATUS_CHANGE"]),
    ]
    started = await start_slack(settings_for(slack, routes), BOT_TOKEN, APP_TOKEN, query, connect_timeout=5)
    try:
        yield started
    finally:
        await started.close()
