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
from typing import NamedTuple

import ahocorasick  # type: ignore[import-not-found,unused-ignore]

from bot.detect.gazdata import Alias
from bot.detect.inflect import LANGS, lookup
from bot.detect.textprep import CLAUSE_TOKENS, YEAR_TOKEN, Token, fold_term, token_string

MAX_VARIANTS = 20000
_ALT = re.compile(r"\{([^{}]*)\}")


class PatternError(ValueError):
    """A pattern does not follow the syntax; the message says what is wrong."""


_LEMMA = re.compile(r"<(?:(en|es):)?([^<>\s:]+)((?:\s+-[^<>\s]+)*)>")


def lemma_keys(pattern: str) -> set[str]:
    """The "lang:lemma" keys a pattern's `<lemma>` slots name (untagged ones stand for both languages)."""
    out: set[str] = set()
    for lang, lemma, _ in _LEMMA.findall(pattern):
        out.update(f"{lg}:{lemma.lower()}" for lg in ((lang,) if lang else LANGS))
    return out


def tag_lemmas(pattern: str, lang: str | None) -> str:
    """Give untagged `<lemma>` slots the language of the list they stand in (`en`/`es`)."""
    if lang is None:
        return pattern
    return _LEMMA.sub(lambda m: f"<{m.group(1) or lang}:{m.group(2)}{m.group(3)}>", pattern)


def _lemma_forms(match: re.Match[str]) -> list[str]:
    lang, lemma = match.group(1), match.group(2)
    try:
        forms = {f for lg in ((lang,) if lang else LANGS) for f in lookup(lemma, lg)}
    except ValueError as exc:
        raise PatternError(str(exc)) from None
    # "<pactar -pacto -pactos>": forms that are other words too (the noun "pacto") are left out
    return sorted(forms - {fold_term(x) for x in match.group(3).split("-") if x.strip()})


def _words(text: str) -> list[list[str]]:
    """Choices for a brace-free run of words: a `<lemma>` word is one slot holding all its forms."""
    out: list[list[str]] = []
    pos = 0
    for m in _LEMMA.finditer(text):
        if text[pos : m.start()]:
            out.append([text[pos : m.start()]])
        out.append(_lemma_forms(m))
        pos = m.end()
    if text[pos:]:
        out.append([text[pos:]])
    return out


def _alternatives(group: str) -> list[str]:
    """The alternatives of one `{a,b,<lemma> c}` group, lemma slots spelled out."""
    alts: list[str] = []
    for alt in group.split(","):
        if "<" in alt:
            alts.extend("".join(c) for c in itertools.product(*_words(alt)))
        else:
            alts.append(alt)
    return alts


_GAP = re.compile(r"\s\.\.\.(\d+)\s")


def split_gap(pattern: str) -> tuple[str, int, str] | None:
    """`"<reject> ...4 {proposal,plan}"` -> ("<reject>", 4, "{proposal,plan}"): the second part within
    4 words after the first, in the same clause. None for a pattern without a gap."""
    parts = _GAP.split(pattern)
    if len(parts) == 1:
        return None
    if len(parts) != 3 or not parts[0].strip() or not parts[2].strip():
        raise PatternError(f"a gap is written 'first ...N second' (one gap), in {pattern!r}")
    gap = int(parts[1])
    if not 1 <= gap <= 12:
        raise PatternError(f"a gap must be 1 to 12 words, in {pattern!r}")
    return parts[0].strip(), gap, parts[2].strip()


def check_pattern(pattern: str) -> None:
    """Raise PatternError unless the pattern (gapped or not) is valid."""
    gapped = split_gap(pattern)
    for part in (gapped[0], gapped[2]) if gapped else (pattern,):
        expand(part)


