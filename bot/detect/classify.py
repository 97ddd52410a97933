"""Article -> findings: the pure entry point of detection, and the golden-example runner.

    ruleset = load_ruleset()            # once
    findings = classify(ruleset, text, title=title, lang="es")   # per article, no I/O

Pipeline per article:
1. repair the encoding (`textprep.repair_text`);
2. prefilter: fold the whole article once and run the topic automaton; articles that cannot be on topic
   (the vast majority of a news feed) stop here;
3. for candidates: split sentences (the title is the first), match every family and country alias,
   analyse speakers and scopes (`analyze.py`), and evaluate the rules per (cue, country);
4. keep one finding per (country, label): every signal the article supports (a US claim that Honduras
   signed *and* Honduras' denial), each with its own evidence sentence and speaker; for each label the
   highest rule priority wins, the earliest sentence on ties. MENTION only for a country with no signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime

from bot.detect.analyze import Analyzer, Cue, Sentence, relation
from bot.detect.constructions import join_answers
from bot.detect.matcher import AliasHit, Hit, expand
from bot.detect.parties import JOINT
from bot.detect.ruledefs import FamilyDef, RuleDef
from bot.detect.rules import RuleSet
from bot.detect.textprep import (
    Token,
    fold,
    fold_parts,
    needs_repair,
    repair_text,
    split_sentences,
    tokenize,
)
from bot.models import Finding, Label

__all__ = ["GoldenFailure", "classify", "run_golden", "topic_possible"]

MAX_TOKENS = 160
INHERIT_DISTANCE = 2


@dataclass(frozen=True)
class GoldenFailure:
    """A golden example that did not behave as its rule says."""

    rule: str
    text: str
    expected: str
    got: list[str]
    explanation: str

    def __str__(self) -> str:
        got = "; ".join(self.got) or "no findings"
        return f"[{self.rule}] expected {self.expected}, got {got}\n    text: {self.text}\n    rule: {self.explanation}"


@dataclass(frozen=True, slots=True)
class _Candidate:
    rule: RuleDef
    country: str
    sentence: int
    cue: Cue | None
    relation: str


def topic_possible(ruleset: RuleSet, families: Iterable[str]) -> bool:
    """Could an article with these families present anywhere contain a topical sentence?"""
    present = families if isinstance(families, set) else set(families)
    strong, combos = _topic_sets(ruleset)
    return not strong.isdisjoint(present) or any(c <= present for c in combos)


def _one_words(ruleset: RuleSet, key: str, wanted: Callable[[FamilyDef], bool]) -> frozenset[str]:
    """The one-word terms of the families `wanted` picks, as folded words (cached on the rule set under
    `key`): what the sentence selection compares a sentence's words with."""
    cached: frozenset[str] | None = getattr(ruleset, key, None)
    if cached is None:
        patterns = [p for f in ruleset.families.values() if wanted(f) for p in f.patterns]
        cached = frozenset(k for p in patterns if " " not in p and "..." not in p for k, _ in expand(p))
        object.__setattr__(ruleset, key, cached)
    return cached


def _pronouns(ruleset: RuleSet) -> frozenset[str]:
    return _one_words(ruleset, "_pronouns", lambda f: f.name == "pronoun")


# Noun phrases that stand for a country named earlier ("The embassy said the country had agreed ...")
_COUNTRY_ANAPHORS = (
    " the country ", " the nation ", " the government ", " el pais ", " la nacion ", " el gobierno ",
    " its government ", " su gobierno ",
)


def _frame_openers(ruleset: RuleSet) -> frozenset[str]:
    """One-word verbs of saying or denying ("aseguró", "negó", "added"): a sentence that opens with one
    dropped its subject, which an earlier sentence names."""
    return _one_words(ruleset, "_frame_openers", lambda f: f.frame and f.speaker_side == "left")


