"""The long-running loop: APScheduler drives polling, delivery and rule reloads until told to stop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.metrics import Metrics
from bot.service.health import HealthServer
from bot.service.poll import CycleReport
from bot.service.retention import PRUNE_EVERY, Retention

log = logging.getLogger(__name__)

DELIVER_EVERY = 5.0
RELOAD_EVERY = 30.0
STOP_GRACE = 8.0


class Runner:
    """Schedules the jobs; each job runs alone (a slow cycle is skipped, not stacked)."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._busy = asyncio.Lock()
        self._scheduler = AsyncIOScheduler(timezone=UTC)

    async def _exclusive(self, job: Callable[[], Awaitable[object]]) -> None:
        async with self._busy:
            try:
                await job()
            except Exception:
                log.exception("scheduled job failed; it will run again on schedule")

    async def _poll_and_deliver(self) -> None:
        report = await self._app.poller.poll()
        observe_cycle(self._app.metrics, report)
        await self._app.outbox.deliver_due()

    async def _deliver(self) -> None:
        await self._app.outbox.deliver_due()

    async def _prune(self) -> None:
        keep = self._app.settings.store.keep_articles
        if keep is not None:
            await Retention(self._app.store, keep=keep).prune()

    async def _reload_rules(self) -> None:
        self._app.rulebook.reload_if_changed()

    @property
    def alive(self) -> bool:
        """Whether the scheduler is running its jobs."""
        return bool(self._scheduler.running)

    def start(self) -> None:
        """Add the jobs and start the scheduler on the running loop."""
        common = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
        self._scheduler.add_job(
            self._exclusive,
            "interval",
            args=[self._poll_and_deliver],
            id="poll",
            seconds=self._app.settings.poll.tick,
            next_run_time=datetime.now(UTC),
            **common,
        )
        self._scheduler.add_job(
            self._exclusive, "interval", args=[self._deliver], id="deliver", seconds=DELIVER_EVERY, **common
        )
        if self._app.settings.rules.reload:
            self._scheduler.add_job(
                self._exclusive,
                "interval",
                args=[self._reload_rules],
                id="rules",
                seconds=RELOAD_EVERY,
                **common,
            )
        if self._app.settings.store.keep_articles is not None:
            self._scheduler.add_job(
                self._exclusive,
                "interval",
                args=[self._prune],
                id="prune",
                seconds=PRUNE_EVERY,
                next_run_time=datetime.now(UTC),
                **common,
            )
        self._scheduler.start()
        log.info(
            "stcwatch running",
            extra={"feeds": len(self._app.settings.feeds), "sinks": [s.name for s in self._app.outbox.sinks]},
        )

    async def stop(self) -> None:
        """Stop scheduling, let the job in flight finish (bounded), then deliver what is due once more."""
        self._scheduler.shutdown(wait=False)
        try:
            async with asyncio.timeout(STOP_GRACE):
                async with self._busy:
                    await self._app.outbox.deliver_due()
        except TimeoutError:
            log.warning("stopping before the job in flight finished; undelivered alerts stay queued")
        log.info("stcwatch stopped")


def observe_cycle(metrics: Metrics, report: CycleReport) -> None:
    """Count what a poll cycle did."""
    for outcome in report.outcomes:
        metrics.fetches.labels(status=outcome.status).inc()
        if outcome.fetch_seconds is not None:
            metrics.fetch_seconds.observe(outcome.fetch_seconds)
        metrics.articles.inc(outcome.new_articles)
        for label in outcome.finding_labels:
            metrics.findings.labels(label=label).inc()


async def run_until(app: App, stop: asyncio.Event) -> None:
    """Run the scheduler (and the health server, when configured) until STOP is set."""
    runner = Runner(app)
    health: HealthServer | None = None
    if app.settings.health.listen:
        poll = app.settings.poll
        health = HealthServer(
            store=app.store,
            poller=app.poller,
            rulebook=app.rulebook,
            metrics=app.metrics,
            scheduler_alive=lambda: runner.alive,
            max_cycle_age=app.settings.health.max_poll_age or max(3 * poll.tick, 120.0),
            chat=lambda: [p.health() for p in app.chat],
            max_chat_down=app.settings.health.max_chat_down,
        )
        await health.start(app.settings.health.listen)
    runner.start()
    try:
        await stop.wait()
    finally:
        await runner.stop()
        if health is not None:
            await health.stop()
