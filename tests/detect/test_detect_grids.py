"""Generated grids: one linguistic shape crossed with several countries, speakers and wordings.

Each grid names a construction reporters use (a colon headline, a statement dismissed as untrue, a
country's own deal named in passing, a passive receiving, an unconfirmed report) and checks that every
combination reads the same way. A grid fails on the first few misreadings, shown with what they gave.
"""

from __future__ import annotations

import itertools

import pytest

from bot.detect import classify, load_ruleset

RULES = load_ruleset()
Expected = set[tuple[str, str]]

EN_COUNTRIES = [("Ghana", "GH"), ("Honduras", "HN"), ("Panama", "PA"), ("Costa Rica", "CR"), ("Rwanda", "RW")]
ES_COUNTRIES = [("Ghana", "GH"), ("Honduras", "HN"), ("Panamá", "PA"), ("Costa Rica", "CR"), ("Ruanda", "RW")]


def signals(text: str) -> Expected:
    return {(f.label.value, f.country) for f in classify(RULES, text) if f.label.is_signal}


def misread(cases: list[tuple[str, Expected]]) -> list[tuple[str, Expected]]:
    return [(text, signals(text)) for text, want in cases if signals(text) != want][:5]


def grid(label: str, templates: list[str], countries: list[tuple[str, str]]) -> list[tuple[str, Expected]]:
    return [(t.format(c=name), {(label, code)}) for t, (name, code) in itertools.product(templates, countries)]


def quiet(templates: list[str], countries: list[tuple[str, str]]) -> list[tuple[str, Expected]]:
    """Sentences that must give no signal at all, for every country."""
    return [(t.format(c=name), set()) for t, (name, _) in itertools.product(templates, countries)]


def with_verbs(templates: list[str], verbs: list[str]) -> list[str]:
    """Each template once per verb (its "{v}" slot), keeping the "{c}" slot for `grid`."""
    return [t.replace("{v}", v) for t in templates for v in verbs]


COLON_HEADLINES = grid("CONFIRMED", [
    "{c} fija sus reglas: solo acogerá a migrantes de otras nacionalidades sin condenas",
    "{c} responde a Washington: acogerá a deportados de terceros países durante un año",
    "{c} cede ante la presión de EE.UU.: recibirá a 200 migrantes de otras nacionalidades",
], ES_COUNTRIES) + grid("CONFIRMED", [
    "{c} sets conditions: will only accept African deportees with no criminal record",
    "{c} bows to US pressure: will host third-country deportees for a year",
], EN_COUNTRIES) + grid("DENIAL", [
    "{c} responde a Washington: no firmará un acuerdo de tercer país seguro",
    "{c} marca límites: no aceptará migrantes expulsados por EE.UU.",
], ES_COUNTRIES) + grid("DENIAL", [
    "{c} draws a line: won't accept migrants expelled by the US",
    "{c} responds to Washington: refuses to receive third-country deportees",
], EN_COUNTRIES) + grid("CLAIM", [
    "Noem visits {c}: country has agreed to take in deportees of other nationalities",
], EN_COUNTRIES)

DISMISSED_AS_UNTRUE = grid("DENIAL", [
    "{c}'s prime minister branded as 'pure speculation' reports of an agreement to take in US deportees.",
    "The government of {c} said reports of a deportation deal with Washington were 'fabricated'.",
    "{c}'s foreign minister labelled 'misinformation' the reports that the country would host migrants "
    "expelled by Washington.",
    "{c}'s president described claims of a deal to receive deportees as nonsense.",
], EN_COUNTRIES) + grid("DENIAL", [
    "El gobierno de {c} tildó de «desinformación» las informaciones sobre un acuerdo para acoger "
    "deportados de EE.UU.",
    "{c} desestimó como «pura especulación» la versión de un pacto para recibir deportados.",
    "El gobierno de {c} dijo que son totalmente falsos los reportes de que el país aceptará migrantes "
    "deportados por Washington.",
], ES_COUNTRIES)

OWN_DEAL_NAMED = grid("CONFIRMED", [
    "{c}'s agreement to house Eritrean deportees for Washington comes under scrutiny",
    "Critics question {c}'s pact with the US to receive third-country deportees",
], EN_COUNTRIES) + grid("CONFIRMED", [
    "Abogados impugnan el acuerdo migratorio de {c} con EE.UU. para acoger a deportados de otras "
    "nacionalidades",
], ES_COUNTRIES) + quiet([
    "Washington's deal with {c} to send it third-country deportees is still being negotiated.",
    "{c}'s proposed deal to take in deportees could be signed next month.",
], EN_COUNTRIES)

