"""Keeps each country's agreement status current as findings arrive, and alerts on status changes.

Status is always recomputed by the pure engine (`bot.tracker.status`) from the baseline plus the
country's newest signal findings, then cached in the store so the overview is one indexed read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime

from bot.models import Alert, Finding, Label
from bot.service.notify import Outbox
from bot.store import Store
from bot.store.timefmt import utcnow
from bot.store.tracking import BaselineRow, FindingRow
from bot.tracker.statements import KIND_FOR_LABEL, CountryStatus, Kind, Statement
from bot.tracker.status import country_status

log = logging.getLogger(__name__)

# Newest signal findings per country that feed the status engine. The current episode is decided by
# recent statements; older findings stay in the store.
FINDINGS_WINDOW = 300
SIDE_LIMIT = 3


def baseline_row(s: Statement) -> BaselineRow:
    """A baseline statement as the store keeps it."""
    return BaselineRow(
        s.country,
        s.counterpart,
        str(s.kind),
        s.date.isoformat(),
        s.date_precision,
        s.actor,
        s.summary,
        s.source_url,
        s.outlet,
    )


def row_statement(r: BaselineRow) -> Statement:
    """Back from the store to a Statement."""
    return Statement(
        country=r.country,
        counterpart=r.counterpart,
        kind=Kind(r.kind),
        date=date.fromisoformat(r.date),
        date_precision="day" if r.date_precision == "day" else "month" if r.date_precision == "month" else "year",
        actor=r.actor,
        summary=r.summary,
        source_url=r.source_url,
        outlet=r.outlet,
        origin="baseline",
    )


def _clip(text: str, size: int = 240) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def signal_statement(r: FindingRow) -> Statement:
    """A stored signal finding as a timeline statement (dated by publication, else discovery)."""
    label = Label(r.label)
    outlet = r.feed or "news feed"
    return Statement(
        country=r.country,
        counterpart="",
        kind=KIND_FOR_LABEL[label],
        date=(r.published or r.found_at).date(),
        date_precision="day",
        actor=r.speaker or f"reported by {outlet}",
        summary=_clip(r.evidence),
        source_url=r.url,
        outlet=outlet,
        origin="finding",
        label=label,
        article_title=r.title,
        outlets_count=max(r.outlets, 1),
    )


def side(statements: Sequence[Statement]) -> list[dict[str, object]]:
    """One side of a status change, as stored in the alert (newest first, a few entries)."""
    return [
        {
            "actor": s.actor,
            "summary": s.summary,
            "date": s.when,
            "url": s.source_url,
            "outlet": s.outlet,
            "kind": str(s.kind),
        }
        for s in statements[:SIDE_LIMIT]
    ]


class Tracker:
    """Computes, caches and announces country statuses."""

    def __init__(
        self,
        store: Store,
        outbox: Outbox,
        *,
        clock: Callable[[], datetime] = utcnow,
        episode_gap_days: int = 180,
        baseline: Sequence[Statement] | None = None,
    ) -> None:
        """`baseline` given: read it from memory, not the store (a read-only store cannot be loaded)."""
        self._store = store
        self._outbox = outbox
        self._clock = clock
        self._gap = episode_gap_days
        self._baseline: dict[str, list[Statement]] | None = None
        if baseline is not None:
            self._baseline = {}
            for s in baseline:
                self._baseline.setdefault(s.country, []).append(s)

    def load_baseline(self, statements: Sequence[Statement]) -> None:
        """Put the reviewed baseline in the store (idempotent) and refresh every cached status silently."""
        with self._store.transaction():
            changed = self._store.tracking.replace_baseline([baseline_row(s) for s in statements])
            now = self._clock()
            for country in self._store.tracking.countries_with_statements():
                status = self.compute(country)
                if changed or self._store.tracking.status(country) is None:
                    self._save(status, now)
        if changed:
            log.info("baseline loaded", extra={"statements": len(statements)})

    def statements(self, country: str) -> list[Statement]:
        """Baseline plus the newest signal findings for one country."""
        tracking = self._store.tracking
        if self._baseline is not None:
            baseline = list(self._baseline.get(country, []))
        else:
            baseline = [row_statement(r) for r in tracking.baseline(country)]
        findings = [signal_statement(r) for r in tracking.findings(country, limit=FINDINGS_WINDOW, signals_only=True)]
        return baseline + list(reversed(findings))

    def countries(self) -> list[str]:
        """Every country in the baseline or with a signal finding."""
        if self._baseline is None:
            return self._store.tracking.countries_with_statements()
        return sorted(set(self._baseline) | set(self._store.tracking.signal_countries()))

    def compute(self, country: str) -> CountryStatus:
        """The country's status as of today (pure engine over stored statements)."""
        return country_status(
            self.statements(country), today=self._clock().date(), episode_gap_days=self._gap, country=country
        )

    def _save(self, status: CountryStatus, now: datetime) -> None:
        self._store.tracking.save_status(status.country, str(status.status), status.reason, status.since, now=now)

    def on_findings(self, fresh: list[tuple[int, Finding]], now: datetime) -> list[Alert]:
        """Hook for the poller: recompute touched countries; queue an alert for every status change."""
        alerts: list[Alert] = []
        touched: dict[str, int] = {}
        for article_id, finding in fresh:
            if finding.label.is_signal:
                touched[finding.country] = max(article_id, touched.get(finding.country, 0))
        for country, article_id in sorted(touched.items()):
            before = self._store.tracking.status(country)
            after = self.compute(country)
            self._save(after, now)
            old = before.status if before else "none"
            if old == str(after.status):
                continue
            alert = self._queue_change(country, old, after, article_id, now)
            if alert is not None:
                alerts.append(alert)
        return alerts

    def _queue_change(
        self, country: str, old: str, after: CountryStatus, article_id: int, now: datetime
    ) -> Alert | None:
        from bot.detect.gazetteer import country_name

        new = str(after.status)
        trigger = next((s for s in after.episode if s.origin == "finding"), None)
        alert = self._store.add_alert(
            dedupe_key=f"status:{country}:{article_id}:{old}->{new}",
            kind="status_change",
            label="STATUS_CHANGE",
            country=country,
            title=f"{country_name(country)}: {old} -> {new}",
            url=trigger.source_url if trigger else None,
            feed=trigger.outlet if trigger else None,
            rule=None,
            evidence=after.reason,
            extra={
                "old": old,
                "new": new,
                "reason": after.reason,
                "for": side(after.claims),
                "against": side(after.denials),
            },
            sinks=self._outbox.sinks_for(kind="status_change", label="STATUS_CHANGE", country=country),
            now=now,
        )
        if alert is not None:
            log.info("status changed", extra={"country": country, "old": old, "new": new, "alert_id": alert.id})
        return alert
