"""`stcwatch agreements [COUNTRY] [--json]`: the tracker's answer on the terminal."""

from __future__ import annotations

import json
from typing import TextIO

from bot.adapters.text import country_json, not_found_json, render_text
from bot.app import open_query_store, readonly_query
from bot.config import Settings
from bot.errors import StcwatchError
from bot.service.answers import CountryAnswer, NotFoundAnswer


def agreements(
    settings: Settings, country: str | None, *, as_json: bool, out: TextIO, deal_type: str | None = None
) -> int:
    """Print the answer; exit 1 for an unknown country (with suggestions) or deal type. Reads the store,
    never writes it."""
    store = open_query_store(settings)
    try:
        query = readonly_query(store)
        try:
            answer = query.agreements(country, deal_type=deal_type)
        except ValueError as exc:
            raise StcwatchError(str(exc)) from None
        if isinstance(answer, NotFoundAnswer):
            text = json.dumps(not_found_json(answer), ensure_ascii=False) if as_json else answer.message
            out.write(text + "\n")
            return 1
        if not as_json:
            out.write(render_text(answer) + "\n")
            return 0
        if isinstance(answer, CountryAnswer):
            payload: object = country_json(answer)
        else:
            payload = [country_json(query.country(row.country)) for row in answer.rows]
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    finally:
        store.close()
