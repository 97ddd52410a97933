"""When to poll a feed next: jittered interval, exponential backoff on failure, Retry-After respected.

Pure (the random source is injectable) so the poll service can be tested without waiting.
"""

from __future__ import annotations

import random

__all__ = ["next_poll_delay"]

_MAX_DOUBLINGS = 62  # beyond this any sane interval is past max_backoff; avoids float overflow


def next_poll_delay(
    interval: float,
    *,
    error_streak: int,
    retry_after: float | None,
    jitter: float = 0.1,
    max_backoff: float = 6 * 3600,
    rng: random.Random | None = None,
) -> float:
    """Seconds until the next poll.

    Jitter (a fraction of the delay, either way) spreads polls of many feeds so they do not fire together.
    After `error_streak` consecutive failures the delay is interval * 2**(streak-1), capped at max_backoff,
    so a dead feed costs little but is retried. A server's Retry-After is a floor, also capped at max_backoff
    so a hostile header cannot park a feed for years.
    """
    if interval <= 0:
        raise ValueError(f"interval must be positive, got {interval}")
    if not 0 <= jitter < 1:
        raise ValueError(f"jitter must be in [0, 1), got {jitter}")
    if max_backoff <= 0:
        raise ValueError(f"max_backoff must be positive, got {max_backoff}")
    spread = (rng or random).uniform(-jitter, jitter) if jitter else 0.0
    if error_streak <= 0:
        delay = interval * (1 + spread)
    else:
        base = min(interval * 2.0 ** min(error_streak - 1, _MAX_DOUBLINGS), max_backoff)
        delay = min(base * (1 + spread), max_backoff)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, max_backoff))
    return delay
