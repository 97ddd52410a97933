"""Sentence analysis: which countries are parties, who is speaking, and what each cue means in context.

This is the engine under the rules (with `parties.py` for mentions and speakers, `constructions.py` and
`attribution.py` for the reporting shapes it recognises). It turns one sentence's
matches into facts the rules can test:
* country mentions, filtered to *targets* (parties whose status may change): senders (the US),
  migrants' nationalities ("Venezuelan migrants", "migrantes de Honduras"), blocked phrases and
  unsupported weak aliases are not targets;
* frames (said / denied / according to ...) and their speaker, found by looking for the subject left of
  the verb (skipping relative clauses) or, for "..., says Noem" and "según Noem", right of it;
* cues, each with the speaker that asserts it (its own subject for speech acts such as "denied", else the
  governing frame, else the narrator) and the modifiers in scope (negation, hedge, history ...).
It is deliberately shallow (no parser): reporters use a small set of constructions for these stories,
and the windows and barriers below follow them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from bot.detect.attribution import colon_tail_speaker, datelined_bodies, placed_with_sender, unlisted_attribution
from bot.detect.constructions import (
    COUNTERPART,
    OBJECT_NEGATED,
    OWNED_DEAL,
    QUESTION_WORDING,
    REPORTING,
    answered_question,
    closes,
    deal_owner,
    headline_subject,
    negative_object,
    passive_place,
    report_nouns,
    retells,
    without_passive_participles,
)
from bot.detect.matcher import AliasHit, Hit
from bot.detect.parties import (
    DETERMINERS,
    HARD_STOP,
    NEGATED_NATIONALITY,
    Entity,
    Mention,
    Parties,
    Speaker,
    comma_participle,
    opening_scene,
    relation,
)
from bot.detect.ruledefs import FamilyDef, TopicDef
from bot.detect.rules import SENDER_NAMED
from bot.detect.textprep import MONTHS, Token, tokenize

__all__ = ["Analyzer", "Cue", "Sentence", "Speaker", "relation"]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue hit with its speaker and the modifier families in its scope."""

    family: str
    start: int
    end: int
    text: str
    speaker: Speaker | None
    modifiers: frozenset[str]
    subject: frozenset[str] = frozenset()
    clause_targets: frozenset[str] = frozenset()  # targets named in the cue's own clause
    statement: int = 0  # which ';'/':'-separated statement of the sentence the cue is in
    reach: int | None = None  # where the cue's utterance starts when before the cue (a denied report's frame)
    partners: frozenset[str] = frozenset()  # "struck deals with Mexico and Guatemala": the named counterparts
    content: tuple[int, int] | None = None  # token span of the words its speaker is reported to say
    label_only: bool = False  # a refusal of the "safe third country" label itself, not of the deal
    in_scene: bool = False  # inside the sentence's opening scene ("A day after a minister denied it, ...")


@dataclass
class Sentence:
    """Everything the rules need to know about one sentence."""

    text: str
    families: set[str]
    topical_self: bool
    excluded: bool
    has_anaphor: bool
    targets: list[str]
    cues: list[Cue]
    last_speaker: Speaker | None
    modifiers: set[str] = field(default_factory=set)
    speaker_countries: list[str] = field(default_factory=list)  # governments speaking here (not senders)
    target_at: list[tuple[int, str]] = field(default_factory=list)  # (token, country) of each target mention
    semicolons: list[int] = field(default_factory=list)  # where ';' splits the sentence into statements


_DEAL_NOUNS = frozenset({"deal", "topic_strong"})
# Another nation's citizens make third-country people only when someone sends them: a deportation word, a
# sender's people ("from the US"), a deal; a sending state named in passing ("as the US tightens its
# border") is not enough. "Colombia has received three million Venezuelan migrants" is a refugee flow.
_SENT_CONTEXT = frozenset({
    "sent_away", "us_sent", "us_place", "us_actor", "us_counterpart", "deal", "deal_ref",
    "transfer", "sign", "agree", "implement", "topic_strong", "designation",
})
_NEGATED_HEADS = _DEAL_NOUNS | {"agree", "implement"}  # what they would provide or commit to shares their negation
# Denials worded with a hedge or a negation ("that possibility does not exist", "no es cierto"): those words
# are what the cue says, not modifiers of it.
_WORDED_DENIALS = frozenset({"deny", "refuse"})
_NEGATION_STOPS = frozenset({
    "for", "after", "before", "despite", "tras", "antes", "despues", "pese",
    # "the deal does not oblige Guatemala to receive ...": the 'not' is about the obligation (the terms of
    # a deal), not a refusal to receive
    "oblige", "obliges", "obliged", "obligate", "obligates", "obligated", "obligation", "obligations",
    "require", "requires", "force", "forces", "compel", "compels",
    "obliga", "obligan", "obligara", "obligaria", "obligue", "obligado", "obligada", "obligacion",
    "obligaciones", "impone", "exige", "fuerza",
})


def _recent_or_dated(tokens: list[Token], h: Hit, on: date) -> bool:
    """A year that does not make a sentence history: this year or last (news), or part of a full date
    ("on June 26, 2025", "el 26 de junio de 2025": a dated statement, not a look back)."""
    if h.end - h.start != 1 or not tokens[h.start].text.isdigit():
        return False
    if int(tokens[h.start].text) >= on.year - 1:
        return True
    before = [t for t in tokens[max(0, h.start - 4) : h.start] if t.low not in (",", "de", "of", "the")]
    return len(before) >= 2 and {before[-1].low, before[-2].low} & MONTHS != set() and any(
        t.text.isdigit() and len(t.text) <= 2 for t in before[-2:]
    )


def _hard_clauses(tokens: list[Token]) -> list[int]:
    """Statement number of every token, counting only ';' and ':' (statements joined in one sentence)."""
    out: list[int] = []
    n = 0
    for t in tokens:
        n += t.low in HARD_STOP
        out.append(n)
    return out


_LIST_GLUE = frozenset({",", "and", "y", "e", "or", "o", "u"})


