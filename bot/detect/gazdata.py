"""Build the gazetteer's alias tables from pycountry and the curated files in `bot/detect/data/`.

Kept apart from `gazetteer.py` so that the lookup logic stays readable: this module only turns data into
plain dictionaries (folded alias -> what it names), including the Spanish and English inflection of
demonyms ("hondureño" -> hondureña, hondureños, hondureñas).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pycountry

from bot.detect.textprep import ascii_fold, fold_term, tokenize

KOSOVO = "XK"


@dataclass(frozen=True, slots=True)
class Alias:
    """What one folded alias names in running text.

    kind: name | demonym | capital | official | institution | blocked.
    `plural` marks people-demonyms ("Hondurans", "hondureños"): they name migrants' nationality, not the
    state that signs or denies. `weak` aliases are ordinary words too ("Chad", "Jordan"). `case` holds the
    exact capitalisation required ("US"), `label` the name shown in explanations.
    """

    country: str | None
    kind: str
    label: str
    plural: bool = False
    weak: bool = False
    case: str | None = None
    term: tuple[str, str] | None = None  # officials: ISO dates in office ("" = open end)

    def in_office(self, on: str) -> bool:
        """Was this official in office on the ISO date `on`? Aliases without a term always are."""
        if self.term is None:
            return True
        since, until = self.term
        return (not since or since <= on) and (not until or on <= until)


@dataclass
class GazetteerData:
    """Plain tables the `Gazetteer` is built from."""

    names: dict[str, str] = field(default_factory=dict)  # alpha-2 -> English display name
    alpha3: dict[str, str] = field(default_factory=dict)  # alpha-3 -> alpha-2
    text_aliases: dict[str, list[Alias]] = field(default_factory=dict)  # folded alias -> meanings
    lookup: dict[str, set[str]] = field(default_factory=dict)  # folded name/demonym -> alpha-2 codes
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # folded alias -> candidate codes
    officials: dict[str, str] = field(default_factory=dict)  # folded official name -> role


def _read(name: str) -> dict[str, Any]:
    text = resources.files("bot.detect").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def case_form(surface: str) -> str:
    """The capitalisation-preserving token form of an alias ("U.S." -> "U S"), compared with text tokens."""
    return " ".join(t.text for t in tokenize(surface) if t.is_word)


def _plain(name: str) -> str:
    """Drop parentheticals from pycountry names: "Holy See (Vatican City State)" -> "Holy See"."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def inflect_es(word: str) -> list[tuple[str, bool]]:
    """Spanish demonym forms from the masculine singular, each with a plural flag.

    hondureño -> hondureña, hondureños, hondureñas; francés -> francesa, franceses, francesas;
    estadounidense -> estadounidenses; marroquí -> marroquíes; español -> española, españoles, españolas.
    """
    w = word.strip()
    bare = ascii_fold(w)
    if w.endswith("o"):
        return [(w, False), (w[:-1] + "a", False), (w + "s", True), (w[:-1] + "as", True)]
    if w.endswith(("a", "e")):
        return [(w, False), (w + "s", True)]
    if w.endswith(("í", "ú")):
        return [(w, False), (w + "es", True), (w + "s", True)]
    if re.search(r"[áéíóú][sn]$", w):  # francés, alemán, kirguís
        stem = bare
        return [(w, False), (stem + "a", False), (stem + "es", True), (stem + "as", True)]
    return [(w, False), (w + "a", False), (w + "es", True), (w + "as", True)]


def inflect_en(word: str) -> list[tuple[str, bool]]:
    """English demonym forms: "Honduran" -> Hondurans (plural); "Swiss", "Chinese", "British" stay."""
    if word.endswith(("ese", "ss", "sh", "ch", "i", ".")) or (" " in word and word.endswith("ese")):
        return [(word, False)]
    return [(word, False), (word + "s", True)]


