"""Assemble the labelled corpus from its writers' parts and split it ONCE into a tuning and a blind part.

    python tests/corpus/split.py PART.jsonl [PART.jsonl ...]

The split is by story (`story`: one underlying news event, shared by every item written from any report
of it; stories that share a source page are merged), so one story never sits on both sides. A story goes
to the blind part when the SHA-256 of
`SALT + story` falls in the first third of the hash space; the salt is the first of 0, 1, 2 ... for which
the blind part holds 34-40% of the items in each language (chosen on counts only, never on content).
The result is written next to this file as tune.jsonl and blind.jsonl and then kept fixed: rules are tuned
on tune.jsonl only; blind.jsonl is only ever scored.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ("id", "text", "lang", "label", "country", "source_url", "date", "story")
LABELS = {"CLAIM", "CONFIRMED", "DENIAL", "MENTION", "IRRELEVANT"}


def _blind(story: str, salt: int) -> bool:
    digest = hashlib.sha256(f"{salt}:{story}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < (1 << 64) // 3


def _groups(items: list[dict[str, str]]) -> dict[str, str]:
    """story -> the group it is split with: stories that share a source page (two writers, two slugs)
    are one group."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    by_url: dict[str, str] = {}
    for item in items:
        story = find(item["story"])
        other = by_url.setdefault(item["source_url"], story)
        if find(other) != story:
            parent[find(other)] = story
    return {item["story"]: find(item["story"]) for item in items}


def main(parts: list[str]) -> int:
    items = []
    for part in parts:
        for n, line in enumerate(Path(part).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            missing = [k for k in REQUIRED if k not in item]
            if missing or item["label"] not in LABELS or item["lang"] not in ("en", "es"):
                raise SystemExit(f"{part}:{n}: bad item (missing {missing} or bad label/lang)")
            items.append(item)
    group = _groups(items)
    for salt in range(1000):
        share = {}
        for lang in ("en", "es"):
            of_lang = [i for i in items if i["lang"] == lang]
            share[lang] = sum(_blind(group[i["story"]], salt) for i in of_lang) / len(of_lang)
        if all(0.34 <= v <= 0.40 for v in share.values()):
            break
    else:
        raise SystemExit("no salt gives a 34-40% blind part in both languages")
    tune = [i for i in items if not _blind(group[i["story"]], salt)]
    blind = [i for i in items if _blind(group[i["story"]], salt)]
    for name, rows in (("tune.jsonl", tune), ("blind.jsonl", blind)):
        with (HERE / name).open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"salt {salt}: {len(tune)} tuning, {len(blind)} blind items; blind share {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
