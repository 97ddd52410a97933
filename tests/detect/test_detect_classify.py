"""classify(): labels, who gets them, evidence and explanations, on our own example texts."""

from __future__ import annotations

import pytest

from bot.detect import classify, load_ruleset
from bot.detect.rules import RuleSet
from bot.models import Finding, Label


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_ruleset()


def signals(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.label.value, f.country) for f in findings if f.label is not Label.MENTION}


def by_country(findings: list[Finding]) -> dict[str, Finding]:
    return {f.country: f for f in findings}


# --------------------------------------------------------------------------------------------- negation
def test_official_negation_is_a_denial(ruleset: RuleSet) -> None:
    text = "Honduras's foreign minister said the country has not signed a safe third country agreement."
    f = by_country(classify(ruleset, text))["HN"]
    assert f.label is Label.DENIAL
    assert f.rule == "denial.says-no-deal"
    assert "negation" in f.explanation


def test_spanish_negation_is_a_denial(ruleset: RuleSet) -> None:
    text = "El canciller de Panamá aseguró que su país no ha firmado ningún acuerdo de tercer país seguro."
    assert signals(classify(ruleset, text)) == {("DENIAL", "PA")}


def test_narrator_negation_is_only_a_mention(ruleset: RuleSet) -> None:
    text = "Honduras does not have a safe third country agreement with the United States."
    findings = classify(ruleset, text)
    assert signals(findings) == set()
    assert by_country(findings)["HN"].label is Label.MENTION


def test_denial_of_something_else_is_irrelevant(ruleset: RuleSet) -> None:
    assert classify(ruleset, "Guatemala's government denied the bribery allegations reported by a US newspaper.") == []


# ------------------------------------------------------------------------------------------------ hedges
@pytest.mark.parametrize(
    "text",
    [
        "Ecuador could sign a safe third country agreement with the United States next month.",
        "Washington is pressing Ecuador to sign a safe third country agreement.",
        "Ecuador y EE.UU. buscan firmar un acuerdo de tercer país seguro.",
        "Ecuador is close to signing a safe third country agreement with Washington.",
    ],
)
def test_hedges_make_a_mention(ruleset: RuleSet, text: str) -> None:
    findings = classify(ruleset, text)
    assert signals(findings) == set()
    assert by_country(findings)["EC"].label is Label.MENTION


def test_spanish_conditional_of_report_is_a_claim(ruleset: RuleSet) -> None:
    text = "Ecuador habría firmado un acuerdo de tercer país seguro con Washington."
    f = by_country(classify(ruleset, text))["EC"]
    assert (f.label, f.rule) == (Label.CLAIM, "claim.conditional-report")


def test_history_is_a_mention(ruleset: RuleSet) -> None:
    text = "In 2019 Guatemala signed an asylum cooperative agreement with the United States."
    assert signals(classify(ruleset, text)) == set()


# ------------------------------------------------------------------------------------------------ speakers
def test_us_official_statement_is_a_claim_for_the_partner(ruleset: RuleSet) -> None:
    text = "Noem said Honduras had signed an agreement to take in asylum seekers from other countries."
    findings = classify(ruleset, text)
    assert signals(findings) == {("CLAIM", "HN")}
    f = findings[0]
    assert f.speaker is not None and "Noem" in f.speaker
    assert "[other]" in f.explanation


def test_partner_government_statement_is_a_confirmation(ruleset: RuleSet) -> None:
    text = "Honduras's foreign minister said Honduras had signed an agreement to take in asylum seekers."
    assert signals(classify(ruleset, text)) == {("CONFIRMED", "HN")}


def test_trailing_attribution(ruleset: RuleSet) -> None:
    text = "Honduras signed a deal to receive asylum seekers from other countries, Homeland Security said."
    assert signals(classify(ruleset, text)) == {("CLAIM", "HN")}


def test_headline_attribution(ruleset: RuleSet) -> None:
    assert signals(classify(ruleset, "US signs asylum deal with Belize, says Rubio")) == {("CLAIM", "BZ")}


def test_press_report_is_a_claim(ruleset: RuleSet) -> None:
    text = "Reuters reported that Uganda agreed to accept deportees of other nationalities from the US."
    assert signals(classify(ruleset, text)) == {("CLAIM", "UG")}