def _extend_origin_lists(mentions: list[Mention], origin: dict[int, bool], tokens: list[Token]) -> None:
    """A list of origins is origins to its end: in "deportados originarios de Uzbekistán, Kazajistán,
    Kirguistán, Pakistán e India" every country after the first is coordinated with one already known
    as an origin, however long the list."""
    for prev, m in itertools.pairwise(mentions):
        glued = m.start > prev.end and all(t.low in _LIST_GLUE for t in tokens[prev.end : m.start])
        alike = prev.alias.kind == m.alias.kind  # "... not Colombian, Colombia's minister said" is no list
        if origin[prev.start] and not origin[m.start] and glued and alike:
            origin[m.start] = True


_THAT = frozenset({"that", "que"})
def _limit_follows(h: Hit, tokens: list[Token]) -> bool:
    """A number cap just before, inside or right after the cue ("will not receive more than 300", "no
    recibirá más de 300 deportados"): the negation limits how many, it does not refuse."""
    words = [t.low for t in tokens[max(0, h.start - 4) : min(len(tokens), h.end + 3)]]
    for i in range(len(words) - 2):
        pair = (words[i], words[i + 1])
        if pair in (("more", "than"), ("mas", "de")) and (words[i + 2].isdigit() or words[i + 2] in _NUMBERS):
            return True
    return False


_NUMBERS = frozenset({
    "ten", "twenty", "fifty", "hundred", "a", "diez", "veinte", "cincuenta", "cien", "mil", "un", "unos",
})
_TO_PLACE = frozenset({"to", "a", "hacia", "in", "en"})
_AND = frozenset({"and", "y", "e"})


def _shared_subject(
    h: Hit, frames: list[tuple[Hit, Speaker | None, int | None]], tokens: list[Token]
) -> Speaker | None:
    """The speaker of a verb that shares the previous verb's subject: a coordinated predicate ("Honduras
    rejects Noem's remarks and denies signing") or a participle after a comma ("Panama distanced itself
    from the US announcement, saying ..."). The nearest noun on the left ("Noem's remarks", "the US
    announcement") is the object of the first verb, not the speaker of the second."""
    if h.start == 0 or not frames or frames[-1][1] is None:
        return None
    before = tokens[h.start - 1].low
    word = tokens[h.start].low
    participle = before == "," and word.endswith(("ing", "ndo"))
    if before not in _AND and not participle:
        return None
    prev_hit, prev_speaker, _ = frames[-1]
    if h.start - prev_hit.end > 12 or any(t.low in HARD_STOP for t in tokens[prev_hit.end : h.start]):
        return None
    return prev_speaker


_NATIONAL_NOUNS = frozenset({
    "citizen", "citizens", "national", "nationals", "ciudadano", "ciudadanos", "ciudadana", "ciudadanas",
    "nacional", "nacionales",
})


def _nationality_negations(mentions: list[Mention], tokens: list[Token]) -> set[int]:
    """Positions of a 'not' that denies a nationality, not a deal: "deportees who are not Eswatini
    citizens", "que no son ciudadanos de Esuatini". Such people are third-country people, and the 'not'
    negates nothing else in the sentence."""
    out: set[int] = set()
    for m in mentions:
        if m.end < len(tokens) and tokens[m.end].low in _NATIONAL_NOUNS:
            window = range(max(0, m.start - 2), m.start)  # "not Eswatini citizens"
        elif m.start >= 2 and tokens[m.start - 1].low in ("de", "del") and tokens[m.start - 2].low in _NATIONAL_NOUNS:
            window = range(max(0, m.start - 4), m.start - 2)  # "no son ciudadanos de Esuatini"
        else:
            continue
        out.update(i for i in window if tokens[i].low in NEGATED_NATIONALITY)
    return out


def _clause_end(clause: list[int], at: int) -> int:
    """The token after the last one of the clause that token `at` is in."""
    end = at
    while end < len(clause) and clause[end] == clause[at]:
        end += 1
    return end


def _phrase_spans(tokens: list[Token], hits: list[Hit], family: str) -> list[range]:
    """Token spans of the phrases `family`'s hits open (time and concession phrases, asides): from the
    opener to the next comma, ';' or ':' (or the sentence end)."""
    spans = []
    for h in hits:
        if h.family != family:
            continue
        end = next((i for i in range(h.end, len(tokens)) if tokens[i].low in _PHRASE_ENDS), len(tokens))
        spans.append(range(h.start, end))
    return spans


def _denier_of_report(
    h: Hit, frames: list[tuple[Hit, Speaker | None, int | None]]
) -> tuple[Hit, Speaker] | None:
    """"Costa Rica said reports that it had agreed ... were untrue": a report does not deny itself; the
    denial belongs to whoever speaks of the report, the nearest non-press frame before it (returned with
    that frame's verb)."""
    own = next((p for fh, _, p in frames if fh == h), None)
    reports = [fh.start for fh, s, _ in frames if s is not None and s.kind == "media" and fh.end <= h.start]
    start = own if own is not None else (max(reports) if reports else None)
    if start is None:
        return None
    outer = [(fh, s) for fh, s, _ in frames if s is not None and s.kind != "media" and fh.end <= start]
    return max(outer, key=lambda fs: fs[0].end) if outer else None


_TAIL = 4  # words a closing attribution may have after its verb ("on Tuesday", "in a statement")
_PACT_CUES = frozenset({"sign", "agree", "deal", "possess"})
_WITH = frozenset({"with", "con"})
_PARTNER_WINDOW = 6  # "signed a safe third country agreement with ..." : words from the cue to "with"


