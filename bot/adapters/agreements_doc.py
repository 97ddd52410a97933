"""The one JSON document of `agreements [COUNTRY] --json`, shared by the CLI and the web API (byte-identical)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.adapters.text import country_json, not_found_json
from bot.service.answers import CountryAnswer, NotFoundAnswer
from bot.service.query import Query


@dataclass(frozen=True)
class AgreementsDoc:
    """The JSON text (with its trailing newline) and whether the country was found."""

    text: str
    found: bool


def agreements_doc(query: Query, country: str | None, *, deal_type: str | None = None) -> AgreementsDoc:
    """What `stcwatch agreements [COUNTRY] --json` prints. Raises ValueError for an unknown deal type."""
    answer = query.agreements(country, deal_type=deal_type)
    if isinstance(answer, NotFoundAnswer):
        return AgreementsDoc(json.dumps(not_found_json(answer), ensure_ascii=False) + "\n", found=False)
    if isinstance(answer, CountryAnswer):
        payload: object = country_json(answer)
    else:
        payload = [country_json(query.country(row.country)) for row in answer.rows]
    return AgreementsDoc(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", found=True)