def _inferable(ruleset: RuleSet, families: AbstractSet[str]) -> AbstractSet[str]:
    """Families the sentence analysis may add, for the prefilters (which must never miss a sentence).

    A migration word can come with a nationality that the analysis recognises as third-country people
    ("Venezuelan deportees" held in El Salvador), and so can a people noun ("Salvadoran national Kilmar
    Abrego Garcia", "un hombre iraquí"), so `third_country` counts as present when it would complete a
    combo together with families other than the migration word itself. A people noun is common in any
    news ("people", "workers"), so it counts only beside receiving or sending someone, which is what the
    named person of another nationality is for in this beat.
    """
    if "third_country" in families or ("migration" not in families and "people" not in families):
        return families
    _, combos = _topic_sets(ruleset)
    for combo in combos:
        rest = combo - {"third_country"}
        if "migration" not in families and not rest <= _ACTS_ON_PEOPLE:
            continue
        if "third_country" in combo and rest and rest != {"migration"} and rest <= families:
            return families | {"third_country"}
    return families


_ACTS_ON_PEOPLE = frozenset({"receive", "receive_by", "transfer", "arrival"})


def _maybe_topical(ruleset: RuleSet, families: set[str], *, matched: bool = False) -> bool:
    """Sentence-level prefilter: topic families present (or inferable) and, on real matches (`matched`,
    where `except` phrases are applied: "not its citizens" is no exclusion), unless a strong term is, no
    exclusion. Must accept every sentence the full analysis could find topical.

    Memoised per rule set: sentences of one story share a handful of family sets."""
    memo: dict[tuple[frozenset[str], bool], bool] | None = getattr(ruleset, "_topical_memo", None)
    if memo is None:
        memo = {}
        object.__setattr__(ruleset, "_topical_memo", memo)
    key = (frozenset(families), matched)
    hit = memo.get(key)
    if hit is None:
        hit = _maybe_topical_uncached(ruleset, key[0], matched=matched)
        if len(memo) < 100_000:
            memo[key] = hit
    return hit


def _maybe_topical_uncached(ruleset: RuleSet, families: frozenset[str], *, matched: bool) -> bool:
    strong, _ = _topic_sets(ruleset)
    if not topic_possible(ruleset, _inferable(ruleset, families)):
        return False
    return not matched or not strong.isdisjoint(families) or families.isdisjoint(ruleset.topic.exclusions)


def _topic_sets(ruleset: RuleSet) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    cached: tuple[frozenset[str], tuple[frozenset[str], ...]] | None = getattr(ruleset, "_topic_sets", None)
    if cached is None:
        cached = (frozenset(ruleset.topic.strong), tuple(frozenset(c) for c in ruleset.topic.combos))
        object.__setattr__(ruleset, "_topic_sets", cached)
    return cached


def _analyzer(ruleset: RuleSet) -> Analyzer:
    cached = getattr(ruleset, "_analyzer", None)
    if cached is None:
        cached = Analyzer(ruleset.families, ruleset.topic)
        object.__setattr__(ruleset, "_analyzer", cached)
    return cached


def _rules_by_cue(ruleset: RuleSet) -> dict[str, list[RuleDef]]:
    cached: dict[str, list[RuleDef]] | None = getattr(ruleset, "_by_cue", None)
    if cached is None:
        cached = {}
        for rule in ruleset.rules:
            for fam in rule.cue or ("",):
                cached.setdefault(fam, []).append(rule)
        object.__setattr__(ruleset, "_by_cue", cached)
    return cached


def _fires(rule: RuleDef, modifiers: frozenset[str] | set[str], s: Sentence) -> bool:
    families = s.families
    if not rule.with_all <= modifiers or rule.without & modifiers or rule.without_anywhere & s.modifiers:
        return False
    if rule.with_any and not rule.with_any & modifiers:
        return False
    if not rule.require <= families:
        return False
    return not rule.require_any or bool(rule.require_any & families)


def _sender_or(rel: str, cue: Cue, senders: frozenset[str], rule: RuleDef) -> str:
    """`sender` for a rule that names it, when the speaker is another state's government and that state
    sends people away under such deals (its own plans: "he could be removed to Uganda", ICE said);
    otherwise the relation itself."""
    spk = cue.speaker
    if rel != "other" or "sender" not in rule.speaker or spk is None or spk.kind != "gov":
        return rel
    return "sender" if spk.countries and spk.countries <= senders else rel


