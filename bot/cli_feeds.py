"""Plain-text table of feed health for `stcwatch feeds`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.models import FeedState
from bot.store.repo import FeedSpec
from bot.store.timefmt import utcnow


def configured_feeds(specs: Sequence[FeedSpec], stored: Sequence[FeedState]) -> list[FeedState]:
    """The config's feeds in config order, each with the store's fetch state for its URL (none: new).

    Computed, not synced: `stcwatch feeds` with another config must not switch the running bot's feeds off.
    """
    by_url = {f.url: f for f in stored}
    out: list[FeedState] = []
    for i, spec in enumerate(specs):
        known = by_url.get(spec.url)
        if known is None:
            out.append(FeedState(id=-(i + 1), name=spec.name, url=spec.url, interval=int(spec.interval),
                                 lang=spec.lang))  # fmt: skip
        else:
            out.append(replace(known, name=spec.name, lang=spec.lang))
    return out


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 90:
        text = f"{seconds}s"
    elif seconds < 5400:
        text = f"{seconds // 60}m"
    elif seconds < 172800:
        text = f"{seconds // 3600}h"
    else:
        text = f"{seconds // 86400}d"
    return f"in {text}" if future else f"{text} ago"


def feeds_table(feeds: Sequence[FeedState], outbox: dict[str, int], *, now: datetime | None = None) -> str:
    """One line per feed: name, status, last fetch and how long it took, failure streak, next poll; then
    the outbox. A feed that takes seconds is started first in the next cycle, in the slow lane."""
    now = now or utcnow()
    header = ("FEED", "STATUS", "LAST FETCH", "TOOK", "FAILS", "NEXT POLL")
    rows = [
        (
            f.name[:48],
            f.last_status or "new",
            _ago(f.last_fetch_at, now),
            "-" if f.last_fetch_seconds is None else f"{f.last_fetch_seconds:.1f}s",
            str(f.error_streak),
            "now" if f.next_poll_at is None or f.next_poll_at <= now else _ago(f.next_poll_at, now),
        )
        for f in feeds
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    if not feeds:
        lines = ['no feeds configured: add [[feeds]] tables to the config (see "Adding a feed" in the README)']
    for f in feeds:
        if f.last_error:
            lines.append(f"! {f.name}: {f.last_error}")
    lines.append(
        f"outbox: {outbox.get('pending', 0)} pending, {outbox.get('delivered', 0)} delivered, "
        f"{outbox.get('failed', 0)} failed" + (f", {outbox['orphaned']} orphaned" if outbox.get("orphaned") else "")
        + (" (see `stcwatch outbox`)" if outbox.get("failed") else "")
    )
    return "\n".join(lines)
