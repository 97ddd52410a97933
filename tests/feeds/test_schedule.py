"""schedule: jittered intervals, exponential backoff with a cap, Retry-After as a floor."""

from __future__ import annotations

import random

import pytest

from bot.feeds.schedule import next_poll_delay


def test_no_jitter_gives_the_interval_exactly() -> None:
    assert next_poll_delay(600, error_streak=0, retry_after=None, jitter=0) == 600


def test_jitter_stays_within_fraction_and_actually_spreads() -> None:
    rng = random.Random(1234)
    delays = [next_poll_delay(600, error_streak=0, retry_after=None, rng=rng) for _ in range(500)]
    assert all(540 <= d <= 660 for d in delays)
    assert max(delays) - min(delays) > 100  # not a constant
    assert abs(sum(delays) / len(delays) - 600) < 10


def test_seeded_rng_is_reproducible() -> None:
    a = next_poll_delay(300, error_streak=0, retry_after=None, rng=random.Random(7))
    b = next_poll_delay(300, error_streak=0, retry_after=None, rng=random.Random(7))
    assert a == b != 300


@pytest.mark.parametrize(("streak", "expected"), [(1, 600), (2, 1200), (3, 2400), (4, 4800), (6, 19200)])
def test_backoff_doubles_per_failure(streak: int, expected: float) -> None:
    assert next_poll_delay(600, error_streak=streak, retry_after=None, jitter=0) == expected


def test_backoff_is_capped_even_with_jitter_and_huge_streaks() -> None:
    assert next_poll_delay(600, error_streak=7, retry_after=None, jitter=0) == 6 * 3600
    rng = random.Random(3)
    for streak in (8, 50, 10_000):
        assert next_poll_delay(600, error_streak=streak, retry_after=None, rng=rng) <= 6 * 3600
    assert next_poll_delay(60, error_streak=5, retry_after=None, jitter=0, max_backoff=300) == 300


def test_retry_after_is_a_floor() -> None:
    assert next_poll_delay(60, error_streak=1, retry_after=900, jitter=0) == 900
    assert next_poll_delay(600, error_streak=0, retry_after=30, jitter=0) == 600
    assert next_poll_delay(600, error_streak=0, retry_after=0, jitter=0) == 600


def test_retry_after_is_capped_at_max_backoff() -> None:
    assert next_poll_delay(60, error_streak=1, retry_after=10**9, jitter=0) == 6 * 3600
    assert next_poll_delay(60, error_streak=1, retry_after=10**9, jitter=0, max_backoff=1800) == 1800


@pytest.mark.parametrize(
    ("interval", "jitter", "max_backoff"),
    [(0, 0.1, 100.0), (-5, 0.1, 100.0), (60, 1.0, 100.0), (60, -0.1, 100.0), (60, 0.1, 0.0)],
)
def test_invalid_arguments_are_rejected(interval: float, jitter: float, max_backoff: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        next_poll_delay(interval, error_streak=0, retry_after=None, jitter=jitter, max_backoff=max_backoff)
