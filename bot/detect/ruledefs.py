"""Plain definitions that rule files compile into (families, rules, topic), shared by loader and engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.errors import RuleError
from bot.models import Label


@dataclass(frozen=True)
class Example:
    """A golden example: text and, for positives, the country the rule must find."""

    text: str
    country: str | None


@dataclass(frozen=True)
class Examples:
    """A rule's golden examples: positives must produce the rule's label for their country, negatives not."""

    positive: tuple[Example, ...]
    negative: tuple[Example, ...]


@dataclass(frozen=True)
class FamilyDef:
    """A named list of term patterns (see `matcher.expand`)."""

    name: str
    kind: str
    description: str
    patterns: tuple[str, ...]
    excepts: tuple[str, ...]
    scope: str = "sentence"
    window: int = 0
    frame: bool = False
    speaker_side: str = "left"
    path: str = ""
    line: int | None = None
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class RuleDef:
    """One rule: when its conditions hold for a cue and a country, that country gets `label`."""

    id: str
    label: Label
    priority: int
    description: str
    cue: tuple[str, ...]
    speaker: frozenset[str]
    with_all: frozenset[str]
    with_any: frozenset[str]
    without: frozenset[str]
    without_anywhere: frozenset[str]
    require: frozenset[str]
    require_any: frozenset[str]
    subject_is_country: bool
    examples: Examples
    path: str = ""
    line: int | None = None
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False)
    joint_subject: bool = False  # the country and another party are the cue's subject ("X and Y signed")


@dataclass(frozen=True)
class TopicDef:
    """What makes a sentence on topic, and which states are senders (see rules/topic.toml)."""

    description: str
    strong: tuple[str, ...]
    combos: tuple[tuple[str, ...], ...]
    exclusions: tuple[str, ...]
    senders: frozenset[str]
    path: str = ""
    line: int | None = None
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False)


@dataclass
class ParsedFile:
    """Everything one file defines, plus the errors found in it."""

    path: str
    families: list[FamilyDef] = field(default_factory=list)
    rules: list[RuleDef] = field(default_factory=list)
    topics: list[TopicDef] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    broken_families: set[str] = field(default_factory=set)  # defined but invalid: no "unknown" echoes
