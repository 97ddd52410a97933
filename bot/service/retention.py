"""`[store] keep_articles`: prune what a store no longer needs, so a bot running for years stays small.

Article text is the bulk of the store and is read only once, when the article is classified on arrival.
Bodies older than the retention are blanked and finished deliveries deleted, in small committed batches so
the poller and the chat answers never wait long for the store. Everything the tracker shows and everything
that stops a duplicate alert is kept (see bot.store.retention). SQLite reuses the freed pages, so the file
stops growing by the pruned text instead of shrinking (no VACUUM: it would rewrite the whole file).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.store import Store
from bot.store.timefmt import utcnow

log = logging.getLogger(__name__)

BATCH = 2000
PRUNE_EVERY = 6 * 3600.0


@dataclass(frozen=True)
class PruneReport:
    """What one pruning pass removed."""

    bodies: int
    deliveries: int


class Retention:
    """Prunes article bodies and finished deliveries older than `keep` seconds."""

    def __init__(
        self, store: Store, *, keep: float, clock: Callable[[], datetime] = utcnow, batch: int = BATCH
    ) -> None:
        self._store = store
        self._keep = timedelta(seconds=keep)
        self._clock = clock
        self._batch = batch

    async def prune(self) -> PruneReport:
        """One pass; yields to the event loop between batches."""
        cutoff = self._clock() - self._keep
        bodies = deliveries = 0
        while True:
            with self._store.transaction():
                step = self._store.retention.prune_bodies(cutoff, batch=self._batch)
            bodies += step
            await asyncio.sleep(0)
            if step < self._batch:
                break
        while True:
            with self._store.transaction():
                step = self._store.retention.prune_deliveries(cutoff, batch=self._batch)
            deliveries += step
            await asyncio.sleep(0)
            if step < self._batch:
                break
        if bodies or deliveries:
            log.info(
                "store pruned",
                extra={"article_bodies": bodies, "deliveries": deliveries, "before": cutoff.isoformat()},
            )
        return PruneReport(bodies, deliveries)