def _subject_fits(rule: RuleDef, cue: Cue, country: str, senders: frozenset[str]) -> bool:
    """`subject_is_country`: the country itself is the cue's subject; `joint_subject`: it and its
    counterpart, the sending state, are ("Copenhague y Kigali firmaron", "Morales and Trump signed", "both
    governments signed"); two receiving countries side by side ("Guatemala and Honduras signed deals with
    Washington") are not both sides."""
    if rule.subject_is_country and country not in cue.subject:
        return False
    if not rule.joint_subject or JOINT in cue.subject:
        return True
    return country in cue.subject and not senders.isdisjoint(cue.subject)


def _evaluate(ruleset: RuleSet, s: Sentence, index: int, targets: list[str]) -> list[_Candidate]:
    by_cue = _rules_by_cue(ruleset)
    out: list[_Candidate] = []
    senders = ruleset.topic.senders
    for cue in s.cues:
        rules = [rule for rule in by_cue.get(cue.family, []) if _fires(rule, cue.modifiers, s)]
        if not rules:
            continue
        here = _spoken_of(s, cue, targets, senders)
        for rule in rules:
            for country in here:
                rel = _sender_or(relation(cue.speaker, country), cue, senders, rule)
                if rel in rule.speaker and _subject_fits(rule, cue, country, senders):
                    out.append(_Candidate(rule, country, index, cue, rel))
    for rule in by_cue.get("", []):
        if _fires(rule, s.modifiers, s):
            out.extend(_Candidate(rule, c, index, None, "any") for c in targets)
    return out


def _spoken_of(s: Sentence, cue: Cue, targets: list[str], senders: frozenset[str]) -> list[str]:
    """The targets a cue speaks of, whatever the rule. Each country takes its label from its own clause
    ("Guatemala confirmed ..., while Honduras denied ..."); a clause that names no target speaks of the
    sentence's targets. A signing's named counterparts are its parties ("Belize's minister said Washington
    struck deals with Mexico": not Belize's deal; a deal "with the United States" is the subject's own),
    and the speaker's own country is not what its words say of another ("Bukele said Ecuador had signed")."""
    here = [c for c in targets if c in cue.clause_targets] or _narrated_elsewhere(s, cue, targets)
    named = cue.partners - senders
    return [
        c for c in here
        if not (named and c not in named | cue.subject) and not _speaks_of_another(s, cue, c, senders)
    ]


def _narrated_elsewhere(s: Sentence, cue: Cue, targets: list[str]) -> list[str]:
    """Targets for a cue whose clause names none. The narrator's words in one ';'-statement say nothing
    of a country named only in another ("Ocho países han aceptado ...; Ecuador aún negocia ...")."""
    if cue.speaker is not None or not s.semicolons:
        return targets
    lo = max((i for i in s.semicolons if i < cue.start), default=-1)
    hi = min((i for i in s.semicolons if i > cue.start), default=1 << 30)
    own = {c for pos, c in s.target_at if lo < pos < hi}
    named = {c for _, c in s.target_at}
    return [c for c in targets if c in own or c not in named]


def _speaks_of_another(s: Sentence, cue: Cue, country: str, senders: frozenset[str]) -> bool:
    """The speaker's own country, named only as the speaker, while the reported words name other
    countries as their subjects: those words are about them ("Bukele said Ecuador had signed", "Peña said
    the US already has a deal with Ecuador"). Reported words with no named subject ("Costa Rica anunció
    que servirá de puente", "niega haber pactado con España") stay the speaker's own."""
    if cue.content is None or cue.speaker is None or country not in cue.speaker.countries:
        return False
    lo, hi = cue.content
    named = {c for pos, c in s.target_at if lo <= pos < hi}
    if country in named or not named - {country}:
        return False
    subjects: set[str] = set()
    for c in s.cues:
        if lo <= c.start < hi and c.family in _ACTS:
            # a sending state's deal "with Guatemala" is Guatemala's; a pro-drop "pactado con España" is not Spain's
            subjects |= c.subject | (c.partners if c.subject & senders else frozenset())
    subjects -= senders
    return bool(subjects) and country not in subjects and JOINT not in subjects


