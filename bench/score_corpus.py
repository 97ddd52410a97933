"""Score the detector on a labelled corpus, overall and per language (the numbers the README reports).

    python bench/score_corpus.py tests/corpus/blind.jsonl [--pred out.jsonl] [--errors]

Runs the real classifier in-process on each item's id/text/lang (no date, like `stcwatch classify` fed
id/text/lang), then scores (label, country) pairs the way `shared/tools/score.py` does: per signal label
(CLAIM, CONFIRMED, DENIAL) precision, recall and F1; macro-F1 over the three; the false-alarm rate (share of
MENTION/IRRELEVANT items that got any signal). `--errors` lists every item whose pairs differ from gold:
use it on the tuning part only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.detect.classify import classify
from bot.detect.rules import load_ruleset

SIGNALS = ("CLAIM", "CONFIRMED", "DENIAL")


def gold_pairs(item: dict[str, object]) -> set[tuple[str, str | None]]:
    if item["label"] not in SIGNALS:
        return set()
    countries = [item.get("country"), *(item.get("label_also_applies_to") or [])]  # type: ignore[misc]
    return {(str(item["label"]), str(c).upper() if c else None) for c in countries}


def score(items: Iterable[dict[str, object]], preds: dict[str, set[tuple[str, str]]]) -> dict[str, object]:
    tp = dict.fromkeys(SIGNALS, 0)
    fp = dict.fromkeys(SIGNALS, 0)
    fn = dict.fromkeys(SIGNALS, 0)
    quiet = alarms = n = 0
    for item in items:
        n += 1
        gold = gold_pairs(item)
        matched: set[tuple[str, str | None]] = set()
        for label, country in sorted(preds[str(item["id"])]):
            hit = next((g for g in gold if g[0] == label and g[1] in (None, country) and g not in matched), None)
            if hit:
                matched.add(hit)
                tp[label] += 1
            else:
                fp[label] += 1
        for label, _ in gold - matched:
            fn[label] += 1
        if item["label"] in ("MENTION", "IRRELEVANT"):
            quiet += 1
            alarms += bool(preds[str(item["id"])])
    out: dict[str, object] = {"items": n}
    f1s = []
    for label in SIGNALS:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        out[label] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3), "tp": tp[label], "fp": fp[label],
                      "fn": fn[label]}
    out["macro_f1"] = round(sum(f1s) / 3, 3)
    out["false_alarm_rate"] = round(alarms / quiet, 3) if quiet else 0.0
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pred", type=Path, help="also write the predictions as `stcwatch classify` JSON Lines")
    ap.add_argument("--errors", action="store_true", help="list items whose pairs differ from gold")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    ruleset = load_ruleset()
    preds: dict[str, set[tuple[str, str]]] = {}
    lines = []
    for item in items:
        findings = classify(ruleset, item["text"], lang=item.get("lang"))
        preds[item["id"]] = {(f.label.value, f.country) for f in findings if f.label.value in SIGNALS}
        lines.append({"id": item["id"], "findings": [{"label": f.label.value, "country": f.country, "rule": f.rule}
                                                    for f in findings]})
        if args.errors and {p for p in preds[item["id"]]} != {g for g in gold_pairs(item) if g[1]} | (
            preds[item["id"]] if any(g[1] is None for g in gold_pairs(item)) else set()
        ):
            got = sorted(preds[item["id"]])
            head = f"{item['id']} [{item['lang']}] gold {item['label']} {item.get('country')} got {got}"
            print(f"{head}\n    {item['text']}")
            for f in findings:
                print(f"      {f.explanation}")
    if args.pred:
        args.pred.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = {"all": score(items, preds)}
    for lang in ("en", "es"):
        result[lang] = score([i for i in items if i.get("lang") == lang], preds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for part, res in result.items():
        assert isinstance(res, dict)
        labels = "  ".join(f"{lab} {res[lab]['f1']:.3f}" for lab in SIGNALS)
        print(f"{part:4s} n={res['items']:4d}  macro-F1 {res['macro_f1']:.3f}  ({labels})  "
              f"false alarms {res['false_alarm_rate']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
