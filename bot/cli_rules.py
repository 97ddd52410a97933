"""`stcwatch rules check|test`: validate rule files and run their golden examples."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.detect.classify import run_golden
from bot.detect.rules import check_rules, default_rule_paths, load_ruleset


def _source(paths: Sequence[Path] | None) -> str:
    """Where the rules come from, said so that an installed copy is never mistaken for a checkout."""
    if paths is None:
        folder = default_rule_paths()[0].parent if default_rule_paths() else None
        return (
            f"the rule files packaged with stcwatch{f' in {folder}' if folder else ''}; edit a copy and set "
            "[rules] paths in your config to use your own"
        )
    return "[rules] paths in the config"


def rules_check(paths: Sequence[Path] | None, out: TextIO) -> int:
    """Say which rule files were read and from where, then every problem (file:line: message); exit 1 if any."""
    out.write(f"rules from {_source(paths)}\n")
    errors = check_rules(paths)
    for error in errors:
        out.write(f"{error}\n")
    if errors:
        out.write(f"{len(errors)} problem(s) found\n")
        return 1
    ruleset = load_ruleset(paths)
    out.write(f"read {len(ruleset.paths)} rule file(s):\n")
    for path in ruleset.paths:
        out.write(f"  {path.resolve()}\n")
    out.write(f"ok: {len(ruleset.rules)} rules valid\n")
    return 0


def rules_test(paths: Sequence[Path] | None, out: TextIO) -> int:
    """Run every golden example; print failures with the rule's explanation."""
    ruleset = load_ruleset(paths)
    failures = run_golden(ruleset)
    for failure in failures:
        out.write(f"FAIL {failure}\n")
    total = sum(len(r.examples.positive) + len(r.examples.negative) for r in ruleset.rules)
    out.write(f"{total - len(failures)} passed, {len(failures)} failed\n")
    return 1 if failures else 0
