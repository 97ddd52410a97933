"""Size bounds for text that came from a feed: evidence snippets and article bodies.

Feed text is untrusted and unbounded. A 4 MB item without punctuation is one "sentence", and the deciding
sentence is what a finding carries as evidence; unbounded, it became a 4 MB console alert, a 4 MB
`agreements --json` and many megabytes of store. Everything here is pure and idempotent: clipping a clipped
text returns it unchanged, so every layer (classifier, store, renderers) may clip again without drift.

Limits, and why:

* `EVIDENCE_CHARS` (400): a long news sentence is 200-350 characters, so real evidence is kept whole and
  only pathological text is cut; 400 fits a Discord embed description (4096), a Slack section (3000) and a
  terminal screen with room for the rest of the alert.
* `ARTICLE_CHARS` (100,000): about 15,000 words, longer than nearly any news article (feed items are
  usually a summary of a few hundred words). Text past it is dropped on ingest, before classification.
* `TITLE_CHARS` (500): headlines are under 150 characters; a "title" longer than this is not one.
* `EXPLANATION_CHARS` (1,000) and `SPEAKER_CHARS` (200): a finding's explanation is rule text plus the cue,
  its speaker a name and title; the bounds only matter for text built from hostile input.
"""

from __future__ import annotations

import re

__all__ = [
    "ARTICLE_CHARS",
    "ELLIPSIS",
    "EVIDENCE_CHARS",
    "EXPLANATION_CHARS",
    "SPEAKER_CHARS",
    "TITLE_CHARS",
    "cap_text",
    "clip_evidence",
]

EVIDENCE_CHARS = 400
ARTICLE_CHARS = 100_000
TITLE_CHARS = 500
EXPLANATION_CHARS = 1_000
SPEAKER_CHARS = 200
ELLIPSIS = "…"

_SNAP = 40  # how far a cut may move to land on a word (or sentence) boundary before it cuts mid-word
_SENTENCE_END = re.compile(r"[.!?…。]\s+")


def _snap_start(text: str, start: int, keep: int) -> int:
    """Move a window start forward to the next sentence or word start (never past KEEP, the cue)."""
    if start <= 0:
        return 0
    limit = min(keep, start + _SNAP * 3)
    for m in _SENTENCE_END.finditer(text, start, limit):
        return m.end()  # a window that opens on a sentence reads best
    if text[start - 1].isspace():
        return start
    limit = min(keep, start + _SNAP)
    for i in range(start, limit):
        if text[i].isspace():
            return i + 1
    return start


def _snap_end(text: str, end: int, keep: int) -> int:
    """Move a window end back to the previous word end (never before KEEP, the cue)."""
    if end >= len(text):
        return len(text)
    if text[end].isspace():
        return end
    for i in range(end - 1, max(keep, end - _SNAP) - 1, -1):
        if text[i].isspace():
            return i
    return end


def clip_evidence(text: str, around: int | None = None, limit: int = EVIDENCE_CHARS) -> str:
    """TEXT itself when it fits in LIMIT characters, else a window of it that does, marked with "…".

    The window is centred on the character offset AROUND (the cue), or starts at the beginning when AROUND
    is None; its edges move to word boundaries (a start to a sentence start when one is close). The result
    is never longer than LIMIT, so clipping it again changes nothing.
    """
    if limit < 8:
        raise ValueError(f"limit must be at least 8 characters, got {limit}")
    if len(text) <= limit:
        return text
    budget = limit - 2  # room for an ellipsis at each end
    if around is None:
        start = 0
        cue = 0
    else:
        cue = max(0, min(around, len(text)))
        start = max(0, min(cue - budget // 2, len(text) - budget))
    start = _snap_start(text, start, keep=cue if around is not None else start + _SNAP)
    end = _snap_end(text, min(len(text), start + budget), keep=max(cue + 1, start + 1))
    window = text[start:end].strip()
    if start > 0:
        window = ELLIPSIS + window
    if end < len(text):
        window += ELLIPSIS
    return window[:limit]


def cap_text(text: str, limit: int) -> str:
    """TEXT cut to at most LIMIT characters at a word boundary, ending in "…" when something was cut."""
    if len(text) <= limit:
        return text
    end = _snap_end(text, limit - 1, keep=max(1, limit - 1 - _SNAP))
    return text[:end].rstrip() + ELLIPSIS