def test_narrator_fact_is_confirmed(ruleset: RuleSet) -> None:
    assert signals(classify(ruleset, "Belize and the US sign safe third country agreement")) == {("CONFIRMED", "BZ")}


# ------------------------------------------------------------------------------------ countries and parties
def test_sender_never_gets_a_finding(ruleset: RuleSet) -> None:
    findings = classify(ruleset, "US inks safe third country deals with Guatemala and Honduras")
    assert {f.country for f in findings} == {"GT", "HN"}


def test_migrants_nationality_is_not_a_party(ruleset: RuleSet) -> None:
    text = "Costa Rica's government said it will receive Venezuelan and Cuban migrants deported from the US."
    findings = classify(ruleset, text)
    assert {f.country for f in findings} == {"CR"}


def test_several_countries_in_one_excerpt(ruleset: RuleSet) -> None:
    text = (
        "Noem said Guatemala and Honduras had signed safe third country agreements. "
        "Guatemala's government denied it on Friday. Honduras did not comment."
    )
    findings = classify(ruleset, text)
    assert signals(findings) == {("CLAIM", "GT"), ("CLAIM", "HN"), ("DENIAL", "GT")}
    denial = next(f for f in findings if f.label is Label.DENIAL)
    assert denial.evidence == "Guatemala's government denied it on Friday."
    claims = [f for f in findings if f.label is Label.CLAIM]
    claim_sentence = "Noem said Guatemala and Honduras had signed safe third country agreements."
    assert {f.evidence for f in claims} == {claim_sentence}
    assert all("Noem" in (f.speaker or "") for f in claims)


def test_both_sides_of_one_article_are_kept(ruleset: RuleSet) -> None:
    """A claim and the denial of it in one article: two findings for one country, strongest first, each
    with its own sentence and speaker (the seed case)."""
    text = (
        "Noem said Panama had agreed to become a safe third country. "
        "Panama's foreign ministry flatly rejected the claim."
    )
    findings = classify(ruleset, text)
    assert [(f.label, f.country) for f in findings] == [(Label.DENIAL, "PA"), (Label.CLAIM, "PA")]
    assert findings[0].evidence.startswith("Panama's foreign ministry")
    assert findings[1].evidence.startswith("Noem said")
    assert "Noem" in (findings[1].speaker or "") and "PA" in (findings[0].speaker or "")


def test_one_side_cannot_confirm_and_deny(ruleset: RuleSet) -> None:
    """The government's own side gets one reading: a refusal that mentions arrivals stays a refusal."""
    text = "Mexico's president said the country will not accept deportees of other nationalities arriving from the US."
    assert signals(classify(ruleset, text)) == {("DENIAL", "MX")}


def test_both_governments_deny_refers_back(ruleset: RuleSet) -> None:
    text = (
        "Según la secretaria Noem, Guatemala y Honduras firmaron pactos de tercer país seguro. "
        "Ambos gobiernos lo niegan."
    )
    both = {("CLAIM", "GT"), ("CLAIM", "HN"), ("DENIAL", "GT"), ("DENIAL", "HN")}
    assert signals(classify(ruleset, text)) == both


def test_ambiguous_words_are_not_countries(ruleset: RuleSet) -> None:
    text = "Chad Wolf said the safe third country agreement with Guatemala was signed, a claim Jordan disputed."
    assert {f.country for f in classify(ruleset, text)} == {"GT"}


def test_guinea_inside_guinea_bissau(ruleset: RuleSet) -> None:
    text = "Guinea-Bissau's government denied agreeing to receive deportees of other nationalities."
    assert signals(classify(ruleset, text)) == {("DENIAL", "GW")}


def test_us_pronoun_is_not_the_united_states(ruleset: RuleSet) -> None:
    text = "Let us be clear: Mexico will not be a safe third country, the Mexican president said."
    assert signals(classify(ruleset, text)) == {("DENIAL", "MX")}


# ---------------------------------------------------------------------------------- title, encoding, misc
def test_title_is_the_first_sentence(ruleset: RuleSet) -> None:
    findings = classify(
        ruleset, "The ministry gave no further details.", title="Guatemala niega pacto migratorio con EE.UU."
    )
    f = by_country(findings)["GT"]
    assert f.label is Label.DENIAL
    assert f.evidence == "Guatemala niega pacto migratorio con EE.UU."