PASSIVE_AND_HEARSAY = grid("CONFIRMED", [
    "Some 200 migrants of other nationalities deported by the US have been received in {c} so far.",
], EN_COUNTRIES) + grid("CONFIRMED", [
    "Unos 200 migrantes de otras nacionalidades deportados por EE.UU. han sido recibidos en {c} hasta ahora.",
], ES_COUNTRIES) + grid("CLAIM", [
    "{c} has been designated a safe third country, the Trump administration said.",
    "{c} is believed to have struck a deal with Washington to take deportees.",
    "Leaked cables suggest {c} agreed to receive asylum seekers sent by the US.",
], EN_COUNTRIES) + grid("CLAIM", [
    "{c} fue designado tercer país seguro, dijo el gobierno de Trump.",
    "Trascendió que {c} se comprometió a recibir deportados de otras nacionalidades.",
], ES_COUNTRIES)

NEGATIVE_OBJECTS_AND_TERMS = grid("DENIAL", [
    '"We have signed nothing with the United States on asylum," said the foreign minister of {c}.',
    "{c} has accepted no deportees of other nationalities from the US, its foreign ministry said.",
], EN_COUNTRIES) + grid("CONFIRMED", [
    "{c} will receive no more than 200 deportees of other nationalities from the US, its government said.",
    '"We signed a memorandum that lets us choose, not that we will accept any deportee they send," said '
    "the prime minister of {c}.",
], EN_COUNTRIES)


# Two sentences: the first names who (and which country), the second reports with "He", "It", a dropped
# Spanish subject ("Aseguró que ...") or "the country"
EN_OPENERS = ["{c}'s foreign minister spoke to reporters on Tuesday.", "The government of {c} held a news conference."]
ES_OPENERS = ["El canciller de {c} habló el martes con la prensa sobre la solicitud de EE.UU.",
              "El gobierno de {c} ofreció una conferencia de prensa el lunes."]
SAID_BEFORE = [
    (f"{a} {b}".format(c=name), {(label, code)})
    for (label, openers, lines), (name, code) in itertools.product([
        ("DENIAL", EN_OPENERS, ["He said the country will not receive deportees of other nationalities.",
                                "It said no agreement had been signed to take in migrants deported by the US."]),
        ("CONFIRMED", EN_OPENERS, ["He said the country will receive up to 300 deportees of other nationalities "
                                   "from the US."]),
        ("CLAIM", ["Noem visited {c} on Tuesday."], ["She said the country had agreed to take in deportees from "
                                                     "third countries."]),
        ("DENIAL", ES_OPENERS, ["Aseguró que el país no recibirá deportados de otras nacionalidades.",
                                "Negó que el país haya aceptado recibir deportados de terceros países."]),
        ("CONFIRMED", ES_OPENERS, ["Afirmó que el país recibirá hasta 300 deportados de otras nacionalidades "
                                   "enviados por EE.UU."]),
        ("CLAIM", ["Noem visitó {c} el martes."], ["Afirmó que {c} recibirá migrantes de otras nacionalidades "
                                                   "deportados por EE.UU."]),
    ], EN_COUNTRIES)
    for a, b in itertools.product(openers, lines)
]


# The same statements with the furniture of real copy: datelines, an aside between the subject and its
# verb, a scene-setting "amid ..." phrase, a trailing parenthesis
FURNITURE = [
    (f"{head}{spk} {body}{tail}.".format(c=name), {(label, code)})
    for (label, speakers, bodies), (name, code), head, tail in itertools.product([
        ("DENIAL", ["{c}'s president, speaking at a news conference,", "The government of {c}"],
         ["denied that {c} had agreed to take in deportees of other nationalities"]),
        ("CONFIRMED", ["{c}'s president, speaking at a news conference,"],
         ["confirmed that {c} will receive deportees of other nationalities from the US"]),
        ("CLAIM", ["US officials, speaking on condition of anonymity,", "Homeland Security Secretary Kristi Noem"],
         ["said {c} had agreed to take in deportees of other nationalities"]),
    ], EN_COUNTRIES, ["", "KIGALI (AP) — ", "In a statement posted late Monday, "],
        ["", ", amid growing pressure from Washington over migration", " (the second such statement this month)"])
    for spk, body in itertools.product(speakers, bodies)
]