# Cues whose subject (or counterpart) is the party acting: verbs, not nouns ("the deal", "third-country
# nationals") whose nearest name is often someone else's.
_ACTS = frozenset({"sign", "agree", "possess", "receive", "transfer", "designation"})


def _explain(ruleset: RuleSet, cand: _Candidate) -> str:
    name = ruleset.gazetteer.name(cand.country)
    parts = [f"{cand.rule.label.value} for {name} ({cand.country}) by rule {cand.rule.id}: {cand.rule.description}"]
    if cand.cue is not None:
        parts.append(f"cue '{cand.cue.text}' ({cand.cue.family})")
        who = cand.cue.speaker.text if cand.cue.speaker else "the text itself"
        parts.append(f"speaker: {who} [{cand.relation}]")
        if cand.cue.modifiers:
            parts.append("in scope: " + ", ".join(sorted(cand.cue.modifiers)))
    return "; ".join(parts) + "."


def classify(
    ruleset: RuleSet, text: str, *, title: str | None = None, lang: str | None = None,
    published: date | datetime | None = None,
) -> list[Finding]:
    """Findings for one article: one per (country, signal label) it supports, else a MENTION per country.

    Pure: no I/O, no global state besides caches derived from `ruleset`. `lang` is accepted for the
    CLI contract; the vocabulary is bilingual, so detection does not depend on it. `published` (default:
    today) decides which officials are in office and whether a year is history or news.
    """
    on = published.date() if isinstance(published, datetime) else published
    del lang  # both languages are always matched: excerpts mix them and feeds mislabel them
    raw_body, raw_head = text or "", title or ""
    matcher = ruleset.matcher
    if needs_repair(raw_body) or needs_repair(raw_head):
        raw_body, raw_head = repair_text(raw_body), repair_text(raw_head)
    if not topic_possible(ruleset, _inferable(ruleset, matcher.families_in(fold(raw_head + "\n" + raw_body)))):
        return []  # the common case: decided from one folded copy of the raw text
    body = repair_text(raw_body)
    head = repair_text(raw_head) if raw_head else ""
    sentences = ([head] if head else []) + join_answers(split_sentences(body))
    # Sentence prefilter: only sentences that may be topical get the full, much more expensive, analysis,
    # plus the few after them that refer back ("Both governments deny it") and the one before a topical
    # sentence that starts with a pronoun ("He said ..." needs the previous sentence's speaker).
    folded = fold_parts(sentences)
    families = matcher.families_by_part(folded)
    topical = [i for i, fams in enumerate(families) if _maybe_topical(ruleset, fams)]
    cache: dict[int, tuple[list[Token], list[Hit], list[AliasHit]]] = {}

    def match(i: int) -> tuple[list[Token], list[Hit], list[AliasHit]]:
        if i not in cache:
            tokens = tokenize(sentences[i])[:MAX_TOKENS]
            cache[i] = (tokens, *matcher.match(tokens))
        return cache[i]

    # the folded prefilter over-approximates (a gapped pattern's two parts anywhere in the sentence); the
    # real matches decide before the expensive analysis
    topical = [i for i in topical if _maybe_topical(ruleset, {h.family for h in match(i)[1]}, matched=True)]
    if not topical:
        return []
    selected = set(topical)
    pronouns = _pronouns(ruleset)
    openers = _frame_openers(ruleset)
    for i in topical:
        after = range(i + 1, min(i + INHERIT_DISTANCE + 1, len(sentences)))
        selected.update(j for j in after if "anaphor" in families[j])
        words, padded = folded[i].split(), f" {folded[i]} "
        refers_back = not pronouns.isdisjoint(words) or (words and words[0] in openers)
        if i > 0 and (refers_back or any(a in padded for a in _COUNTRY_ANAPHORS)):
            # "He said ...", "Aseguró que ...", "the country will ...": who or which, named before
            selected.update(range(max(0, i - 2), i))
    selected_order = sorted(selected)
    matched = []
    for i in selected_order:
        tokens, hits, alias_hits = match(i)
        matched.append((i, sentences[i], tokens, hits, alias_hits))
    supported = {
        a.country
        for *_, alias_hits in matched
        for ah in alias_hits
        for a in ah.aliases
        if a.country and not a.weak and a.kind != "blocked" and a.case is None
    }
    analyzer = _analyzer(ruleset)
    best: dict[tuple[str, Label], _Candidate] = {}
    evidence: dict[int, str] = {}
    last_topical: tuple[int, list[str], set[str]] | None = None
    previous_speaker = None
    previous_targets: list[str] = []
    previous = -2
    for i, sent, tokens, hits, alias_hits in matched:
        if i != previous + 1:
            previous_speaker = None  # the sentence before was not analysed: no speaker to carry over
            previous_targets = []
        previous = i
        s = analyzer.analyze(sent, tokens, hits, alias_hits, supported, previous_speaker, on)
        previous_speaker = s.last_speaker or previous_speaker
        context_targets, previous_targets = previous_targets, s.targets or previous_targets
        recent = last_topical is not None and i - last_topical[0] <= INHERIT_DISTANCE
        is_topical = s.topical_self and not s.excluded
        if not is_topical and s.has_anaphor and recent and not s.excluded and last_topical is not None:
            is_topical = True
            s.families |= last_topical[2]  # "Both governments deny it": "it" is the deal named just before
        if not is_topical:
            continue
        targets = s.targets or (last_topical[1] if recent and last_topical is not None else [])
        targets = targets or s.speaker_countries  # "It said no agreement ...": the speaking government
        targets = targets or context_targets  # "Noem visited Honduras. She said the country had agreed ..."
        last_topical = (i, targets, s.families)
        evidence[i] = sent
        for cand in _refuted_claims_dropped(_evaluate(ruleset, s, i, targets)):
            key = (cand.country, cand.rule.label)
            cur = best.get(key)
            if cur is None or cand.rule.priority > cur.rule.priority:
                best[key] = cand
    best = _one_reading_per_side(best)
    signalled = {country for country, label in best if label.is_signal}
    kept = [c for (country, label), c in best.items() if label.is_signal or country not in signalled]
    return [
        Finding(
            label=c.rule.label,
            country=c.country,
            rule=c.rule.id,
            evidence=evidence[c.sentence],
            explanation=_explain(ruleset, c),
            speaker=c.cue.speaker.text if c.cue is not None and c.cue.speaker is not None else None,
        )
        for c in sorted(kept, key=lambda c: (-c.rule.priority, c.sentence, c.country))
    ]


