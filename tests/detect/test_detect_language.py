"""Detection that reads the language, not a corpus: one test per kind of error seen on new text (issue #12).

Every sentence here is our own, written in the shapes reporters use; none is a corpus item.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect import classify, load_ruleset
from bot.detect.inflect import lookup
from bot.detect.matcher import PatternError, check_pattern, expand
from bot.detect.textprep import ascii_fold, split_sentences

RULES = load_ruleset()


def signals(text: str, **kw: object) -> set[tuple[str, str]]:
    return {(f.label.value, f.country) for f in classify(RULES, text, **kw) if f.label.is_signal}  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ speakers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place or a dateline before the speaker is never the speaker
        ("Speaking in Tegucigalpa on Thursday, Noem said Honduras had signed a safe third country agreement "
         "with Washington.", {("CLAIM", "HN")}),
        ("TEGUCIGALPA (Reuters) - US Homeland Security Secretary Kristi Noem said Honduras had signed a safe "
         "third country agreement.", {("CLAIM", "HN")}),
        # an ambassador speaks for the country they represent, wherever they are posted
        ("El embajador de Guatemala en Washington negó que el país haya firmado un acuerdo de tercer país seguro.",
         {("DENIAL", "GT")}),
        ("Honduras' ambassador to the United States denied that her country had signed any safe third country deal.",
         {("DENIAL", "HN")}),
        # a trailing headline attribution makes the whole headline a claim
        ("Costa Rica has agreed to take deportees of any nationality, US official says", {("CLAIM", "CR")}),
        ("El Salvador will take deportees of any nationality, Rubio says", {("CLAIM", "SV")}),
        # a quotation keeps its attribution even when it holds two sentences
        ('"Belize has no safe third country agreement. The report is false," the foreign minister wrote on X.',
         {("DENIAL", "BZ")}),
        # the outlet spoken to is not the speaker
        ("El canciller de Belice aseguró a la BBC que el país no ha suscrito ningún acuerdo de tercer país seguro.",
         {("DENIAL", "BZ")}),
    ],
)
def test_who_speaks(text: str, expected: set[tuple[str, str]]) -> None:
    assert signals(text) == expected


def test_former_officials_do_not_speak_for_the_government() -> None:
    assert signals("Former president Manuel Zelaya said Honduras will never be a safe third country.") == set()
    assert signals("El expresidente dijo que Guatemala jamás firmará un acuerdo de tercer país seguro.") == set()


def test_term_dates_decide_who_is_in_office() -> None:
    text = "Juan Orlando Hernández said Honduras will never sign a safe third country agreement."
    assert signals(text, published=date(2019, 9, 1)) == {("DENIAL", "HN")}  # the president then
    assert signals(text, published=date(2025, 7, 1)) == set()  # a former president by then
    bu = "Javier Bú Soto said Honduras has not signed any safe third country agreement."
    assert signals(bu, published=date(2025, 7, 1)) == {("DENIAL", "HN")}


def test_speech_acts_inside_reported_speech_belong_to_the_reporter() -> None:
    text = "A US official said Guatemala refuses to take deportees of other nationalities."
    assert ("DENIAL", "GT") not in signals(text)


# ---------------------------------------------------------------------------------- inflection, paraphrase
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guatemala suscribió el acuerdo de cooperación en materia de asilo con Estados Unidos.",
         {("CONFIRMED", "GT")}),
        ("Según Washington, Honduras habría rubricado un convenio para acoger a solicitantes de asilo de otros países.",
         {("CLAIM", "HN")}),
        ("El gobierno de Belice aseguró que no suscribirá ningún acuerdo de tercer país seguro con Washington.",
         {("DENIAL", "BZ")}),
        ("El canciller hondureño afirmó que nada fue firmado en materia migratoria durante la visita de Noem.",
         {("DENIAL", "HN")}),
        ("Honduras' foreign minister said nothing at all was signed on migration during the visit.",
         {("DENIAL", "HN")}),
        ("The Guatemalan government said it does not want to be a safe third country for the United States.",
         {("DENIAL", "GT")}),
        ("Colombia is pushing back on a US demand that it take in deportees from other countries.", {("DENIAL", "CO")}),
        ("Panama rejects US safe third country proposal", {("DENIAL", "PA")}),
        ("Paraguay and the United States signed the Agreement for Cooperation Regarding the Examination of "
         "Protection Requests on Monday.", {("CONFIRMED", "PY")}),
        ("Paraguay firmó con Estados Unidos el Acuerdo de Cooperación Respecto al Examen de Solicitudes de Protección.",
         {("CONFIRMED", "PY")}),
        ("Ecuador and the United States signed a treaty under which asylum seekers may be sent to Ecuador.",
         {("CONFIRMED", "EC")}),
        ("Peru turns down US request to take in foreign deportees", {("DENIAL", "PE")}),
    ],
)
def test_paraphrase_and_inflection(text: str, expected: set[tuple[str, str]]) -> None:
    assert signals(text) == expected


def test_lemmas_cover_every_tense() -> None:
    forms = set(lookup("suscribir", "es"))
    assert {"suscribio", "suscribieron", "suscrito", "suscribira"} <= forms
    assert {"signed", "signing", "signs"} <= set(lookup("sign", "en"))
    assert ("rubricaran", False) in expand("<es:rubricar>")


def test_lemma_exclusions_and_gaps_are_checked() -> None:
    assert ("pacto", False) not in expand("<es:pactar -pacto -pactos>")
    with pytest.raises(PatternError):
        check_pattern("<reject> ...20 proposal")
    with pytest.raises(PatternError):
        check_pattern("<reject ...3 proposal")
    with pytest.raises(PatternError):
        expand("<xx:reject>")


# ------------------------------------------------------------------------------------------------- scope
def test_a_dated_statement_is_news_not_history() -> None:
    assert signals("Noem said on June 26, 2025 that Honduras had signed an agreement to receive asylum seekers "
                   "from third countries.") == {("CLAIM", "HN")}
    assert signals("Honduras signed in 2019 an asylum cooperative agreement with the Trump administration.") == set()


def test_negation_reaches_across_adverbs_but_not_a_new_phrase() -> None:
    text = (
        "The Honduran government has not at any point signed a safe third country agreement, the foreign "
        "ministry said."
    )
    assert signals(text) == {("DENIAL", "HN")}
    assert signals("There is no agreement with the US to receive migrants of other nationalities, the "
                   "Honduran government said.") == {("DENIAL", "HN")}


def test_press_is_the_media_not_a_hedge() -> None:
    assert signals("The United States will press Panama to accept deportees of other nationalities, the paper "
                   "reported.") == set()


def test_stressed_si_is_yes_not_if() -> None:
    assert ascii_fold("Sí, firmamos") == "Yes, firmamos"
    assert ascii_fold("así") == "asi"
    text = (
        "«Sí, firmamos el acuerdo para recibir a solicitantes de asilo de terceros países», dijo el canciller "
        "de Paraguay."
    )
    assert signals(text) == {("CONFIRMED", "PY")}


def test_quotes_keep_their_attribution() -> None:
    assert split_sentences('"No. Never," he said. Next.') == ['"No. Never," he said.', "Next."]
    assert split_sentences('A stray " mark. Then more.') == ['A stray " mark.', "Then more."]


# ------------------------------------------------------------------------------------- several countries
def test_each_country_takes_its_label_from_its_own_clause() -> None:
    text = (
        "Guatemala confirmed it will receive migrants of other nationalities, while Honduras denied signing "
        "any such deal."
    )
    assert signals(text) == {("CONFIRMED", "GT"), ("DENIAL", "HN")}


def test_claim_and_denial_in_one_sentence() -> None:
    text = "Noem said Honduras signed a safe third country agreement, but the Honduran government denied it."
    assert signals(text) == {("CLAIM", "HN"), ("DENIAL", "HN")}


def test_receiving_nationals_of_another_country_is_on_topic() -> None:
    assert signals("Nigeria's foreign minister said the country cannot take in Venezuelans released from US "
                   "prisons.") == {("DENIAL", "NG")}


def test_british_spellings_are_forms_of_the_lemma() -> None:
    """The Commonwealth press writes "labelled" and "characterised"; simplemma's English does not."""
    assert {"labelled", "labelling", "labeled"} <= set(lookup("label", "en"))
    assert {"characterised", "characterising", "characterized"} <= set(lookup("characterize", "en"))
    assert "revealled" not in lookup("reveal", "en") and "feelled" not in lookup("feel", "en")


