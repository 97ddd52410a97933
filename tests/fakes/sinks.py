"""A sink that accepts every alert and must never be asked to send: for tests that only queue alerts."""

from __future__ import annotations


class Sink:
    name = "test"

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: object, *, possibly_sent: bool = False) -> None:  # pragma: no cover
        raise AssertionError