_GOVERNMENT_SIDE = frozenset({Label.CONFIRMED, Label.DENIAL})


def _refuted_claims_dropped(cands: list[_Candidate]) -> list[_Candidate]:
    """A claim named after a denial, inside what is denied ("Guatemala denies Noem's claim that it
    signed", "negó haber suscrito el pacto, después de que Noem asegurara que ...", "rejecting a report
    that Kampala had agreed"), is the object of the denial, not a second piece of news: that statement is
    the DENIAL. A claim the sentence makes first and then reports denied ("Trump said Mexico had agreed,
    a claim Mexican officials rejected"; "Noem says Belize signed; Belize denies") is kept beside it."""
    first_denial: dict[tuple[str, int], int] = {}
    for c in cands:
        if c.rule.label is Label.DENIAL and c.cue is not None:
            key = (c.country, c.cue.statement)
            start = c.cue.start if c.cue.reach is None else c.cue.reach  # "X said reports that ... were untrue"
            first_denial[key] = min(first_denial.get(key, start), start)
    if not first_denial:
        return cands

    def refuted(c: _Candidate) -> bool:
        if c.rule.label is not Label.CLAIM or c.cue is None:
            return False
        denial = first_denial.get((c.country, c.cue.statement))
        return denial is not None and c.cue.start > denial

    return [c for c in cands if not refuted(c)]


