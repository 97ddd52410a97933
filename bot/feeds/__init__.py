"""Feed ingestion: fetch (HTTP, limits, conditional GET), parse (bytes -> Articles), normalize, schedule."""

from __future__ import annotations

from bot.feeds.fetch import (
    DEFAULT_LIMITS,
    FetchLimits,
    FetchResult,
    fetch_feed,
    make_client,
    parse_retry_after,
)
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.schedule import next_poll_delay

__all__ = [
    "DEFAULT_LIMITS",
    "FetchLimits",
    "FetchResult",
    "ParsedFeed",
    "fetch_feed",
    "make_client",
    "next_poll_delay",
    "parse_feed",
    "parse_retry_after",
]
