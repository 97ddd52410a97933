"""Rule files: the shipped set is valid and its golden examples pass; bad files are reported with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.detect import check_rules, default_rule_paths, load_ruleset, run_golden
from bot.detect.rules import RuleSet
from bot.errors import RuleError

SHIPPED = default_rule_paths()


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_ruleset()


def test_shipped_rules_are_valid() -> None:
    assert SHIPPED, "rules/*.toml not found"
    assert check_rules() == []


def test_golden_examples_pass(ruleset: RuleSet) -> None:
    failures = run_golden(ruleset)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_rule_has_examples_of_both_kinds(ruleset: RuleSet) -> None:
    for rule in ruleset.rules:
        assert rule.examples.positive, rule.id
        assert rule.examples.negative, rule.id
        assert rule.description.strip(), rule.id


def test_version_is_a_content_hash(tmp_path: Path, ruleset: RuleSet) -> None:
    copy = _copy_rules(tmp_path)
    assert load_ruleset([copy]).version == ruleset.version
    mention = copy / "mention.toml"
    mention.write_text(mention.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert load_ruleset([copy]).version != ruleset.version


def _copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    target.mkdir()
    for path in SHIPPED:
        shutil.copy(path, target / path.name)
    return target


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    bad = _write(folder, "zz_bad.toml", '[[rule]]\nid = "x"\nlabel = "CLAIM\n')
    errors = check_rules([folder])
    assert any(e.path == str(bad) and e.line == 3 and "TOML syntax" in str(e) for e in errors), errors
    with pytest.raises(RuleError) as info:
        load_ruleset([folder])
    assert f"{bad}:3:" in str(info.value)


RULE = """
[[rule]]
id = "claim.test"
label = "CLAIM"
priority = 50
description = "Test rule."
cue = ["sign"]
{extra}
examples.positive = [{{ text = "Noem said Honduras signed a safe third country agreement.", country = "HN" }}]
examples.negative = ["Nothing here."]
"""


def test_schema_errors_point_at_the_offending_key(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    bad = _write(folder, "zz_bad.toml", RULE.format(extra='speaker = ["boss"]\nwithout = ["nonexistent"]\ncolour = 1'))
    errors = [e for e in check_rules([folder]) if e.path == str(bad)]
    assert any("unknown speaker" in e.reason and e.line == 8 for e in errors), errors
    assert any("unknown key 'colour'" in e.reason and e.line == 10 for e in errors), errors
    assert all(str(e).startswith(f"{bad}:") for e in errors)


def test_reference_to_unknown_family_names_the_line(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    bad = _write(folder, "zz_bad.toml", RULE.format(extra='without = ["nonexistent"]'))
    errors = check_rules([folder])
    assert any(
        e.path == str(bad) and e.line == 8 and "unknown family 'nonexistent'" in e.reason for e in errors
    ), errors


def test_modifier_slots_need_modifier_families(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    bad = _write(folder, "zz_bad.toml", RULE.format(extra='with = ["sign"]'))
    errors = check_rules([folder])
    assert any(e.path == str(bad) and "needs a modifier family" in e.reason for e in errors), errors


def test_duplicate_rule_id_and_missing_examples(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    text = RULE.format(extra="").replace('id = "claim.test"', 'id = "denial.denies-deal"')
    text += '\n[[rule]]\nid = "claim.noexamples"\nlabel = "CLAIM"\npriority = 1\ndescription = "d"\ncue = []\n'
    bad = _write(folder, "zz_bad.toml", text)
    errors = [e for e in check_rules([folder]) if e.path == str(bad)]
    assert any("already used at" in e.reason and e.line == 2 for e in errors), errors
    assert any("needs examples.positive" in e.reason and e.line == 12 for e in errors), errors


@pytest.mark.parametrize(
    ("family", "line", "reason"),
    [
        ('kind = "modifier"\nscope = "before"\nwindow = 2\ndescription = "x"\nen = ["never* ever"]\n', 6,
         "'*' may only end the last word"),
        # the matcher cannot cancel a hit with a gapped phrase: saying so beats silently ignoring it
        ('kind = "vocabulary"\ndescription = "x"\nen = ["a deal"]\nexcept = ["expects ...4 migrants"]\n', 5,
         "must be contiguous"),
    ],
    ids=["star-inside", "gapped-except"],
)
def test_bad_pattern_in_family_is_reported_once(tmp_path: Path, family: str, line: int, reason: str) -> None:
    folder = _copy_rules(tmp_path)
    bad = _write(folder, "zz_bad.toml", "[family.extra]\n" + family)
    ours = [e for e in check_rules([folder]) if e.path == str(bad)]
    assert len(ours) == 1 and ours[0].line == line and reason in ours[0].reason, ours


def test_all_errors_are_returned_not_just_the_first(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    _write(folder, "zz_a.toml", RULE.format(extra='speaker = ["boss"]\nlabel2 = 3'))
    _write(folder, "zz_b.toml", RULE.format(extra='with_any = ["nope"]').replace("claim.test", "claim.other"))
    reasons = [e.reason for e in check_rules([folder])]
    assert len(reasons) == 3, reasons


def test_missing_topic_and_engine_family(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    (folder / "topic.toml").unlink()
    lexicon = folder / "lexicon.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace("[family.say]", "[family.talk]"), encoding="utf-8")
    reasons = " | ".join(e.reason for e in check_rules([folder]))
    assert "exactly one [topic] table" in reasons
    assert "vocabulary family named 'say'" in reasons


def test_load_keeps_nothing_partial(tmp_path: Path) -> None:
    """A caller holding the last good set keeps it: a failed load raises and returns no half set."""
    good = load_ruleset()
    folder = _copy_rules(tmp_path)
    _write(folder, "zz_bad.toml", "not toml at all = = =")
    current = good
    with pytest.raises(RuleError):
        current = load_ruleset([folder])
    assert current is good


def test_empty_rule_folder_is_an_error(tmp_path: Path) -> None:
    assert check_rules([tmp_path])
