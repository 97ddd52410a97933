"""Pattern syntax and whole-word matching."""

from __future__ import annotations

import pytest

from bot.detect.matcher import Matcher, PatternError, expand
from bot.detect.textprep import YEAR_TOKEN, fold, tokenize


def test_expand_alternatives_optional_slots_and_prefix() -> None:
    assert expand("reached {a,the,} deal*") == [
        ("reached a deal", True),
        ("reached the deal", True),
        ("reached deal", True),
    ]
    assert expand("Tercer País Seguro") == [("tercer pais seguro", False)]
    assert expand("in _year_") == [(f"in {YEAR_TOKEN}", False)]


@pytest.mark.parametrize("bad", ["", "   ", "sign* deal", "{a,b", "{a,{b}}", "***"])
def test_bad_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        expand(bad)


def test_matches_whole_words_only_and_drops_excepts() -> None:
    m = Matcher(
        {"deny": (["denied", "niega"], ["denied asylum"]), "deal": (["deal*"], ["deal with the"])},
        {},
        ["deal"],
    )
    hits, _ = m.match(tokenize("Guatemala denied the deals; migrants denied asylum; undenied dealers"))
    found = [(h.family, h.start, h.end) for h in hits]
    assert ("deny", 1, 2) in found
    assert ("deal", 3, 4) in found
    assert ("deal", 10, 11) in found  # "dealers" starts with the prefix "deal"
    assert not any(h.family == "deny" and h.start == 6 for h in hits)  # "denied asylum" is excepted
    assert m.families_in(fold("A DEAL was struck")) == {"deal"}
    assert m.families_in(fold("an ordeal")) == set()


def test_families_by_part_equals_one_call_per_part() -> None:
    """The one-pass per-sentence prefilter must see exactly what a call per sentence sees: no match may
    span two sentences ("... a deal. Signed ..." is not the gapped "deal ... signed" of one sentence)."""
    m = Matcher(
        {"deal": (["deal*"], []), "sign": (["signed"], []), "pair": (["deal ...3 signed"], [])},
        {},
        ["deal", "sign", "pair"],
    )
    parts = [fold(p) for p in ["They want a deal", "Signed today", "", "A deal was signed", "an ordeal"]]
    assert m.families_by_part(parts) == [m.families_in(p) for p in parts]
    assert m.families_by_part(parts)[3] == {"deal", "sign", "pair", "pair#0<", "pair#0>"}
    assert m.families_by_part([]) == []


def test_hits_span_whole_tokens_at_either_end_of_the_sentence() -> None:
    """Keys carry their word boundaries: a hit covers as many tokens as its key has words, a prefix's last
    word running to the end of the text's word, including at the first and last token."""
    m = Matcher(
        {"stc": (["safe third countr*"], []), "deal": (["deal"], []), "deny": (["deni*"], [])},
        {"honduras": []},
        ["stc"],
    )
    hits, aliases = m.match(tokenize("Safe third countries, Honduras denied; a deal"))
    assert [(h.family, h.start, h.end) for h in hits] == [("stc", 0, 3), ("deny", 5, 6), ("deal", 8, 9)]
    assert [(a.start, a.end) for a in aliases] == [(4, 5)]
    assert m.match(tokenize("ideal undeniable dealt")) == ([], [])
    assert m.match([]) == ([], [])
