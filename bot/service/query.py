"""Answers for `/agreements` and `/feeds`, straight from the store; no chat-platform knowledge here."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

from bot.detect.gazetteer import country_name, resolve_country
from bot.errors import LookupFailed
from bot.models import FeedState
from bot.service.answers import (
    Answer,
    CountryAnswer,
    FindingItem,
    NotFoundAnswer,
    OverviewAnswer,
    OverviewRow,
    TimelineItem,
)
from bot.service.tracking import Tracker
from bot.store import Store
from bot.store.timefmt import utcnow
from bot.textclip import cap_text
from bot.tracker.statements import Statement

TIMELINE_LIMIT = 50
FINDINGS_LIMIT = 10
MAX_COUNTRY_QUERY = 200  # the longest country names and demonyms are under 60 characters
SHOWN_QUERY_CHARS = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def shown_query(text: str) -> str:
    """What the user typed, safe to echo on any terminal or chat: control and bidi characters dropped,
    whitespace collapsed, cut to SHOWN_QUERY_CHARS."""
    return cap_text(" ".join(_CONTROL.sub("", text).split()), SHOWN_QUERY_CHARS)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def timeline_item(s: Statement) -> TimelineItem:
    """A statement as the platform-neutral timeline entry."""
    return TimelineItem(
        date=s.date,
        precision=s.date_precision,
        kind=str(s.kind),
        actor=s.actor,
        summary=s.summary,
        source_url=s.source_url or None,
        outlet=s.outlet or None,
        origin=s.origin,
        outlets_count=s.outlets_count,
    )


class Query:
    """The QueryService the chat adapters and the CLI use."""

    def __init__(
        self, store: Store, tracker: Tracker, *, clock: Callable[[], datetime] = utcnow, live: bool = False
    ) -> None:
        """`live`: compute the overview now instead of reading the status cache (which only the bot keeps
        current; a read-only query cannot refresh it)."""
        self._store = store
        self._tracker = tracker
        self._clock = clock
        self._live = live

    def agreements(self, country: str | None = None) -> Answer:
        """Overview without a country; else that country's status, timeline and latest findings."""
        if country is None or not country.strip():
            return self.overview()
        if len(country) > MAX_COUNTRY_QUERY:  # no country name is this long; do not fuzzy-match an essay
            return NotFoundAnswer(shown_query(country), [])
        try:
            code = resolve_country(country)
        except LookupFailed as exc:
            return NotFoundAnswer(shown_query(country), self._suggestions(exc.suggestions))
        return self.country(code)

    def _suggestions(self, raw: list[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for item in raw:
            try:
                code = resolve_country(item)
            except LookupFailed:
                continue
            if all(code != c for c, _ in out):
                out.append((code, country_name(code)))
        return out[:5]

    def country(self, code: str) -> CountryAnswer:
        """One country's answer (status recomputed as of today, so it never goes stale)."""
        status = self._tracker.compute(code)
        findings = [
            FindingItem(
                label=f.label,
                title=f.title,
                url=f.url,
                evidence=f.evidence,
                rule=f.rule,
                found_at=f.found_at,
                outlets=f.outlets,
                speaker=f.speaker,
            )
            for f in self._store.tracking.findings(code, limit=FINDINGS_LIMIT)
        ]
        return CountryAnswer(
            country=code,
            name=country_name(code),
            status=str(status.status),
            reason=status.reason,
            since=status.since,
            timeline=[timeline_item(s) for s in status.timeline[:TIMELINE_LIMIT]],
            findings=findings,
        )

    def overview(self) -> OverviewAnswer:
        """Every country with a status other than none, most recent change first."""
        if self._live:
            computed = [self._tracker.compute(c) for c in self._tracker.countries()]
            live = [
                OverviewRow(s.country, country_name(s.country), str(s.status), s.reason, s.since)
                for s in computed
                if str(s.status) != "none"
            ]
            live.sort(key=lambda r: r.country)
            live.sort(key=lambda r: r.changed or date.min, reverse=True)
            return OverviewAnswer(live)
        rows = [
            OverviewRow(r.country, country_name(r.country), r.status, r.reason, r.since)
            for r in self._store.tracking.statuses()
        ]
        return OverviewAnswer(rows)

    def complete_country(self, prefix: str, *, limit: int = 25) -> list[tuple[str, str]]:
        """Autocomplete: tracked countries first, then exact code, name prefix, word prefix; substrings last."""
        wanted = _fold(prefix.strip())
        tracked = {r.country: i for i, r in enumerate(self._store.tracking.statuses())}
        ranked: list[tuple[bool, bool, int, int, str, str]] = []
        for code in _all_codes():
            name = country_name(code)
            folded = _fold(name)
            if not wanted or code.casefold() == wanted:
                tier = 0
            elif folded.startswith(wanted):
                tier = 1
            elif any(word.startswith(wanted) for word in folded.replace("-", " ").split()):
                tier = 2
            elif wanted in folded:
                tier = 3
            else:
                continue
            order = tracked.get(code, len(tracked))
            ranked.append((tier == 3, code not in tracked, tier, order, name, code))
        ranked.sort()
        return [(code, name) for *_, name, code in ranked[:limit]]

    def feed_health(self) -> list[FeedState]:
        """Every active feed's fetch state."""
        return self._store.feeds()


class LockedQuery:
    """A Query on its own store connection, safe to call from worker threads (one call at a time).

    Chat adapters may answer from a thread so a slow answer never blocks the event loop; the poller
    keeps writing on its own connection meanwhile (SQLite WAL lets readers and the writer overlap).
    """

    def __init__(self, query: Query) -> None:
        self._query = query
        self._lock = threading.Lock()

    def agreements(self, country: str | None = None) -> Answer:
        """See Query.agreements."""
        with self._lock:
            return self._query.agreements(country)

    def complete_country(self, prefix: str, *, limit: int = 25) -> list[tuple[str, str]]:
        """See Query.complete_country."""
        with self._lock:
            return self._query.complete_country(prefix, limit=limit)

    def feed_health(self) -> list[FeedState]:
        """See Query.feed_health."""
        with self._lock:
            return self._query.feed_health()


def _all_codes() -> list[str]:
    import pycountry

    codes = sorted(c.alpha_2 for c in pycountry.countries)
    return [*codes, "XK"]
