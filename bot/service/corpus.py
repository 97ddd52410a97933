"""Reviewed findings as corpus records, so a team's corrections feed the rule authors' labelled corpus.

The schema is the shared corpus's (`id`, `text`, `lang`, `label`, `country`, `source_url`, `date`, plus
`source_title` and a `note`), one JSON object per line; `score.py` and the rule authors read it as is.
The text is the evidence excerpt the rule fired on (what the label is about), never the whole article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from bot.store import Store
from bot.store.tracking import FindingRow


def corpus_label(f: FindingRow) -> str:
    """The reviewed reading: the finding's label when accepted, else the reviewer's (IRRELEVANT if none)."""
    if f.review == "accepted":
        return f.label
    return f.review_label or "IRRELEVANT"


def corpus_id(f: FindingRow) -> str:
    """Stable across exports and distinct across stores: derived from the article URL, country and machine label."""
    digest = hashlib.blake2b(f"{f.url}|{f.country}|{f.label}|{f.evidence}".encode(), digest_size=6).hexdigest()
    return f"stcwatch-review-{digest}"


def corpus_record(f: FindingRow, lang: str | None) -> dict[str, Any]:
    """One reviewed finding in the corpus schema."""
    when = f.published or f.found_at
    verdict = "accepted" if f.review == "accepted" else f"rejected (machine read {f.label})"
    return {
        "id": corpus_id(f),
        "text": f.evidence.strip() or f.title,
        "lang": lang,
        "label": corpus_label(f),
        "country": f.country,
        "countries": [f.country],
        "source_url": f.url,
        "source_title": f.title,
        "date": when.date().isoformat(),
        "note": f"stcwatch review: {verdict} by {f.reviewed_by}; rule {f.rule}",
    }


def corpus_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every reviewed finding, oldest review first."""
    for f in store.reviews.reviewed():
        _, lang = store.reviews.article_text(f.article_id)
        yield corpus_record(f, lang)