def _partners(h: Hit, by_start: Mapping[int, Mention], tokens: list[Token]) -> frozenset[str]:
    """Countries named as the counterparts of a signing or a deal: the list after "with"/"con" that
    follows the cue ("Washington struck similar deals with Mexico and Guatemala"). Empty when the cue
    names none."""
    at = next(  # "tiene con Guatemala un acuerdo": the "con" may sit inside the cue
        (i for i in range(h.start + 1, min(h.end + _PARTNER_WINDOW, len(tokens))) if tokens[i].low in _WITH), None
    )
    if at is None:
        return frozenset()
    out: set[str] = set()
    i = at + 1
    while i < len(tokens):
        m = by_start.get(i)
        if m is not None:
            if m.country:
                out.add(m.country)
            i = m.end
        elif tokens[i].low in _AND or tokens[i].low == "," or (not out and tokens[i].low in _ARTICLES):
            i += 1
        else:
            break
    return frozenset(out)


_ARTICLES = frozenset({"the", "el", "la", "los"})
_PHRASE_ENDS = frozenset({",", ";", ":"})
_FIRST_PERSON = frozenset({"we", "i", "nosotros", "nosotras", "yo"})


def _first_person_quoted(
    frames: list[tuple[Hit, Speaker | None, int | None]], tokens: list[Token], trailing: set[int],
    commas: list[int],
) -> list[tuple[Hit, Speaker | None, int | None]]:
    """'"We refuse to be anyone's depot," said Bosnia's security minister': a first-person subject in
    quoted words is the speaker of the attribution that follows them (after a comma), not an unknown
    person."""

    def first_person(spk: Speaker | None, pos: int | None) -> bool:
        return spk is not None and spk.kind == "person" and pos is not None and tokens[pos].low in _FIRST_PERSON

    out = []
    for fh, spk, pos in frames:
        if first_person(spk, pos):
            later = [
                (g, s) for g, s, p in frames
                if s is not None and p is not None and g.start >= fh.end and p in trailing
                and not first_person(s, p) and any(fh.end <= c < p for c in commas)
            ]
            if later:
                spk = min(later, key=lambda gs: gs[0].start)[1]
        out.append((fh, spk, pos))
    return out


def _without_negations(by_family: dict[str, list[Hit]], positions: set[int]) -> dict[str, list[Hit]]:
    """`by_family` minus the negation hits at `positions` (for cue scopes)."""
    if not positions or not by_family.get("negation"):
        return by_family
    out = dict(by_family)
    out["negation"] = [h for h in by_family["negation"] if not any(h.start <= i < h.end for i in positions)]
    return out


_ABILITY_OR_WILL = frozenset({
    "could", "can", "want", "wants", "wanted", "wish", "wishes", "able", "puede", "pueden", "podra", "podran",
    "podria", "podrian", "podemos", "quiere", "quieren", "queremos", "desea", "desean", "deseamos",
})


def _refusing_modals(by_family: dict[str, list[Hit]], tokens: list[Token]) -> dict[str, list[Hit]]:
    """The hits that scope over cues: a negated ability or will is a refusal, not a possibility, so in
    "could not receive", "do not want to receive", "no quiere ser", "no puede aceptar" the modal does not
    hedge the cue; the negation does its work. The sentence as a whole keeps its hedge (rules that refuse
    any hedge anywhere still see it). "may not", "might not" stay hedged: they are doubt, not refusal."""
    hedges, negations = by_family.get("hedge"), by_family.get("negation")
    if not hedges or not negations:
        return by_family
    negated = {i for h in negations for i in range(h.start, h.end)}
    kept = [
        h for h in hedges
        if not (
            h.end - h.start == 1 and tokens[h.start].low in _ABILITY_OR_WILL
            and (h.start - 1 in negated or h.end in negated)
        )
    ]
    if len(kept) == len(hedges):
        return by_family
    out = dict(by_family)
    out["hedge"] = kept
    return out


_NAME_GLUE = frozenset({"de", "del", "y", "and", "of", "the", "la", "el"})


def _appositives(tokens: list[Token], verb_starts: set[int], noun_ends: set[int], start: int) -> set[int]:
    """Token positions of a short lower-case aside between the sentence's opening subject and its verb:
    "Burkina Faso, «tierra de dignidad y no de deportación», rechaza ...", "Ghana, a key partner, accepted
    ...", "Ghana's president, speaking at a news conference, denied ...", "US officials, speaking on
    condition of anonymity, said ...". The subject is found across it, and a 'no' inside it negates nothing
    outside. The subject is the opening name, or a short noun phrase ending in a role or country right
    after the opening scene (`start`); `noun_ends` are where roles and countries end."""
    inside: set[int] = set()
    commas = [i for i, t in enumerate(tokens) if t.low == ","]
    for a, b in itertools.pairwise(commas):
        span = range(a + 1, b)
        # a relative clause may be longer and name people and places ("El presidente guatemalteco, que se
        # reunió el lunes con el secretario de Estado, descartó ...")
        # ... and so may a participle's aside ("Kosovo's foreign ministry, responding to questions from AP,
        # said", "Honduras's deputy minister, asked about Noem's remarks, said")
        first = tokens[a + 1].low
        relative = first in _RELATIVE_OPENERS or first in _ASIDE_PARTICIPLES or first.endswith(("ing", "ndo"))
        if not (2 <= len(span) <= (16 if relative else 9)) or a == 0 or b + 1 not in verb_starts:
            continue
        opening_name = tokens[a - 1].capitalized and all(t.capitalized or t.low in _NAME_GLUE for t in tokens[:a])
        opening_phrase = a in noun_ends and 0 < a - start <= 6 and all(t.low != "," for t in tokens[start:a])
        if not (opening_name or opening_phrase):
            continue  # only right after the sentence's opening subject: "Burkina Faso, ..., rechaza"
        if not relative and any(tokens[i].capitalized or i in verb_starts for i in span):
            continue
        inside.update(span)
    return inside


_RELATIVE_OPENERS = frozenset({"que", "quien", "quienes", "who", "which", "whose", "cuyo", "cuya"})
_ASIDE_PARTICIPLES = frozenset({
    "asked", "questioned", "interviewed", "pressed", "consultado", "consultada", "preguntado", "preguntada",
    "entrevistado", "entrevistada", "cuestionado", "cuestionada",
})


