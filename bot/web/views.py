"""What each page shows, built from the same Query answers as `/agreements` (no second path for the facts).

`WebData` owns one store connection and calls it one request at a time from worker threads; the page
models it returns are plain data for the templates.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot.adapters.agreements_doc import AgreementsDoc, agreements_doc
from bot.models import Alert, FeedState
from bot.service.answers import DEAL_TYPES, STATUSES, CountryAnswer, NotFoundAnswer, OverviewAnswer, OverviewRow
from bot.service.query import Query
from bot.store import Store
from bot.web.svg import Region, TimelineChart, map_regions, timeline_chart, world_map

ALERTS_SHOWN = 10
# Contested first (two sides stand against each other), then the strongest claims, then the rest.
STATUS_ORDER = {s: n for n, s in enumerate(("contested", "claimed", "confirmed", "denied", "talks", "none"))}


def safe_href(url: str | None) -> str | None:
    """URL when it is http(s) and so safe as a link target; None for `javascript:`, `data:` and the like."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


@dataclass(frozen=True)
class Overview:
    """`/`: rows contested first, the map and the latest alerts; the filters as chosen."""

    rows: list[OverviewRow]
    regions: list[Region]
    alerts: list[Alert]
    status: str | None
    deal_type: str | None
    statuses: tuple[str, ...]
    deal_types: tuple[tuple[str, str], ...]
    error: str | None = None
    map_width: float = 0.0
    map_height: float = 0.0


class WebData:
    """The pages' queries on one read connection, serialised by a lock (aiohttp calls from threads)."""

    def __init__(self, store: Store, query: Query) -> None:
        self._store = store
        self._query = query
        self._lock = threading.Lock()

    def overview(self, *, status: str | None = None, deal_type: str | None = None) -> Overview:
        """Every tracked country (filtered by STATUS and DEAL_TYPE when given), contested first."""
        error = None
        status = status if status in STATUSES else None
        with self._lock:
            try:
                everything = self._query.overview()
                shown = self._query.overview(deal_type=deal_type) if deal_type else everything
            except ValueError as exc:  # unknown deal type: say so, show all
                error, deal_type, shown = str(exc), None, everything
            alerts = self._store.latest_alerts(limit=ALERTS_SHOWN)
        rows = [r for r in shown.rows if status is None or r.status == status]
        rows.sort(key=lambda r: STATUS_ORDER.get(r.status, len(STATUS_ORDER)))  # stable: newest change first within
        regions = map_regions({r.country: (r.name, r.status) for r in everything.rows})
        world = world_map()
        return Overview(
            rows, regions, alerts, status, deal_type, STATUSES, DEAL_TYPES, error, world.width, world.height
        )

    def country(self, name: str) -> CountryAnswer | NotFoundAnswer:
        """The answer `/agreements NAME` gives."""
        with self._lock:
            answer = self._query.agreements(name)
        assert not isinstance(answer, OverviewAnswer), "a name never yields the overview"
        return answer

    def api(self, country: str | None, *, deal_type: str | None = None) -> AgreementsDoc:
        """The `agreements [COUNTRY] --json` document. Raises ValueError for an unknown deal type."""
        with self._lock:
            return agreements_doc(self._query, country, deal_type=deal_type)

    def feeds(self) -> list[FeedState]:
        """Every active feed's fetch state."""
        with self._lock:
            return self._query.feed_health()


def chart(answer: CountryAnswer) -> TimelineChart | None:
    """The country's timeline as a chart."""
    return timeline_chart(answer.timeline)


def ago(when: datetime | None, now: datetime) -> str:
    """"3 min ago", "in 2 h": how far WHEN is from NOW, for feed health."""
    if when is None:
        return "never"
    seconds = (when - now).total_seconds()
    span = abs(seconds)
    text = f"{span:.0f} s" if span < 90 else f"{span / 60:.0f} min" if span < 5400 else f"{span / 3600:.1f} h"
    return f"in {text}" if seconds > 0 else f"{text} ago"
