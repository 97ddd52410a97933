"""One timestamp format for the store, so text comparison orders times correctly."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Aware UTC now; the only clock the store uses."""
    return datetime.now(UTC)


def to_db(value: datetime | None) -> str | None:
    """UTC ISO text with fixed precision (lexicographic order == time order)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(value: str | None) -> datetime | None:
    """Parse what `to_db` wrote."""
    if value is None:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