_UPPER = "A-Z\u00c0-\u00de"
_DATELINE = re.compile(
    rf"^\s*[{_UPPER}][{_UPPER}.'\u2019]+(?:\s+[{_UPPER}][{_UPPER}.'\u2019]*){{0,3}}"  # TEGUCIGALPA, ADDIS ABABA
    r"(?:,[^-\u2013\u2014()]{1,40}?)?"  # , South Sudan / , Oct 10 / , 16 feb
    r"(?:\s*\([^()]{1,30}\))?"  # (Reuters) / (EFE)
    r"\.?\s*[-\u2013\u2014]+\s"  # " - ", " — ", and EFE's ").- "
)


_ANSWER_PRONOUNS = frozenset({"he", "she", "they", "el", "ella"})


def _answered_by_pronoun(cue: Cue) -> bool:
    """A question's words spoken by nobody named: a dropped subject or a bare pronoun ("he replied")."""
    spk = cue.speaker
    return spk is None or (spk.kind == "person" and spk.text.lower() in _ANSWER_PRONOUNS)


def _quiet_side(side: AbstractSet[int], hits: list[Hit], cue_families: AbstractSet[str]) -> set[int]:
    """The side clauses that hold no cue of their own: they only describe someone ("The State Department,
    which has been pressing for months, said ..."). One that carries the news ("El Salvador, which CBS
    reported was negotiating ...") keeps its modifiers."""
    runs: list[list[int]] = []
    for i in sorted(side):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    cue_starts = {h.start for h in hits if h.family in cue_families}
    return {i for run in runs if cue_starts.isdisjoint(run) for i in run}


def dateline_tokens(text: str) -> int:
    """How many tokens a leading dateline takes ("GUATEMALA CITY, Oct 10 (Reuters) - ", "JUBA, South Sudan
    (AP) - "): where the report was filed, never a party or a speaker. Capitals in the city part (a whole
    upper-case word, dash-separated) tell it from a headline."""
    m = _DATELINE.match(text)
    return len(tokenize(m.group(0))) if m else 0


_COMPARISON_REACH = 8
_COMPARISON_STOPS = frozenset({",", ";", ":", "(", ")"})


def _compared(mentions: list[Mention], marks: list[Hit], tokens: list[Token]) -> set[int]:
    """Starts of the mentions a comparison names as the model, not as a party: "a pact similar to the one
    signed with Papua New Guinea", "como el que EE.UU. tiene con El Salvador", "El Salvador-style". A marker
    reaches forward up to eight words within its clause; "style"/"estilo" right after a name reaches back.
    The compared country keeps a MENTION: the sentence still names it."""
    out: set[int] = set()
    for h in marks:
        if tokens[h.start].low in _STYLE_SUFFIX and h.end - h.start == 1:
            out.update(m.start for m in mentions if m.end == h.start)
            continue
        stop = next((i for i in range(h.end, min(len(tokens), h.end + _COMPARISON_REACH))
                     if tokens[i].low in _COMPARISON_STOPS), h.end + _COMPARISON_REACH)
        out.update(m.start for m in mentions if h.end <= m.start < stop)
    return out


_STYLE_SUFFIX = frozenset({"style", "styled"})