def test_broken_encoding_is_repaired_before_matching(ruleset: RuleSet) -> None:
    text = "Hondurasโ foreign ministry said it โhas not signedโ any safe third country agreement."
    assert signals(classify(ruleset, text)) == {("DENIAL", "HN")}
    assert signals(classify(ruleset, "Honduras negÃ³ haber firmado un acuerdo de tercer paÃ­s seguro.")) == {
        ("DENIAL", "HN")
    }


@pytest.mark.parametrize("text", ["", "   ", "Football: Honduras beat Guatemala 2-1 in the Gold Cup."])
def test_irrelevant_or_empty(ruleset: RuleSet, text: str) -> None:
    assert classify(ruleset, text) == []


def test_third_country_in_trade_and_data_law_is_irrelevant(ruleset: RuleSet) -> None:
    assert classify(ruleset, "Las mercancías se reexportan a un tercer país, según la aduana de Panamá.") == []
    text = "Transfers of personal data to third countries such as Brazil need an adequacy decision."
    assert classify(ruleset, text) == []


def test_explanation_names_rule_cue_and_speaker(ruleset: RuleSet) -> None:
    f = classify(ruleset, "Guatemala niega haber firmado un acuerdo de tercer país seguro.")[0]
    assert f.rule in f.explanation and "cue 'niega" in f.explanation and "Guatemala" in f.explanation


def test_long_article_with_one_relevant_sentence(ruleset: RuleSet) -> None:
    filler = "The central bank kept interest rates unchanged on Tuesday, citing inflation. " * 60
    text = (
        filler + "Separately, Costa Rica's president denied that the country had agreed to become a safe third country."
    )
    assert signals(classify(ruleset, text)) == {("DENIAL", "CR")}


def test_colon_quote_names_the_speaker(ruleset: RuleSet) -> None:
    assert signals(classify(ruleset, "Mulino: 'Panamá no es un tercer país seguro'")) == {("DENIAL", "PA")}


def test_passive_denial_by_named_government(ruleset: RuleSet) -> None:
    text = (
        "Noem said Belize had agreed to become a safe third country. "
        "The claim was contradicted by Belize's foreign ministry on Friday."
    )
    assert signals(classify(ruleset, text)) == {("CLAIM", "BZ"), ("DENIAL", "BZ")}


def test_pronoun_speaker_comes_from_the_previous_sentence(ruleset: RuleSet) -> None:
    text = (
        "Honduran President Xiomara Castro met reporters in Tegucigalpa on Monday. "
        "She said Honduras had not signed a safe third country agreement with Washington."
    )
    findings = classify(ruleset, text)
    assert signals(findings) == {("DENIAL", "HN")}
    assert findings[0].speaker is not None and "Xiomara Castro" in findings[0].speaker


def test_rejecting_the_label_while_receiving_people_is_confirmed(ruleset: RuleSet) -> None:
    text = (
        "Costa Rica is not a safe third country, the foreign minister said, but it will receive "
        "migrants of other nationalities deported by the United States."
    )
    f = by_country(classify(ruleset, text))["CR"]
    assert (f.label, f.rule) == (Label.CONFIRMED, "confirmed.substance-despite-label")


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 safe third country \ufffd\ufffd",
        "โโโ" * 50 + " tercer país seguro",
        "🙂" * 200 + " Guatemala denied signing a safe third country deal " + "🙂" * 200,
        "safe third country " * 2000,
        "a" * 50_000,
        ".\n.\n.\n" * 1000 + "Honduras niega acuerdo de tercer país seguro",
        "U.S. U.S. U.S. EE.UU. EE.UU. : : ; ; ( ) , , safe third country agreement signed",
        "Honduras: : : Guatemala: niega: firmó: tercer país seguro",
    ],
)
def test_odd_input_never_crashes(ruleset: RuleSet, text: str) -> None:
    findings = classify(ruleset, text, title=text[:80])
    assert isinstance(findings, list)
    assert len({f.country for f in findings}) == len(findings)
