"""`stcwatch classify`: the JSON Lines contract used for measuring detection.

Input is read as bytes and each line decoded on its own, so one bad byte (or bad JSON, or a missing field)
costs that line an `error`, never the lines around it. Every input line that is not blank gets exactly one
output line, in order. Text is bounded the way the running bot bounds it: article text to
`bot.textclip.ARTICLE_CHARS` before classification, evidence to a sentence-sized window in the output.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.detect.classify import classify
from bot.detect.rules import RuleSet, load_ruleset
from bot.errors import InputError
from bot.textclip import ARTICLE_CHARS, EXPLANATION_CHARS, SPEAKER_CHARS, TITLE_CHARS, cap_text, clip_evidence

log = logging.getLogger(__name__)

# The vocabulary is bilingual and always matched whole (bot.detect.classify); `lang` is only a hint.
KNOWN_LANGS = ("en", "es")


class BadLine(ValueError):
    """One input line cannot be classified; the message says why (and the id, when it has one)."""

    def __init__(self, message: str, item_id: object = None) -> None:
        super().__init__(message)
        self.item_id = item_id


@dataclass(frozen=True)
class Item:
    """One validated input line."""

    id: str | int
    text: str
    title: str | None
    lang: str | None
    warning: str | None


def _decode(raw: bytes, number: int) -> str:
    if number == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark is not part of the first line
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}") from None


def parse_line(line: str) -> Item:
    """Validate one JSON Lines record `{"id", "text", "lang"?, "title"?}`; BadLine says what is wrong."""
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise BadLine(f"not valid JSON: {exc}") from None
    if not isinstance(item, dict):
        raise BadLine(f"expected a JSON object, got {type(item).__name__}")
    item_id = item.get("id")
    if "id" not in item or item_id is None:
        raise BadLine("missing 'id' (a string or an integer)")
    if isinstance(item_id, bool) or not isinstance(item_id, str | int):
        raise BadLine(f"'id' must be a string or an integer, got {type(item_id).__name__}")
    text, title, lang = item.get("text"), item.get("title"), item.get("lang")
    if not isinstance(text, str):
        raise BadLine("missing 'text' (a string)" if text is None else "'text' must be a string", item_id)
    if title is not None and not isinstance(title, str):
        raise BadLine("'title' must be a string", item_id)
    if lang is not None and not isinstance(lang, str):
        raise BadLine("'lang' must be a string such as \"en\" or \"es\"", item_id)
    warning = primary = None
    if isinstance(lang, str):
        primary = lang.strip().lower().replace("_", "-").split("-")[0]  # "es-MX" -> "es"
        if primary not in KNOWN_LANGS:
            shown = cap_text(lang, 40)
            warning = f"lang {shown!r} is not supported ({', '.join(KNOWN_LANGS)}); matched in English and Spanish"
    title = cap_text(title, TITLE_CHARS) if isinstance(title, str) else None
    return Item(item_id, cap_text(text, ARTICLE_CHARS), title, primary, warning)


def _lines(src: BinaryIO) -> Iterable[tuple[int, str | BadLine]]:
    for number, raw in enumerate(src, start=1):
        if not raw.strip():
            continue
        try:
            yield number, _decode(raw, number)
        except BadLine as exc:
            yield number, exc


def _answer(ruleset: RuleSet, item: Item, *, explain: bool) -> dict[str, object]:
    findings = classify(ruleset, item.text, title=item.title, lang=item.lang)
    rendered = []
    for f in findings:
        entry: dict[str, object] = {
            "label": str(f.label),
            "country": f.country,
            "rule": f.rule,
            "evidence": clip_evidence(f.evidence),
        }
        if explain:
            entry["explanation"] = cap_text(f.explanation, EXPLANATION_CHARS)
            entry["speaker"] = cap_text(f.speaker, SPEAKER_CHARS) if f.speaker else f.speaker
        rendered.append(entry)
    answer: dict[str, object] = {"id": item.id, "findings": rendered}
    if item.warning:
        answer["warning"] = item.warning
    return answer


def classify_stream(
    src: BinaryIO, out: TextIO, *, paths: Sequence[Path] | None = None, explain: bool = False
) -> int:
    """One output line per input line, in order; a bad line gets an `error` and no findings (exit 1)."""
    ruleset = load_ruleset(paths)
    status = 0
    for number, line in _lines(src):
        try:
            if isinstance(line, BadLine):
                raise line
            answer = _answer(ruleset, parse_line(line), explain=explain)
        except BadLine as exc:
            log.warning("bad input line", extra={"line": number, "error": str(exc)})
            answer = {"id": exc.item_id, "line": number, "error": str(exc), "findings": []}
            status = 1
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return status


def classify_command(
    input_path: str | None, out: TextIO, *, paths: Sequence[Path] | None = None, explain: bool = False
) -> int:
    """`stcwatch classify [FILE]`: FILE, or stdin; InputError (exit 2) when FILE cannot be opened."""
    if input_path is None or input_path == "-":
        return classify_stream(sys.stdin.buffer, out, paths=paths, explain=explain)
    try:
        handle = Path(input_path).open("rb")  # noqa: SIM115 - closed below, errors reported first
    except OSError as exc:
        raise InputError(f"classify: cannot read {input_path}: {exc.strerror or exc}") from None
    with handle:
        return classify_stream(handle, out, paths=paths, explain=explain)