class Analyzer:
    """Applies the engine's heuristics with the vocabulary of one rule set."""

    def __init__(self, families: Mapping[str, FamilyDef], topic: TopicDef) -> None:
        self.families = families
        self.topic = topic
        self.frames = {n: f.speaker_side for n, f in families.items() if f.frame}
        self.modifiers = {n: f for n, f in families.items() if f.kind == "modifier"}
        self.cue_families = {n for n, f in families.items() if f.kind == "cue"}
        self.parties = Parties(frozenset(topic.senders))
        self._strong = frozenset(topic.strong)
        self._combos = tuple(frozenset(c) for c in topic.combos)
        self._combo_memo: dict[frozenset[str], bool] = {}
        self._exclusions = frozenset(topic.exclusions)
        self._tokens: list[Token] | None = None  # the sentence being analysed (for scope checks)
        self._adjuncts: list[range] = []  # its time and concession phrases ("after a court defeat")

    def _has_combo(self, families: set[str]) -> bool:
        """Some topic combo is present; memoised, since sentences of one story share their family sets."""
        key = frozenset(families)
        hit = self._combo_memo.get(key)
        if hit is None:
            hit = any(c <= key for c in self._combos)
            if len(self._combo_memo) < 100_000:
                self._combo_memo[key] = hit
        return hit

    # ------------------------------------------------------------------------------------------- sentence
    def analyze(
        self, text: str, tokens: list[Token], hits: list[Hit], alias_hits: list[AliasHit],
        supported: set[str], previous_speaker: Speaker | None, on: date | None = None,
    ) -> Sentence:
        """Analyse one sentence; `supported` = countries named unambiguously somewhere in the article;
        `on` = the article's date: officials' terms are checked only when it is known; a year is history
        when it is older than last year (of `on`, else of today) and not part of a full date."""
        self._tokens = tokens
        self._adjuncts = _phrase_spans(tokens, hits, "adjunct")
        year_of = on or datetime.now(UTC).date()  # undated text: judged as news of today
        hits = [h for h in hits if h.family != "history" or not _recent_or_dated(tokens, h, year_of)]
        hits = report_nouns(without_passive_participles(hits, tokens))
        answered = answered_question(tokens, [h for h in hits if h.family in self.frames])
        if answered is not None:  # the question's "whether"/"si" asks; the answer decides
            hits = [h for h in hits if not (h.family in QUESTION_WORDING and h.start < answered[0])]
        by_family: dict[str, list[Hit]] = {}
        for h in hits:
            by_family.setdefault(h.family, []).append(h)
        if COUNTERPART in by_family and not any(closes(h, tokens) for h in by_family[COUNTERPART]):
            del by_family[COUNTERPART]  # "denies any deal with the US over oil exports": another matter
        families = set(by_family)
        topic = self.topic
        strong = not self._strong.isdisjoint(families)
        topical_self = strong or self._has_combo(families)
        excluded = not strong and not self._exclusions.isdisjoint(families)

        dateline = dateline_tokens(text)
        found = self.parties.mentions(tokens, alias_hits, supported, on.isoformat() if on else None)
        mentions = [m for m in found if m.start >= dateline and not self.parties.is_place(m, tokens)]
        datelined = [m.country for m in found if m.start < dateline and m.country and m.target]
        demonyms = {i for m in mentions if m.alias.kind == "demonym" for i in range(m.start, m.end)}
        origin = {m.start: self.parties.is_origin(m, by_family, tokens, demonyms) for m in mentions}
        _extend_origin_lists(mentions, origin, tokens)
        negated = {
            m.start
            for m in mentions
            if m.alias.kind == "demonym"
            and any(t.low in NEGATED_NATIONALITY for t in tokens[max(0, m.start - 2) : m.start])
        }
        nationality_negations = _nationality_negations(mentions, tokens)
        negated |= {m.start for m in mentions if any(m.start - 4 <= i < m.start for i in nationality_negations)}
        if negated:
            families.add("third_country")  # "non-Mexican migrants", "who are not Rwandan": third-country people
            topical_self = topical_self or self._has_combo(families)
        parties = {m.country for m in mentions if not origin[m.start] and m.country not in topic.senders}
        if any(m.country in topic.senders for m in mentions):
            families.add(SENDER_NAMED)  # "Nauru will take three men Australia released, Canberra announced"
        sent = not families.isdisjoint(_SENT_CONTEXT)
        if parties and sent and any(origin[m.start] and m.country not in parties | topic.senders for m in mentions):
            families.add("third_country")  # "El Salvador received 250 Venezuelans": people of another nation;
            # decided before the own-nationals test: "returned a man on a South Sudanese document, in fact
            # Congolese" names a third country's citizen beside its own
            topical_self = topical_self or self._has_combo(families)
        own_nationals = any(  # a sending state's own citizens sent on ("including Americans") are no return home
            origin[m.start] and m.alias.kind == "demonym" and m.country == t.country and m.start not in negated
            and m.country not in topic.senders
            # "Three Hondurans deported to Guatemala ...": sent on to another state, not home
            and not any(
                not origin[o.start] and o.country not in topic.senders and o.country != m.country
                and o.start > 0 and tokens[o.start - 1].low in _TO_PLACE
                for o in mentions if o.country
            )
            for m in mentions
            for t in mentions
            if t is not m and not origin[t.start]
        )
        third_people = any(  # "deported to third countries" names a destination, not third-country people
            h.start == 0 or tokens[h.start - 1].low not in _TO_PLACE for h in by_family.get("third_country", [])
        ) or "third_country" in families - set(by_family)
        if own_nationals and not strong and not third_people:
            excluded = True  # "Honduras signed a deal to repatriate Honduran migrants": its own citizens
        compared = _compared(mentions, by_family.get("comparison", []), tokens)
        targets: list[str] = []
        scene = opening_scene(tokens, dateline)
        for m in mentions:
            party = m.target and m.country and m.country not in topic.senders and not origin[m.start]
            party = party and m.start not in compared and m.start >= scene
            if party and m.country and m.country not in targets:
                targets.append(m.country)
        if not targets:  # "During a visit to Guatemala, Noem said the country had agreed": the scene's
            for m in mentions:
                party = m.target and m.country and m.country not in topic.senders and not origin[m.start]
                if party and m.country and m.start < scene and m.start not in compared and m.country not in targets:
                    targets.append(m.country)

        if not targets:  # "LIMA.- «Esa posibilidad no existe», declaró el ministro": the dateline's country
            targets = [c for c in dict.fromkeys(datelined) if c not in topic.senders]
        target_at = [(m.start, m.country or "") for m in mentions if m.country in targets and not origin[m.start]]
        side = self.parties.side_clauses(tokens, by_family)
        verb_starts = {h.start for h in hits if h.family in self.cue_families or h.family in self.frames}
        noun_ends = {h.end for f in ("gov_role", "anonymous_role", "nongov_role") for h in by_family.get(f, [])}
        noun_ends |= {m.end for m in mentions if not origin[m.start]}
        appositive = _appositives(tokens, verb_starts, noun_ends, scene)
        side |= appositive
        ents = self.parties.entities(
            [m for m in mentions if not origin[m.start] or m.alias.plural], by_family, side, tokens
        )
        # the models of a comparison act in nothing ("the third country, after Panama and Guatemala, to receive")
        acting = [e for e in ents if e.mention is None or e.mention.start not in compared]
        barriers = {i for i, t in enumerate(tokens) if t.low in HARD_STOP}
        complementizers = {h.start for h in by_family.get("complementizer", [])}
        barriers |= complementizers
        for h in by_family.get("clause_break", []):
            if h.end < len(tokens) and tokens[h.end].low != ",":
                barriers.add(h.start)
        frame_hits = [h for h in hits if h.family in self.frames]
        unlisted = unlisted_attribution(tokens, ents, frame_hits, hits)
        if unlisted is not None:  # '..., zanjó el presidente Chaves.', '..., the opposition leader charged.'
            frame_hits.append(unlisted)
            frame_hits.sort(key=lambda x: x.start)
        content = [h for h in hits if h.family in self.cue_families and h.family not in self.frames]
        subject_barriers = barriers | {h.start for h in frame_hits} | {h.end - 1 for h in content}
        subject_barriers -= side  # a verb inside ", whose citizens were sent to Ghana," ends nothing

        adjacent: set[int] = set()
        frames: list[tuple[Hit, Speaker | None, int | None]] = []
        for h in sorted(frame_hits, key=lambda x: x.start):
            resolved = next((s for _, s, _ in reversed(frames) if s is not None), None) or previous_speaker
            if self.frames[h.family] == "self":  # "reports that ...", "según versiones de prensa"
                source = " ".join(t.text for t in tokens[h.start : h.end])
                frames.append((h, Speaker("media", frozenset(), source), None))
                continue
            carried = _shared_subject(h, frames, tokens)
            if carried is not None:  # "Honduras sale al paso ... y niega", "Panama distanced itself ..., saying"
                frames.append((h, carried, None))
                continue
            own_barriers = subject_barriers - set(range(h.start, h.end))
            spk, pos = self.parties.find_speaker(
                h, self.frames[h.family] == "right", ents, own_barriers, tokens, resolved, adjacent,
                h.start - 2 in appositive, h.start in side,
            )
            if spk is None and h.start == 0 and self.frames[h.family] == "left":
                # "Afirmó que Honduras recibirá ...": a dropped subject from an earlier sentence, unknown
                # here; whoever it is, it is not the narrator stating a fact
                spk = resolved or Speaker("person", frozenset(), tokens[h.start].text)
            frames.append((h, spk, pos))

        for k, tok in enumerate(tokens):  # "Sheinbaum: 'México no es un tercer país seguro'"
            if tok.low == ":":
                kinds = ("mention", "role", "anonymous", "media", "nongov")
                before = [e for e in ents if e.end == k and e.kind in kinds]
                # "Uganda responde a Washington:", "Noem visits Honduras:": the headline's subject speaks, not
                # the object just before the colon; unless what follows names its own speaker ("..., officials
                # say") or the headline is a denial ("US contradicts Bukele:": not the subject's decision)
                if not any((h.start > k) == (h.family in REPORTING) for h in frame_hits):
                    before = headline_subject(ents, tokens, k) or before
                if before:
                    colon = Hit("say", k, k + 1)
                    spk = self.parties.to_speaker(before[-1], ents, tokens, None, frozenset(barriers))
                    frames.append((colon, spk, before[-1].start))
        tail = colon_tail_speaker(ents, tokens)
        if tail is not None:  # "México no será tercer país seguro: Ebrard": the name after the colon speaks
            k, ent = tail
            spk = self.parties.to_speaker(ent, ents, tokens, None, frozenset(range(k + 1)))  # nothing before it
            frames.append((Hit("say", k, k + 1), spk, ent.start))
            adjacent.add(ent.start)
        frames.sort(key=lambda f: f[0].start)
        frames = placed_with_sender(frames, mentions, content, topic.senders, tokens)
        frames = datelined_bodies(frames, datelined)
        # "a diferencia de lo que han dicho algunos medios, ...": what others said, set aside, speaks for
        # nothing that follows
        asides = _phrase_spans(tokens, by_family.get("refutation", []), "refutation")
        frames = [f for f in frames if not any(f[0].start in span for span in asides)]
        commas = [i for i, t in enumerate(tokens) if t.low == ","]
        trailing = {p for _, _, p in frames if p is not None and p in adjacent}
        attributions = sorted([*commas, tail[0]]) if tail is not None else commas  # the colon sets it off
        frames = _first_person_quoted(frames, tokens, trailing, commas)
        scope_barriers = {i for i, t in enumerate(tokens) if t.low in HARD_STOP or t.low == ","}
        scope_barriers.update(b for b in barriers if tokens[b].low not in HARD_STOP and b not in complementizers)
        participles = {h.start for h in frame_hits if comma_participle(tokens, h)}  # ", saying Panama had agreed"
        clause = self._clauses(tokens, by_family, participles)
        frames = self._embedded(frames, mentions, clause, scene)
        in_clause: dict[int, set[str]] = {}
        for m in mentions:
            if m.country in targets and not origin[m.start]:  # "Three Hondurans deported to Guatemala"
                in_clause.setdefault(clause[m.start], set()).add(m.country)
        inside_hedges = {  # "has not ruled out", "no descarta": a negation that keeps the option open
            i for h in by_family.get("hedge", []) if h.end - h.start > 1 for i in range(h.start, h.end)
        }
        scope_families = _without_negations(
            _refusing_modals(by_family, tokens), nationality_negations | inside_hedges
        )
        statement = _hard_clauses(tokens)
        cues: list[Cue] = []
        own_only = by_family.get("only_own", [])
        label_rejections = by_family.get("label_rejection", [])
        mention_at = {m.start: m for m in mentions}
        for h in hits:
            if h.family not in self.cue_families:
                continue
            if h.family == "receive" and any(o.start - 1 <= h.end and h.start <= o.end for o in own_only):
                continue  # "take back only its own citizens": the receiving is the refusal's wording
            if h.family == "refuse" and _limit_follows(h, tokens):
                continue  # "will not receive more than 160": a cap on the receiving, read on the receive cue
            speaker: Speaker | None = None
            said_span: tuple[int, int] | None = None  # where the words this speaker is reported to say lie
            if h.family in self.frames:
                speaker = next((s for fh, s, _ in frames if fh == h), None)
                said_span = (h.end, _clause_end(clause, h.start)) if speaker is not None else None
            if speaker is None:
                speaker, said = self._governing(h, frames, trailing, attributions, clause)
                if said is not None:
                    said_span = (
                        (said.end, _clause_end(clause, said.start)) if said.end <= h.start
                        else (clause.index(clause[said.start]), said.start)
                    )
            if said_span is not None:  # what one verb says ends where the next verb of saying begins
                nxt = min((f.start for f in frame_hits if said_span[0] <= f.start < said_span[1] and f != h),
                          default=said_span[1])
                said_span = (said_span[0], nxt)
            reach = None
            if h.family in _WORDED_DENIALS and speaker is not None and speaker.kind == "media":
                denier = _denier_of_report(h, frames)
                if denier is not None:
                    speaker, reach = denier[1], denier[0].start
                    said_span = (denier[0].end, _clause_end(clause, denier[0].start))
            mods = self._modifiers_for(h, scope_families, scope_barriers)
            if h.family in OBJECT_NEGATED and negative_object(h, tokens):
                mods.add("negation")  # "we have signed nothing", "it has accepted no deportees"
            if "negation" in mods and _limit_follows(h, tokens):
                mods = (mods - {"negation"}) | {"restriction"}  # "no recibirá más de 300": a cap, not a refusal
            cue_text = " ".join(t.text for t in tokens[h.start : h.end])
            subject = self.parties.subject(h, acting, subject_barriers - set(range(h.start, h.end)), tokens)
            if h.family == "receive":
                where = passive_place(h, mention_at, tokens)
                subject = frozenset({where}) if where else subject  # "have been received in Ghana"
            if h.family == OWNED_DEAL:  # the owner is the subject, or nobody
                owner = deal_owner(h, mention_at, origin, tokens, topic.senders)
                subject = frozenset({owner}) if owner else frozenset()
            here = frozenset(in_clause.get(clause[h.start], ()))
            partners = _partners(h, mention_at, tokens) if h.family in _PACT_CUES else frozenset()
            label_only = h.family in _WORDED_DENIALS and any(
                lr.start < h.end and h.start < lr.end for lr in label_rejections
            )
            cues.append(
                Cue(
                    h.family, h.start, h.end, cue_text, speaker, frozenset(mods), subject, here,
                    statement[h.start], reach, partners, said_span, label_only, h.start < scene,
                )
            )
        cues = self._negated_complements(cues, clause, frame_hits)
        if answered is not None and answered[2] == "no":  # "Asked whether Panama would accept ..., he said no"
            cues = [
                replace(c, modifiers=c.modifiers | {"negation"}) if answered[0] <= c.start < answered[1] else c
                for c in cues
            ]
        asked = self._opening_subject(ents, tokens, scene) if answered is not None and answered[0] > 3 else None
        if answered is not None and asked is not None:
            # "X was asked whether ...; 'No,' he replied" / "X fue consultada sobre si ...; «No», respondió":
            # the one asked answers, whoever the answer's pronoun or dropped subject points to
            cues = [
                replace(c, speaker=asked) if answered[0] <= c.start < answered[1] and _answered_by_pronoun(c) else c
                for c in cues
            ]
        last = next((s for _, s, _ in reversed(frames) if s is not None), None)
        if asked is not None and (last is None or (last.kind == "person" and last.text.lower() in _ANSWER_PRONOUNS)):
            last = asked  # who answered speaks on in the next sentence ("He added ...")
        if last is None:  # "Arévalo was quick to clarify ..." then "He said ...": the named official
            named = [e for e in ents if e.mention is not None and e.mention.alias.kind == "official"]
            if named:
                last = self.parties.to_speaker(named[0], ents, tokens, None)
        if last is None:  # "Honduras' foreign minister spoke to reporters ..." then "He said ...": its subject
            last = self._opening_subject(ents, tokens, scene)
        return Sentence(
            text, families, topical_self, excluded, "anaphor" in families, targets, cues, last,
            self._outside_adjuncts(by_family, families, _quiet_side(side, hits, self.cue_families)),
            sorted(
                {c for cue in cues if cue.speaker and cue.speaker.kind == "gov" for c in cue.speaker.countries}
                - topic.senders
            ),
            [(start, c) for start, c in target_at if c],
            [i for i, t in enumerate(tokens) if t.low == ";"],
        )

    @staticmethod
    def _embedded(
        frames: list[tuple[Hit, Speaker | None, int | None]], mentions: list[Mention], clause: list[int],
        scene: int = 0,
    ) -> list[tuple[Hit, Speaker | None, int | None]]:
        """'Hernández said Honduras will never sign': a country named as the subject of a speech act inside
        someone's reported speech is what that someone asserts, not the government speaking. Words in an
        opening scene ("Tras las declaraciones de Noem, el Gobierno de Colombia negó") report nothing of
        the main clause."""
        names = {m.start for m in mentions if m.alias.kind in ("name", "capital")}
        out: list[tuple[Hit, Speaker | None, int | None]] = []
        for h, spk, pos in frames:
            if spk is not None and pos in names:
                outer = [
                    o for o in out
                    if o[1] is not None and o[0].end <= (pos or 0) and clause[o[0].start] == clause[h.start]
                    and not o[0].start < scene <= (pos or 0)
                ]
                if outer:
                    spk = outer[-1][1]
            out.append((h, spk, pos))
        return out

    def _outside_adjuncts(
        self, by_family: Mapping[str, list[Hit]], families: set[str], side: AbstractSet[int] = frozenset(),
    ) -> set[str]:
        """The modifier families present in the sentence (what `without_anywhere` tests), leaving out those
        found only inside a scene-setting phrase or a side clause: "amid growing pressure from Washington",
        "after talks with the US" set the scene, "The State Department, which has been pressing for months,
        said ..." describes the speaker; they do not make the main statement a possibility or talks."""
        out = set()
        for f in families:
            if f not in self.modifiers:
                continue
            found = by_family.get(f)
            if not found or any(
                not any(h.start in span for span in self._adjuncts) and h.start not in side for h in found
            ):
                out.add(f)  # made by the engine (no hit), or used outside every adjunct and side clause
        return out

    def _opening_subject(self, ents: list[Entity], tokens: list[Token], scene: int) -> Speaker | None:
        """The government official or body a sentence opens with, as the speaker a following "He said",
        "Aseguró que ..." refers back to (a sentence with no verb of saying of its own)."""
        start = scene + (1 if scene < len(tokens) and tokens[scene].low in DETERMINERS else 0)
        openers = [e for e in ents if not e.in_side_clause and start <= e.start <= start + 3]
        first = next((e for e in openers if e.kind in ("role", "anonymous")), None)
        if first is None:
            return None
        spk = self.parties.to_speaker(first, ents, tokens, None)
        return spk if spk.kind == "gov" and spk.countries else None

    @staticmethod
    def _negated_complements(cues: list[Cue], clause: list[int], frame_hits: list[Hit]) -> list[Cue]:
        """A negated deal noun negates what it would provide: "there is no agreement with the US to
        receive migrants", "ningún acuerdo para acoger a ..."; so does a negated agreeing ("denied that
        Ghana had agreed to take in deportees"). Cues up to 10 words after it, in its clause and with no
        new verb of saying between, take its negation."""
        negated = [c for c in cues if c.family in _NEGATED_HEADS and "negation" in c.modifiers]
        if not negated:
            return cues
        out: list[Cue] = []
        for c in cues:
            if "negation" not in c.modifiers and any(
                n.end <= c.start <= n.end + 10 and clause[n.start] == clause[c.start]
                and not any(n.end <= f.start < c.start for f in frame_hits)
                for n in negated
            ):
                c = replace(c, modifiers=c.modifiers | {"negation"})
            out.append(c)
        return out

    @staticmethod
    def _clauses(
        tokens: list[Token], by_family: Mapping[str, list[Hit]], extra: AbstractSet[int] = frozenset()
    ) -> list[int]:
        """Clause number of every token: ';', ':', coordinating breaks ("but", "while", "pero",
        "mientras"), a coordinated second complement ("and that", "y que") and the `extra` starts (a
        participle frame after a comma) start a new clause.
        Reported content ("said that ...") stays in its frame's clause."""
        starts = {i for i, t in enumerate(tokens) if t.low in HARD_STOP} | set(extra)
        starts.update(h.start for h in by_family.get("clause_break", []) if h.start > 0)
        # "... show Uganda agreed to X, and that Washington asked Spain to Y": a second reported content
        starts.update(
            i for i in range(1, len(tokens) - 1)
            if tokens[i].low in _AND and tokens[i + 1].low in _THAT
        )
        out: list[int] = []
        n = 0
        for i in range(len(tokens)):
            if i in starts:
                n += 1
            out.append(n)
        return out

    @staticmethod
    def _governing(
        h: Hit, frames: list[tuple[Hit, Speaker | None, int | None]], trailing: set[int], commas: list[int],
        clause: list[int],
    ) -> tuple[Speaker | None, Hit | None]:
        """The speaker of the nearest frame before the cue, else of a trailing attribution after it, with
        that frame's verb.

        A trailing attribution is set off by a comma between the cue and the speaker (", Noem said",
        ", says Noem"), and its speaker stands right next to the verb; `trailing` holds such speakers.
        """
        before = [(fh, s) for fh, s, _ in frames if s is not None and fh.end <= h.start]
        if before:
            fh, spk = max(before, key=lambda fs: fs[0].end)
            outer = [
                (f0, s0) for f0, s0 in before
                if f0.end <= fh.start and clause[f0.start] == clause[fh.start] and retells(s0, spk)
                and not any(f0.end <= c < fh.start for c in commas)  # ", and Uganda's minister said": another
            ]
            if outer:  # "Noem said Honduras' president had told her the country would ...": Noem's account
                return min(outer, key=lambda fs: fs[0].start)[1], fh
            relayed = [  # "Kagame told the delegation his country would ..., according to a delegate's account"
                (f1, s1) for f1, s1, _ in frames
                if s1 is not None and f1.family == "according" and f1.start >= h.end and retells(s1, spk)
                and f1.start - 1 in commas and not any(c > f1.start for c in commas)
            ]
            if relayed:
                return relayed[-1][1], relayed[-1][0]
            return spk, fh
        after = [
            (fh, s, p)
            for fh, s, p in frames
            if s is not None and fh.start >= h.end and p is not None and p >= h.end and p in trailing
            and any(h.end <= c < p for c in commas)
            # across "although ..." only when it closes the sentence (", the embassy announced."): a verb
            # with words of its own after it ("although the government rejects the label") is no attribution
            and (clause[fh.start] == clause[h.start] or len(clause) - fh.end <= _TAIL)
            # a refusal has an object of its own ("aunque el gobierno se niega a usar ese término"): it
            # attributes nothing unless it closes the sentence
            and (fh.family != "refuse" or len(clause) - fh.end <= 1)
        ]
        if after:
            fh, spk, _ = min(after, key=lambda fsp: fsp[0].start)
            return spk, fh
        closing_source = [  # "..., according to a copy of the agreement seen by Reuters.": the leak says it
            (fh, s) for fh, s, p in frames
            if s is not None and s.kind == "media" and p is None and fh.start >= h.end
            and any(h.end <= c < fh.start for c in commas) and not any(c > fh.start for c in commas)
        ]
        if closing_source:
            return closing_source[0][1], closing_source[0][0]
        return None, None

    def _neg_stops(self, name: str, gap: range) -> set[int]:
        """Negation does not reach past a new phrase: in "had not received any payment for accepting
        deportees" the 'not' is about the payment, not the accepting."""
        if name != "negation" or self._tokens is None:
            return set()
        return {i for i in gap if self._tokens[i].low in _NEGATION_STOPS}

    def _modifiers_for(self, h: Hit, by_family: Mapping[str, list[Hit]], barriers: set[int]) -> set[str]:
        out: set[str] = set()
        for name, fam in self.modifiers.items():
            for m in by_family.get(name, []):
                if h.family in _WORDED_DENIALS and h.start <= m.start and m.end <= h.end and m != h:
                    continue  # part of a denial's own wording ("posibilidad no existe"), not its scope
                if fam.scope == "sentence":
                    if any(m.start in span and h.start not in span for span in self._adjuncts):
                        continue  # "sign new treaty after court defeat": the court is the scene, not the act
                    out.add(name)
                    break
                before = m.start <= h.start and h.start - m.end <= fam.window
                after = m.start >= h.end and m.start - h.end <= fam.window
                if fam.scope == "before" and before:
                    gap = range(m.end, h.start)
                elif fam.scope == "after" and after:
                    gap = range(h.end, m.start)
                elif fam.scope == "around" and (before or after):
                    gap = range(m.end, h.start) if before else range(h.end, m.start)
                else:
                    continue
                stops = barriers | self._neg_stops(name, gap)
                if not any(i in stops for i in gap):
                    out.add(name)
                    break
        return out
