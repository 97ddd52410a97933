"""Load, validate and compile the rule files (rules/*.toml) into a `RuleSet`.

Rules are data reviewed like code: the vocabulary (families of terms), the topic definition and the
labelling rules live in TOML files documented in rules/README.md. Loading is all-or-nothing: any error in
any file raises `RuleError` (naming file and line) and no partial rule set is returned, so a caller that
holds the last good `RuleSet` can simply keep using it:

    try:
        ruleset = load_ruleset()
    except RuleError as exc:
        log.error("rules not reloaded", error=str(exc))   # keep the previous ruleset

`check_rules()` returns every error instead of raising the first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bot.detect.gazetteer import Gazetteer, default_gazetteer
from bot.detect.matcher import Matcher
from bot.detect.ruledefs import FamilyDef, ParsedFile, RuleDef, TopicDef
from bot.detect.rulefile import parse_file
from bot.detect.textprep import YEAR_TOKEN
from bot.errors import RuleError

__all__ = ["ENGINE_FAMILIES", "RuleDef", "RuleSet", "check_rules", "default_rule_paths", "load_ruleset"]

ENGINE_FAMILIES = (
    "say", "according", "gov_role", "nongov_role", "media", "pronoun", "people", "origin", "anaphor",
    "clause_break", "complementizer", "relative", "anonymous_role",
)
"""Vocabulary families the engine itself uses for speakers and clauses; every rule set must define them."""


@dataclass(frozen=True, eq=False)
class RuleSet:
    """A validated, compiled rule set. Build once with `load_ruleset`, then classify many articles.

    Immutable; `classify` caches a few derived tables on it (compare by identity, hashable).
    """

    rules: tuple[RuleDef, ...]
    families: dict[str, FamilyDef]
    topic: TopicDef
    version: str
    paths: tuple[Path, ...]
    matcher: Matcher
    gazetteer: Gazetteer

    def rule(self, rule_id: str) -> RuleDef:
        """The rule with this id (KeyError if absent)."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


def _rules_dir() -> Path:
    repo = Path(__file__).resolve().parents[2] / "rules"
    if repo.is_dir():
        return repo
    return Path(str(resources.files("bot").joinpath("rules")))


def default_rule_paths() -> list[Path]:
    """The shipped rule files: <repo>/rules/*.toml, or bot/rules/*.toml inside an installed wheel."""
    folder = _rules_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _expand(paths: Sequence[Path] | None) -> list[Path]:
    if paths is None:
        return default_rule_paths()
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        out.extend(sorted(p.glob("*.toml")) if p.is_dir() else [p])
    return out


def _compile(paths: Sequence[Path] | None) -> tuple[RuleSet | None, list[RuleError]]:
    files = _expand(paths)
    errors: list[RuleError] = []
    if not files:
        return None, [RuleError("no rule files found", path=str(_rules_dir()))]
    parsed: list[ParsedFile] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(RuleError(f"cannot read: {exc}", path=str(path)))
            continue
        digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
        pf = parse_file(str(path), text)
        parsed.append(pf)
        errors.extend(pf.errors)

    families: dict[str, FamilyDef] = {}
    broken = {name for pf in parsed for name in pf.broken_families}
    rules: dict[str, RuleDef] = {}
    topics: list[TopicDef] = []
    for pf in parsed:
        for fam in pf.families:
            if fam.name in families:
                first = families[fam.name]
                msg = f"family '{fam.name}' already defined at {first.path}:{first.line}"
                errors.append(RuleError(msg, path=fam.path, line=fam.line))
            else:
                families[fam.name] = fam
        for rule in pf.rules:
            if rule.id in rules:
                first_rule = rules[rule.id]
                msg = f"rule id '{rule.id}' already used at {first_rule.path}:{first_rule.line}"
                errors.append(RuleError(msg, path=rule.path, line=rule.line))
            else:
                rules[rule.id] = rule
        topics.extend(pf.topics)

    gaz = default_gazetteer()
    if NATIONALITY not in families:
        families[NATIONALITY] = _nationality_family(gaz)
    families.setdefault(SENDER_NAMED, FamilyDef(
        SENDER_NAMED, "vocabulary", "One of the topic's senders is named in the sentence (set by the engine).", (), (),
        path="(engine)",
    ))
    errors.extend(_cross_check(families, list(rules.values()), topics, gaz, broken))
    if errors:
        return None, errors
    topic = topics[0]
    matcher = Matcher(
        {f.name: (list(f.patterns), list(f.excepts)) for f in families.values()},
        gaz.text_aliases,
        # `migration` and `people` also let the prefilters infer third-country people (see classify._inferable)
        set(topic.strong) | {name for combo in topic.combos for name in combo} | {"anaphor", "migration", "people"},
    )
    ordered = tuple(sorted(rules.values(), key=lambda r: (-r.priority, r.id)))
    ruleset = RuleSet(ordered, families, topic, digest.hexdigest()[:16], tuple(files), matcher, gaz)
    return ruleset, []