def expand(pattern: str) -> list[tuple[str, bool]]:
    """All folded variants of a pattern, each with a flag saying its last word is a prefix.

    >>> expand("reached {a,the,} deal*")
    [('reached a deal', True), ('reached the deal', True), ('reached deal', True)]

    `<lemma>` (or `<es:lemma>`) stands for every inflected form of the word (see `inflect`).
    """
    if not pattern.strip():
        raise PatternError("empty pattern")
    if pattern.count("{") != pattern.count("}") or re.search(r"\{[^}]*\{", pattern):
        raise PatternError(f"unbalanced or nested braces in {pattern!r}")
    if pattern.count("<") != pattern.count(">") or len(_LEMMA.findall(pattern)) != pattern.count("<"):
        raise PatternError(f"a lemma is written <word> or <en:word>, in {pattern!r}")
    prefix = pattern.rstrip().endswith("*")
    body = pattern.rstrip()[:-1] if prefix else pattern
    if "*" in body:
        raise PatternError(f"'*' may only end the last word, in {pattern!r}")
    parts = _ALT.split(body)
    choices: list[list[str]] = []
    for i, p in enumerate(parts):
        if i % 2:
            choices.append(_alternatives(p))
        else:
            choices.extend(_words(p) if "<" in p else [[p]])
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


class _Payload(NamedTuple):
    """What one key of the sentence automaton stands for; the key has its word boundaries (" key " for a
    whole word, " key" for a prefix), so every hit the automaton reports is a real match."""

    length: int  # of the key, boundary spaces included
    words: int  # tokens a hit covers (a prefix's last word ends where the text's word ends)
    families: tuple[str, ...]
    excepts: tuple[str, ...]
    aliases: tuple[tuple[Alias, ...], ...]