def test_shipped_inflection_table_matches_simplemma() -> None:
    """data/inflections.json is simplemma's answer for every lemma the shipped rules use (regenerate with
    `python -m bot.detect.inflect`); a stale table would silently drop word forms."""
    import json

    from bot.detect import inflect

    table = json.loads(inflect._table_path().read_text(encoding="utf-8"))["forms"]
    for key, forms in table.items():
        lang, _, lemma = key.partition(":")
        assert tuple(forms) == inflect._compute(lang, lemma), key
    used = set()
    from bot.detect.matcher import lemma_keys

    for fam in RULES.families.values():
        for pattern in fam.patterns + fam.excepts:
            used |= {k.split(" ")[0] for k in lemma_keys(pattern)}
    assert used <= set(table), sorted(used - set(table))


def _misread(cases: list[tuple[str, set[tuple[str, str]]]]) -> list[tuple[str, set[tuple[str, str]]]]:
    """The (text, what it gave) of every generated case that does not read as expected (first five)."""
    return [(text, signals(text)) for text, want in cases if signals(text) != want][:5]


def _opening(scene: str, speaker: str) -> str:
    """A scene then a speaker, capitalised at the sentence start."""
    return scene + speaker if scene else speaker[0].upper() + speaker[1:]


# A scene-setting opening ("In Tegucigalpa, ...", "Junto a Bukele, ...") names neither a party nor a
# co-speaker: every combination of scene, sending-state speaker, country and claim shape must read as
# one CLAIM for the country the speaker talks about.
_SCENES_EN = ["", "In Tegucigalpa, ", "Speaking in Panama City, ", "During a visit to Guatemala, ",
              "At the White House, ", "Standing beside Bukele, "]
