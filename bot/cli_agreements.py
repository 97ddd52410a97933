"""`stcwatch agreements [COUNTRY] [--json]`: the tracker's answer on the terminal."""

from __future__ import annotations

from typing import TextIO

from bot.adapters.agreements_doc import agreements_doc
from bot.adapters.text import render_text
from bot.app import open_query_store, readonly_query
from bot.config import Settings
from bot.errors import StcwatchError
from bot.service.answers import NotFoundAnswer


def agreements(
    settings: Settings, country: str | None, *, as_json: bool, out: TextIO, deal_type: str | None = None
) -> int:
    """Print the answer; exit 1 for an unknown country (with suggestions) or deal type. Reads the store,
    never writes it."""
    store = open_query_store(settings)
    try:
        query = readonly_query(store)
        try:
            if as_json:
                doc = agreements_doc(query, country, deal_type=deal_type)
                out.write(doc.text)
                return 0 if doc.found else 1
            answer = query.agreements(country, deal_type=deal_type)
        except ValueError as exc:
            raise StcwatchError(str(exc)) from None
        if isinstance(answer, NotFoundAnswer):
            out.write(answer.message + "\n")
            return 1
        out.write(render_text(answer) + "\n")
        return 0
    finally:
        store.close()
