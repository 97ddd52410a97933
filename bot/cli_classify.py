"""`stcwatch classify`: the JSON Lines contract used for measuring detection."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.detect.classify import classify
from bot.detect.rules import load_ruleset

log = logging.getLogger(__name__)


def classify_stream(src: TextIO, out: TextIO, *, paths: Sequence[Path] | None = None, explain: bool = False) -> int:
    """One output line per input line, in order; a bad line gets an `error` and no findings."""
    ruleset = load_ruleset(paths)
    status = 0
    for number, line in enumerate(src, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
        except ValueError as exc:
            log.error("skipping bad input line", extra={"line": number, "error": str(exc)})
            out.write(json.dumps({"id": None, "line": number, "error": str(exc), "findings": []}) + "\n")
            status = 1
            continue
        findings = classify(ruleset, item["text"], title=item.get("title"), lang=item.get("lang"))
        rendered = []
        for f in findings:
            entry: dict[str, object] = {
                "label": str(f.label),
                "country": f.country,
                "rule": f.rule,
                "evidence": f.evidence,
            }
            if explain:
                entry["explanation"] = f.explanation
                entry["speaker"] = f.speaker
            rendered.append(entry)
        out.write(json.dumps({"id": item.get("id"), "findings": rendered}, ensure_ascii=False) + "\n")
    return status
