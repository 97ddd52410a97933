"""`/healthz` and `/metrics` over HTTP, for container health checks and Prometheus."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.metrics import Metrics
from bot.service.poll import Poller
from bot.service.rulebook import RuleBook
from bot.store import Store
from bot.store.timefmt import utcnow

log = logging.getLogger(__name__)

DEFAULT_MAX_CHAT_DOWN = 300.0


@dataclass(frozen=True)
class ChatHealth:
    """One chat adapter's connection as /healthz shows it: "connecting" (never up yet), "up" or "down"."""

    platform: str
    state: str
    since: datetime
    for_s: float
    error: str | None

    def as_json(self) -> dict[str, object]:
        """The JSON object under `chat` in /healthz."""
        return {"state": self.state, "since": self.since.isoformat(), "for_s": round(self.for_s, 1),
                "error": self.error}  # fmt: skip


class HealthServer:
    """Serves health and metrics from the live objects; started only when `[health] listen` is set."""

    def __init__(
        self,
        *,
        store: Store,
        poller: Poller,
        rulebook: RuleBook,
        metrics: Metrics,
        scheduler_alive: Callable[[], bool],
        max_cycle_age: float,
        clock: Callable[[], datetime] = utcnow,
        chat: Callable[[], Sequence[ChatHealth]] = tuple,
        max_chat_down: float = DEFAULT_MAX_CHAT_DOWN,
    ) -> None:
        """`chat`: the configured chat adapters' states; one not up for `max_chat_down` seconds is a 503."""
        self._store = store
        self._poller = poller
        self._rulebook = rulebook
        self._metrics = metrics
        self._scheduler_alive = scheduler_alive
        self._max_cycle_age = max_cycle_age
        self._clock = clock
        self._chat = chat
        self._max_chat_down = max_chat_down
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def health(self) -> tuple[int, dict[str, object]]:
        """200 when the scheduler runs, the store answers, the last poll cycle is recent and no chat adapter
        has been down (or still connecting) longer than `max_chat_down`."""
        now = self._clock()
        try:
            store_ok = self._store.ping()
        except Exception as exc:  # the store failing is exactly what health must report
            store_ok = False
            log.error("health check: store failed", extra={"error": str(exc)})
        last = self._poller.last_cycle_at
        age = (now - last).total_seconds() if last else None
        recent = age is not None and age <= self._max_cycle_age
        scheduler = self._scheduler_alive()
        chat = list(self._chat())
        chat_down = [c.platform for c in chat if c.state != "up" and c.for_s > self._max_chat_down]
        ok = store_ok and recent and scheduler and not chat_down
        body: dict[str, object] = {
            "status": "ok" if ok else "unhealthy",
            "scheduler": scheduler,
            "store": store_ok,
            "last_poll_cycle": last.isoformat() if last else None,
            "last_poll_age_s": round(age, 1) if age is not None else None,
            "max_poll_age_s": self._max_cycle_age,
            "rules_error": self._rulebook.last_error,
            "chat": {c.platform: c.as_json() for c in chat},
            "max_chat_down_s": self._max_chat_down,
        }
        if chat_down:
            body["chat_down"] = chat_down
        return (200 if ok else 503), body

    def refresh_gauges(self) -> None:
        """Set the store-derived gauges just before a scrape."""
        counts = self._store.outbox_counts()
        self._metrics.alerts_pending.set(counts.get("pending", 0))
        for status in ("failed", "orphaned"):
            self._metrics.alerts_undelivered.labels(status=status).set(counts.get(status, 0))
        oldest = self._store.oldest_pending_at()
        self._metrics.outbox_age.set((self._clock() - oldest).total_seconds() if oldest else 0)
        self._metrics.rules_loaded.set(len(self._rulebook.current.rules))
        for chat in self._chat():
            self._metrics.chat_connected.labels(platform=chat.platform).set(1 if chat.state == "up" else 0)
        self._metrics.feeds_failing.set(sum(1 for f in self._store.feeds() if f.error_streak > 0))
        if self._poller.last_cycle_at:
            self._metrics.last_poll.set(self._poller.last_cycle_at.timestamp())

    async def _healthz(self, _: web.Request) -> web.Response:
        status, body = self.health()
        return web.Response(status=status, text=json.dumps(body), content_type="application/json")

    async def _metrics_page(self, _: web.Request) -> web.Response:
        self.refresh_gauges()
        return web.Response(body=self._metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def start(self, listen: str, *, also: Callable[[web.Application], None] | None = None) -> None:
        """Listen on HOST:PORT (port 0 picks a free one, see `.port`); ALSO adds more routes (the web pages
        when they share this port)."""
        host, _, port = listen.rpartition(":")
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics_page)
        if also is not None:
            also(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host or "0.0.0.0", int(port))  # noqa: S104 - configurable listen address
        await site.start()
        bound = [s.getsockname()[1] for s in getattr(site._server, "sockets", None) or []]
        self.port = bound[0] if bound else int(port)
        log.info("health server listening", extra={"listen": f"{host}:{self.port}"})

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