_SPEAKERS_EN = ["Noem", "Rubio", "the US ambassador", "a State Department spokesperson"]
_COUNTRIES_EN = [("Honduras", "HN"), ("Panama", "PA"), ("Guatemala", "GT"), ("El Salvador", "SV"),
                 ("the Dominican Republic", "DO")]
_CLAIMS_EN = ["had agreed to take in deportees from other countries", "signed a safe third country agreement",
              "will receive asylum seekers sent by the United States"]
_SCENES_ES = ["", "En Tegucigalpa, ", "Durante su visita a Guatemala, ", "Desde la Casa Blanca, ", "Junto a Bukele, "]
_SPEAKERS_ES = ["Noem", "Rubio", "el embajador estadounidense"]
_COUNTRIES_ES = [("Honduras", "HN"), ("Panamá", "PA"), ("Guatemala", "GT"), ("El Salvador", "SV"), ("la RD", "DO")]
_CLAIMS_ES = ["aceptó recibir deportados de otros países", "firmó un acuerdo de tercer país seguro",
              "recibirá a solicitantes de asilo enviados por EE.UU."]


_SCENE_GRIDS = [(sc, "{who} said {name} {claim}.", _SPEAKERS_EN, _COUNTRIES_EN, _CLAIMS_EN) for sc in _SCENES_EN]
_SCENE_GRIDS += [(sc, "{who} dijo que {name} {claim}", _SPEAKERS_ES, _COUNTRIES_ES, _CLAIMS_ES) for sc in _SCENES_ES]


@pytest.mark.parametrize(("scene", "shape", "speakers", "countries", "claims"), _SCENE_GRIDS,
                         ids=[f"{g[1][-4:]}:{g[0] or 'none'}" for g in _SCENE_GRIDS])
def test_scene_is_no_party(
    scene: str, shape: str, speakers: list[str], countries: list[tuple[str, str]], claims: list[str]
) -> None:
    cases = [
        (scene + shape.format(who=who, name=name, claim=claim), {("CLAIM", code)})
        for who in speakers for name, code in countries for claim in claims
    ]
    assert not _misread(cases)


def test_scene_country_still_counts_when_the_main_clause_names_none() -> None:
    assert signals("During a visit to Guatemala, Noem said the country had agreed to take in deportees from "
                   "other countries.") == {("CLAIM", "GT")}
    assert signals("In Honduras, the foreign ministry denied signing any safe third country agreement.") == {
        ("DENIAL", "HN")}


