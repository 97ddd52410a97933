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
from bot.store.tracking import FindingRow
from bot.textclip import cap_text
from bot.tracker.dealtypes import DealType, guess_deal_type, parse_deal_type
from bot.tracker.statements import CountryStatus, Statement, Status

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
        reviewed=bool(s.reviewed),
        deal_type=str(s.deal_type) if s.deal_type else None,
    )


def finding_item(f: FindingRow) -> FindingItem:
    """A stored finding as the platform-neutral answer item, with its review."""
    return FindingItem(
        label=f.label,
        title=f.title,
        url=f.url,
        evidence=f.evidence,
        rule=f.rule,
        found_at=f.found_at,
        outlets=f.outlets,
        speaker=f.speaker,
        id=f.finding_id,
        reviewed=f.review is not None,
        review=f.review,
        reviewed_by=f.reviewed_by,
        review_label=f.review_label,
        deal_type=_opt(guess_deal_type(f.evidence, f.title)),
    )


def _opt(deal: DealType | None) -> str | None:
    return str(deal) if deal is not None else None


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

    def agreements(self, country: str | None = None, *, deal_type: str | None = None) -> Answer:
        """Overview without a country (only DEAL_TYPE's countries when given); else that country's answer.

        Raises ValueError for an unknown deal type.
        """
        if country is None or not country.strip():
            return self.overview(deal_type=deal_type)
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
        findings = [finding_item(f) for f in self._store.tracking.findings(code, limit=FINDINGS_LIMIT)]
        return CountryAnswer(
            country=code,
            name=country_name(code),
            status=str(status.status),
            reason=status.reason,
            since=status.since,
            timeline=[timeline_item(s) for s in status.timeline[:TIMELINE_LIMIT]],
            findings=findings,
            deal_type=_opt(status.deal_type),
        )

    def overview(self, *, deal_type: str | None = None) -> OverviewAnswer:
        """Every country with a status other than none, most recent change first; only one deal type's if given.

        Read-write (the bot): served from the status cache, after recomputing (with the same engine call as
        each country's answer) every row that is stale or was computed before today, so the overview and
        `/agreements COUNTRY` always agree, whatever path a finding came in by. Read-only (`live`, the CLI
        and the web pages beside a running bot): the cached rows the bot computed today and that no finding
        made stale since are used as they are, every other country is computed from the baseline and the
        findings, writing nothing (200 countries on a 1M-finding store: milliseconds instead of seconds).
        Raises ValueError for an unknown deal type.
        """
        wanted = parse_deal_type(deal_type) if deal_type else None
        rows: list[OverviewRow] = []
        if self._live:
            today = self._clock().date()
            fresh_rows = {r.country: r for r in self._store.tracking.all_statuses()
                          if not r.stale and r.updated_at.date() >= today}  # fmt: skip
            for code in self._tracker.countries():
                name = country_name(code)
                kept = fresh_rows.get(code)
                if kept is not None:  # the bot computed it today and nothing arrived since: the same answer
                    row = OverviewRow(code, name, kept.status, kept.reason, kept.since, kept.deal_type)
                else:
                    live = self._tracker.compute(code)
                    row = OverviewRow(code, name, str(live.status), live.reason, live.since, _opt(live.deal_type))
                if row.status != str(Status.NONE) and (wanted is None or row.deal_type == str(wanted)):
                    rows.append(row)
        else:
            now = self._clock()
            cached = self._store.tracking.all_statuses()
            outdated = [r for r in cached if r.stale or r.updated_at.date() < now.date()]
            fresh: dict[str, CountryStatus] = {}
            if outdated:
                with self._store.transaction():
                    fresh = {r.country: self._tracker.refreshed(r.country, now) for r in outdated}
            for r in cached:
                s = fresh.get(r.country)
                row = (
                    OverviewRow(r.country, country_name(r.country), str(s.status), s.reason, s.since, _opt(s.deal_type))
                    if s is not None
                    else OverviewRow(r.country, country_name(r.country), r.status, r.reason, r.since, r.deal_type)
                )
                if row.status != str(Status.NONE) and (wanted is None or row.deal_type == str(wanted)):
                    rows.append(row)
        rows.sort(key=lambda row: row.country)
        rows.sort(key=lambda row: row.changed or date.min, reverse=True)
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

    @property
    def lock(self) -> threading.Lock:
        """The lock guarding this connection (a LockedReviewer on the same connection shares it)."""
        return self._lock

    def agreements(self, country: str | None = None, *, deal_type: str | None = None) -> Answer:
        """See Query.agreements."""
        with self._lock:
            return self._query.agreements(country, deal_type=deal_type)

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