NATIONALITY = "nationality"
SENDER_NAMED = "sender_named"  # engine-made: a sending state is named ("Australia released ...", "from the US")


def _nationality_family(gaz: Gazetteer) -> FamilyDef:
    """People named by nationality ("Venezuelans", "hondureños"), built from the gazetteer so the topic
    definition can say "receiving Venezuelans" is on the beat without a migration word. Engine-made: a rule
    file may use it like any vocabulary family."""
    plural = sorted(
        k for k, meanings in gaz.text_aliases.items() if any(a.kind == "demonym" and a.plural for a in meanings)
    )
    return FamilyDef(
        NATIONALITY, "vocabulary", "People named by nationality (from the gazetteer).", tuple(plural), (),
        path="(gazetteer)",
    )


def _cross_check(
    families: dict[str, FamilyDef], rules: list[RuleDef], topics: list[TopicDef], gaz: Gazetteer, broken: set[str]
) -> list[RuleError]:
    """Checks that span files: references to families, one topic, the engine's own vocabularies."""
    errors: list[RuleError] = []

    def ref(owner: RuleDef | TopicDef, key: str, names: Sequence[str], kinds: tuple[str, ...], what: str) -> None:
        for name in names:
            fam = families.get(name)
            line = owner.key_lines.get(key, owner.line)
            if fam is None and name in broken:
                continue  # already reported where the family is defined
            if fam is None:
                errors.append(RuleError(f"{what}: '{key}' names unknown family '{name}'", path=owner.path, line=line))
            elif fam.kind not in kinds:
                msg = f"{what}: '{key}' needs a {' or '.join(kinds)} family, '{name}' is a {fam.kind}"
                errors.append(RuleError(msg, path=owner.path, line=line))

    for rule in rules:
        who = f"rule '{rule.id}'"
        ref(rule, "cue", rule.cue, ("cue",), who)
        for key, names in (
            ("with", rule.with_all), ("with_any", rule.with_any), ("without", rule.without),
            ("without_anywhere", rule.without_anywhere),
        ):
            ref(rule, key, sorted(names), ("modifier",), who)
        for key, names in (("require", rule.require), ("require_any", rule.require_any)):
            ref(rule, key, sorted(names), ("cue", "modifier", "vocabulary"), who)
        for ex in rule.examples.positive + rule.examples.negative:
            if ex.country is not None and ex.country.upper() not in gaz.codes:
                line = rule.key_lines.get("examples", rule.line)
                msg = f"{who}: example country '{ex.country}' is not an ISO alpha-2 code"
                errors.append(RuleError(msg, path=rule.path, line=line))
    if len(topics) != 1:
        where = topics[1] if len(topics) > 1 else None
        errors.append(
            RuleError(
                f"exactly one [topic] table is needed across all rule files, found {len(topics)}",
                path=where.path if where else None,
                line=where.line if where else None,
            )
        )
    for topic in topics:
        kinds = ("cue", "vocabulary", "modifier")
        ref(topic, "strong", topic.strong, kinds, "topic")
        ref(topic, "combos", [n for c in topic.combos for n in c], kinds, "topic")
        ref(topic, "exclusions", topic.exclusions, kinds, "topic")
        for name in set(topic.strong) | {n for c in topic.combos for n in c} | set(topic.exclusions):
            fam = families.get(name)
            if fam and any(YEAR_TOKEN in p for p in fam.patterns):
                msg = f"topic: family '{name}' uses _year_, which the prefilter cannot see"
                errors.append(RuleError(msg, path=topic.path, line=topic.key_lines.get("combos", topic.line)))
        for code in sorted(topic.senders - gaz.codes):
            msg = f"topic: sender '{code}' is not an ISO alpha-2 code"
            errors.append(RuleError(msg, path=topic.path, line=topic.key_lines.get("senders", topic.line)))
    for name in ENGINE_FAMILIES:
        if name not in families and name not in broken:
            msg = f"the engine needs a vocabulary family named '{name}' (see rules/README.md)"
            errors.append(RuleError(msg, path=None))
    return errors


def check_rules(paths: Sequence[Path] | None = None) -> list[RuleError]:
    """Every problem in the rule files (empty list = valid). Golden examples are run by `run_golden`."""
    return _compile(paths)[1]


def load_ruleset(paths: Sequence[Path] | None = None) -> RuleSet:
    """Load and compile rule files (None = the shipped rules). Raises the first RuleError on any problem."""
    ruleset, errors = _compile(paths)
    if errors or ruleset is None:
        first = errors[0]
        more = f" (+{len(errors) - 1} more; run `stcwatch rules check` for all)" if len(errors) > 1 else ""
        raise RuleError(first.reason + more, path=first.path, line=first.line)
    return ruleset
