"""clip_evidence / cap_text: bounded, idempotent, on word boundaries, around the cue."""

from __future__ import annotations

import random

import pytest

from bot.textclip import ELLIPSIS, EVIDENCE_CHARS, cap_text, clip_evidence

SENTENCE = "Guatemala denied that it had signed a safe third country agreement with the United States."


def test_short_text_is_returned_unchanged() -> None:
    assert clip_evidence(SENTENCE) == SENTENCE
    assert clip_evidence("x" * EVIDENCE_CHARS) == "x" * EVIDENCE_CHARS


def test_long_unpunctuated_text_keeps_the_window_around_the_cue() -> None:
    words = [f"w{i}" for i in range(200_000)]
    words[100_000] = "denied"
    text = " ".join(words)
    cue = text.index("denied")
    clipped = clip_evidence(text, around=cue, limit=300)
    assert len(clipped) <= 300
    assert "denied" in clipped
    assert clipped.startswith(ELLIPSIS) and clipped.endswith(ELLIPSIS)
    inner = clipped.strip(ELLIPSIS)
    assert inner in text
    assert all(w in words for w in inner.split())  # cut on word boundaries: every word whole


def test_without_a_position_the_window_starts_at_the_beginning() -> None:
    text = SENTENCE + " " + "and more words " * 10_000
    clipped = clip_evidence(text)
    assert clipped.startswith("Guatemala denied")
    assert clipped.endswith(ELLIPSIS) and len(clipped) <= EVIDENCE_CHARS


def test_window_opens_on_a_sentence_start_when_one_is_close() -> None:
    text = "x " * 1000 + "Filler ends here. " + SENTENCE + " " + "y " * 1000
    clipped = clip_evidence(text, around=text.index("denied"), limit=200)
    assert SENTENCE in clipped or clipped.lstrip(ELLIPSIS).startswith("Guatemala")


def test_one_giant_token_is_cut_hard_but_bounded() -> None:
    text = "a" * 1_000_000
    clipped = clip_evidence(text, around=500_000)
    assert len(clipped) <= EVIDENCE_CHARS and clipped.startswith(ELLIPSIS) and clipped.endswith(ELLIPSIS)


@pytest.mark.parametrize("seed", range(30))
def test_random_texts_are_bounded_and_idempotent(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab c.\n  é") for _ in range(rng.randint(0, 3000)))
    around = rng.choice([None, rng.randint(-10, len(text) + 10)])
    limit = rng.randint(8, 500)
    clipped = clip_evidence(text, around=around, limit=limit)
    assert len(clipped) <= limit
    assert clip_evidence(clipped, around=around, limit=limit) == clipped
    capped = cap_text(text, limit)
    assert len(capped) <= limit and cap_text(capped, limit) == capped
    assert capped == text or text.startswith(capped.removesuffix(ELLIPSIS))


def test_too_small_a_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 8"):
        clip_evidence("some long text here", limit=3)


def test_cap_text_cuts_at_a_word_boundary() -> None:
    text = "word " * 100
    capped = cap_text(text, 52)
    assert capped == ("word " * 10).rstrip() + ELLIPSIS
