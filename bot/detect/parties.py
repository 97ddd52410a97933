"""Who is who in a sentence: country mentions, migrants' origins, and the speaker of a frame or cue.

Part of the sentence analysis (see `analyze.py`): it decides which named countries are *parties* (their
status may change) and, for a verb of saying or a speech act, who says it:
* the subject left of the verb, skipping side clauses (", whose citizens ...,") and stopping at clause
  barriers ("that", ";", another verb of saying);
* or the source right of it for "..., says Noem", "según Noem", passive "contradicted by Guatemala";
* a role next to a country is that country's government ("Guatemala's presidential office",
  "el canciller de Paraguay", "las autoridades ecuatorianas"); a role alone is an unnamed government.
Deliberately shallow (no parser): it follows the handful of constructions reporters use for these stories.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.detect.gazdata import Alias
from bot.detect.matcher import AliasHit, Hit
from bot.detect.textprep import DAYS, MONTHS, Token

SUBJECT_WINDOW = 20
RIGHT_WINDOW = 5
ROLE_BEFORE = 5
ROLE_AFTER = 4
_COORD = frozenset({",", "and", "y", "e", "&"})
HARD_STOP = frozenset({";", ":"})
NEGATED_NATIONALITY = frozenset({"non", "not", "no", "sin"})
_ARTICLES = frozenset({"a", "an", "one", "un", "una"})
_COPULA = frozenset({"is", "are", "was", "were", "es", "son", "era", "eran", "fue", "fueron"})
_DEFINITE = frozenset({"the", "el", "la"})
_ORDINALS = frozenset({
    "first", "second", "third", "last", "next", "primer", "primero", "primera", "segundo", "segunda", "tercer",
    "tercero", "tercera", "ultimo", "ultima", "proximo", "proxima",
})
_JOINT = frozenset({"both", "ambos", "ambas", "two", "dos"})
_PREPOSITIONS = frozenset({"from", "of", "in", "at", "de", "del", "en"})
_LOCATIVE = frozenset({"in", "en", "to", "at", "ante", "desde", "from", "con", "with", "para", "for"})
_FORMER = frozenset({"former", "ex", "then", "exministro", "expresidente", "excanciller"})
_BORDER = frozenset({"border", "borders", "frontier", "frontera", "fronteras", "limite", "límite"})
_BORDER_LINK = frozenset({"with", "con", "de", "del", "entre"})
_OFFICIAL_WORDS = frozenset({"funcionario", "funcionarios", "funcionaria", "funcionarias", "officials", "official"})
_REQUEST_NOUNS = frozenset(
    ["request", "requests", "proposal", "offer", "pressure", "demand", "solicitud", "peticion", "pedido",
     "propuesta", "oferta", "presion", "presiones", "exigencia"]
)


def _requester(tokens: list[Token], start: int) -> bool:
    """"aprobó una solicitud de Washington para acoger ...": who asks is never who does what is asked."""
    if start >= 3 and tokens[start - 1].low in DETERMINERS:
        start -= 1  # "la presión de la Administración Trump"
    return (
        start >= 2 and tokens[start - 1].low in ("de", "del", "from", "by", "of")
        and tokens[start - 2].low in _REQUEST_NOUNS
    )


_NOT_NAMES = frozenset(
    [
        "the", "a", "an", "el", "la", "los", "las", "un", "una", "this", "that", "it", "he", "she", "they",
        "we", "i", "in", "on", "at", "for", "of", "to", "por", "en", "de", "del", "con", "as", "but", "and",
        "y", "pero", "however", "meanwhile", "also", "still", "then", "on",
        # determiners and possessives open sentences ("Esa posibilidad no existe") but never name anyone
        "these", "those", "such", "there", "our", "its", "their", "his", "her", "my", "este", "esta", "estos",
        "estas", "ese", "esa", "esos", "esas", "eso", "esto", "aquel", "aquella", "nuestro", "nuestra", "su",
        "sus", "mi", "ningun", "ninguna", "no", "nor", "ni",
    ]
) | MONTHS | DAYS


DETERMINERS = frozenset({"the", "el", "la", "los", "las"})  # definite articles, EN and ES
JOINT = "*"
"""In a cue's subject: both parties ("both governments signed"), whoever they are."""


