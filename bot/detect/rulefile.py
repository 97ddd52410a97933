"""Parse and validate one rule file into plain definitions, collecting every error with file and line.

The schema is documented in rules/README.md. Validation never stops at the first problem: the caller gets
a list of `RuleError`s (each "path:line: message") so `stcwatch rules check` can show them all at once.
tomllib reports its own line for syntax errors; for schema errors the line is found by scanning the file
text for the table header and the key (tomllib does not keep positions).
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from bot.detect.matcher import PatternError, check_pattern, split_gap, tag_lemmas
from bot.detect.ruledefs import Example, Examples, FamilyDef, ParsedFile, RuleDef, TopicDef
from bot.errors import RuleError
from bot.models import Label

FAMILY_KINDS = ("cue", "modifier", "vocabulary")
SCOPES = ("before", "after", "around", "sentence")
RELATIONS = ("own", "unnamed", "anonymous", "other", "sender", "media", "person", "narrator")
"""Speaker relations a rule may name; `sender` is the `other` government when it is a sending state."""
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_FAMILY_KEYS = {"kind", "description", "en", "es", "terms", "except", "scope", "window", "frame", "speaker_side"}
_RULE_KEYS = {
    "id", "label", "priority", "description", "cue", "speaker", "with", "with_any", "without",
    "without_anywhere", "require", "require_any", "subject_is_country", "joint_subject", "examples",
}
_TOPIC_KEYS = {"description", "strong", "combos", "exclusions", "senders"}


class _Locator:
    """Finds the line of a table header or of a key inside it by scanning the raw text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def header(self, pattern: str, nth: int = 0) -> int | None:
        rx = re.compile(pattern)
        seen = 0
        for i, line in enumerate(self.lines):
            if rx.match(line.strip()):
                if seen == nth:
                    return i + 1
                seen += 1
        return None

    def key(self, header_line: int | None, key: str) -> int | None:
        if header_line is None:
            return None
        rx = re.compile(rf"^\s*{re.escape(key)}\s*(=|\.)")
        for i in range(header_line, len(self.lines)):
            line = self.lines[i]
            if line.lstrip().startswith("["):
                break
            if rx.match(line):
                return i + 1
        return header_line