# A government's own denials and confirmations, whoever in it speaks and whatever scene opens the sentence.
_GOV_EN = ["{c}'s foreign minister", "the {d} government", "a spokesperson for the {d} government", "{d} officials"]
_GOV_ES = ["el canciller {dm}", "el Gobierno de {c}", "funcionarios {dmp}"]
_STATES = [("Honduras", "HN", "Honduran", "hondureño", "hondureños"), ("Ecuador", "EC", "Ecuadorian", "ecuatoriano",
           "ecuatorianos"), ("Uganda", "UG", "Ugandan", "ugandés", "ugandeses")]
_OWN_EN = [("DENIAL", "denied that the country had signed a safe third country agreement"),
           ("DENIAL", "rejected reports that {c} would take in asylum seekers from other countries"),
           ("DENIAL", "said {c} will not accept deportees from third countries"),
           ("CONFIRMED", "said {c} will take in deportees of other nationalities sent by the United States")]
_OWN_ES = [("DENIAL", "{negar} que el país haya firmado un acuerdo de tercer país seguro"),
           ("DENIAL", "{descartar} que {c} se convierta en tercer país seguro"),
           ("CONFIRMED", "{anunciar} que {c} aceptó recibir a nacionales de terceros países deportados por Washington")]
_VERBS_ES = {
    "negar": ("negó", "negaron"), "descartar": ("descartó", "descartaron"), "anunciar": ("anunció", "anunciaron"),
}


@pytest.mark.parametrize("scene", ["", "In Washington, ", "After Noem's remarks, "])
def test_own_government_statements_en(scene: str) -> None:
    cases = [
        (f"{_opening(scene, who.format(c=name, d=dem))} {what.format(c=name)}.", {(label, code)})
        for who in _GOV_EN for name, code, dem, _, _ in _STATES for label, what in _OWN_EN
    ]
    assert not _misread(cases)


@pytest.mark.parametrize("scene", ["", "En Washington, ", "Tras las declaraciones de Noem, "])
def test_own_government_statements_es(scene: str) -> None:
    cases = []
    for who in _GOV_ES:
        verbs = {k: v[1] if who.startswith("funcionarios") else v[0] for k, v in _VERBS_ES.items()}
        for name, code, _, dem, dem_pl in _STATES:
            speaker = _opening(scene, who.format(c=name, dm=dem, dmp=dem_pl))
            cases += [(f"{speaker} {what.format(c=name, **verbs)}.", {(label, code)}) for label, what in _OWN_ES]
    assert not _misread(cases)


def test_officials_speak_for_their_government_and_sources_do_not() -> None:
    assert signals("Funcionarios hondureños dijeron que Honduras firmó un acuerdo de tercer país seguro.") == {
        ("CONFIRMED", "HN")}
    assert signals("Fuentes hondureñas dijeron que Honduras firmó un acuerdo de tercer país seguro.") == {
        ("CLAIM", "HN")}


@pytest.mark.parametrize("act", ["spoke to reporters on Friday", "met Arévalo in Guatemala City", "posted on X"])
def test_participle_speaks_with_the_clause_subject(act: str) -> None:
    """', saying ...' takes the subject of its clause, never the object or place nearest the comma, and its
    content is a clause of its own."""
    cases = [
        (f"{_opening('', who)} {act}, {part} {name} had agreed to take in deportees from other countries.",
         {("CLAIM", code)})
        for who in ("Rubio", "a DHS spokesperson") for part in ("saying", "adding", "insisting")
        for name, code in (("Honduras", "HN"), ("Guatemala", "GT"), ("Panama", "PA"))
    ]
    assert not _misread(cases)
    assert signals("Rubio se reunió con Arévalo en Guatemala, asegurando que Panamá aceptó recibir deportados de "
                   "otros países.") == {("CLAIM", "PA")}
    assert signals("Guatemala's foreign ministry issued a statement, denying the country had signed any such "
                   "agreement to receive deportees.") == {("DENIAL", "GT")}


