"""Keeps each country's agreement status current as findings arrive, and alerts on status changes.

Status is always recomputed by the pure engine (`bot.tracker.status`) from the baseline plus the
country's newest signal findings, then cached in the store so the overview is one indexed read. The
cache is never trusted blindly: storing a finding marks its country stale (a backlog too), and the
overview recomputes stale rows and rows computed before today (the engine answers "as of today").
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
from bot.tracker.dealtypes import DealType, guess_deal_type
from bot.tracker.statements import KIND_FOR_LABEL, CountryStatus, Effect, Kind, Statement
from bot.tracker.status import country_status

log = logging.getLogger(__name__)

DEAL_TYPE_VALUES = frozenset(d.value for d in DealType)

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
        str(s.deal_type or DealType.OTHER),
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
        reviewed=True,
        deal_type=DealType(r.deal_type) if r.deal_type in DEAL_TYPE_VALUES else DealType.OTHER,
    )


def _clip(text: str, size: int = 240) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def signal_statement(r: FindingRow) -> Statement | None:
    """A stored finding as a timeline statement (dated by publication, else discovery), or None when a
    reviewer rejected it as no signal. A reviewed finding (accepted, or relabelled) is a reviewed statement."""
    effective = r.effective_label
    if effective is None:
        return None
    label = Label(effective)
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
        reviewed=r.review is not None,
        deal_type=guess_deal_type(r.evidence, r.title),
        finding_id=r.finding_id,
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
            "reviewed": bool(s.reviewed),
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
        rows = tracking.findings(country, limit=FINDINGS_WINDOW, signals_only=True)
        findings = [s for s in map(signal_statement, rows) if s is not None and s.effect is not Effect.NEUTRAL]
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
        self._store.tracking.save_status(
            status.country, str(status.status), status.reason, status.since, now=now,
            deal_type=str(status.deal_type) if status.deal_type else None,
        )

    def refreshed(self, country: str, now: datetime) -> CountryStatus:
        """Compute and cache one country's status (the overview refreshes stale rows with it)."""
        status = self.compute(country)
        self._save(status, now)
        return status

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
            old = before.status if before else "none"  # the last status saved (what the team was last told)
            if old == str(after.status):
                continue
            key = f"status:{country}:{article_id}:{old}->{after.status}"
            alert = self._queue_change(country, old, after, now, dedupe_key=key)
            if alert is not None:
                alerts.append(alert)
        return alerts

    def on_review(
        self, country: str, before: CountryStatus, *, finding_id: int, reviewed_by: str, now: datetime
    ) -> tuple[CountryStatus, Alert | None]:
        """Hook for a stored review: recompute COUNTRY; a status change is an alert saying who reviewed.

        `before` is the status computed just before the review was written.
        """
        after = self.compute(country)
        self._save(after, now)
        old = str(before.status)
        if old == str(after.status):
            return after, None
        key = f"status:{country}:review:{finding_id}:{now.isoformat()}:{old}->{after.status}"
        return after, self._queue_change(country, old, after, now, dedupe_key=key, reviewed_by=reviewed_by)

    def _queue_change(
        self,
        country: str,
        old: str,
        after: CountryStatus,
        now: datetime,
        *,
        dedupe_key: str,
        reviewed_by: str | None = None,
    ) -> Alert | None:
        from bot.detect.gazetteer import country_name

        new = str(after.status)
        trigger = next((s for s in after.episode if s.origin == "finding"), None)
        extra: dict[str, object] = {
            "old": old,
            "new": new,
            "reason": after.reason,
            "for": side(after.claims),
            "against": side(after.denials),
        }
        evidence = after.reason
        if reviewed_by is not None:
            extra["reviewed_by"] = reviewed_by
            evidence = f"{after.reason} (after a review by {reviewed_by})"
        alert = self._store.add_alert(
            dedupe_key=dedupe_key,
            kind="status_change",
            label="STATUS_CHANGE",
            country=country,
            title=f"{country_name(country)}: {old} -> {new}",
            url=trigger.source_url if trigger else None,
            feed=trigger.outlet if trigger else None,
            rule=None,
            evidence=evidence,
            extra=extra,
            sinks=self._outbox.sinks_for(kind="status_change", label="STATUS_CHANGE", country=country),
            now=now,
        )
        if alert is not None:
            log.info("status changed", extra={"country": country, "old": old, "new": new, "alert_id": alert.id})
        return alert
