"""The long-running loop: APScheduler drives polling, delivery and rule reloads until told to stop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.metrics import Metrics
from bot.service.health import HealthServer
from bot.service.poll import CycleReport
from bot.service.retention import PRUNE_EVERY, Retention

if TYPE_CHECKING:
    from bot.web.server import WebServer

log = logging.getLogger(__name__)

DELIVER_EVERY = 5.0
RELOAD_EVERY = 30.0
STOP_GRACE = 8.0


class Runner:
    """Schedules the jobs; one job's work runs at a time, and a job never stacks up behind itself.

    APScheduler only *asks* for work: each scheduled call returns at once, starting the work as a task of
    ours or, while other work runs, noting it as pending (once per job, however many ticks pass). So a cycle
    that outlasts the tick (a hanging feed) neither stacks cycles nor makes APScheduler warn about "maximum
    number of running instances", and shutting the scheduler down never cancels work inside APScheduler
    (which would log the CancelledError as a failed job).
    """

    def __init__(self, app: App) -> None:
        self._app = app
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._work: asyncio.Task[None] | None = None
        self._pending: dict[str, Callable[[], Awaitable[object]]] = {}
        self._fetching = False  # inside poller.poll(): fetches and parses, safe to cancel
        self._stopping = False

    async def _request(self, name: str, job: Callable[[], Awaitable[object]]) -> None:
        """The APScheduler job: start JOB now, or once the work in progress is done."""
        if self._stopping:
            return
        if self._work is not None and not self._work.done():
            if name not in self._pending:
                log.debug("job waits for the one running", extra={"job": name})
            self._pending[name] = job
            return
        self._work = asyncio.create_task(self._drain(name, job), name=f"stcwatch-{name}")

    async def _drain(self, name: str, job: Callable[[], Awaitable[object]]) -> None:
        """Run JOB, then whatever was requested meanwhile, one at a time."""
        while True:
            try:
                await job()
            except Exception:
                log.exception("scheduled job failed; it will run again on schedule", extra={"job": name})
            if self._stopping or not self._pending:
                return
            name = next(iter(self._pending))
            job = self._pending.pop(name)

    async def _poll_and_deliver(self) -> None:
        self._fetching = True
        try:
            report = await self._app.poller.poll()
        finally:
            self._fetching = False
        observe_cycle(self._app.metrics, report)
        self._refresh_statuses()
        await self._app.outbox.deliver_due()

    def _refresh_statuses(self) -> None:
        """Recompute the cached statuses a finding made stale or that date from before today, so read-only
        readers (`stcwatch web`, the web pages, `agreements` beside the bot) find them fresh and need not
        compute every country themselves. Cheap when nothing changed: it reads the cache rows."""
        try:
            self._app.query.overview()
        except Exception:
            log.exception("refreshing the status cache failed; the overview recomputes on demand")

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
            self._request,
            "interval",
            args=["poll", self._poll_and_deliver],
            id="poll",
            seconds=self._app.settings.poll.tick,
            next_run_time=datetime.now(UTC),
            **common,
        )
        self._scheduler.add_job(
            self._request, "interval", args=["deliver", self._deliver], id="deliver", seconds=DELIVER_EVERY, **common
        )
        if self._app.settings.rules.reload:
            self._scheduler.add_job(
                self._request,
                "interval",
                args=["rules", self._reload_rules],
                id="rules",
                seconds=RELOAD_EVERY,
                **common,
            )
        if self._app.settings.store.keep_articles is not None:
            self._scheduler.add_job(
                self._request,
                "interval",
                args=["prune", self._prune],
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
        """Stop scheduling; cancel a cycle still fetching, let a delivery in flight finish (bounded), then
        deliver what is due once more.

        Cancelling while the poller fetches or parses loses nothing: each feed is stored in one transaction
        with no await inside, so a cancel lands before or after it. Deliveries are not cancelled while
        within STOP_GRACE, so a post is not cut off between the chat service and our record of it.
        """
        self._stopping = True
        self._pending.clear()
        self._scheduler.shutdown(wait=False)
        work = self._work
        if work is not None and not work.done() and self._fetching:
            log.info("stopping: the poll cycle in progress is cancelled; its feeds are polled again next start")
            work.cancel()
        try:
            async with asyncio.timeout(STOP_GRACE):
                if work is not None:
                    await asyncio.wait({work})
                await self._app.poller.settle()
                await self._app.outbox.deliver_due()
        except TimeoutError:
            log.warning("stopping before the delivery in flight finished; undelivered alerts stay queued")
        if work is not None and not work.done():
            work.cancel()
            await asyncio.wait({work})
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
    """Run the scheduler (and the health server and web pages, when configured) until STOP is set."""
    if not app.settings.web.listen:
        await _run_until(app, stop, None)
        return
    from bot.web.serve import web_pages  # jinja2 and the templates only load when the pages are on

    async with web_pages(app.settings) as pages:
        await _run_until(app, stop, pages)


async def _run_until(app: App, stop: asyncio.Event, pages: WebServer | None) -> None:
    runner = Runner(app)
    health: HealthServer | None = None
    shared = pages is not None and app.settings.web.listen == app.settings.health.listen
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
        await health.start(app.settings.health.listen, also=pages.add_routes if shared and pages else None)
    if pages is not None and not shared:
        await pages.start(str(app.settings.web.listen))
    runner.start()
    try:
        await stop.wait()
    finally:
        await runner.stop()
        if pages is not None and not shared:
            await pages.stop()
        if health is not None:
            await health.stop()