def _one_reading_per_side(best: dict[tuple[str, Label], _Candidate]) -> dict[tuple[str, Label], _Candidate]:
    """Both sides of a story are kept (a US CLAIM and Honduras' DENIAL; a confirmation and the denial it
    recalls), but one sentence cannot both confirm and deny: where CONFIRMED and DENIAL for a country come
    from the same sentence, the stronger rule wins (a refusal that mentions arrivals is still a refusal),
    except that the main clause outweighs the sentence's opening scene, and rejecting the label alone, or
    limiting whom it receives, never outweighs the signing or substance confirmed beside it."""
    out = dict(best)
    for country in {c for c, _ in best}:
        pair = [out[(country, lab)] for lab in _GOVERNMENT_SIDE if (country, lab) in out]
        if len(pair) == 2 and pair[0].sentence == pair[1].sentence:
            denial = out[(country, Label.DENIAL)]
            confirmation = out[(country, Label.CONFIRMED)]
            scenes = {c.rule.label: c.cue is not None and c.cue.in_scene for c in pair}
            if scenes[Label.CONFIRMED] != scenes[Label.DENIAL]:
                # "A day after a minister denied it, the ministry acknowledged ...": the main clause is the news
                weaker = denial if scenes[Label.DENIAL] else confirmation
            elif denial.cue is not None and denial.cue.label_only:
                weaker = denial  # "signed the agreement, although it rejects the label": the substance stands
            elif _terms_beside_signing(denial, confirmation):
                weaker = denial  # "we signed an agreement ..., not that we accept whomever": terms, not a refusal
            else:
                weaker = min(pair, key=lambda c: (c.rule.priority, -c.sentence))
            del out[(country, weaker.rule.label)]
        claim, confirmed = out.get((country, Label.CLAIM)), out.get((country, Label.CONFIRMED))
        if claim and confirmed and _same_cue(claim, confirmed):  # one word read two ways: the stronger reading
            del out[(country, min(claim, confirmed, key=lambda c: c.rule.priority).rule.label)]
    return out


def _terms_beside_signing(denial: _Candidate, confirmed: _Candidate) -> bool:
    """A signing the government affirms, and beside it a 'not' about whom it receives ("we signed an
    agreement which gives us the authority, not that we accept whomever"): the 'not' states the deal's
    terms; the signing is the news."""
    d, c = denial.cue, confirmed.cue
    return (
        d is not None and c is not None and d.family == "receive" and "negation" in d.modifiers
        and c.family in ("sign", "agree") and "negation" not in c.modifiers
    )


def _same_cue(a: _Candidate, b: _Candidate) -> bool:
    return a.sentence == b.sentence and a.cue is not None and b.cue is not None and a.cue.start == b.cue.start


def run_golden(ruleset: RuleSet) -> list[GoldenFailure]:
    """Run every rule's golden examples: positives must yield the rule's label for their country,
    negatives must not yield it (for their country if given, else for any country)."""
    failures: list[GoldenFailure] = []
    for rule in ruleset.rules:
        label = rule.label
        for ex in rule.examples.positive:
            found = classify(ruleset, ex.text)
            got = [f"{f.label.value} {f.country} ({f.rule})" for f in found]
            if not any(f.label == label and f.country == ex.country for f in found):
                failures.append(GoldenFailure(rule.id, ex.text, f"{label.value} {ex.country}", got, rule.description))
        for ex in rule.examples.negative:
            found = classify(ruleset, ex.text)
            got = [f"{f.label.value} {f.country} ({f.rule})" for f in found]
            bad = [f for f in found if f.label == label and (ex.country is None or f.country == ex.country)]
            if bad:
                where = ex.country or "any country"
                failures.append(GoldenFailure(rule.id, ex.text, f"no {label.value} for {where}", got, rule.description))
    return failures
