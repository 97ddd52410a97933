"""One poll cycle: fetch due feeds -> parse -> store new articles -> classify -> queue alerts.

Each feed is handled on its own: a failure is logged, counted and backed off, never raised to the
cycle. Store writes for one feed happen in one transaction, so a crash leaves no half-ingested feed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx

from bot.config import PollSettings
from bot.errors import FeedParseError
from bot.feeds.fetch import FetchLimits, FetchResult, fetch_feed
from bot.feeds.schedule import next_poll_delay
from bot.models import Alert, Article, FeedState, Finding
from bot.service.notify import Outbox
from bot.service.reading import FeedBody, FeedReader
from bot.service.rulebook import RuleBook
from bot.store import Store
from bot.store.timefmt import utcnow

log = logging.getLogger(__name__)

SLOW_FETCH_SECONDS = 1.0  # a feed whose last fetch took this long (and SLOW_FACTOR x the median) is slow
SLOW_FACTOR = 4.0


@dataclass
class FeedOutcome:
    """What happened to one feed in one cycle."""

    feed: str
    status: str
    error: str | None = None
    new_articles: int = 0
    alerts: list[Alert] = field(default_factory=list)
    fetch_seconds: float | None = None
    finding_labels: list[str] = field(default_factory=list)


@dataclass
class CycleReport:
    """Totals for one poll cycle."""

    started_at: datetime
    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def alerts(self) -> list[Alert]:
        """Every alert queued in this cycle, in feed order."""
        return [a for o in self.outcomes for a in o.alerts]

    @property
    def errors(self) -> int:
        """Feeds that failed this cycle."""
        return sum(1 for o in self.outcomes if o.error)


FindingsHook = Callable[[list[tuple[int, Finding]], datetime], list[Alert]]


class Poller:
    """Polls feeds with bounded concurrency (overall and per host) into the store.

    Feeds start longest-last-fetch first, so the waits on slow sites overlap the rest of the cycle instead
    of trailing it. Feeds that were slow last time (or timed out) run in a lane of their own with as many
    slots again: waiting on a slow site costs a socket but no CPU, and a batch of dying sites (each holding
    a slot for the whole timeout) can never take a slot from the feeds that answer promptly.
    """

    def __init__(
        self,
        *,
        store: Store,
        client: httpx.AsyncClient,
        limits: FetchLimits,
        rulebook: RuleBook,
        outbox: Outbox,
        settings: PollSettings,
        concurrency: int = 64,
        per_host: int = 4,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        on_findings: FindingsHook | None = None,
        reader: FeedReader | None = None,
    ) -> None:
        self._store = store
        self._client = client
        self._limits = limits
        self._rulebook = rulebook
        self._outbox = outbox
        self._settings = settings
        self._clock = clock
        self._rng = rng or random.Random()
        self._overall = asyncio.Semaphore(concurrency)
        self._slow_lane = asyncio.Semaphore(concurrency)
        self._per_host_limit = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._on_findings = on_findings
        self._delivery: asyncio.Task[None] | None = None
        self._reader = reader or FeedReader(workers=0)
        self._deliver_again = False
        self.last_cycle_at: datetime | None = None

    async def poll(self, *, only_due: bool = True) -> CycleReport:
        """Poll due feeds (or all active feeds for a one-off pass)."""
        now = self._clock()
        feeds = self._store.due_feeds(now) if only_due else self._store.feeds()
        report = CycleReport(started_at=now)
        slow_ids = {f.id for f in _slow_feeds(feeds)}
        order = sorted(feeds, key=lambda f: -(f.last_fetch_seconds or 0.0))  # longest first; ties keep config order
        outcomes = await asyncio.gather(*(self._guarded(f, slow=f.id in slow_ids) for f in order))
        by_id = {f.id: o for f, o in zip(order, outcomes, strict=True)}
        report.outcomes = [by_id[f.id] for f in feeds]  # reported in configuration order
        await self.settle()  # the cycle ends with no delivery in flight
        self.last_cycle_at = self._clock()
        if feeds:
            log.info(
                "poll cycle done",
                extra={
                    "feeds": len(feeds),
                    "errors": report.errors,
                    "new_articles": sum(o.new_articles for o in report.outcomes),
                    "alerts": len(report.alerts),
                },
            )
        return report

    async def settle(self) -> None:
        """Wait for the delivery started beside the cycle, if any.

        Shielded: cancelling the cycle (shutdown) must not cut a chat post off half-way.
        """
        if self._delivery is not None and not self._delivery.done():
            await asyncio.shield(self._delivery)

    def close(self) -> None:
        """Stop the feed reader's worker processes (after the last cycle)."""
        self._reader.close()

    async def _guarded(self, feed: FeedState, *, slow: bool) -> FeedOutcome:
        host = urlsplit(feed.url).hostname or ""
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host_limit))
        # The host first: a feed queued behind its own host must not hold a lane slot another host could use.
        async with per_host, self._slow_lane if slow else self._overall:
            try:
                return await self._poll_feed(feed)
            except Exception as exc:  # contain bugs to the one feed; the cycle goes on
                log.exception("feed poll crashed", extra={"feed": feed.name, "feed_url": feed.url})
                self._record_failure(feed, "crash", f"{type(exc).__name__}: {exc}", None)
                return FeedOutcome(feed.name, "crash", error=str(exc))

    async def _poll_feed(self, feed: FeedState) -> FeedOutcome:
        result = await fetch_feed(
            self._client, feed.url, etag=feed.etag, last_modified=feed.last_modified, limits=self._limits
        )
        outcome = await self._handle(feed, result)
        outcome.fetch_seconds = result.elapsed
        if outcome.alerts:
            self._deliver_soon()
        return outcome

    def _deliver_soon(self) -> None:
        """Deliver queued alerts now, beside the cycle, rather than after a cycle that may take minutes."""
        if self._delivery is not None and not self._delivery.done():
            self._deliver_again = True  # the running delivery goes round once more
            return
        self._delivery = asyncio.create_task(self._deliver_while_queued())

    async def _deliver_while_queued(self) -> None:
        while True:
            self._deliver_again = False
            try:
                await self._outbox.deliver_due()
            except Exception:  # the outbox keeps what it could not send; the runner retries it
                log.exception("alert delivery during the poll cycle failed")
            if not self._deliver_again:
                return

    async def _handle(self, feed: FeedState, result: FetchResult) -> FeedOutcome:
        if result.outcome == "error":
            error = result.error or "fetch failed"
            status = f"http {result.http_status}" if result.http_status else "error"
            self._record_failure(feed, status, error, result.retry_after, seconds=result.elapsed)
            return FeedOutcome(feed.name, "error", error=error)
        if result.outcome == "not_modified" or result.body is None:
            self._record_success(feed, "not_modified", result)
            return FeedOutcome(feed.name, "not_modified")
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == feed.body_hash:
            self._record_success(feed, "unchanged", result)
            return FeedOutcome(feed.name, "unchanged")
        item = FeedBody(
            body=result.body,
            feed_url=feed.url,
            content_type=result.content_type,
            lang=feed.lang,
            known=frozenset(self._store.known_entry_keys(feed.id)),  # skip what this feed already gave us
        )
        try:
            parsed, findings = await self._reader.read(item, self._rulebook.current)
        except FeedParseError as exc:
            self._record_failure(feed, "parse_error", str(exc), None, seconds=result.elapsed)
            return FeedOutcome(feed.name, "parse_error", error=str(exc))
        if parsed.warning:
            log.info("feed parsed with a warning", extra={"feed": feed.name, "warning": parsed.warning})
        with self._store.transaction():
            outcome = self._ingest(feed, parsed.entries, findings)
            self._record_success(feed, "ok", result, body_hash=body_hash)
        return outcome

    def _ingest(self, feed: FeedState, entries: Sequence[Article], found: Sequence[list[Finding]]) -> FeedOutcome:
        now = self._clock()
        outcome = FeedOutcome(feed.name, "ok")
        fresh: list[tuple[int, Finding]] = []
        for article, findings in zip(entries, found, strict=True):
            existing = self._store.find_article(article)
            if existing is not None:
                self._store.add_source(existing, feed.id, article, now=now)
                continue
            article_id = self._store.insert_article(article, now=now)
            self._store.add_source(article_id, feed.id, article, now=now)
            outcome.new_articles += 1
            self._store.insert_findings(article_id, findings, now=now)
            outcome.finding_labels.extend(str(f.label) for f in findings)
            if not self._alertable(feed, article, now):
                continue
            fresh.extend((article_id, finding) for finding in findings)
            for group in _signals_by_country(findings):
                if group:
                    alert = self._queue_finding_alert(feed, article, article_id, group, now)
                    if alert is not None:
                        outcome.alerts.append(alert)
        if fresh and self._on_findings is not None:
            outcome.alerts.extend(self._on_findings(fresh, now))
        return outcome

    def _alertable(self, feed: FeedState, article: Article, now: datetime) -> bool:
        """New stories alert; a backlog does not.

        Items older than `first_poll_max_age` never alert. On a feed's first poll, items with no date
        are treated as backlog too; on later polls an undated item is new to us and alerts.
        """
        max_age = timedelta(seconds=self._settings.first_poll_max_age)
        if article.published is not None:
            return now - article.published <= max_age
        return feed.polled_once

    def _queue_finding_alert(
        self, feed: FeedState, article: Article, article_id: int, group: list[Finding], now: datetime
    ) -> Alert | None:
        """One alert per (article, country): the strongest signal leads, the others ride along quoted
        (a claim and the denial of it in one story are one alert that shows both sides)."""
        finding, others = group[0], group[1:]
        label = str(finding.label)
        extra: dict[str, object] = {"explanation": finding.explanation, "speaker": finding.speaker}
        if others:
            extra["also"] = [
                {"label": str(o.label), "evidence": o.evidence, "speaker": o.speaker, "rule": o.rule} for o in others
            ]
        alert = self._store.add_alert(
            dedupe_key=f"finding:{article_id}:{finding.country}:{label}",
            kind="finding",
            label=label,
            country=finding.country,
            title=article.title or article.url,
            url=article.url,
            feed=feed.name,
            rule=finding.rule,
            evidence=finding.evidence,
            extra={**extra, "finding_id": self._store.finding_id(article_id, finding.country, label)},  # buttons
            sinks=sorted(
                {
                    sink
                    for f in group
                    for sink in self._outbox.sinks_for(kind="finding", label=str(f.label), country=f.country)
                }
            ),
            now=now,
        )
        if alert is not None:
            log.info(
                "alert queued",
                extra={"alert_id": alert.id, "label": label, "country": finding.country, "article_id": article_id},
            )
        return alert

    def _record_success(
        self, feed: FeedState, status: str, result: FetchResult, *, body_hash: str | None = None
    ) -> None:
        now = self._clock()
        self._store.record_fetch(
            feed.id,
            now=now,
            ok=True,
            status=status,
            next_poll_at=self._next_poll_at(feed, now, streak=0, retry_after=None),
            etag=result.etag,
            last_modified=result.last_modified,
            body_hash=body_hash,
            seconds=result.elapsed,
        )
        if feed.error_streak:
            log.info("feed recovered", extra={"feed": feed.name, "after_failures": feed.error_streak})
            if feed.error_streak >= self._settings.failure_notice_after:
                self._queue_health(feed, "up", f"Feed '{feed.name}' recovered after {feed.error_streak} failures", now)

    def _next_poll_at(self, feed: FeedState, now: datetime, *, streak: int, retry_after: float | None) -> datetime:
        """The feed's interval with jitter, or its backoff after `streak` failures (honouring Retry-After)."""
        delay = next_poll_delay(
            feed.interval,
            error_streak=streak,
            retry_after=retry_after,
            jitter=self._settings.jitter,
            max_backoff=self._settings.max_backoff,
            rng=self._rng,
        )
        return now + timedelta(seconds=delay)

    def _record_failure(
        self, feed: FeedState, status: str, error: str, retry_after: float | None, *, seconds: float | None = None
    ) -> None:
        now = self._clock()
        streak = feed.error_streak + 1
        next_poll_at = self._next_poll_at(feed, now, streak=streak, retry_after=retry_after)
        self._store.record_fetch(
            feed.id, now=now, ok=False, status=status, error=error, next_poll_at=next_poll_at, seconds=seconds
        )
        if streak == self._settings.failure_notice_after:
            title = f"Feed '{feed.name}' is failing: {error} ({streak} failures in a row)"
            self._queue_health(feed, "down", title, now)
        log.warning(
            "feed fetch failed",
            extra={
                "feed": feed.name,
                "feed_url": feed.url,
                "error": error,
                "streak": streak,
                "retry_in_s": round((next_poll_at - now).total_seconds(), 1),
            },
        )

    def _queue_health(self, feed: FeedState, state: str, title: str, now: datetime) -> None:
        """One notice when a feed starts failing for good, one when it recovers (per outage)."""
        outage = feed.last_success_at.isoformat() if feed.last_success_at else "never"
        self._store.add_alert(
            dedupe_key=f"feedhealth:{feed.id}:{state}:{outage}",
            kind="feed_health",
            label="FEED_HEALTH",
            title=title,
            url=feed.url,
            feed=feed.name,
            evidence=feed.last_error if state == "up" else None,
            extra={"state": state, "streak": feed.error_streak + (state == "down")},
            sinks=self._outbox.sinks_for(kind="feed_health", label="FEED_HEALTH", country=None),
            now=now,
        )


def _slow_feeds(feeds: Sequence[FeedState]) -> list[FeedState]:
    """Feeds whose last fetch took at least SLOW_FETCH_SECONDS and SLOW_FACTOR times the median.

    Relative as well as absolute: while the bot is busy (a backlog, a loaded machine) every fetch takes
    longer, and that says nothing about the site; only a feed slow beside its peers is.
    """
    times = sorted(f.last_fetch_seconds for f in feeds if f.last_fetch_seconds is not None)
    if not times:
        return []
    threshold = max(SLOW_FETCH_SECONDS, SLOW_FACTOR * times[len(times) // 2])
    return [f for f in feeds if f.last_fetch_seconds is not None and f.last_fetch_seconds >= threshold]


def _signals_by_country(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Signal findings grouped per country, in the classifier's order (strongest first)."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.label.is_signal:
            groups.setdefault(f.country, []).append(f)
    return list(groups.values())