# Words that open a scene-setting phrase at the start of a sentence ("In Tegucigalpa, ...", "During a
# visit to Guatemala, ...", "Standing beside Bukele, ...", "Junto a Bukele, ...").
_SCENE_OPENERS = frozenset(
    ["in", "at", "during", "from", "speaking", "standing", "alongside", "beside", "next", "after", "before",
     "following", "on", "upon", "visiting", "en", "durante", "desde", "hablando", "junto", "tras", "despues",
     "luego", "antes", "ante"]
)
_TIME_OPENERS = frozenset({"after", "before", "later", "despues", "antes", "luego"})
_SCENE_MAX = 12  # words: a longer opening phrase is a clause of its own


def opening_scene(tokens: list[Token], start: int = 0) -> int:
    """Where a sentence-opening scene phrase ends (the token after its comma), or `start` if there is none.

    Places and people named in it set the scene ("In Tegucigalpa, Noem said Honduras had signed"): they
    are neither parties beside the main clause's countries nor co-speakers of its subject.
    """
    if start >= len(tokens):
        return start
    lead = [t.low for t in tokens[start : start + 3]]
    # "In Tegucigalpa, ...", or a measured time before the opener: "A day after ...", "Un día después de ..."
    if lead[0] not in _SCENE_OPENERS and not _TIME_OPENERS.intersection(lead[1:]):
        return start
    for i in range(start + 1, min(len(tokens), start + _SCENE_MAX + 1)):
        if tokens[i].low == ",":
            return i + 1
        if tokens[i].low in HARD_STOP:
            break
    return start


def _is_participle(token: Token) -> bool:
    """An -ing or -ndo form ("saying", "asegurando")."""
    return token.low.endswith(("ing", "ndo"))


def comma_participle(tokens: list[Token], hit: Hit) -> bool:
    """A verb of saying as a participle after a comma (", saying ...", ", asegurando que ..."): it speaks
    with its clause's subject, and what follows is a clause of its own."""
    comma = hit.start - 1
    if comma > 0 and tokens[comma].low in _PARTICIPLE_ADVERBS:
        comma -= 1  # ", later telling reporters", ", luego asegurando"
    return comma >= 0 and tokens[comma].low == "," and _is_participle(tokens[hit.end - 1])


_OF = frozenset({"of", "de", "del"})
_MISSIONS = frozenset({"embassy", "embassies", "embajada", "embajadas", "commission", "consulate", "consulado"})
_PARTICIPLE_ADVERBS = frozenset({
    "later", "then", "also", "afterwards", "again", "repeatedly", "luego", "despues", "tambien", "ademas",
})


def _completes(head: Entity, e: Entity, tokens: list[Token]) -> bool:
    """"A former foreign minister of Ghana", "el principal partido opositor de Ghana": a country right
    after "of"/"de" completes the role before it, which stays the speaker (and says whose it is)."""
    return (
        head.kind in ("role", "anonymous", "nongov", "media") and e.start == head.end + 1
        and tokens[head.end].low in _OF
    )


def _after_locative(tokens: list[Token], start: int) -> bool:
    """Is the word at `start` governed by a preposition of place ("in Washington", "to the United States")?"""
    j = start - 1
    if j >= 0 and tokens[j].low in DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].low in _LOCATIVE


_TO_WHOM = frozenset({"a", "al", "to", "ante", "with", "con", "en", "on", "in", "por"})


def _english_verb(word: str) -> bool:
    """An English verb form of saying ("said", "added", "insists"), not a Spanish one ("dijo", "aseguro")."""
    return word in ("said", "says", "told", "tells", "wrote", "writes") or word.endswith("ed") or (
        word.endswith("s") and not word.endswith(("as", "es", "os"))
    )


_SPANISH_ARTICLES = frozenset({"un", "una", "el", "la", "los", "las"})


