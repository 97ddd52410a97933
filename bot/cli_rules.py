"""`stcwatch rules check|test`: validate rule files and run their golden examples."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.detect.classify import run_golden
from bot.detect.rules import check_rules, default_rule_paths, load_ruleset


def rules_check(paths: Sequence[Path] | None, out: TextIO) -> int:
    """Print every problem (file:line: message); exit 1 if any."""
    errors = check_rules(paths)
    for error in errors:
        out.write(f"{error}\n")
    if errors:
        out.write(f"{len(errors)} problem(s) found\n")
        return 1
    ruleset = load_ruleset(paths)
    where = ", ".join(str(p) for p in (paths or default_rule_paths()))
    out.write(f"ok: {len(ruleset.rules)} rules valid ({where})\n")
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
