"""A country named only as a place (a border, a frontier) is not a party to the deal."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify
from bot.detect.rules import load_ruleset

RULES = load_ruleset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Costa Rica's government said it will take in 150 migrants from other countries deported by the "
            "United States, housing them at a camp near the Panama border.",
            {("CONFIRMED", "CR")},
        ),
        (
            "El gobierno de Costa Rica confirmó que recibirá a migrantes de terceros países deportados por "
            "Estados Unidos en un albergue cerca de la frontera con Panamá.",
            {("CONFIRMED", "CR")},
        ),
        (
            "Panama denied on Monday that it had agreed to become a safe third country for the United States.",
            {("DENIAL", "PA")},
        ),
    ],
)
def test_border_places_are_not_parties(text: str, expected: set[tuple[str, str]]) -> None:
    got = {(str(f.label), f.country) for f in classify(RULES, text) if f.label.is_signal}
    assert got == expected
