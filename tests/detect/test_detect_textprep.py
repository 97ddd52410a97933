"""Encoding repair, folding, sentence splitting and tokenising."""

from __future__ import annotations

import re
import unicodedata

from bot.detect.textprep import (
    _FOLD_BYTES,
    _ODD_SPACE,
    _ODD_SPACE_CHARS,
    YEAR_TOKEN,
    Token,
    _ascii_fold_unicode,
    ascii_fold,
    fold,
    fold_parts,
    fold_term,
    repair_text,
    split_sentences,
    tokenize,
)


def _unicode_fold(text: str) -> str:
    """`fold` by the general Unicode route, what the single-byte tables must reproduce."""
    return " ".join(_ascii_fold_unicode(text).encode("ascii").translate(_FOLD_BYTES).decode("ascii").split())


def test_repairs_utf8_read_as_cp874_with_lost_bytes() -> None:
    broken = "\u0e42Honduras will take them,\u0e42 Noem said. The administration\u0e42s plan."
    fixed = repair_text(broken)
    assert "\u0e42" not in fixed
    assert "\u201cHonduras will take them,\u201d Noem said." in fixed
    assert "administration\u2019s plan" in fixed


def test_repairs_two_byte_cp874_runs() -> None:
    broken = "Panam\u0e23\u0e01 neg\u0e23\u0e13"  # "Panamá negó" whose UTF-8 bytes were read as cp874
    assert repair_text(broken) == "Panamá negó"


def test_leaves_real_thai_alone() -> None:
    thai = "โครงการ " * 30
    assert repair_text(thai).strip() == thai.strip()


def test_repairs_latin1_mojibake_with_ftfy() -> None:
    assert repair_text("PanamÃ¡ negÃ³ el acuerdo") == "Panamá negó el acuerdo"


def test_clean_text_is_unchanged_except_spaces() -> None:
    assert repair_text("Guatemala  niega\tpacto") == "Guatemala niega pacto"


def test_space_shortcut_knows_every_odd_space() -> None:
    odd = re.compile(f"[{_ODD_SPACE}]")
    assert {chr(c) for c in range(0x110000) if odd.match(chr(c))} == set(_ODD_SPACE_CHARS)
    for ch in _ODD_SPACE_CHARS:
        assert repair_text(f"Guatemala{ch}niega  pacto") == "Guatemala niega pacto"
        assert repair_text(f"Perú {ch} niega") == "Perú niega"
    assert repair_text("Perú niega el pacto") == "Perú niega el pacto"


def test_latin1_text_is_already_nfc() -> None:
    """`repair_text` skips the NFC check (and the Thai scan) for text below U+0100."""
    chars = [chr(c) for c in range(256)]
    assert not any(unicodedata.combining(a) for a in chars)
    assert all(unicodedata.is_normalized("NFC", a + b) for a in chars for b in chars)


def test_fold_ignores_accents_case_and_punctuation() -> None:
    assert fold("Tercer País-Seguro!") == "tercer pais seguro"
    assert fold("Guatemala’s “deal”") == "guatemala s deal"
    assert fold_term("in _year_") == f"in {YEAR_TOKEN}"


def test_fold_by_table_equals_the_unicode_route() -> None:
    chars = sorted({bytes([b]).decode(codec, "ignore") for codec in ("latin-1", "cp1252") for b in range(256)} - {""})
    for a in chars:
        for text in (a, f"x{a}y", f"S{a}", f"s{a} no", f"{a}{a}  {a}"):
            assert fold(text) == _unicode_fold(text), repr(text)
            assert ascii_fold(text) == _ascii_fold_unicode(text), repr(text)
    samples = [
        "Honduras sí será tercer país seguro",  # the stressed "sí" folds to "yes"
        "SÍ, dijo. Sí.", "sÍ y sí", "Así sí", "¼ de ½ y ¾ del país", "Guatemala’s “deal” — 2025…",
        "Panamá\x85negó", "Ωμέγα país", "pai\u0301s", "\u00a0Perú\u2009y\u3000Chile ",
    ]
    for text in samples:
        assert fold(text) == _unicode_fold(text), repr(text)
        assert ascii_fold(text) == _ascii_fold_unicode(text), repr(text)
    assert fold("Honduras sí será") == "honduras yes sera"


def test_tokenize_keeps_case_clause_punctuation_and_years() -> None:
    toks = tokenize("En julio de 2024, EE.UU. firmó; “no” dijo.")
    assert [t.low for t in toks] == ["en", "julio", "de", YEAR_TOKEN, ",", "ee", "uu", "firmo", ";", "no", "dijo"]
    assert toks[5].text == "EE" and toks[5].capitalized
    assert type(toks[0]) is Token and toks[0] == Token("En", "en")
    years = tokenize("In 1999, 2025 and 1850 (x2020, 20201, _2019_) — about… 19 20")
    assert [t.low for t in years] == [
        "in", YEAR_TOKEN, ",", YEAR_TOKEN, "and", "1850", "(", "x2020", ",", "20201", ",", YEAR_TOKEN, ")", ";",
        "about", "19", "20",
    ]


def test_split_keeps_abbreviations_together() -> None:
    text = "U.S. officials met Mr. Paz in Tegucigalpa. He said no. Sr. Paz repitió que no."
    assert split_sentences(text) == [
        "U.S. officials met Mr. Paz in Tegucigalpa.",
        "He said no.",
        "Sr. Paz repitió que no.",
    ]


def test_split_after_country_abbreviation_when_next_word_opens_a_sentence() -> None:
    text = "Pedirían asilo en EE.UU. Ambos gobiernos lo niegan. Talks with the U.S. Border Patrol continue."
    assert split_sentences(text) == [
        "Pedirían asilo en EE.UU.",
        "Ambos gobiernos lo niegan.",
        "Talks with the U.S. Border Patrol continue.",
    ]


def test_split_on_newlines_and_quotes() -> None:
    text = "Headline without stop\n“We never signed,” he said. ¿Quién firmó?"
    assert split_sentences(text) == ["Headline without stop", "“We never signed,” he said.", "¿Quién firmó?"]


def test_fold_parts_equals_fold_of_each_part() -> None:
    parts = ["Panamá negó: «no hay acuerdo»", "", "Honduras sí será tercer país seguro", "—", "EE.UU. dijo"]
    assert fold_parts(parts) == [fold(p) for p in parts]
    assert fold_parts(["a qxzqpartqxzq b", "c"]) == ["a qxzqpartqxzq b", "c"]  # the joining word itself
    assert fold_parts([]) == []
