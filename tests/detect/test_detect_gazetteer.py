"""resolve_country / country_name: what users type in `/agreements <country>`, and text detection of countries."""

from __future__ import annotations

import pytest

from bot.detect import country_name, resolve_country
from bot.detect.gazetteer import default_gazetteer
from bot.detect.textprep import fold_term
from bot.errors import LookupFailed


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("HN", "HN"),
        ("hn", "HN"),
        ("HND", "HN"),
        ("Honduras", "HN"),
        ("  honduras ", "HN"),
        ("Honduran", "HN"),
        ("hondureño", "HN"),
        ("Hondureña", "HN"),
        ("hondurenos", "HN"),
        ("hondras", "HN"),
        ("Guatamala", "GT"),
        ("guatemalteco", "GT"),
        ("Panamá", "PA"),
        ("panama", "PA"),
        ("México", "MX"),
        ("mexcio", "MX"),
        ("Estados Unidos", "US"),
        ("EE.UU.", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("Reino Unido", "GB"),
        ("Kosovo", "XK"),
        ("XK", "XK"),
        ("kosovar", "XK"),
        ("Costa de Marfil", "CI"),
        ("Ivory Coast", "CI"),
        ("Swaziland", "SZ"),
        ("Esuatini", "SZ"),
        ("Ruanda", "RW"),
        ("El Salvador", "SV"),
        ("salvadoreña", "SV"),
        ("Tegucigalpa", "HN"),
        ("Honduras (HN)", "HN"),
        ("Guinea-Bissau", "GW"),
        ("Guinea", "GN"),
        ("República Dominicana", "DO"),
        ("Turquía", "TR"),
        ("Turks and Caicos", "TC"),
        ("Islas Turcas y Caicos", "TC"),
        ("St Kitts", "KN"),
        ("Castries", "LC"),
    ],
)
def test_resolve_country(query: str, code: str) -> None:
    assert resolve_country(query) == code


@pytest.mark.parametrize("query", ["zzzz", "", "   ", "Atlantis", "qq", "EU"])
def test_unknown_input_raises_lookup_failed(query: str) -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_country(query)
    assert info.value.query == query


def test_ambiguous_input_offers_suggestions() -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_country("Congo")
    assert info.value.suggestions == ["DR Congo (CD)", "Republic of the Congo (CG)"]


def test_close_typo_between_two_countries_is_not_guessed() -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_country("nigera")
    assert info.value.suggestions[:2] == ["Nigeria (NG)", "Niger (NE)"]


def test_non_string_input_still_raises_lookup_failed() -> None:
    with pytest.raises(LookupFailed):
        resolve_country(None)  # type: ignore[arg-type]


def test_suggestions_round_trip() -> None:
    with pytest.raises(LookupFailed) as info:
        resolve_country("Hondu")
    assert info.value.suggestions
    assert resolve_country(info.value.suggestions[0]) == "HN"


def test_country_name() -> None:
    assert country_name("XK") == "Kosovo"
    assert country_name("HN") == "Honduras"
    assert country_name("KR") == "South Korea"
    assert country_name("BO") == "Bolivia"
    assert country_name("US") == "United States"
    assert country_name("ZZ") == "ZZ"


def test_every_iso_country_has_a_name_and_resolves_from_it() -> None:
    gaz = default_gazetteer()
    for code in sorted(gaz.codes):
        name = country_name(code)
        assert name
        try:
            assert resolve_country(name) == code, name
        except LookupFailed as exc:  # only the deliberately ambiguous names may fail
            assert exc.suggestions, name


def test_spanish_names_cover_the_americas() -> None:
    for name, code in {
        "Belice": "BZ", "Haití": "HT", "Perú": "PE", "Brasil": "BR", "Canadá": "CA", "Surinam": "SR",
        "Trinidad y Tobago": "TT", "Jamaica": "JM", "Nicaragua": "NI", "Paraguay": "PY", "Uruguay": "UY",
    }.items():
        assert resolve_country(name) == code


def test_text_aliases_mark_weak_and_blocked_words() -> None:
    aliases = default_gazetteer().text_aliases
    assert all(a.weak for a in aliases["chad"] if a.kind == "name")
    assert aliases["new mexico"][0].kind == "blocked"
    assert aliases["noem"][0].country == "US"
    assert aliases["us"][0].case == "US"
    assert any(a.plural for a in aliases["hondurenos"])


@pytest.mark.parametrize(
    ("word", "code"),
    [("antiguanos", "AG"), ("Seychellois", "SC"), ("samoanas", "WS"), ("Timorese", "TL"), ("kuwaitíes", "KW")],
)
def test_small_states_have_demonyms(word: str, code: str) -> None:
    """Small states in this beat (Caribbean, Pacific, Gulf) are named by their people as well."""
    aliases = default_gazetteer().text_aliases[fold_term(word)]
    assert any(a.country == code and a.kind == "demonym" for a in aliases), aliases
