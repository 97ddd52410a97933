"""Countries, their names in English and Spanish, demonyms, capitals, officials and institutions.

Two consumers:
* users: `resolve_country("hondras")` -> "HN" for `/agreements <country>`; `country_name("XK")` -> "Kosovo".
* the detector: `Gazetteer.text_aliases` feeds the shared Aho-Corasick automaton (see `matcher.py`), so a
  sentence's country mentions are found in the same pass as the rule vocabulary.

Data comes from pycountry (every ISO 3166-1 country) plus the curated files in `bot/detect/data/`.
Loading takes ~50 ms, so `default_gazetteer()` builds it lazily once per process (not at import time).
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process

from bot.detect.gazdata import KOSOVO, Alias, GazetteerData, build_data
from bot.detect.textprep import fold_term
from bot.errors import LookupFailed

__all__ = ["Alias", "Gazetteer", "country_name", "default_gazetteer", "resolve_country"]

_ACCEPT = 80.0  # fuzzy score needed to accept a typo ("hondras" -> "honduras" scores 93)
_MARGIN = 4.0  # ...and by how much it must beat the best other country
_SUGGEST = 60.0  # fuzzy score needed to be offered as a suggestion
_WITH_CODE = re.compile(r"^(.*?)\s*\(\s*([A-Za-z]{2})\s*\)\s*$")


class Gazetteer:
    """Country names and aliases, with user-facing lookup."""

    def __init__(self, data: GazetteerData) -> None:
        self._data = data
        self._keys = sorted(data.lookup)

    @property
    def text_aliases(self) -> dict[str, list[Alias]]:
        """Folded alias -> what it may name in running text (countries, officials, blocked phrases)."""
        return self._data.text_aliases

    @property
    def codes(self) -> frozenset[str]:
        """Every known alpha-2 code (pycountry's plus XK)."""
        return frozenset(self._data.names)

    def name(self, code: str) -> str:
        """English common name for an alpha-2 code; the code itself when unknown (safe for rendering)."""
        return self._data.names.get(code.strip().upper(), code)

    def label(self, code: str) -> str:
        """'Honduras (HN)': how suggestions are shown; `resolve` accepts this form back."""
        return f"{self.name(code)} ({code})"

    def resolve(self, query: str) -> str:
        """Alpha-2 code for a code, name, demonym or capital, in English or Spanish, typos tolerated.

        Raises LookupFailed (never anything else) when the input is unknown or ambiguous; its
        `suggestions` then holds up to three 'Name (CODE)' strings the user probably meant.
        """
        if not isinstance(query, str):
            raise LookupFailed(repr(query), [])
        raw = query.strip()
        with_code = _WITH_CODE.match(raw)
        if with_code and with_code.group(2).upper() in self._data.names:
            return with_code.group(2).upper()
        key = fold_term(raw)
        if not key:
            raise LookupFailed(query, [])
        if key in self._data.ambiguous:
            raise LookupFailed(query, [self.label(c) for c in self._data.ambiguous[key]])
        codes = self._data.lookup.get(key)
        if codes and len(codes) == 1:
            return next(iter(codes))
        if codes:
            raise LookupFailed(query, [self.label(c) for c in sorted(codes)])
        compact = key.replace(" ", "").upper()
        if len(compact) == 2 and compact in self._data.names:
            return compact
        if len(compact) == 3 and compact in self._data.alpha3:
            return self._data.alpha3[compact]
        return self._fuzzy(query, key)

    def _fuzzy(self, query: str, key: str) -> str:
        """Best fuzzy match if it is clearly the best country; otherwise fail with suggestions."""
        best: dict[str, float] = {}
        for cand, score, _ in process.extract(key, self._keys, scorer=fuzz.ratio, limit=25):
            for code in self._data.lookup[cand]:
                best[code] = max(best.get(code, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and len(key) >= 4:
            top_code, top = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if top >= _ACCEPT and top - runner_up >= _MARGIN:
                return top_code
        suggestions = [self.label(c) for c, s in ranked[:3] if s >= _SUGGEST]
        raise LookupFailed(query, suggestions)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer(build_data())


def resolve_country(query: str) -> str:
    """Alpha-2 code for user input such as "HN", "HND", "Honduras", "hondureño", "hondras", "Kosovo" (XK).

    Raises `LookupFailed(query, suggestions)` for unknown or ambiguous input, never another exception.
    """
    try:
        return default_gazetteer().resolve(query)
    except LookupFailed:
        raise
    except Exception as exc:
        raise LookupFailed(str(query), []) from exc


def country_name(code: str) -> str:
    """English common name for an alpha-2 code ("XK" -> "Kosovo"); unknown codes are returned unchanged."""
    return default_gazetteer().name(code) if code != KOSOVO else "Kosovo"
