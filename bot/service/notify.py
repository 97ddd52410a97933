"""The alert outbox: every alert is stored first, then delivered to each sink until it succeeds.

Storing before sending is what makes "nothing lost, nothing posted twice" hold across crashes
and restarts. Each attempt is recorded as in flight (committed) before the sink is called and
cleared when its outcome is known: delivered, or failed without having posted. A delivery picked
up while still in flight belongs to an attempt that died between the chat service accepting the
post and our commit (SIGKILL, power cut, lost response), so the sink is told `possibly_sent` and
looks in the channel before posting again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
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

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        """Deliver or raise DeliveryError.

        `possibly_sent`: an earlier attempt may have posted this alert (its outcome was never
        recorded); a sink that can look at the channel should skip the post if it is already there.
        """
        ...


@dataclass(frozen=True)
class RouteFilter:
    """What one chat route wants: feed-health notices always; other alerts by label and country."""

    labels: frozenset[str]
    countries: frozenset[str]  # empty = every country

    @classmethod
    def of(cls, labels: Iterable[str], countries: Iterable[str]) -> RouteFilter:
        """Upper-cased sets from a route's config lists."""
        return cls(frozenset(x.upper() for x in labels), frozenset(c.upper() for c in countries))

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """The Sink.accepts rule shared by every chat route."""
        if kind == "feed_health":
            return True
        if label.upper() not in self.labels:
            return False
        return not self.countries or (country is not None and country.upper() in self.countries)


def delivery_key(alert: Alert, route: object) -> str:
    """24 hex characters, stable across retries, distinct per alert, store (its creation time) and route.

    What a chat post carries so a retry after a crash can recognise a post an earlier attempt made (it fits
    Discord's 25-character nonce and Slack's message metadata).
    """
    key = f"{alert.id}|{alert.created_at.isoformat()}|{route}"
    return hashlib.blake2b(key.encode(), digest_size=12).hexdigest()


def history_check_failed(error: DeliveryError, *, platform: str, sink: str, alert_id: int, hint: str) -> None:
    """The shared policy when a sink cannot tell whether an earlier attempt already posted an alert.

    A transient failure is raised with `maybe_sent`, so the question stays open and the outbox retries.
    A permanent one (no permission to read history) is logged and the caller posts anyway: blocking a
    route for good is worse than a possible duplicate.
    """
    if not error.permanent:
        raise DeliveryError(
            f"cannot check whether the alert was already posted: {error}",
            retry_after=error.retry_after,
            maybe_sent=True,
        ) from error
    log.warning(
        f"cannot read {platform} channel history ({hint}); posting without the check",
        extra={"sink": sink, "alert_id": alert_id, "error": str(error)},
    )


def retry_delay(attempts: int, retry_after: float | None, *, base: float = BASE_RETRY, cap: float = MAX_RETRY) -> float:
    """Exponential backoff from `base`, capped at `cap`, never sooner than the server asked (up to the cap)."""
    delay: float = min(base * 2.0 ** max(attempts - 1, 0), cap)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
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
        base_retry: float = BASE_RETRY,
        max_retry: float = MAX_RETRY,
    ) -> None:
        self._store = store
        self._sinks = list(sinks)
        self._clock = clock
        self._metrics = metrics
        self._base_retry = base_retry
        self._max_retry = max_retry

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
        self.close_orphans()
        delivered = 0
        for sink in self._sinks:
            for alert in self._store.due_deliveries(sink.name, now=self._clock(), limit=limit):
                result = await self._deliver_one(sink, alert)
                if result == "retry":
                    break  # keep order per sink: later alerts wait for the failing one
                delivered += result == "delivered"
        return delivered

    def close_orphans(self) -> int:
        """Close pending deliveries whose route is no longer configured, saying so (they would wait forever,
        inflating the pending count and the outbox age). `stcwatch outbox retry ID` reopens one."""
        closed = self._store.outbox.orphans([s.name for s in self._sinks])
        if not closed:
            return 0  # the common case writes nothing
        with self._store.transaction():
            self._store.outbox.close_orphaned(closed)
        for alert_id, sink in closed:
            log.warning(
                "delivery closed as orphaned: its route is no longer configured",
                extra={"sink": sink, "alert_id": alert_id},
            )
        return len(closed)

    async def _deliver_one(self, sink: Sink, alert: Alert) -> str:
        earlier = self._store.begin_delivery(alert.id, sink.name, now=self._clock())  # committed before send
        try:
            if earlier is None:
                await sink.send(alert)  # the flag only when set: one-argument sinks keep working
            else:
                log.info(
                    "earlier delivery attempt has no recorded outcome; the sink checks before posting",
                    extra={"sink": sink.name, "alert_id": alert.id, "in_flight_at": earlier.isoformat()},
                )
                await sink.send(alert, possibly_sent=True)
        except DeliveryError as exc:
            return self._record_failure(sink, alert, str(exc), exc.retry_after, exc.permanent, exc.maybe_sent)
        except Exception as exc:  # a sink bug must not stop the other sinks; what it did is unknown
            log.exception("sink raised unexpectedly", extra={"sink": sink.name, "alert_id": alert.id})
            return self._record_failure(sink, alert, f"{type(exc).__name__}: {exc}", None, False, True)
        self._store.mark_delivered(alert.id, sink.name, now=self._clock())
        if self._metrics is not None:
            self._metrics.alerts_sent.labels(sink=sink.name).inc()
        log.info("alert delivered", extra={"sink": sink.name, "alert_id": alert.id, "label": alert.label})
        return "delivered"

    def _record_failure(
        self,
        sink: Sink,
        alert: Alert,
        error: str,
        retry_after: float | None,
        permanent: bool,
        maybe_sent: bool,
    ) -> str:
        """Record the failure; returns "failed" (given up) or "retry" (rescheduled).

        `maybe_sent` keeps the attempt in flight, so the retry is made with `possibly_sent`.
        """
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
        delay = retry_delay(attempts, retry_after, base=self._base_retry, cap=self._max_retry)
        retry_at = self._clock() + timedelta(seconds=delay)
        self._store.mark_attempt_failed(alert.id, sink.name, error=error, retry_at=retry_at, maybe_sent=maybe_sent)
        log.warning(
            "alert delivery failed, will retry",
            extra={
                "sink": sink.name,
                "alert_id": alert.id,
                "error": error,
                "attempts": attempts,
                "retry_at": retry_at.isoformat(),
                "maybe_sent": maybe_sent,
            },
        )
        return "retry"
