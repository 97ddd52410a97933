"""Reviewing findings: a person says a machine read was right (accept) or wrong (reject, with the right label).

A review turns a machine-read statement into a reviewed one (or removes it), so the status engine may
then let it override other reviewed statements. Applying a review recomputes the country's status; a
change is a STATUS_CHANGE alert like any other, naming the reviewer. Platform-neutral: the CLI and the
chat adapters call `Reviewer.accept` / `Reviewer.reject`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.errors import StcwatchError
from bot.models import Alert
from bot.service.tracking import Tracker
from bot.store import Store
from bot.store.reviews import REVIEW_LABELS
from bot.store.timefmt import utcnow
from bot.store.tracking import FindingRow

log = logging.getLogger(__name__)

MAX_REVIEWER = 100  # characters of a reviewer's name kept


class ReviewError(StcwatchError):
    """A review that cannot be applied: unknown finding id, bad label, empty reviewer."""


@dataclass(frozen=True)
class ReviewOutcome:
    """What a review did: the finding as now stored, and the status change alert it caused, if any."""

    finding: FindingRow
    old_status: str
    new_status: str
    alert: Alert | None


class Reviewer:
    """Stores reviews and re-evaluates the reviewed finding's country."""

    def __init__(self, store: Store, tracker: Tracker, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._tracker = tracker
        self._clock = clock

    def queue(self, *, include_reviewed: bool = False) -> list[FindingRow]:
        """Unreviewed CLAIM/CONFIRMED/DENIAL findings, newest first (all of them with `include_reviewed`)."""
        return self._store.reviews.queue(include_reviewed=include_reviewed)

    def finding(self, finding_id: int) -> FindingRow:
        """One finding by id; ReviewError when there is none."""
        row = self._store.tracking.finding(finding_id)
        if row is None:
            raise ReviewError(f"no finding with id {finding_id}")
        return row

    def accept(self, finding_id: int, *, by: str) -> ReviewOutcome:
        """The finding's label is right."""
        return self._apply(finding_id, verdict="accepted", label=None, by=by)

    def reject(self, finding_id: int, *, by: str, label: str | None = None) -> ReviewOutcome:
        """The finding's label is wrong; LABEL is the right reading (None: no signal at all)."""
        if label is not None:
            label = label.strip().upper()
            if label not in REVIEW_LABELS:
                raise ReviewError(f"label must be one of {', '.join(REVIEW_LABELS)}, not {label!r}")
        return self._apply(finding_id, verdict="rejected", label=label, by=by)

    def _apply(self, finding_id: int, *, verdict: str, label: str | None, by: str) -> ReviewOutcome:
        reviewer = " ".join(by.split())[:MAX_REVIEWER]
        if not reviewer:
            raise ReviewError("a review needs the reviewer's name")
        now = self._clock()
        with self._store.transaction():
            found = self.finding(finding_id)
            before = self._tracker.compute(found.country)
            self._store.reviews.save(finding_id, verdict=verdict, label=label, by=reviewer, now=now)
            after, alert = self._tracker.on_review(
                found.country, before, finding_id=finding_id, reviewed_by=reviewer, now=now
            )
            stored = self.finding(finding_id)
        log.info(
            "finding reviewed",
            extra={"finding_id": finding_id, "verdict": verdict, "label": label, "reviewed_by": reviewer,
                   "country": found.country, "old": str(before.status), "new": str(after.status)},
        )
        return ReviewOutcome(stored, str(before.status), str(after.status), alert)


def verdict_text(outcome: ReviewOutcome) -> str:
    """One plain sentence for the edited alert: the verdict, the right label, the reviewer, any status change.

    The reviewer's name comes from the chat platform: adapters escape it like any other untrusted text.
    """
    f = outcome.finding
    if f.review == "accepted":
        text = f"Reviewed: correct ({f.label}), by {f.reviewed_by}"
    else:
        right = f.review_label if f.review_label not in (None, "IRRELEVANT") else "not a signal"
        text = f"Reviewed: wrong ({f.label} -> {right}), by {f.reviewed_by}"
    if outcome.old_status != outcome.new_status:
        text += f"; status {outcome.old_status} -> {outcome.new_status}"
    return text


class ReviewService(Protocol):
    """What chat adapters may do with reviews (blocking calls: run them in a worker thread)."""

    def accept(self, finding_id: int, *, by: str) -> ReviewOutcome:
        """The finding's label is right."""
        ...

    def reject(self, finding_id: int, *, by: str, label: str | None = None) -> ReviewOutcome:
        """The finding's label is wrong; LABEL is the right reading (None: no signal)."""
        ...


class LockedReviewer:
    """A Reviewer on a connection shared with other worker-thread callers, one call at a time (`lock`)."""

    def __init__(self, reviewer: Reviewer, lock: threading.Lock) -> None:
        self._reviewer = reviewer
        self._lock = lock

    def accept(self, finding_id: int, *, by: str) -> ReviewOutcome:
        """See Reviewer.accept."""
        with self._lock:
            return self._reviewer.accept(finding_id, by=by)

    def reject(self, finding_id: int, *, by: str, label: str | None = None) -> ReviewOutcome:
        """See Reviewer.reject."""
        with self._lock:
            return self._reviewer.reject(finding_id, by=by, label=label)
