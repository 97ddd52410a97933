"""Detection quality floor on our own labelled excerpts (written for this project, EN and ES).

This is a regression guard, not the headline score (that one is measured on the shared dev corpus and a
held-out set): it fails when a rule change makes the classifier clearly worse on plain news phrasing.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.detect.classify import classify
from bot.detect.rules import load_ruleset

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "detect" / "canary.jsonl"
SIGNALS = ("CLAIM", "CONFIRMED", "DENIAL")


def test_macro_f1_and_false_alarms_on_our_excerpts() -> None:
    ruleset = load_ruleset()
    tp = dict.fromkeys(SIGNALS, 0)
    fp = dict.fromkeys(SIGNALS, 0)
    fn = dict.fromkeys(SIGNALS, 0)
    quiet = alarms = 0
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold = {(item["label"], item["country"])} if item["label"] in SIGNALS else set()
        got = {(str(f.label), f.country) for f in classify(ruleset, item["text"], lang=item["lang"])}
        got = {pair for pair in got if pair[0] in SIGNALS}
        for label, _ in got & gold:
            tp[label] += 1
        for label, _ in got - gold:
            fp[label] += 1
        for label, _ in gold - got:
            fn[label] += 1
        if not gold:
            quiet += 1
            alarms += bool(got)
    f1s = []
    for label in SIGNALS:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    macro = sum(f1s) / len(f1s)
    assert macro >= 0.8, f"macro-F1 {macro:.3f} fell below 0.8 (per label {f1s})"
    assert alarms / quiet <= 0.1, f"false-alarm rate {alarms / quiet:.2f} above 0.10"
