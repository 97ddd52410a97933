"""The alert outbox: every alert is stored first, then delivered to each sink until it succeeds.

Storing before sending is what makes "nothing lost, nothing posted twice" hold across crashes
and restarts: a delivery is marked done right after the sink accepts it, and never sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from bot.errors import DeliveryError
from bot.metrics import Metrics
from bot.models import Alert
from bot.store import Store
from bot.store.timefmt import utcnow

log = logging.getLogger(__name__)

BASE_RETRY = 15.0
MAX_RETRY = 3600.0


class Sink(Protocol):
    """Where alerts go: the console, a Discord route, a Slack route."""

    @property
    def name(self) -> str:
        """Stable identity stored with each delivery (change it and old alerts are not resent)."""
        ...

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """Whether this sink wants such an alert (route filters)."""
        ...

    async def send(self, alert: Alert) -> None:
        """Deliver or raise DeliveryError."""
        ...


def retry_delay(attempts: int, retry_after: float | None) -> float:
    """Exponential backoff from BASE_RETRY, capped, never sooner than the server asked."""
    delay: float = min(BASE_RETRY * 2.0 ** max(attempts - 1, 0), MAX_RETRY)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY))
    return delay


class Outbox:
    """Routes new alerts to sinks and drains what is due."""

    def __init__(
        self,
        store: Store,
        sinks: Sequence[Sink],
        *,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        self._store = store
        self._sinks = list(sinks)
        self._clock = clock
        self._metrics = metrics

    def add_sinks(self, sinks: Sequence[Sink]) -> None:
        """Register sinks that start after the outbox (chat adapters); do it before polling starts."""
        self._sinks.extend(sinks)

    @property
    def sinks(self) -> list[Sink]:
        """The sinks alerts are routed to."""
        return list(self._sinks)

    def sinks_for(self, *, kind: str, label: str, country: str | None) -> list[str]:
        """Names of the sinks that want this alert."""
        return [s.name for s in self._sinks if s.accepts(kind=kind, label=label, country=country)]

    async def deliver_due(self, *, limit: int = 100) -> int:
        """Try every due delivery once; returns how many succeeded."""
        delivered = 0
        for sink in self._sinks:
            for alert in self._store.due_deliveries(sink.name, now=self._clock(), limit=limit):
                result = await self._deliver_one(sink, alert)
                if result == "retry":
                    break  # keep order per sink: later alerts wait for the failing one
                delivered += result == "delivered"
        return delivered

    async def _deliver_one(self, sink: Sink, alert: Alert) -> str:
        try:
            await sink.send(alert)
        except DeliveryError as exc:
            return self._record_failure(sink, alert, str(exc), exc.retry_after, exc.permanent)
        except Exception as exc:  # a sink bug must not stop the other sinks
            log.exception("sink raised unexpectedly", extra={"sink": sink.name, "alert_id": alert.id})
            return self._record_failure(sink, alert, f"{type(exc).__name__}: {exc}", None, False)
        self._store.mark_delivered(alert.id, sink.name, now=self._clock())
        if self._metrics is not None:
            self._metrics.alerts_sent.labels(sink=sink.name).inc()
        log.info("alert delivered", extra={"sink": sink.name, "alert_id": alert.id, "label": alert.label})
        return "delivered"

    def _record_failure(self, sink: Sink, alert: Alert, error: str, retry_after: float | None, permanent: bool) -> str:
        """Record the failure; returns "failed" (given up) or "retry" (rescheduled)."""
        if self._metrics is not None:
            self._metrics.alerts_failed.labels(sink=sink.name).inc()
        if permanent:
            attempts = self._store.mark_attempt_failed(alert.id, sink.name, error=error, retry_at=None)
            log.error(
                "alert delivery failed permanently",
                extra={"sink": sink.name, "alert_id": alert.id, "error": error, "attempts": attempts},
            )
            return "failed"  # nothing more to do for this one; let later alerts through
        attempts = self._store.delivery_attempts(alert.id, sink.name) + 1
        retry_at = self._clock() + timedelta(seconds=retry_delay(attempts, retry_after))
        self._store.mark_attempt_failed(alert.id, sink.name, error=error, retry_at=retry_at)
        log.warning(
            "alert delivery failed, will retry",
            extra={
                "sink": sink.name,
                "alert_id": alert.id,
                "error": error,
                "attempts": attempts,
                "retry_at": retry_at.isoformat(),
            },
        )
        return "retry"
