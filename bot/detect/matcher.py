"""Term patterns and the Aho-Corasick automatons that find them.

Pattern syntax (documented for rule authors in rules/README.md):
    words separated by spaces, matched as whole words after folding (see `textprep`)
    {a,b,}   one of the alternatives; an empty alternative makes the slot optional
    word*    any word starting with "word" (only on the last word of a pattern)
    _year_   any year 1900-2099

Two automatons are built per rule set:
* the prefilter automaton holds only the topic families (plus exclusions and anaphora) and runs over the
  whole folded article, then over each of its sentences; if no sentence can be on topic, classification
  stops there (this is what makes the detector fast);
* the sentence automaton holds every family plus every gazetteer alias and runs over candidate sentences.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found,unused-ignore]

from bot.detect.gazdata import Alias
from bot.detect.textprep import YEAR_TOKEN, Token, fold_term, token_string

MAX_VARIANTS = 5000
_ALT = re.compile(r"\{([^{}]*)\}")


class PatternError(ValueError):
    """A pattern does not follow the syntax; the message says what is wrong."""


def expand(pattern: str) -> list[tuple[str, bool]]:
    """All folded variants of a pattern, each with a flag saying its last word is a prefix.

    >>> expand("reached {a,the,} deal*")
    [('reached a deal', True), ('reached the deal', True), ('reached deal', True)]
    """
    if not pattern.strip():
        raise PatternError("empty pattern")
    if pattern.count("{") != pattern.count("}") or re.search(r"\{[^}]*\{", pattern):
        raise PatternError(f"unbalanced or nested braces in {pattern!r}")
    prefix = pattern.rstrip().endswith("*")
    body = pattern.rstrip()[:-1] if prefix else pattern
    if "*" in body:
        raise PatternError(f"'*' may only end the last word, in {pattern!r}")
    parts = _ALT.split(body)
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    count = 1
    for c in choices:
        count *= len(c)
    if count > MAX_VARIANTS:
        raise PatternError(f"{pattern!r} expands to {count} variants (limit {MAX_VARIANTS})")
    out: dict[str, bool] = {}
    for combo in itertools.product(*choices):
        folded = fold_term("".join(combo))
        if folded:
            out[folded] = prefix
    if not out:
        raise PatternError(f"{pattern!r} matches nothing after folding")
    if prefix and any(k.endswith(YEAR_TOKEN) for k in out):
        raise PatternError(f"'*' cannot follow _year_ in {pattern!r}")
    return list(out.items())


@dataclass(frozen=True, slots=True)
class Hit:
    """A family term found at tokens [start, end)."""

    family: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AliasHit:
    """A gazetteer alias found at tokens [start, end); `aliases` lists what it may name."""

    aliases: tuple[Alias, ...]
    start: int
    end: int


# Payload kinds stored in the automaton values.
_FAMILY, _EXCEPT, _ALIAS = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: int
    name: str
    prefix: bool
    aliases: tuple[Alias, ...] = ()


def _build(entries: Mapping[str, list[_Entry]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, payloads in entries.items():
        automaton.add_word(key, (len(key), tuple(payloads)))
    automaton.make_automaton()
    return automaton


def _build_prefilter(entries: Mapping[str, list[_Entry]]) -> ahocorasick.Automaton:
    """Like `_build`, but each key only carries (length, exact families, prefix families): the hot loop of
    `Matcher.families_in` then does two set unions per hit and nothing else."""
    automaton = ahocorasick.Automaton()
    for key, payloads in entries.items():
        exact = frozenset(e.name for e in payloads if not e.prefix)
        prefix = frozenset(e.name for e in payloads if e.prefix)
        automaton.add_word(key, (len(key), exact, prefix))
    automaton.make_automaton()
    return automaton


def _scan(automaton: ahocorasick.Automaton, text: str) -> Iterable[tuple[int, int, _Entry]]:
    """Yield (start_char, last_char, entry) for whole-word matches in a space-separated string."""
    n = len(text)
    for end, (length, payloads) in automaton.iter(text):
        start = end - length + 1
        if start > 0 and text[start - 1] != " ":
            continue
        right_ok = end + 1 == n or text[end + 1] == " "
        for entry in payloads:
            if entry.prefix:
                stop = text.find(" ", end)
                yield start, (n - 1 if stop < 0 else stop - 1), entry
            elif right_ok:
                yield start, end, entry


class Matcher:
    """Finds family terms and gazetteer aliases in sentences, and runs the article prefilter."""

    def __init__(
        self,
        families: Mapping[str, tuple[list[str], list[str]]],
        aliases: Mapping[str, list[Alias]],
        prefilter_families: Iterable[str],
    ) -> None:
        """`families` maps name -> (patterns, except patterns); patterns must already be valid.

        `prefilter_families` go into the cheap prefilter automaton as well (see `families_in`).
        """
        entries: dict[str, list[_Entry]] = {}
        pre: dict[str, list[_Entry]] = {}
        topic = set(prefilter_families)
        for name, (patterns, excepts) in families.items():
            for pattern in patterns:
                for key, prefix in expand(pattern):
                    entries.setdefault(key, []).append(_Entry(_FAMILY, name, prefix))
                    if name in topic:
                        pre.setdefault(key, []).append(_Entry(_FAMILY, name, prefix))
            for pattern in excepts:
                for key, prefix in expand(pattern):
                    entries.setdefault(key, []).append(_Entry(_EXCEPT, name, prefix))
        for key, meaning in aliases.items():
            entries.setdefault(key, []).append(_Entry(_ALIAS, key, False, tuple(meaning)))
        self._sentence = _build(entries)
        self._prefilter = _build_prefilter(pre) if pre else None

    def families_in(self, folded_article: str) -> set[str]:
        """Prefilter families present anywhere in a text folded with `textprep.fold`.

        A superset of what `match` finds for the same text (it ignores `except` phrases), so a text that
        lacks a family here cannot have it in the sentence pass either.
        """
        found: set[str] = set()
        if self._prefilter is None:
            return found
        text = folded_article
        last = len(text) - 1
        for end, (length, exact, prefix) in self._prefilter.iter(text):
            start = end - length + 1
            if start > 0 and text[start - 1] != " ":
                continue
            found |= prefix
            if end == last or text[end + 1] == " ":
                found |= exact
        return found

    def match(self, tokens: list[Token]) -> tuple[list[Hit], list[AliasHit]]:
        """Family hits (longest per family where they overlap, minus `except` phrases) and alias hits."""
        text, starts = token_string(tokens)
        found: list[Hit] = []
        excepts: list[Hit] = []
        alias_hits: list[AliasHit] = []
        for start_char, last_char, entry in _scan(self._sentence, text):
            start = bisect_right(starts, start_char) - 1
            end = bisect_right(starts, last_char)
            if entry.kind == _ALIAS:
                alias_hits.append(AliasHit(entry.aliases, start, end))
            elif entry.kind == _EXCEPT:
                excepts.append(Hit(entry.name, start, end))
            else:
                found.append(Hit(entry.name, start, end))
        if excepts:
            found = [
                h
                for h in found
                if not any(e.family == h.family and e.start < h.end and h.start < e.end for e in excepts)
            ]
        return _longest_per_family(found), alias_hits


def _longest_per_family(hits: list[Hit]) -> list[Hit]:
    """Drop a hit covered by a longer overlapping hit of the same family ("safe third country agreement")."""
    hits.sort(key=lambda h: (h.family, h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if out and out[-1].family == h.family and h.start < out[-1].end:
            prev = out[-1]
            if h.end - h.start > prev.end - prev.start:
                out[-1] = h
            continue
        out.append(h)
    out.sort(key=lambda h: (h.start, h.end))
    return out