class _Builder:
    """Accumulates aliases; explicit curated data wins over names derived from pycountry."""

    def __init__(self) -> None:
        self.data = GazetteerData()
        self.curated_keys: dict[str, str] = {}

    def text(self, surface: str, alias: Alias, *, curated: bool) -> None:
        if alias.kind == "name" and surface.startswith(("Saint ", "Santa ", "San ")):
            # "Saint Kitts and Nevis" is written "St Kitts and Nevis" / "St. Kitts" in most reports
            rest = surface.split(" ", 1)[1]
            if surface.startswith("Saint "):
                self.text(f"St {rest}", alias, curated=curated)
        key = fold_term(surface)
        if not key:
            return
        if not curated and key in self.curated_keys and self.curated_keys[key] != alias.country:
            return  # e.g. pycountry's "Congo" (CG) yields to the curated "Congo" of CD
        if curated and alias.country:
            self.curated_keys.setdefault(key, alias.country)
        bucket = self.data.text_aliases.setdefault(key, [])
        if all((a.country, a.kind) != (alias.country, alias.kind) for a in bucket):
            bucket.append(alias)

    def lookup(self, surface: str, code: str) -> None:
        key = fold_term(surface)
        if key:
            self.data.lookup.setdefault(key, set()).add(code)


def _add_curated(b: _Builder, code: str, entry: dict[str, Any]) -> None:
    """Add one curated country's names, demonyms (all inflections) and capitals."""
    weak = {fold_term(w) for w in entry.get("weak", [])}
    case = {fold_term(c): case_form(c) for c in entry.get("case", [])}
    no_lookup = {fold_term(n) for n in entry.get("no_lookup", [])}
    label = entry.get("name_en") or ""
    forms: list[tuple[str, str, bool]] = [(n, "name", False) for n in entry.get("en", []) + entry.get("es", [])]
    forms += [(f, "demonym", pl) for dem in entry.get("dem_en", []) for f, pl in inflect_en(dem)]
    forms += [(f, "demonym", pl) for dem in entry.get("dem_es", []) for f, pl in inflect_es(dem)]
    forms += [(c, "capital", False) for c in entry.get("capital", [])]
    for surface, kind, plural in forms:
        key = fold_term(surface)
        b.text(surface, Alias(code, kind, label or surface, plural, key in weak, case.get(key)), curated=True)
        if key not in no_lookup:
            b.lookup(surface, code)
    if label:
        b.data.names[code] = label


def build_data() -> GazetteerData:
    """Read pycountry plus the curated TOML files into `GazetteerData`."""
    b = _Builder()
    countries = _read("countries.toml")
    officials = _read("officials.toml")
    curated: dict[str, dict[str, Any]] = {k: v for k, v in countries.items() if isinstance(v, dict)}
    for key, codes in countries.get("ambiguous", {}).items():
        b.data.ambiguous[fold_term(key)] = list(codes)

    # Curated entries first so they claim their aliases.
    for code, entry in curated.items():
        _add_curated(b, code, entry)

    for c in pycountry.countries:
        code = c.alpha_2
        b.data.alpha3[c.alpha_3] = code
        common = getattr(c, "common_name", None)
        b.data.names.setdefault(code, _plain(common or c.name))
        entry = curated.get(code, {})
        weak = {fold_term(w) for w in entry.get("weak", [])}
        case = {fold_term(x): case_form(x) for x in entry.get("case", [])}
        official = getattr(c, "official_name", None)
        for name in (c.name, common, official):
            if not name or "," in name:
                continue
            plain = _plain(name)
            key = fold_term(plain)
            b.text(plain, Alias(code, "name", b.data.names[code], False, key in weak, case.get(key)), curated=False)
            b.lookup(plain, code)
    b.data.names[KOSOVO] = "Kosovo"
    b.data.alpha3["XKX"] = KOSOVO
    for code, name in b.data.names.items():  # whatever we display must resolve back
        b.lookup(name, code)

    for phrase in countries.get("blocked", []):
        b.data.text_aliases[fold_term(phrase)] = [Alias(None, "blocked", phrase)]

    for person in officials.get("official", []):
        exact = set(person.get("case", []))
        role = f"{person['names'][0]}, {person.get('role', 'official')} ({person['country']})"
        for name in person["names"]:
            term = (str(person.get("since", "")), str(person.get("until", "")))
            alias = Alias(
                person["country"], "official", role, case=case_form(name) if name in exact else None,
                term=term if any(term) else None,
            )
            b.data.text_aliases.setdefault(fold_term(name), []).insert(0, alias)
            b.data.officials[fold_term(name)] = role
    for inst in officials.get("institution", []):
        exact_inst = set(inst.get("case", []))
        country = inst.get("country") or None
        for name in inst["names"]:
            alias = Alias(country, "institution", name, case=case_form(name) if name in exact_inst else None)
            b.data.text_aliases.setdefault(fold_term(name), []).insert(0, alias)
    return b.data