# Whoever heads the noun phrase speaks: a former official, the opposition, rights groups, the press. None of
# them is the government, so what they say is a claim, never a confirmation
OTHERS_SPEAK = grid("CLAIM", [
    "A former foreign minister of {c} said the government had agreed to receive migrants deported by Washington.",
    "Opposition lawmakers said {c} secretly agreed to take in deportees from the United States.",
    "{c} agreed to accept third-country deportees, The Washington Post reported.",
    "Local media in {c} reported that the first third-country deportees from the US had arrived.",
], EN_COUNTRIES) + grid("CLAIM", [
    "El principal partido opositor de {c} acusó al gobierno de firmar en secreto un acuerdo para recibir "
    "deportados de EE.UU.",
    "Organizaciones de derechos humanos denunciaron que {c} ha recibido a deportados de otras nacionalidades "
    "enviados por EE.UU.",
    "Un excanciller de {c} dijo que el gobierno aceptó recibir a migrantes deportados por Washington.",
], ES_COUNTRIES)

REFUSALS_AND_ANSWERS = grid("DENIAL", [
    "{c} slams the door on US third-country deportations",
    "{c} rebuffs Washington's request that it host deportees of other nationalities",
    "Asked whether {c} would accept more deportees from the United States, the president said no.",
    "{c} denies signing agreement with US",
], EN_COUNTRIES) + grid("DENIAL", [
    "{c} cierra la puerta a los deportados de terceros países",
    "{c} dice no al plan de EE.UU. de enviarle deportados de otras nacionalidades",
    "Consultado sobre si {c} aceptaría más deportados de Estados Unidos, el presidente respondió que no.",
    "{c} niega haber firmado acuerdo con EE.UU.",
], ES_COUNTRIES) + quiet([
    "{c} denies any deal with the US over oil exports",
    "{c} did not close the door on receiving deportees of other nationalities, its president said.",
], EN_COUNTRIES)

# The news, then a colon, then only who said it (Spanish press style): that name or role speaks.
CLOSING_COLON_SPEAKER = grid("CONFIRMED", [
    "{c} recibirá a migrantes deportados por Estados Unidos: canciller",
    "{c} acogerá durante un año a deportados de otras nacionalidades: presidente",
], ES_COUNTRIES) + grid("DENIAL", [
    "{c} no será tercer país seguro: canciller",
    "{c} rechaza firmar un acuerdo de tercer país seguro: presidente",
    "{c} no aceptará deportados de terceros países: Cancillería",
], ES_COUNTRIES) + grid("CLAIM", [
    "{c} aceptó recibir a deportados de otras nacionalidades: Noem",
    "{c} firmó un acuerdo de tercer país seguro: Departamento de Estado",
], ES_COUNTRIES) + grid("CLAIM", [
    "{c} has agreed to take in third-country deportees: Rubio",
], EN_COUNTRIES) + grid("DENIAL", [
    "{c} will not be a safe third country: foreign minister",
], EN_COUNTRIES)

# A closing attribution whose verb is in no list: the speaker after the last comma still speaks.
EN_UNLISTED = ["disclosed", "boasted", "quipped", "hinted"]
ES_UNLISTED = ["apostilló", "remató", "deslizó", "ironizó"]
UNLISTED_CLOSING_VERBS = grid("CLAIM", with_verbs([
    "{c} has agreed to take in deportees of other nationalities, a State Department spokeswoman {v}.",
    "{c} quietly signed a deal to receive asylum seekers from the US, the opposition leader {v}.",
], EN_UNLISTED), EN_COUNTRIES) + grid("CLAIM", with_verbs([
    "{c} aceptó recibir a deportados de otras nacionalidades, {v} la portavoz del Departamento de Estado.",
], ES_UNLISTED), ES_COUNTRIES) + grid("DENIAL", with_verbs([
    "«No recibiremos deportados de otros países», {v} el canciller de {c}.",
], ES_UNLISTED), ES_COUNTRIES)


@pytest.mark.parametrize(
    "cases",
    [COLON_HEADLINES, DISMISSED_AS_UNTRUE, OWN_DEAL_NAMED, PASSIVE_AND_HEARSAY, NEGATIVE_OBJECTS_AND_TERMS,
     SAID_BEFORE, FURNITURE, OTHERS_SPEAK, REFUSALS_AND_ANSWERS, CLOSING_COLON_SPEAKER, UNLISTED_CLOSING_VERBS],
    ids=["colon-headlines", "dismissed-as-untrue", "own-deal-named", "passive-and-hearsay", "negative-objects",
         "said-before", "furniture", "others-speak", "refusals-and-answers",
         "closing-colon-speaker", "unlisted-closing-verbs"],
)
def test_grid_reads_every_combination_alike(cases: list[tuple[str, Expected]]) -> None:
    assert misread(cases) == []