def test_only_own_citizens_is_a_refusal_not_a_reception() -> None:
    assert signals("Rubio said Panama would take back only its own citizens.") == set()
    assert signals("Analistas dijeron que Honduras solo aceptará a sus propios ciudadanos.") == set()
    assert signals("Ecuador's foreign minister said Ecuador would take back only its own citizens.") == {
        ("DENIAL", "EC")}
    assert signals("El Gobierno de Guatemala dijo que Guatemala solo aceptará a sus propios ciudadanos.") == {
        ("DENIAL", "GT")}


@pytest.mark.parametrize("denial", [
    "\"That is false,\" the Honduran foreign minister wrote on X.",
    "Honduras's government called the report false.",
    "The Honduran government rejected the claim.",
    "\"Es falso\", escribió el canciller hondureño en X.",
    "El Gobierno hondureño rechazó esa versión.",
])
def test_a_denial_of_what_was_just_said_inherits_its_topic(denial: str) -> None:
    claim = "Noem said Honduras had signed a safe third country agreement."
    assert signals(f"{claim} {denial}") == {("CLAIM", "HN"), ("DENIAL", "HN")}
    assert signals(denial) == set()  # alone, nothing says what is false


@pytest.mark.parametrize("leader", ["Santiago Peña", "Nayib Bukele", "Daniel Noboa"])
def test_a_leader_speaking_of_another_country_confirms_nothing_for_their_own(leader: str) -> None:
    """The speaker's country is named only as the speaker; the reported words are about someone else."""
    for name, code in (("Honduras", "HN"), ("Costa Rica", "CR")):
        for text in (
            f"{leader} said {name} had signed a safe third country agreement with the United States.",
            f"{leader} said the United States already has an agreement with {name} to receive deportees from "
            "other countries.",
            f"{leader} dijo que {name} aceptó recibir deportados de terceros países.",
            f"{leader} dijo que Estados Unidos ya tiene con {name} un acuerdo para recibir deportados de otros "
            "países.",
        ):
            assert signals(text) == {("CLAIM", code)}, text


def test_reported_words_without_a_named_subject_stay_the_speakers() -> None:
    assert signals("Marruecos niega haber pactado con España el desembarco de migrantes rescatados.") == {
        ("DENIAL", "MA")}
    assert signals("Rwanda's foreign minister said his country has never reached any agreement with Israel to "
                   "host African asylum seekers.") == {("DENIAL", "RW")}


def test_a_label_rejected_in_a_concessive_clause_leaves_the_signing_standing() -> None:
    assert signals("Guatemala and the United States signed the agreement on Friday, although the Guatemalan "
                   "government rejects the safe third country label.") == {("CONFIRMED", "GT")}
    assert signals("Guatemala y Estados Unidos firmaron el acuerdo el viernes, aunque el gobierno guatemalteco "
                   "rechaza la etiqueta de tercer país seguro.") == {("CONFIRMED", "GT")}
    # a closing attribution still covers the whole sentence, clause breaks included: the sending state's
    # embassy announcing it keeps it a claim
    assert signals("Washington and Tegucigalpa signed an agreement under which Honduras will host foreign "
                   "migrants while their US asylum claims are processed, the US embassy announced.") == {
        ("CLAIM", "HN")}


def test_the_narrators_statement_says_nothing_of_a_country_named_only_after_a_semicolon() -> None:
    assert signals("Eight countries have agreed to receive third-country deportees sent by the US; Ecuador, "
                   "according to its foreign minister, is still negotiating.") == set()
    assert signals("Ocho países han aceptado recibir deportados de terceros países enviados por EE.UU.; "
                   "Ecuador, según la canciller, aún negocia.") == set()


@pytest.mark.parametrize("verb", ["suscribió", "rubricaron", "ha suscrito", "acordó", "pactó", "selló", "firmó"])
def test_spanish_signing_verbs_in_their_tenses(verb: str) -> None:
    obj = "un acuerdo de tercer país seguro con Estados Unidos"
    assert signals(f"Noem dijo que Honduras {verb} {obj}.") == {("CLAIM", "HN")}
    assert signals(f"El canciller hondureño confirmó que Honduras {verb} {obj}.") == {("CONFIRMED", "HN")}


def test_pacto_the_noun_is_no_signing() -> None:
    assert signals("El pacto con Washington permite enviar solicitantes de asilo a Honduras.") == set()
