"""Outbox operations on a real store: orphaned deliveries closed, `outbox retry ID` reopening one alert."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import DeliveryError
from bot.models import Alert
from bot.service.notify import Outbox
from bot.store import open_store

NOW = datetime(2026, 3, 1, tzinfo=UTC)


class Sink:
    name = "slack:CNOW"

    def __init__(self, failures: list[DeliveryError]) -> None:
        self.failures = failures
        self.sent: list[int] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(alert.id)


async def test_orphans_are_closed_and_stop_counting_as_pending(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    old = store.add_alert(dedupe_key="a", kind="finding", label="CLAIM", title="t", sinks=["slack:CGONE"], now=NOW)
    assert old is not None
    assert store.oldest_pending_at() == NOW
    sink = Sink([])
    outbox = Outbox(store, [sink], clock=lambda: NOW)
    assert await outbox.deliver_due() == 0
    assert store.outbox_counts()["pending"] == 0 and store.outbox_counts()["orphaned"] == 1
    assert store.oldest_pending_at() is None
    (row,) = store.outbox.undelivered()
    assert row.status == "orphaned" and "slack:CGONE" in (row.last_error or "")
    assert sink.sent == []


async def test_retry_one_alert_reopens_it_and_leaves_others_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    first = store.add_alert(dedupe_key="1", kind="finding", label="DENIAL", title="a", sinks=["slack:CNOW"], now=NOW)
    second = store.add_alert(dedupe_key="2", kind="finding", label="DENIAL", title="b", sinks=["slack:CNOW"], now=NOW)
    assert first is not None and second is not None
    refused = [DeliveryError("slack CNOW: channel_not_found", permanent=True) for _ in range(2)]
    sink = Sink(refused)
    outbox = Outbox(store, [sink])  # real clock: retry makes the delivery due now
    await outbox.deliver_due()
    assert store.outbox_counts()["failed"] == 2
    config = tmp_path / "c.toml"
    config.write_text(f'[store]\npath = "{db}"\n', encoding="utf-8")

    assert main(["--config", str(config), "outbox", "retry", str(second.id)]) == 0
    assert "1 delivery queued again" in capsys.readouterr().out
    await outbox.deliver_due()
    assert sink.sent == [second.id]
    assert [(r.alert_id, r.status) for r in store.outbox.undelivered()] == [(first.id, "failed")]
    assert main(["--config", str(config), "outbox", "retry", "999"]) == 1
    assert main(["--config", str(config), "outbox", "retry"]) == 1
    assert "give an alert ID or --all-failed" in capsys.readouterr().err
    store.close()
