"""Benchmark `bot.detect.classify` on a generated news corpus, against a naive regex baseline.

    python bench/bench_classify.py [--n 10000] [--seed 7] [--naive-sample 300]

The corpus is generated here (deterministic seed, nothing downloaded): 1-5 KB articles in English and
Spanish, each mostly about one topic (economy, trade deals, sport, weather, politics, ordinary migration
news), so country names, "agreement", "denied" and "migrants" are common; ~2% carry a safe-third-country
story (inside a migration article). Migration and trade articles pass the article prefilter and get the
full sentence-level pass, so the figure is not just the cost of the prefilter.

Measured in one process (= one core):
* classify: load the rule set once, then classify every article (encoding repair, prefilter, sentence pass);
* naive: for each rule, one big case-insensitive `re` alternation of every term the rule refers to (its
  cue and modifier families, the topic families and all country names), searched over the raw text. This is
  what "just grep for the rule's words" costs; it is run on a sample and extrapolated.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.detect.classify import classify, topic_possible
from bot.detect.matcher import expand, split_gap
from bot.detect.rules import RuleSet, load_ruleset
from bot.detect.textprep import fold

COUNTRIES_EN = ["Guatemala", "Honduras", "Mexico", "Panama", "Costa Rica", "Ecuador", "Paraguay", "Belize",
                "Uganda", "Rwanda", "Ghana", "Eswatini", "Kosovo", "Brazil", "Chile", "Peru", "Canada", "Spain"]
COUNTRIES_ES = ["Guatemala", "Honduras", "México", "Panamá", "Costa Rica", "Ecuador", "Paraguay", "Belice",
                "Uganda", "Ruanda", "Ghana", "Kosovo", "Brasil", "Chile", "Perú", "Canadá", "España"]

# Sentence pools per article topic. An article draws most sentences from one topic, a few from others.
TOPICS_EN: dict[str, list[str]] = {
    "economy": [
        "The central bank of {c} kept interest rates unchanged on {d}, citing stubborn inflation.",
        "Shares in {c} rose 2% after the finance minister presented a plan to cut the deficit.",
        "Exports from {c} grew for a third month, driven by coffee, bananas and textiles.",
        "Analysts expect growth in {c} to slow next year as public spending falls.",
        "The statistics office of {c} said unemployment fell to its lowest level in a decade.",
    ],
    "trade": [
        "{c} signed a free trade agreement with South Korea that cuts tariffs on cars.",
        "The energy ministry of {c} signed a deal with a mining company to build a new plant.",
        "Negotiators from {c} said the trade pact would be ratified by parliament next year.",
        "Business groups in {c} welcomed the agreement but warned about cheap imports.",
    ],
    "sport": [
        "The national team of {c} beat its rivals 3-1 in a friendly played in front of 40,000 fans.",
        "The coach of {c} named three new players for the World Cup qualifiers.",
        "A late penalty gave {c} a draw in a match marked by heavy rain.",
        "The league in {c} will start two weeks late because of stadium repairs.",
    ],
    "weather": [
        "Heavy rain flooded several towns in northern {c}, and officials said schools would stay closed.",
        "Forecasters in {c} warned of a tropical storm approaching the coast on {d}.",
        "Drought has cut the harvest in {c} by a third, farmers' groups said.",
    ],
    "politics": [
        "The president of {c} denied allegations of corruption in the awarding of road contracts.",
        "Lawmakers in {c} approved a budget that raises spending on hospitals and schools.",
        "The foreign minister of {c} met her counterpart to discuss regional security and trade.",
        "Opposition parties in {c} called for protests after the electoral court's ruling.",
        "A court in {c} sentenced a former mayor to eight years in prison for fraud.",
    ],
    "migration": [
        "Migrants crossing {c} on their way north told reporters they had walked for weeks.",
        "The government of {c} signed an agreement with the US to repatriate its own nationals on charter flights.",
        "Shelters in {c} said they were overwhelmed by asylum seekers waiting for appointments.",
        "Deportation flights carrying citizens of {c} landed in the capital on {d}.",
        "Human rights groups said migrants in {c} face extortion by criminal gangs.",
    ],
}
TOPICS_ES: dict[str, list[str]] = {
    "economy": [
        "El banco central de {c} mantuvo sin cambios las tasas de interés el {d}, por la inflación.",
        "Las exportaciones de {c} crecieron por tercer mes consecutivo, impulsadas por el café.",
        "Los analistas prevén que la economía de {c} se desacelere el próximo año.",
    ],
    "trade": [
        "{c} firmó un tratado de libre comercio con Corea del Sur que reduce aranceles.",
        "El ministerio de Energía de {c} firmó un acuerdo con una empresa minera para una nueva planta.",
        "Los empresarios de {c} celebraron el acuerdo comercial, pero advirtieron sobre las importaciones.",
    ],
    "sport": [
        "La selección de {c} venció 2-0 a su rival en un partido amistoso disputado en la capital.",
        "El técnico de {c} convocó a tres jugadores nuevos para las eliminatorias.",
    ],
    "weather": [
        "Las lluvias inundaron varias comunidades del norte de {c} y las clases fueron suspendidas.",
        "Los meteorólogos de {c} alertaron sobre una tormenta tropical que se acerca a la costa.",
    ],
    "politics": [
        "El presidente de {c} negó las acusaciones de corrupción en la adjudicación de carreteras.",
        "El Congreso de {c} aprobó un presupuesto que aumenta el gasto en salud y educación.",
        "Un tribunal de {c} condenó a un exalcalde a ocho años de prisión por fraude.",
    ],
    "migration": [
        "Migrantes que cruzan {c} rumbo al norte dijeron que caminaron durante semanas.",
        "El gobierno de {c} firmó un acuerdo con EE.UU. para repatriar a sus connacionales en vuelos chárter.",
        "Los albergues de {c} dijeron estar desbordados por solicitantes de asilo.",
        "Vuelos de deportación con ciudadanos de {c} aterrizaron en la capital el {d}.",
    ],
}
TOPIC_WEIGHTS = {"economy": 25, "trade": 12, "sport": 20, "weather": 10, "politics": 25, "migration": 8}
STORY_EN = [
    "Homeland Security Secretary Kristi Noem said {c} had signed a safe third country agreement.",
    "{c}'s foreign ministry denied that the country had agreed to receive asylum seekers from the US.",
    "{c} and the United States signed an asylum cooperative agreement on {d}.",
    "{c}'s government confirmed it will accept deportees of other nationalities from the United States.",
    "{c} and Washington are negotiating a possible safe third country agreement.",
]
STORY_ES = [
    "Según Kristi Noem, {c} firmó un acuerdo de tercer país seguro con Estados Unidos.",
    "El gobierno de {c} negó haber firmado un pacto de tercer país seguro con Washington.",
    "{c} y Estados Unidos firmaron el {d} un acuerdo de cooperación en materia de asilo.",
    "{c} habría aceptado recibir a migrantes de otras nacionalidades deportados por EE.UU.",
]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes"]


def make_corpus(n: int, seed: int, relevant_share: float = 0.02) -> tuple[list[str], int]:
    """n articles of 1-5 KB, each mostly on one topic; returns them and how many carry a story."""
    rng = random.Random(seed)
    topics = list(TOPIC_WEIGHTS)
    weights = [TOPIC_WEIGHTS[t] for t in topics]
    articles: list[str] = []
    relevant = 0
    for _ in range(n):
        spanish = rng.random() < 0.45
        pools, stories = (TOPICS_ES, STORY_ES) if spanish else (TOPICS_EN, STORY_EN)
        names, days = (COUNTRIES_ES, DAYS_ES) if spanish else (COUNTRIES_EN, DAYS_EN)
        story = rng.random() < relevant_share
        topic = "migration" if story else rng.choices(topics, weights)[0]
        target = rng.randint(1000, 5000)
        parts: list[str] = []
        size = 0
        while size < target:
            pool = pools[topic] if rng.random() < 0.85 else pools[rng.choice(["economy", "sport", "weather"])]
            sentence = rng.choice(pool).format(c=rng.choice(names), d=rng.choice(days))
            parts.append(sentence)
            size += len(sentence) + 1
        if story:
            relevant += 1
            for _ in range(rng.randint(1, 3)):
                line = rng.choice(stories).format(c=rng.choice(names), d=rng.choice(days))
                parts.insert(rng.randrange(len(parts) + 1), line)
        articles.append(" ".join(parts))
    return articles, relevant


def naive_patterns(ruleset: RuleSet) -> list[re.Pattern[str]]:
    """One alternation per rule: all terms of the families it names, the topic families and country names."""
    topic = set(ruleset.topic.strong) | {f for combo in ruleset.topic.combos for f in combo}
    countries = [k for k in ruleset.gazetteer.text_aliases if " " not in k or len(k) > 4]
    patterns: list[re.Pattern[str]] = []
    for rule in ruleset.rules:
        names = set(rule.cue) | rule.with_all | rule.with_any | rule.without | rule.require | rule.require_any
        terms: set[str] = set(countries)
        for name in names | topic:
            for pattern in ruleset.families[name].patterns:
                gapped = split_gap(pattern)  # a gapped pattern's two parts are two terms for a grep
                for part in (gapped[0], gapped[2]) if gapped else (pattern,):
                    terms.update(key for key, _ in expand(part))
        alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        patterns.append(re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE))
    return patterns


def naive_classify(patterns: list[re.Pattern[str]], text: str) -> int:
    """Count rules whose alternation matches (the work a per-rule grep does; no labelling logic)."""
    return sum(1 for p in patterns if p.search(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--naive-sample", type=int, default=300, help="articles for the naive baseline")
    args = parser.parse_args(argv)

    articles, relevant = make_corpus(args.n, args.seed)
    total_bytes = sum(len(a.encode("utf-8")) for a in articles)
    t0 = time.perf_counter()
    ruleset = load_ruleset()
    load_s = time.perf_counter() - t0

    classify(ruleset, articles[0])  # warm caches (analyzer, gazetteer) outside the timing
    # CPU time of this process: "per core" even when other jobs share the machine.
    t0, w0 = time.process_time(), time.perf_counter()
    findings = 0
    flagged = 0
    for text in articles:
        found = classify(ruleset, text)
        findings += len(found)
        flagged += bool(found)
    fast_s = time.process_time() - t0
    wall_s = time.perf_counter() - w0
    fast_rate = len(articles) / fast_s
    candidates = [a for a in articles if topic_possible(ruleset, ruleset.matcher.families_in(fold(a)))]
    t0 = time.process_time()
    for text in candidates:
        classify(ruleset, text)
    cand_rate = len(candidates) / (time.process_time() - t0) if candidates else 0.0

    patterns = naive_patterns(ruleset)
    sample = articles[: max(1, min(args.naive_sample, len(articles)))]
    t0 = time.process_time()
    for text in sample:
        naive_classify(patterns, text)
    naive_s = time.process_time() - t0
    naive_rate = len(sample) / naive_s

    print(f"corpus      {len(articles)} articles, {total_bytes / 1e6:.1f} MB, {relevant} with a story "
          f"({100 * relevant / len(articles):.1f}%), seed {args.seed}")
    print(f"rules       {len(ruleset.rules)} rules, version {ruleset.version}, loaded in {load_s * 1000:.0f} ms")
    print(f"classify    {fast_rate:,.0f} articles/s/core ({total_bytes / 1e6 / fast_s:.1f} MB/s CPU time; "
          f"{len(articles) / wall_s:,.0f}/s wall clock), {flagged} articles with findings, {findings} findings")
    print(f"candidates  {len(candidates)} articles ({100 * len(candidates) / len(articles):.1f}%) pass the prefilter; "
          f"on those alone {cand_rate:,.0f} articles/s/core")
    print(f"naive       {naive_rate:,.0f} articles/s/core ({len(patterns)} per-rule alternations, "
          f"{len(sample)}-article sample)")
    print(f"speedup     {fast_rate / naive_rate:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
