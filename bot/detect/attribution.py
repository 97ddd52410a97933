"""Closing attributions and who a bare role speaks for.

News prose names its sources in a handful of shapes the frame lists alone do not catch: a closing
attribution whose verb is in no list ("..., remató el presidente Chaves"), a headline ending in ": Name",
a bare role placed with a sending state ("..., the immigration minister told Danish radio"), a bare body
in a datelined wire story. Each helper here turns one such shape into a frame or a speaker for
`analyze.Analyzer`; none of them knows the rules.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from bot.detect.matcher import Hit
from bot.detect.parties import DETERMINERS, Entity, Mention, Speaker
from bot.detect.textprep import Token

__all__ = ["colon_tail_speaker", "datelined_bodies", "placed_with_sender", "unlisted_attribution"]


def datelined_bodies(
    frames: list[tuple[Hit, Speaker | None, int | None]], datelined: list[str]
) -> list[tuple[Hit, Speaker | None, int | None]]:
    """A wire story datelined in a capital ("RABAT - ... government spokesman X told reporters") quotes
    that country's government when it names no other: a bare body or role speaks for the dateline."""
    home = list(dict.fromkeys(datelined))
    if len(home) != 1:
        return frames
    return [  # not the source of an account ("según una transcripción divulgada por la presidencia")
        (h, Speaker("gov", frozenset(home), f"{spk.text} ({home[0]})")
         if spk is not None and spk.kind == "unnamed" and h.family != "according" else spk, pos)
        for h, spk, pos in frames
    ]


_PLACED_WITHIN = 7  # words from a closing role to the place it speaks in ("the interior minister said in Rome")


def placed_with_sender(
    frames: list[tuple[Hit, Speaker | None, int | None]], mentions: list[Mention], content: list[Hit],
    senders: AbstractSet[str], tokens: list[Token],
) -> list[tuple[Hit, Speaker | None, int | None]]:
    """A bare role closing the sentence after what it said, then placed with a sending state ("..., the
    immigration minister told Danish radio", "..., the interior minister said in Canberra", "dijo el
    secretario de Estado en Washington"), is that state's: not the government the words are about."""
    first_cue = min((h.start for h in content), default=None)
    if first_cue is None:
        return frames
    out: list[tuple[Hit, Speaker | None, int | None]] = []
    for h, spk, pos in frames:
        if spk is not None and spk.kind == "unnamed" and pos is not None and pos > first_cue:
            placed = [  # in the attribution's own words, before any comma: not a later aside
                m.country for m in mentions
                if m.country is not None and pos < m.start <= pos + _PLACED_WITHIN and m.country in senders
                and not any(t.low in (",", ";", ":") for t in tokens[pos : m.start])
            ]
            if placed:
                spk = Speaker("gov", frozenset({placed[0]}), f"{spk.text} ({placed[0]})")
        out.append((h, spk, pos))
    return out


_ATTRIBUTION_TAIL = 8  # words after the last comma that can hold a closing attribution


_NOT_VERBS = DETERMINERS | frozenset({
    "and", "or", "but", "y", "o", "e", "pero", "including", "incluido", "incluida", "incluidos", "like", "como",
    "such", "especially", "among", "entre", "except", "salvo", "excepto", "not", "no", "ni", "nor", "with", "con",
    "in", "en", "of", "de", "del", "for", "para", "por", "to", "a", "al", "from", "desde", "than", "que", "that",
    "who", "which", "quien", "while", "mientras", "as", "said", "dijo",
})


def unlisted_attribution(
    tokens: list[Token], ents: list[Entity], frame_hits: list[Hit], hits: list[Hit]
) -> Hit | None:
    """A closing attribution whose verb is in no list: after the sentence's last comma, only a speaker and
    one lower-case word, in either order ("..., zanjó el presidente Chaves."; "..., the opposition leader
    charged."). News prose closes sentences this way; the word is read as a verb of saying, so the words
    before it are the speaker's and never the narrator's."""
    commas = [i for i, t in enumerate(tokens) if t.low == ","]
    if not commas:
        return None
    k = commas[-1]
    end = len(tokens)
    while end > k + 1 and not tokens[end - 1].is_word:
        end -= 1
    if not 2 <= end - (k + 1) <= _ATTRIBUTION_TAIL or any(k < h.start < end for h in frame_hits):
        return None
    covered = {i for h in hits for i in range(h.start, h.end)}
    in_entity = {i for e in ents if e.kind != "pronoun" for i in range(e.start, e.end)}

    def verb(i: int) -> bool:
        t = tokens[i]
        return t.is_word and not t.capitalized and t.low not in _NOT_VERBS and i not in covered

    def speaker_phrase(a: int, b: int) -> bool:  # "el secretario de Estado", "the embassy spokeswoman"
        return any(i in in_entity for i in range(a, b)) and all(
            i in in_entity or tokens[i].capitalized or tokens[i].low in DETERMINERS or tokens[i].low in _NP_GLUE
            for i in range(a, b)
        )

    if verb(k + 1) and speaker_phrase(k + 2, end):  # "..., zanjó el presidente Chaves"
        return Hit("say", k + 1, k + 2)
    if verb(end - 1) and speaker_phrase(k + 1, end - 1):  # "..., the opposition leader charged"
        return Hit("say", end - 1, end)
    return None


_NP_GLUE = frozenset({
    "of", "de", "del", "for", "para", "at", "en", "in", "a", "an", "un", "una", "one", "two", "three",
})


def colon_tail_speaker(ents: list[Entity], tokens: list[Token]) -> tuple[int, Entity] | None:
    """A headline's closing "...: Name" (Spanish press style, "No habrá acuerdo: Ebrard"): the colon's
    position and the named official or role that is all that follows it, else None."""
    colons = [i for i, t in enumerate(tokens) if t.low == ":"]
    if not colons:
        return None
    k = colons[-1]
    end = len(tokens) - (tokens[-1].low in (".", "!"))
    named = [
        e for e in ents
        if e.start == k + 1 and e.end == end and e.kind in ("mention", "role")
        and (e.kind == "role" or (e.mention is not None and e.mention.alias.kind in ("official", "institution")))
    ]
    return (k, named[0]) if named and k > 0 and end - k <= 5 else None
