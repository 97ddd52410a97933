"""Constructions the sentence analysis recognises by their shape, one function each.

Kept apart from `analyze.py` (which wires them in) so that each reads on its own: a negative object after
a verb ("signed nothing"), a passive receiving's place ("received in Ghana"), the US named as a closing
counterpart ("... with US"), a government's words retold by someone else, a question answered with a bare
no or yes (also in the next sentence), a country's own deal ("Uganda's deal to ..."), a headline's subject
before a colon, a refusal that only describes people ("turned away by the US") and "reports say".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from bot.detect.matcher import Hit
from bot.detect.parties import DETERMINERS, HARD_STOP, Entity, Mention, Speaker
from bot.detect.textprep import Token

__all__ = [
    "COUNTERPART", "OBJECT_NEGATED", "OWNED_DEAL", "QUESTION_WORDING", "REPORTING", "answered_question",
    "closes", "deal_owner", "headline_subject", "join_answers", "negative_object", "passive_place", "report_nouns",
    "retells", "without_passive_participles",
]

OBJECT_NEGATED = frozenset({"sign", "agree", "receive", "possess"})
_NEGATIVE_OBJECTS = frozenset({"nothing", "none", "no"})
_NOT_NEGATIVE_AFTER = frozenset({  # "no more than 300", "nothing but", "none other than": no refusal
    "more", "fewer", "less", "later", "sooner", "longer", "but", "other", "doubt",
})


def negative_object(h: Hit, tokens: list[Token]) -> bool:
    """An English negative object right after the verb ("signed nothing", "has accepted no deportees",
    "received none"): the negation stands after the cue, where the scope of `negation` does not look."""
    for i in [h.end, *range(h.start + 1, h.end)]:  # inside the cue too: "will take no more deportees"
        if i >= len(tokens) or tokens[i].low not in _NEGATIVE_OBJECTS:
            continue
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        after = tokens[i + 2].low if i + 2 < len(tokens) else ""
        if nxt in _COMPARATIVES and after != "than":
            return True  # "no more deportees": none at all; "no more than 300" is a cap
        if nxt not in _NOT_NEGATIVE_AFTER:
            return True
    return False


_COMPARATIVES = frozenset({"more", "fewer", "less"})


_PASSIVE_AUX = frozenset({
    "be", "been", "being", "is", "are", "was", "were", "get", "got", "fue", "fueron", "sido", "son", "es",
    "sera", "seran", "siendo", "era", "eran",
})


def passive_place(h: Hit, mention_at: Mapping[int, Mention], tokens: list[Token]) -> str | None:
    """Where people are received in a passive clause ("have been received in Ghana", "fueron acogidos
    en Costa Rica"): that country receives them, whoever sent them."""
    if h.start == 0 or tokens[h.start - 1].low not in _PASSIVE_AUX:
        return None
    for j in range(h.end, min(len(tokens) - 1, h.end + 3)):
        if tokens[j].low in ("in", "en", "at"):
            m = mention_at.get(j + 1)
            return m.country if m is not None else None
        if not tokens[j].is_word:
            return None
    return None


COUNTERPART = "us_counterpart"


def closes(h: Hit, tokens: list[Token]) -> bool:
    """The hit ends the sentence (only punctuation after it): "Honduras denies signing agreement with US",
    not "... with the US over oil exports", whose deal is about something named after it."""
    return all(not t.is_word for t in tokens[h.end :])


def retells(outer: Speaker, inner: Speaker) -> bool:
    """Someone other than a government, or another government, retelling what a government told them
    ("Noem said Honduras' president had told her ...", "Rubio dijo que el presidente de Guatemala le
    aseguró ..."): the words are the teller's account. The press reporting a statement is not a retelling."""
    return (
        inner.kind == "gov" and outer.kind in ("gov", "person", "anonymous", "nongov")
        and not (outer.kind == "gov" and outer.countries == inner.countries)
    )


QUESTION_WORDING = frozenset({"hedge", "condition"})  # "asked whether", "if", "si" open a question
_ASKED_VERBS = frozenset({"asked", "consultado", "consultada", "preguntado", "preguntada"})
_WHETHER = frozenset({"whether", "if", "si"})
_NO_ANSWERS = frozenset({
    ("no",), ("que", "no"), ("that", "it", "had", "not"), ("it", "had", "not"), ("that", "it", "would", "not"),
    ("it", "would", "not"), ("it", "has", "not"), ("that", "it", "has", "not"), ("it", "will", "not"),
})
_YES_ANSWERS = frozenset({  # "sí" is read as "yes" (textprep), so "respondió que sí" ends in "yes"
    ("yes",), ("que", "yes"), ("that", "it", "had"), ("it", "had"), ("that", "it", "would"), ("it", "would"),
    ("it", "has"), ("that", "it", "has"), ("it", "will"),
})


def answered_question(tokens: list[Token], frames: list[Hit]) -> tuple[int, int, str] | None:
    """"Asked whether Panama would accept more deportees, Mulino said no" / "Consultado sobre si ...,
    respondió que sí": the question's words are the speaker's answer, negated by a bare "no". Returns the
    question's span (after "whether"/"si", up to the comma) and "no" or "yes"; None for any other sentence
    (an answer with a clause of its own speaks for itself)."""
    head = [t.low for t in tokens[:_QUESTION_REACH]]  # the question opens the sentence or its clause
    start = next(
        (j + 1 for i, w in enumerate(head) if w in _ASKED_VERBS
         for j in range(i + 1, min(i + 5, len(head))) if head[j] in _WHETHER),
        None,
    )  # "asked whether", "was asked on Thursday whether", "consultado sobre si"
    if start is None:
        return None
    words = [t.low for t in tokens]
    end = next((i for i in range(start, len(words)) if words[i] in (",", ";")), None)
    if end is None:
        return None
    for f in frames:
        if f.start <= end:
            continue
        rest = tuple(w for w in words[f.end :] if w not in _ANSWER_PUNCTUATION)
        if rest in _NO_ANSWERS:  # "..., he said no", "replied: 'No.'"
            return start, end, "no"
        if rest in _YES_ANSWERS:
            return start, end, "yes"
        before = tuple(w for w in words[end + 1 : f.start] if w not in _ANSWER_PUNCTUATION)
        if before[:1] in (("no",), ("yes",)) and len(before) <= 3 and not rest:  # '; "No," he replied.'
            return start, end, before[0]
    return None


_BARE_ANSWER = re.compile(r'^\W{0,2}(no|yes|s[ií])\W', re.IGNORECASE)


def join_answers(sentences: list[str]) -> list[str]:
    """A bare answer split off by a full stop ('... asked whether Panama would take more deportees. "No,"
    he replied.') is read with its question, as if joined by a semicolon."""
    out: list[str] = []
    for sent in sentences:
        prev = out[-1].lower() if out else ""
        if (
            out and len(sent.split()) <= _BARE_ANSWER_WORDS and _BARE_ANSWER.match(sent)
            and any(v in prev for v in _ASKED_VERBS) and any(f" {w} " in prev for w in _WHETHER)
        ):
            out[-1] = out[-1].rstrip().rstrip(".") + "; " + sent
        else:
            out.append(sent)
    return out


_BARE_ANSWER_WORDS = 6
_QUESTION_REACH = 12  # "Panama's president was asked on Thursday whether ...": the question may follow a subject
_ANSWER_PUNCTUATION = frozenset({".", "!", "\"", "'", ":", ",", "«", "»", "\u201c", "\u201d"})


OWNED_DEAL = "owned_deal"


def deal_owner(
    h: Hit, mention_at: Mapping[int, Mention], origin: Mapping[int, bool], tokens: list[Token],
    senders: AbstractSet[str],
) -> str | None:
    """The receiving country whose deal an `owned_deal` hit names: the name before "'s deal"
    ("Uganda's deal to shelter ...") or after "acuerdo ... de" ("el acuerdo migratorio de Uganda"). A
    sending state's deal ("Washington's deal with Ghana") and migrants' origins ("el acuerdo de
    deportación de hondureños") own nothing."""
    if tokens[h.start].low == "s":
        owner = next((m for m in mention_at.values() if m.end == h.start), None)
    elif tokens[h.end - 1].low in ("de", "del"):
        owner = mention_at.get(h.end)
    else:
        owner = None
    if owner is None or origin.get(owner.start) or not owner.country or owner.country in senders:
        return None
    return owner.country


REPORTING = frozenset({"say", "according", "report", "hearsay"})  # frames that name a speaker, not an act
_HEADLINE_PREDICATE = 8  # "Uganda pone condiciones:", "Ghana draws a line:": a short predicate before the colon


def headline_subject(ents: list[Entity], tokens: list[Token], colon: int) -> list[Entity]:
    """"Uganda pone condiciones: solo aceptará deportados africanos": a headline's subject, a short
    predicate, a colon, and what follows is that subject's word or decision, as after "Sheinbaum:". Only
    for the first colon, right after a subject that opens the sentence (an article may come first)."""
    if any(t.low in HARD_STOP for t in tokens[:colon]):
        return []
    first = next((e for e in ents if not e.in_side_clause), None)
    if first is None or first.start > 1 or first.kind not in ("mention", "role", "anonymous"):
        return []
    if first.start == 1 and tokens[0].low not in DETERMINERS:
        return []
    if not 0 < colon - first.end <= _HEADLINE_PREDICATE:
        return []
    return [first]


_PASSIVE_ACTS = frozenset({"refuse", "deny"})


_AGENT = frozenset({"by", "por"})


def without_passive_participles(hits: list[Hit], tokens: list[Token]) -> list[Hit]:
    """A refusal right after a people noun and before its agent is a reduced relative clause ("asylum
    seekers turned away by the US", "solicitantes rechazados por EE.UU."): it describes the people, and
    the agent neither refuses a deal nor speaks."""
    people_ends = {h.end for h in hits if h.family in ("people", "migration", "nationality")}
    return [
        h for h in hits
        if not (
            h.family in _PASSIVE_ACTS and h.start in people_ends and h.end < len(tokens)
            and tokens[h.end].low in _AGENT
        )
    ]


def report_nouns(hits: list[Hit]) -> list[Hit]:
    """"Reports" right before a verb of saying is the press as its subject (", reports say", "informes
    indican"), not the verb "reports"."""
    says = {h.start for h in hits if h.family == "say"}
    return [Hit("media", h.start, h.end) if h.family == "report" and h.end in says else h for h in hits]