def _strs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def parse_file(path: str, text: str) -> ParsedFile:
    """Parse one file's text; schema problems are returned in `errors`, never raised."""
    out = ParsedFile(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        out.errors.append(RuleError(f"TOML syntax: {exc}", path=path, line=int(m.group(1)) if m else None))
        return out
    loc = _Locator(text)
    for key in data:
        if key not in ("family", "rule", "topic"):
            line = loc.header(rf"^(\[+\s*{re.escape(key)}\b|{re.escape(key)}\s*=)")
            msg = f"unknown top-level key '{key}' (expected family, rule, topic)"
            out.errors.append(RuleError(msg, path=path, line=line))
    families = data.get("family", {})
    if not isinstance(families, dict):
        out.errors.append(RuleError("'family' must be a table of families", path=path, line=loc.header(r"^family")))
        families = {}
    for name, body in families.items():
        _family(out, loc, name, body)
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        line = loc.header(r"^\[?rule")
        out.errors.append(RuleError("'rule' must be an array of tables: use [[rule]]", path=path, line=line))
        rules = []
    for i, body in enumerate(rules):
        _rule(out, loc, i, body)
    if "topic" in data:
        _topic(out, loc, data["topic"])
    return out


def _family(out: ParsedFile, loc: _Locator, name: str, body: Any) -> None:
    head = loc.header(rf"^\[\s*family\.{re.escape(name)}\s*\]")
    errors: list[RuleError] = []

    def err(msg: str, key: str | None = None) -> None:
        errors.append(RuleError(f"family '{name}': {msg}", path=out.path, line=loc.key(head, key) if key else head))

    if not isinstance(body, dict):
        err("must be a table")
        out.errors.extend(errors)
        return
    for key in body:
        if key not in _FAMILY_KEYS:
            err(f"unknown key '{key}' (allowed: {', '.join(sorted(_FAMILY_KEYS))})", key)
    kind = body.get("kind")
    if kind not in FAMILY_KINDS:
        err(f"kind must be one of {', '.join(FAMILY_KINDS)}, not {kind!r}", "kind")
    if not isinstance(body.get("description"), str) or not body["description"].strip():
        err("needs a non-empty description saying what the words mean", "description")
    patterns: list[str] = []
    excepts: list[str] = []
    for key in ("en", "es", "terms", "except"):
        value = body.get(key, [])
        if not _strs(value):
            err(f"'{key}' must be a list of strings", key)
            continue
        tagged = [tag_lemmas(p, key if key in ("en", "es") else None) for p in value]
        for pattern in tagged:
            try:
                check_pattern(pattern)
            except PatternError as exc:
                err(f"bad pattern: {exc}", key)
            else:
                if key == "except" and split_gap(pattern) is not None:
                    err(f"except pattern {pattern!r} has a gap ('...N'): an except phrase must be contiguous", key)
        if key != "except":
            patterns.extend(tagged)
        else:
            excepts = tagged
    if not patterns:
        err("has no terms (en, es or terms)", "kind")
    scope = body.get("scope", "sentence")
    window = body.get("window", 0)
    if kind == "modifier":
        if scope not in SCOPES:
            err(f"scope must be one of {', '.join(SCOPES)}", "scope")
        if scope != "sentence" and (not isinstance(window, int) or isinstance(window, bool) or window < 1):
            err("modifiers with scope before/after/around need an integer window >= 1", "window")
    elif "scope" in body or "window" in body:
        err("only modifiers take scope/window", "scope" if "scope" in body else "window")
    if not isinstance(body.get("frame", False), bool):
        err("frame must be true or false", "frame")
    if body.get("speaker_side", "left") not in ("left", "right", "self"):
        err("speaker_side must be 'left', 'right' or 'self' (the words name their own source)", "speaker_side")
    out.errors.extend(errors)
    if errors:
        out.broken_families.add(name)
    else:
        out.families.append(
            FamilyDef(
                name, str(kind), body["description"], tuple(patterns), tuple(excepts), scope,
                window, body.get("frame", False), body.get("speaker_side", "left"), out.path, head,
                {k: loc.key(head, k) for k in body},
            )
        )


def _examples(value: Any, positive: bool) -> tuple[list[Example], str | None]:
    if not isinstance(value, list) or (positive and not value):
        return [], "must be a non-empty list" if positive else "must be a list"
    items: list[Example] = []
    for item in value:
        if isinstance(item, str) and not positive:
            items.append(Example(item, None))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "country"}:
            country = item.get("country")
            if positive and not isinstance(country, str):
                return [], "each positive example needs { text = ..., country = \"XX\" }"
            items.append(Example(item["text"], country if isinstance(country, str) else None))
        else:
            return [], "items must be strings or { text = ..., country = ... } tables"
    return items, None