def _addressee(tokens: list[Token], verb_end: int, start: int) -> bool:
    """'aseguró a The Times', 'told AP', 'dijo en CNN': the outlet or person spoken to, not the speaker."""
    between = [t.low for t in tokens[verb_end:start]]
    if between and between[0] == "a" and verb_end > 0 and _english_verb(tokens[verb_end - 1].low):
        return False  # "said a spokesperson": the article, not Spanish "a" ("aseguró a The Times")
    if len(between) >= 3 and between[0] in ("a", "en") and any(w in _SPANISH_ARTICLES for w in between[2:][-2:]):
        # "aseguró a CNN un alto funcionario", "explicó a periodistas el subsecretario", "afirmó en
        # conferencia de prensa la secretaria": after the addressee or the place, a new noun phrase speaks
        return False
    return (bool(between) and between[0] in _TO_WHOM) or (
        verb_end > 0 and tokens[verb_end - 1].low in ("told", "tells", "tell")
    )


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who asserts something. kind: gov | joint | unnamed | anonymous | nongov | media | person.

    `unnamed` is a government body of no stated country ("the foreign ministry"), `anonymous` an official
    or source of no stated country ("officials said", "according to a senior official").
    """

    kind: str
    countries: frozenset[str]
    text: str

    def relation(self, country: str) -> str:
        """How the speaker relates to `country`: own | other | unnamed | media | person."""
        if self.kind == "gov":
            return "own" if country in self.countries else "other"
        if self.kind == "joint":
            return "own"  # officials of both countries speak for each of them
        if self.kind == "nongov":
            return "other"
        return self.kind


def relation(speaker: Speaker | None, country: str) -> str:
    """`Speaker.relation`, with None meaning the narrator (no attribution)."""
    return "narrator" if speaker is None else speaker.relation(country)


@dataclass(frozen=True, slots=True)
class Mention:
    """A country named in the sentence (by name, demonym, capital, official or institution)."""

    country: str | None
    start: int
    end: int
    alias: Alias
    target: bool
    out_of_office: bool = False  # an official named outside their term: speaks for no government


@dataclass(frozen=True, slots=True)
class Entity:
    """A possible speaker in a sentence: a country mention, a role, the press, a pronoun."""

    start: int
    end: int
    kind: str  # mention | role | anonymous | nongov | media | pronoun
    mention: Mention | None = None
    in_side_clause: bool = False


_POSSESSIVE = frozenset({"su", "sus", "its", "their"})


def _name_before(tokens: list[Token], end: int, floor: int) -> int | None:
    """Where a run of capitalized words ending right before `end` starts ("the Miami Herald reported",
    "The Nation says"), else None; sentence-initial words and known non-names do not count."""
    i = end
    while i - 1 >= max(floor, 1) and tokens[i - 1].is_word and tokens[i - 1].capitalized:
        i -= 1
    if i == end or any(t.low in _NOT_NAMES for t in tokens[i:end]):
        return None
    return i


def _acts_next(ent: Entity, barriers: set[int], tokens: list[Token]) -> bool:
    """Does a cue's verb follow the entity within two words ("said Panama had agreed")? Punctuation and
    "that"/"que" after it leave it a speaker ("said the minister, adding ...")."""
    for i in range(ent.end, min(ent.end + 3, len(tokens))):
        if not tokens[i].is_word or tokens[i].low in ("that", "que"):
            return False
        if i in barriers or (i == ent.end and tokens[i].low in _AUXILIARIES):
            return True
    return False


# finite verbs that open a clause right after its subject ("said El Salvador had offered")
_AUXILIARIES = frozenset({
    "had", "has", "have", "would", "will", "was", "were", "is", "are", "could", "can", "might", "may", "should",
    "did", "does", "ha", "han", "habia", "habian", "habria", "habrian", "ya", "sera", "seria", "fue", "es",
    "esta", "estan", "podria", "podrian", "va", "iba",
})


def _sentence_subject(ents: list[Entity], tokens: list[Token]) -> str | None:
    """The country named first in the sentence by name or capital, outside side clauses and not after a
    preposition ("expelled from the United States" is no subject): what "its government" / "su gobierno"
    refers to in a trailing attribution."""
    firsts = sorted(
        (e for e in ents if e.kind == "mention" and e.mention is not None and e.mention.country
         and e.mention.alias.kind in ("name", "capital") and not e.in_side_clause
         and not _after_preposition(tokens, e.start)),
        key=lambda e: e.start,
    )
    return firsts[0].mention.country if firsts and firsts[0].mention else None


_SUBJECT_BLOCKERS = frozenset({
    "from", "to", "in", "with", "by", "of", "for", "at", "de", "del", "a", "al", "en", "con", "por", "desde",
    "para", "hacia",
})


def _after_preposition(tokens: list[Token], start: int) -> bool:
    """A preposition, perhaps with an article, right before `start` ("from the United States")."""
    j = start - 1
    if j >= 0 and tokens[j].low in DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].low in _SUBJECT_BLOCKERS


def _person_determiner(tokens: list[Token], start: int) -> bool:
    """A demonym used as a noun for a person: "a Gambian", "un hondureno", and with an ordinal after any
    article, "the first Honduran", "el primer hondureno" (an ordinal counts people, never a government)."""
    before = tokens[start - 1].low
    if before in _ARTICLES:
        return True
    return before in _ORDINALS and start > 1 and tokens[start - 2].low in _ARTICLES | _DEFINITE


def _common_noun_title(h: Hit, tokens: list[Token]) -> bool:
    """A newspaper whose name is an article and a common noun ("El País", "La Nación", "El Comercio")
    written in lower case: "el país" is the country, "el comercio" trade."""
    return (
        h.end - h.start >= 2 and tokens[h.start].low in DETERMINERS
        and not tokens[h.start + 1].capitalized
    )


class Parties:
    """Mention and speaker heuristics; stateless apart from the vocabulary they were built with."""

    def __init__(self, senders: frozenset[str] = frozenset()) -> None:
        """`senders`: the states that send people away under such deals (the topic's `senders`)."""
        self.senders = senders

    # ------------------------------------------------------------------------------------------ mentions
    def mentions(
        self, tokens: list[Token], alias_hits: list[AliasHit], supported: set[str], on: str | None = None
    ) -> list[Mention]:
        """Non-overlapping country mentions, longest first; case-sensitive aliases checked on the original."""
        chosen: list[Mention] = []
        taken: set[int] = set()
        for ah in sorted(alias_hits, key=lambda a: (-(a.end - a.start), a.start)):
            surface = " ".join(t.text for t in tokens[ah.start : ah.end] if t.is_word)
            aliases = [a for a in ah.aliases if a.case is None or a.case == surface]
            if not aliases or any(i in taken for i in range(ah.start, ah.end)):
                continue
            taken.update(range(ah.start, ah.end))
            real = [a for a in aliases if a.kind != "blocked"]
            countries = {a.country for a in real}
            if not real or len(countries) > 1:
                continue
            alias = real[0]
            weak_ok = not alias.weak or alias.country in supported
            out_of_office = on is not None and not alias.in_office(on)  # terms only for dated text
            chosen.append(Mention(alias.country, ah.start, ah.end, alias, weak_ok, out_of_office))
        chosen.sort(key=lambda m: m.start)
        return chosen

    @staticmethod
    def is_place(m: Mention, tokens: list[Token]) -> bool:
        """A country named as a location, not a party: 'near the Panama border', 'la frontera con Panamá'."""
        if m.end < len(tokens) and tokens[m.end].low in _BORDER:
            return True
        nxt = tokens[m.end : m.end + 3]  # "the Polish-Belarusian border", "la frontera colombo-venezolana"
        if any(t.low in _BORDER for t in nxt) and all(t.capitalized or t.low in _BORDER for t in nxt[:2]):
            return True
        before = [t.low for t in tokens[max(0, m.start - 2) : m.start]]
        return len(before) == 2 and before[0] in _BORDER and before[1] in _BORDER_LINK

    def is_origin(
        self, m: Mention, by_family: Mapping[str, list[Hit]], tokens: list[Token], demonyms: set[int]
    ) -> bool:
        """Migrants' nationality rather than a party.

        'Venezuelan migrants', 'migrantes venezolanos', 'non-Mexican migrants', 'migrants from Venezuela',
        and coordinated origins: 'migrants from Central Asia and India'.
        """
        roles = {h.end for f in ("gov_role", "nongov_role") for h in by_family.get(f, [])}
        if m.alias.plural:
            return m.start not in roles  # "las autoridades ecuatorianas" is an adjective, not people
        if m.alias.kind == "demonym" and m.start > 0 and tokens[m.start - 1].low in NEGATED_NATIONALITY:
            return True
        if m.alias.kind == "demonym" and m.start > 0 and tokens[m.start - 1].low in _COPULA:
            return True  # "all of them are Honduran", "ninguno de ellos es ghanés": a nationality said of people
        if m.alias.kind == "demonym" and m.start > 0 and _person_determiner(tokens, m.start):
            role_next = any(
                m.end <= h.start <= m.end + 2 and all(t.low != "," for t in tokens[m.end : h.start])
                for f in ("gov_role", "nongov_role")
                for h in by_family.get(f, [])
            )
            if not role_next:
                return True  # "a Gambian" is a person; "a Honduran official" is not
        people = by_family.get("people", [])
        if m.alias.kind == "demonym":
            j = m.end
            while j < len(tokens) and (tokens[j].low in _COORD or j in demonyms):
                j += 1  # "Venezuelan and Cuban migrants"
            if any(h.start == j or h.end == m.start for h in people):
                return True
        for o in by_family.get("origin", []):
            if o.end > m.start or m.start - o.end > 4:
                continue
            between = tokens[o.end : m.start]
            if all(t.low in _COORD or t.capitalized for t in between) and any(
                o.start - 3 <= h.end <= o.end for h in people
            ):
                return True
        return False

    # ------------------------------------------------------------------------------------------ speakers
    def entities(
        self, mentions: list[Mention], by_family: Mapping[str, list[Hit]], side: set[int], tokens: list[Token]
    ) -> list[Entity]:
        out = [Entity(m.start, m.end, "mention", m, m.start in side) for m in mentions]
        media = [h for h in by_family.get("media", []) if not _common_noun_title(h, tokens)]  # not "el país"
        media_starts = {h.start for h in media}
        anonymous = {(h.start, h.end) for h in by_family.get("anonymous_role", [])}
        nongov = [(h.start, h.end) for h in by_family.get("nongov_role", [])]
        for fam, kind in (("gov_role", "role"), ("nongov_role", "nongov"), ("media", "media"), ("pronoun", "pronoun")):
            for h in media if kind == "media" else by_family.get(fam, []):
                if kind == "role" and h.end in media_starts:
                    continue  # "government documents", "government report": the source is a document
                if kind == "role" and any(a <= h.start and h.end <= b and b - a > h.end - h.start for a, b in nongov):
                    continue  # "el presidente electo": the longer non-government role is the reading
                if kind == "role" and any(
                    m.start <= h.start and h.end <= m.end and m.end - m.start > h.end - h.start for m in mentions
                ):
                    continue  # "el gobierno de Trump" is an institution of the US, not an unnamed government
                if kind == "role" and any(a <= h.start and h.end <= b for a, b in anonymous):
                    kind_here = "anonymous"  # "officials", "a senior official": people, not an institution
                else:
                    kind_here = kind
                out.append(Entity(h.start, h.end, kind_here, None, h.start in side))
        out.sort(key=lambda e: (e.end, e.end - e.start))
        return out

    def to_speaker(
        self, ent: Entity, ents: list[Entity], tokens: list[Token], resolved: Speaker | None,
        stops: frozenset[int] = frozenset(), speaking: bool = True,
    ) -> Speaker:
        """Who `ent` speaks for. `speaking=False` reads a grammatical subject rather than a speaker: a
        coordinated "X and the United States" then stays one-sided (a press report that both sealed a deal
        is still the press's claim)."""
        text = " ".join(t.text for t in tokens[ent.start : ent.end])
        before = {t.low for t in tokens[max(0, ent.start - 3) : ent.start + 1]}
        if ent.kind in ("role", "mention") and not _FORMER.isdisjoint(before) and self._former(ent, tokens):
            country = self._near_country(ent, ents, stops, tokens) if ent.kind == "role" else None
            if ent.mention is not None:
                country = ent.mention.country
            return Speaker("nongov", frozenset({country} if country else ()), f"{text} (former)")
        if ent.kind == "media":
            return Speaker("media", frozenset(), text)
        if ent.kind == "pronoun":
            return resolved or Speaker("person", frozenset(), text)
        if ent.kind in ("role", "anonymous") and any(t.low in _JOINT for t in tokens[ent.start : ent.end + 3]):
            return Speaker("joint", frozenset(), text)  # "both governments", "officials from both countries"
        if ent.kind == "role" and ent.start > 0 and tokens[ent.start - 1].low in _POSSESSIVE:
            subject = _sentence_subject(ents, tokens)  # "..., confirmó su gobierno": the subject's own government
            if subject is not None:
                return Speaker("gov", frozenset({subject}), f"{text} ({subject})")
        if ent.kind in ("role", "anonymous", "nongov"):
            country = self._near_country(ent, ents, stops, tokens)
            if country is not None:
                kind = "nongov" if ent.kind == "nongov" else "gov"
                return Speaker(kind, frozenset({country}), f"{text} ({country})")
            subject = _sentence_subject(ents, tokens) if ent.kind == "role" else None
            if subject is not None and subject in self.senders and any(e.start < ent.start for e in ents):
                # "Dinamarca negocia con Ruanda ..., declaró el ministro de Inmigración": a bare ministry
                # after a sentence about a sending state's own moves is that state's
                return Speaker("gov", frozenset({subject}), f"{text} ({subject})")
            unnamed = {"role": "unnamed", "anonymous": "anonymous", "nongov": "nongov"}[ent.kind]
            if ent.kind == "role" and tokens[ent.end - 1].low in _MISSIONS:
                unnamed = "anonymous"  # "the embassy in San José said": a foreign mission, never the host's word
            return Speaker(unnamed, frozenset(), text)
        m = ent.mention
        assert m is not None
        if m.country is None:  # a body several states have ("foreign ministry", "INM")
            country = self._near_country(ent, ents, stops, tokens)
            if country is None:
                return Speaker("unnamed", frozenset(), m.alias.label)
            return Speaker("gov", frozenset({country}), f"{m.alias.label} ({country})")
        if m.alias.kind in ("name", "capital", "demonym"):
            near = {
                "role" if o.kind == "anonymous" else o.kind  # "funcionarios hondureños" are officials
                for o in ents
                if abs(o.start - m.start) <= 3 and (
                    o.kind in ("role", "nongov")
                    or (o.kind == "anonymous" and tokens[o.start].low in _OFFICIAL_WORDS)
                )
            }
            if "role" not in near and ("nongov" in near or m.alias.plural):
                # "Honduran lawmakers", "Guatemalans": not the government ("las autoridades
                # ecuatorianas" has a role next to it and is)
                return Speaker("nongov", frozenset({m.country}), text)
        countries = {m.country} | self._coordinated(m, ents, tokens, speaking)
        if m.out_of_office:  # "Juan Orlando Hernández said ..." in 2025: a former president
            return Speaker("nongov", frozenset({m.country}), f"{m.alias.label}, not in office then")
        if m.alias.kind == "official":  # its label already reads "Kristi Noem, Secretary of ... (US)"
            return Speaker("gov", frozenset(countries), m.alias.label)
        label = m.alias.label if m.alias.kind == "institution" else text
        return Speaker("gov", frozenset(countries), f"{label} ({', '.join(sorted(countries))})")

    @staticmethod
    def _former(ent: Entity, tokens: list[Token]) -> bool:
        """'former president X', 'the former foreign minister', 'ex-canciller', 'el expresidente': no longer
        in office, so not the government's voice. 'former' must lead the noun phrase (at most two words
        such as a country or 'foreign' between it and the role or name)."""
        for j in range(max(0, ent.start - 3), ent.start + 1):
            if tokens[j].low in _FORMER and all(tokens[k].is_word for k in range(j, ent.start)):
                return tokens[j].low != "then" or ent.kind == "role"
        return False

    @staticmethod
    def _near_country(ent: Entity, ents: list[Entity], stops: frozenset[int], tokens: list[Token]) -> str | None:
        """The country a role belongs to: "Guatemala's presidential office", "el canciller de Paraguay".

        Never across a verb of saying or a cue ("the official said Honduras ..." is not Honduran).
        """
        best: tuple[int, str] | None = None
        for e in ents:
            if e.mention is None or e.mention.country is None:
                continue
            if e.mention.alias.plural and e.start != ent.end:  # "autoridades ecuatorianas" only
                continue
            if e.mention.alias.kind == "capital" and e.start > 0 and tokens[e.start - 1].low in _LOCATIVE:
                continue  # "diplomats in Panama City": where they are, not whom they serve
            if ent.start - ROLE_BEFORE <= e.start < ent.start:
                dist = ent.start - e.end
                gap = range(e.end, ent.start)
            elif ent.end <= e.start <= ent.end + ROLE_AFTER:
                dist = e.start - ent.end + 1
                gap = range(ent.end, e.start)
            else:
                continue
            if any(i in stops or tokens[i].low == "," for i in gap):
                continue  # "... with the United States, the foreign minister said": not a US minister
            words = [tokens[i] for i in gap if tokens[i].is_word]
            if any(t.capitalized for t in words) and any(
                not t.capitalized and t.low not in _OF for t in words
            ):
                continue  # "President Castro met Noem": the title is Castro's, not Noem's country's
            if best is None or dist < best[0]:
                best = (dist, e.mention.country)
        return best[1] if best else None

    @staticmethod
    def _coordinated(m: Mention, ents: list[Entity], tokens: list[Token], speaking: bool = True) -> set[str]:
        """Countries coordinated with m: 'Guatemala, Honduras deny', 'Guatemala y Honduras niegan'."""
        found: set[str] = set()
        pos = m.start
        if speaking and pos > 1 and tokens[pos - 1].low in DETERMINERS and tokens[pos - 2].low in _COORD:
            pos -= 1  # "Honduras and the United States said"
        mentions = {e.end: e.mention for e in ents if e.mention is not None and e.mention.country}
        while pos > 0 and tokens[pos - 1].low in _COORD:
            prev = mentions.get(pos - 1)
            if prev is None and pos > 1 and tokens[pos - 2].low in _COORD:  # "X, and Y"
                prev = mentions.get(pos - 2)
            if prev is None or prev.country is None:
                break
            if (
                _after_locative(tokens, prev.start) or (prev.alias.kind == "official") != (m.alias.kind == "official")
                or prev.start < opening_scene(tokens) <= m.start
            ):
                break  # "In Tegucigalpa, Noem said", "Junto a Bukele, Noem dijo": the scene is no co-speaker
            found.add(prev.country)
            pos = prev.start
        return found

    @staticmethod
    def _heads(left: list[Entity], tokens: list[Token]) -> list[Entity]:
        """Drop places that only complete an earlier speaker's noun phrase.

        In "El embajador de Guatemala en Washington negó" and "Honduras' ambassador to the United States
        denied" the subject is the ambassador; "en Washington" / "to the United States" say where, and are
        never the speaker while a speaker stands before them.
        """
        if len(left) < 2:
            return left
        kept = [
            e for i, e in enumerate(left)
            if i == 0 or e.kind != "mention"
            or (
                (not _after_locative(tokens, e.start) or not any(
                    o.kind in ("role", "anonymous", "nongov", "media")
                    or (o.mention is not None and o.mention.alias.kind == "official")  # "Noem, en Tegucigalpa, dijo"
                    for o in left[:i]
                ))
                and not _completes(left[i - 1], e, tokens)
            )
        ]
        return kept

    def side_clauses(self, tokens: list[Token], by_family: Mapping[str, list[Hit]]) -> set[int]:
        """Token positions inside ', who/whose/which/cuyo ... ,' and '<Name>, que ... ,' side clauses."""
        inside: set[int] = set()
        # "Ghana, que ha recibido a 15 deportados, informó ...": a "que" right after a name and its comma
        # opens a relative clause (after a verb or an aside, ", que" is the complementizer)
        starts = [h.start for h in by_family.get("relative", [])] + [
            i for i, t in enumerate(tokens) if t.low == "que" and i >= 2 and tokens[i - 2].capitalized
        ]
        for start in starts:
            if start == 0 or tokens[start - 1].low != ",":
                continue
            j = start
            while j < len(tokens) and tokens[j].low not in (",", ";", ":"):
                inside.add(j)
                j += 1
        return inside

    def find_speaker(
        self, hit: Hit, side_right: bool, ents: list[Entity], barriers: set[int], tokens: list[Token],
        resolved: Speaker | None, adjacent: set[int], after_appositive: bool = False, in_side: bool = False,
    ) -> tuple[Speaker | None, int | None]:
        """Speaker of a frame or speech-act cue, and where it was found (its first token).

        A speaker adjacent to the verb on the left ("Noem said", "the chief, said") or right after it
        ("says Noem") is added to `adjacent`, for trailing-attribution detection. After an appositive
        (`after_appositive`: "Burkina Faso, land of ..., rejects Trump's plan") the comma before the verb
        closes the appositive and the subject is on the left. A frame in a side clause (`in_side`) looks
        for its speaker inside that clause first.
        """
        right = [
            e for e in ents
            if hit.end <= e.start <= hit.end + RIGHT_WINDOW and e.kind != "pronoun"
            and (side_right or not _addressee(tokens, hit.end, e.start))
            and not _requester(tokens, e.start)  # "no cederá a la presión de Washington": who presses, not who speaks
        ]
        if not side_right and hit.end < len(tokens) and tokens[hit.end].low in ("that", "que"):
            right = []  # "reports that Belize signed": Belize is the content, not the source
        if not side_right and _is_participle(tokens[hit.end - 1]):
            right = []  # "Rubio weighed in, saying Guatemala had agreed": a participle's subject is on the left
        stops = frozenset(barriers) | frozenset(range(hit.start, hit.end))
        if comma_participle(tokens, hit) and not side_right:
            # "Rubio met Arévalo in Guatemala City, saying ...": the participle's subject is the clause's
            # subject, its first noun phrase, not the object or place nearest to the comma
            begin = max([0, opening_scene(tokens)] + [i + 1 for i in range(hit.start) if tokens[i].low in HARD_STOP])
            heads = self._heads([e for e in ents if begin <= e.start and e.end <= hit.start], tokens)
            if heads:
                return self.to_speaker(heads[0], ents, tokens, resolved, stops), heads[0].start
        trailing = hit.start > 0 and tokens[hit.start - 1].low == "," and not after_appositive
        if trailing and not side_right and right and _acts_next(right[0], barriers, tokens):
            # "Two officials, who spoke on condition of anonymity, said Panama had agreed": the name after
            # the verb is the subject of what was said, not the speaker; the subject is on the left
            right = []
        if side_right or (trailing and right):
            if right:
                adjacent.add(right[0].start)
                return self.to_speaker(right[0], ents, tokens, resolved, stops), right[0].start
            return None, None
        floor = max(0, hit.start - SUBJECT_WINDOW)
        for i in range(hit.start - 1, floor - 1, -1):
            if i in barriers:
                floor = i + 1
                break
        left = [e for e in ents if floor <= e.start and e.end <= hit.start]
        # a frame inside a side clause takes its speaker there ("..., which the columnist says struck ...")
        same_level = [e for e in left if e.in_side_clause == in_side]
        main = self._heads(same_level or left, tokens)
        named = _name_before(tokens, hit.start, floor)
        if main and named is not None and any(t.low == "," for t in tokens[main[-1].end : named]):
            # "..., the Miami Herald reported": the name right before the verb speaks, not a country
            # named before the comma
            adjacent.add(named)
            return Speaker("person", frozenset(), " ".join(t.text for t in tokens[named : hit.start])), named
        if main:
            ent = main[-1]
            gap = tokens[ent.end : hit.start]
            if (
                not gap
                or (len(gap) <= 3 and gap[-1].low == ",")  # "Noem, the chief, said"
                or (len(gap) <= 3 and gap[0].low in _PREPOSITIONS)  # "officials from both countries said"
                or (len(gap) <= 4 and all(t.capitalized for t in gap))  # "spokesman Mustapha El Khalfi told"
                or (  # "three sources familiar with the matter said", "officials close to the talks said"
                    ent.kind in ("role", "anonymous", "media") and len(gap) <= 5
                    and all(t.is_word and not t.capitalized for t in gap)
                )
            ):
                adjacent.add(ent.start)
            return self.to_speaker(ent, ents, tokens, resolved, stops), ent.start
        j = hit.start - 1
        if j >= 0 and tokens[j].low == ",":
            j -= 1
        if j >= floor and tokens[j].is_word and tokens[j].capitalized and tokens[j].low not in _NOT_NAMES:
            adjacent.add(j)  # "..., NYT says": a trailing attribution
            return Speaker("person", frozenset(), tokens[j].text), j
        if right:
            adjacent.add(right[0].start)
            return self.to_speaker(right[0], ents, tokens, resolved, stops), right[0].start
        return None, None

    def subject(self, hit: Hit, ents: list[Entity], barriers: set[int], tokens: list[Token]) -> frozenset[str]:
        """Countries acting as the grammatical subject of a cue: 'Mexico has accepted ...' -> {MX}."""
        floor = max(0, hit.start - SUBJECT_WINDOW)
        for i in range(hit.start - 1, floor - 1, -1):
            if i in barriers:
                floor = i + 1
                break
        left = self._heads(
            [
                e for e in ents
                if floor <= e.start and e.end <= hit.start and not e.in_side_clause and not _requester(tokens, e.start)
            ],
            tokens,
        )
        if not left or left[-1].kind not in ("mention", "role", "anonymous"):
            return frozenset()
        spk = self.to_speaker(left[-1], ents, tokens, None, frozenset(barriers), speaking=False)
        if spk.kind == "joint":  # "ambos países firmaron", "both governments signed"
            return frozenset({JOINT})
        return spk.countries if spk.kind == "gov" else frozenset()