def _build_sentence(entries: Mapping[str, list[_Entry]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, payloads in entries.items():
        for prefix in (False, True):
            group = [e for e in payloads if e.prefix is prefix]
            if group:
                bounded = f" {key}" if prefix else f" {key} "
                automaton.add_word(bounded, _payload(bounded, group))
    automaton.make_automaton()
    return automaton


def _payload(bounded: str, group: list[_Entry]) -> _Payload:
    families: list[str] = []
    excepts: list[str] = []
    aliases: list[tuple[Alias, ...]] = []
    for e in group:
        if e.kind == _ALIAS:
            aliases.append(e.aliases)
        else:
            (families if e.kind == _FAMILY else excepts).append(e.name)
    return _Payload(len(bounded), len(bounded.split()), tuple(families), tuple(excepts), tuple(aliases))


def _build_prefilter(entries: Mapping[str, list[_Entry]]) -> ahocorasick.Automaton:
    """Like `_build`, but word boundaries are part of the keys (" key " for a whole word, " key" for a
    prefix) and each key carries only the frozenset of its families, so `Matcher.families_in` needs no
    per-hit check: it collects the distinct payloads at C speed and unions them once."""
    keyed: dict[str, set[str]] = {}
    for key, payloads in entries.items():
        for e in payloads:
            keyed.setdefault(f" {key}" if e.prefix else f" {key} ", set()).add(e.name)
    automaton = ahocorasick.Automaton()
    for key, names in keyed.items():
        automaton.add_word(key, frozenset(names))
    automaton.make_automaton()
    return automaton


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
        self._gaps: list[tuple[str, str, str, int]] = []  # family, first part, second part, max gap
        for name, (patterns, excepts) in families.items():
            for n, pattern in enumerate(patterns):
                gapped = split_gap(pattern)
                parts = [(pattern, name)]
                if gapped is not None:
                    first, second = f"{name}#{n}<", f"{name}#{n}>"
                    self._gaps.append((name, first, second, gapped[1]))
                    parts = [(gapped[0], first), (gapped[2], second)]
                for part, label in parts:
                    for key, prefix in expand(part):
                        entries.setdefault(key, []).append(_Entry(_FAMILY, label, prefix))
                        if name in topic:
                            pre.setdefault(key, []).append(_Entry(_FAMILY, label, prefix))
            for pattern in excepts:
                for key, prefix in expand(pattern):
                    entries.setdefault(key, []).append(_Entry(_EXCEPT, name, prefix))
        for key, meaning in aliases.items():
            entries.setdefault(key, []).append(_Entry(_ALIAS, key, False, tuple(meaning)))
        self._gap_by_first = {first: (name, second, gap) for name, first, second, gap in self._gaps}
        self._gap_firsts = frozenset(self._gap_by_first)
        self._sentence = _build_sentence(entries)
        self._prefilter = _build_prefilter(pre) if pre else None

    def families_in(self, folded_article: str) -> set[str]:
        """Prefilter families present anywhere in a text folded with `textprep.fold`.

        A superset of what `match` finds for the same text (it ignores `except` phrases), so a text that
        lacks a family here cannot have it in the sentence pass either.
        """
        found: set[str] = set()
        if self._prefilter is None:
            return found
        found = found.union(*{names for _, names in self._prefilter.iter(f" {folded_article} ")})
        self._add_gapped(found)
        return found

    def families_by_part(self, folded_parts: list[str]) -> list[set[str]]:
        """`families_in` for each of several folded texts (an article's sentences) in one automaton pass.

        The parts are joined with " . ": no key contains a ".", so no match spans two parts, and each hit
        is assigned to its part by offset. One C-level scan instead of one call per sentence is what makes
        the per-sentence prefilter cheap on long articles.
        """
        found: list[set[str]] = [set() for _ in folded_parts]
        if self._prefilter is None or not folded_parts:
            return found
        starts = list(itertools.accumulate((len(part) + 3 for part in folded_parts[:-1]), initial=1))
        text = " " + " . ".join(folded_parts) + " "
        for end, names in self._prefilter.iter(text):
            found[bisect_right(starts, end) - 1].update(names)
        for fams in found:
            self._add_gapped(fams)
        return found

    def _add_gapped(self, found: set[str]) -> None:
        """Add the family of each gapped pattern whose two parts are both in `found`. Looks up only the
        first parts present, not every gapped pattern: this runs once per sentence of a candidate."""
        if found.isdisjoint(self._gap_firsts):
            return
        for first in found & self._gap_firsts:
            name, second, _ = self._gap_by_first[first]
            if second in found:
                found.add(name)

    def match(self, tokens: list[Token]) -> tuple[list[Hit], list[AliasHit]]:
        """Family hits (longest per family where they overlap, minus `except` phrases) and alias hits."""
        text, starts = token_string(tokens)
        token_at = {offset: i for i, offset in enumerate(starts)}  # a token's leading space -> its index
        found: list[Hit] = []
        excepts: list[Hit] = []
        alias_hits: list[AliasHit] = []
        for end, (length, words, families, except_names, aliases) in self._sentence.iter(f" {text} "):
            start = token_at[end - length + 1]
            stop = start + words
            for name in families:
                found.append(Hit(name, start, stop))
            for name in except_names:
                excepts.append(Hit(name, start, stop))
            for meaning in aliases:
                alias_hits.append(AliasHit(meaning, start, stop))
        if self._gaps:
            found = self._join_gaps(found, tokens)
        if excepts:
            found = [
                h
                for h in found
                if not any(e.family == h.family and e.start < h.end and h.start < e.end for e in excepts)
            ]
        return _longest_per_family(found), alias_hits


    def _join_gaps(self, hits: list[Hit], tokens: list[Token]) -> list[Hit]:
        """Join the two parts of gapped patterns into one hit of their family; drop the loose parts."""
        parts: dict[str, list[Hit]] = {}
        out: list[Hit] = []
        for h in hits:
            if "#" in h.family:
                parts.setdefault(h.family, []).append(h)
            else:
                out.append(h)
        if not parts:
            return out
        for first in [f for f in parts if f in self._gap_by_first]:
            name, second, gap = self._gap_by_first[first]
            for a in parts[first]:
                for b in parts.get(second, ()):
                    if a.end <= b.start <= a.end + gap and not any(
                        tokens[i].low in CLAUSE_TOKENS for i in range(a.end, b.start)
                    ):
                        out.append(Hit(name, a.start, b.end))
                        break
        return out


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