def _rule(out: ParsedFile, loc: _Locator, index: int, body: Any) -> None:
    head = loc.header(r"^\[\[\s*rule\s*\]\]", index)
    rid = body.get("id") if isinstance(body, dict) else None
    who = f"rule '{rid}'" if isinstance(rid, str) else f"rule #{index + 1}"
    errors: list[RuleError] = []

    def err(msg: str, key: str | None = None) -> None:
        errors.append(RuleError(f"{who}: {msg}", path=out.path, line=loc.key(head, key) if key else head))

    if not isinstance(body, dict):
        err("must be a table")
        out.errors.extend(errors)
        return
    for key in body:
        if key not in _RULE_KEYS:
            err(f"unknown key '{key}' (allowed: {', '.join(sorted(_RULE_KEYS))})", key)
    if not isinstance(rid, str) or not _ID.match(rid):
        err("id must be a lower-case name like 'denial.denies-deal'", "id")
    label = body.get("label")
    if label not in [lab.value for lab in Label]:
        err(f"label must be one of {', '.join(lab.value for lab in Label)}, not {label!r}", "label")
    priority = body.get("priority")
    if not isinstance(priority, int) or isinstance(priority, bool):
        err("priority must be an integer (higher wins)", "priority")
    if not isinstance(body.get("description"), str) or not body["description"].strip():
        err("needs a non-empty description (it is shown in explanations)", "description")
    for key in ("cue", "speaker", "with", "with_any", "without", "without_anywhere", "require", "require_any"):
        if key in body and not _strs(body[key]):
            err(f"'{key}' must be a list of strings", key)
    if "cue" not in body:
        err("needs 'cue' (a list of families; [] = any topical sentence)", None)
    for flag in ("subject_is_country", "joint_subject"):
        if not isinstance(body.get(flag, False), bool):
            err(f"{flag} must be true or false", flag)
    bad = set(body.get("speaker", [])) - set(RELATIONS) if _strs(body.get("speaker", [])) else set()
    if bad:
        err(f"unknown speaker {sorted(bad)} (allowed: {', '.join(RELATIONS)})", "speaker")
    examples = body.get("examples")
    positive: list[Example] = []
    negative: list[Example] = []
    if not isinstance(examples, dict) or "positive" not in examples:
        err("needs examples.positive (and examples.negative) golden sentences", "examples")
    else:
        extra = set(examples) - {"positive", "negative"}
        if extra:
            err(f"unknown examples key(s) {sorted(extra)}", "examples")
        positive, problem = _examples(examples.get("positive"), True)
        if problem:
            err(f"examples.positive {problem}", "examples")
        negative, problem = _examples(examples.get("negative", []), False)
        if problem:
            err(f"examples.negative {problem}", "examples")
    out.errors.extend(errors)
    if errors:
        return
    assert isinstance(rid, str) and isinstance(label, str) and isinstance(priority, int)  # checked above
    out.rules.append(
        RuleDef(
            rid, Label(label), priority, body["description"], tuple(body["cue"]),
            frozenset(body.get("speaker", RELATIONS)), frozenset(body.get("with", [])),
            frozenset(body.get("with_any", [])), frozenset(body.get("without", [])),
            frozenset(body.get("without_anywhere", [])),
            frozenset(body.get("require", [])), frozenset(body.get("require_any", [])),
            bool(body.get("subject_is_country", False)), Examples(tuple(positive), tuple(negative)), out.path, head,
            {k: loc.key(head, k) for k in body}, bool(body.get("joint_subject", False)),
        )
    )


def _topic(out: ParsedFile, loc: _Locator, body: Any) -> None:
    head = loc.header(r"^\[\s*topic\s*\]")
    errors: list[RuleError] = []

    def err(msg: str, key: str | None = None) -> None:
        errors.append(RuleError(f"topic: {msg}", path=out.path, line=loc.key(head, key) if key else head))

    if not isinstance(body, dict):
        err("must be a table")
        out.errors.extend(errors)
        return
    for key in body:
        if key not in _TOPIC_KEYS:
            err(f"unknown key '{key}' (allowed: {', '.join(sorted(_TOPIC_KEYS))})", key)
    for key in ("strong", "exclusions", "senders"):
        if not _strs(body.get(key, [])):
            err(f"'{key}' must be a list of strings", key)
    combos = body.get("combos", [])
    if not isinstance(combos, list) or not all(_strs(c) and c for c in combos):
        err("'combos' must be a list of non-empty lists of family names", "combos")
    if not body.get("strong") and not combos:
        err("needs 'strong' or 'combos', or nothing is ever on topic", None)
    out.errors.extend(errors)
    if errors:
        return
    out.topics.append(
        TopicDef(
            str(body.get("description", "")), tuple(body.get("strong", [])), tuple(tuple(c) for c in combos),
            tuple(body.get("exclusions", [])), frozenset(s.upper() for s in body.get("senders", [])), out.path, head,
            {k: loc.key(head, k) for k in body},
        )
    )
