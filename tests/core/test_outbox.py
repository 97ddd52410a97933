"""Outbox: retries with backoff, honours Retry-After, keeps order, never delivers twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.errors import DeliveryError
from bot.models import Alert
from bot.service.notify import Outbox, retry_delay
from bot.store import open_store


class FlakySink:
    """A sink that fails a scripted number of times before accepting."""

    name = "flaky"

    def __init__(self, failures: list[DeliveryError]) -> None:
        self.failures = failures
        self.sent: list[int] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return country != "MX"

    async def send(self, alert: Alert) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(alert.id)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_retry_delay_grows_and_respects_retry_after() -> None:
    assert retry_delay(1, None) == 15.0
    assert retry_delay(3, None) == 60.0
    assert retry_delay(30, None) == 3600.0
    assert retry_delay(1, 120.0) == 120.0


async def test_failed_delivery_is_retried_in_order_and_only_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    clock = Clock()
    sink = FlakySink([DeliveryError("429", retry_after=40.0), DeliveryError("HTTP 502")])
    outbox = Outbox(store, [sink], clock=clock)
    assert outbox.sinks_for(kind="finding", label="CLAIM", country="MX") == []
    ids = []
    for n in range(2):
        alert = store.add_alert(
            dedupe_key=f"k{n}",
            kind="finding",
            label="CLAIM",
            title=f"t{n}",
            country="HN",
            sinks=outbox.sinks_for(kind="finding", label="CLAIM", country="HN"),
            now=clock.now,
        )
        assert alert is not None
        ids.append(alert.id)
    assert await outbox.deliver_due() == 0  # 429: first alert waits, second waits behind it
    clock.now += timedelta(seconds=30)
    assert await outbox.deliver_due() == 0  # still inside Retry-After
    clock.now += timedelta(seconds=15)
    assert await outbox.deliver_due() == 0  # 502 on the retry
    clock.now += timedelta(seconds=31)
    assert await outbox.deliver_due() == 2
    assert sink.sent == ids
    clock.now += timedelta(hours=2)
    assert await outbox.deliver_due() == 0
    assert sink.sent == ids


async def test_permanent_failure_does_not_block_later_alerts(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    clock = Clock()
    sink = FlakySink([DeliveryError("unknown channel", permanent=True)])
    outbox = Outbox(store, [sink], clock=clock)
    for n in range(2):
        store.add_alert(
            dedupe_key=f"k{n}", kind="finding", label="DENIAL", title="t", country="GT", sinks=["flaky"], now=clock.now
        )
    assert await outbox.deliver_due() == 1
    assert store.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 1}
