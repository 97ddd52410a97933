"""What kind of arrangement a statement is about.

"Confirmed" alone lumps together very different things: a formal safe third country agreement (Canada,
Paraguay), transit "bridge" arrangements (Panama, Costa Rica), paid prison custody (El Salvador) and the
custody of a handful of deportees (Eswatini, South Sudan). Every baseline entry names its deal type
(reviewed); a finding's type is guessed from its words and shown as unreviewed, or left unknown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from typing import Final, Protocol


class DealType(StrEnum):
    """The kinds of arrangement the tracker distinguishes; values are the strings in data/baseline.toml."""

    SAFE_THIRD_COUNTRY = "safe_third_country"  # safe third country / asylum cooperation agreement
    DEPORTATION = "deportation"  # third-country deportation or removal
    TRANSIT = "transit"  # transit or "bridge" arrangement (people pass through on their way elsewhere)
    DETENTION = "detention"  # detention or custody (prisons, holding centres)
    OTHER = "other"


DEAL_TYPE_NAMES: Final = {
    DealType.SAFE_THIRD_COUNTRY: "safe third country / asylum cooperation agreement",
    DealType.DEPORTATION: "third-country deportation or removal",
    DealType.TRANSIT: "transit or bridge arrangement",
    DealType.DETENTION: "detention or custody",
    DealType.OTHER: "other",
}


def parse_deal_type(text: str) -> DealType:
    """A deal type from its value or a few friendly spellings ("stc", "bridge", "custody"); ValueError if none."""
    key = text.strip().casefold().replace("-", "_").replace(" ", "_")
    found = _ALIASES.get(key)
    if found is None:
        allowed = ", ".join(d.value for d in DealType)
        raise ValueError(f"{text!r} is not a deal type ({allowed})")
    return found


_ALIASES: Final[dict[str, DealType]] = {d.value: d for d in DealType} | {
    "stc": DealType.SAFE_THIRD_COUNTRY,
    "aca": DealType.SAFE_THIRD_COUNTRY,
    "asylum": DealType.SAFE_THIRD_COUNTRY,
    "removal": DealType.DEPORTATION,
    "deportations": DealType.DEPORTATION,
    "bridge": DealType.TRANSIT,
    "custody": DealType.DETENTION,
    "prison": DealType.DETENTION,
}

# Cue words for guessing a finding's deal type, most specific first (a prison deal also deports people).
_CUES: Final[Sequence[tuple[DealType, re.Pattern[str]]]] = (
    (DealType.DETENTION, re.compile(r"\b(prison|jail|cecot|detention|custody|carcel|penitenciari\w*|reclusion)")),
    (DealType.TRANSIT, re.compile(r"\b(bridge|transit|puente|transito)\b")),
    (
        DealType.SAFE_THIRD_COUNTRY,
        re.compile(r"(safe third countr|tercer pais seguro|asylum cooperati|cooperacion en (materia de )?asilo)"),
    ),
    (DealType.DEPORTATION, re.compile(r"\b(deport\w*|remov\w*|expuls\w*)")),
)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def guess_deal_type(*texts: str | None) -> DealType | None:
    """The deal type a finding's own words point to, or None when they name none (machine read, unreviewed)."""
    folded = _fold(" ".join(t for t in texts if t))
    for deal, pattern in _CUES:
        if pattern.search(folded):
            return deal
    return None


class _Typed(Protocol):
    @property
    def deal_type(self) -> DealType | None: ...

    @property
    def reviewed(self) -> bool | None: ...


def prevailing_deal_type(newest_first: Sequence[_Typed]) -> DealType | None:
    """The deal type of a country's current episode: its newest reviewed typed statement, else its newest typed one."""
    typed = [s for s in newest_first if s.deal_type is not None]
    reviewed = [s for s in typed if s.reviewed]
    pick = reviewed[0] if reviewed else typed[0] if typed else None
    return pick.deal_type if pick is not None else None
