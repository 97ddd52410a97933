"""Hostile input through the real CLI: every bad input gets a clear message and its exit status, never a
traceback (issue #16)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.clirun import ROOT, config, stcwatch

DENIAL = "Guatemala denied that it had signed a safe third country agreement with the United States."


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


# ---- classify ---------------------------------------------------------------------------------------


def test_classify_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    proc = stcwatch("classify", "nope.jsonl", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "stcwatch: classify: cannot read nope.jsonl: No such file or directory"
    assert proc.stdout == ""


def _lines(tmp_path: Path) -> bytes:
    good = json.dumps({"id": "a", "text": DENIAL}).encode()
    return b"\n".join([
        good,
        b'{"id": "b", "text": "caf\xff au lait"}',  # one invalid UTF-8 byte
        json.dumps({"text": DENIAL}).encode(),  # no id
        json.dumps({"id": "d", "text": DENIAL, "lang": "fr"}).encode(),  # a language the detector lacks
        json.dumps({"id": "e", "text": 42}).encode(),
        b"[1, 2]",
        b"",  # blank lines are skipped, not answered
        json.dumps({"id": 7, "text": DENIAL, "lang": "es-MX", "title": "x"}).encode(),
    ]) + b"\n"  # fmt: skip


def _check_answers(proc: subprocess.CompletedProcess[str]) -> None:
    no_traceback(proc)
    assert proc.returncode == 1  # some lines were bad
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 7
    assert out[0]["id"] == "a" and [(f["label"], f["country"]) for f in out[0]["findings"]] == [("DENIAL", "GT")]
    assert out[1] == {"id": None, "line": 2, "error": "not valid UTF-8: byte 0xff at column 25", "findings": []}
    assert out[2] == {"id": None, "line": 3, "error": "missing 'id' (a string or an integer)", "findings": []}
    assert out[3]["id"] == "d" and out[3]["findings"][0]["country"] == "GT"
    assert out[3]["warning"] == "lang 'fr' is not supported (en, es); matched in English and Spanish"
    assert out[4] == {"id": "e", "line": 5, "error": "'text' must be a string", "findings": []}
    assert out[5] == {"id": None, "line": 6, "error": "expected a JSON object, got list", "findings": []}
    assert out[6]["id"] == 7 and out[6]["findings"] and "warning" not in out[6]  # es-MX is Spanish


def test_classify_file_answers_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(_lines(tmp_path))
    _check_answers(stcwatch("classify", str(path), cwd=tmp_path))


def test_classify_stdin_behaves_like_a_file(tmp_path: Path) -> None:
    _check_answers(stcwatch("classify", stdin=_lines(tmp_path), cwd=tmp_path))
    _check_answers(stcwatch("classify", "-", stdin=_lines(tmp_path), cwd=tmp_path))


def test_classify_all_good_exits_zero(tmp_path: Path) -> None:
    proc = stcwatch("classify", stdin=b'\xef\xbb\xbf{"id": 1, "text": "nothing here"}\n', cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"id": 1, "findings": []}


# ---- configuration and options ----------------------------------------------------------------------


def test_bad_log_level_in_config_names_the_key_and_exits_2(tmp_path: Path) -> None:
    cfg = config(tmp_path, '[logging]\nlevel = "LOUD"')
    proc = stcwatch("--config", str(cfg), "feeds", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2
    assert f"{cfg}: invalid configuration" in proc.stderr
    assert "logging.level: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'LOUD'" in proc.stderr


def test_bad_log_level_option_names_the_option_and_exits_2(tmp_path: Path) -> None:
    proc = stcwatch("--log-level", "LOUD", "feeds", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 2
    assert "argument --log-level: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'LOUD'" in proc.stderr


def test_lower_case_log_level_is_accepted(tmp_path: Path) -> None:
    cfg = config(tmp_path, '[logging]\nlevel = "debug"\nformat = "json"')
    proc = stcwatch("--config", str(cfg), "--log-level", "warning", "feeds", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_no_feeds_says_so(tmp_path: Path) -> None:
    cfg = config(tmp_path, "feeds = []\n[logging]\nformat = \"text\"")
    proc = stcwatch("--config", str(cfg), "poll", "--once", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0
    assert "no feeds configured: nothing will be polled" in proc.stderr
    listing = stcwatch("--config", str(cfg), "feeds", cwd=tmp_path)
    assert listing.returncode == 0 and listing.stdout.startswith("no feeds configured: add [[feeds]]")


def test_global_option_after_the_command_gets_a_hint(tmp_path: Path) -> None:
    proc = stcwatch("run", "--config", "x.toml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unrecognized arguments: --config x.toml" in proc.stderr
    assert "hint: global options go before the command" in proc.stderr


def test_other_unknown_arguments_get_no_misleading_hint(tmp_path: Path) -> None:
    proc = stcwatch("feeds", "--bogus", cwd=tmp_path)
    assert proc.returncode == 2 and "unrecognized arguments: --bogus" in proc.stderr
    assert "hint" not in proc.stderr


# ---- agreements ---------------------------------------------------------------------------------------


def test_agreements_never_echoes_terminal_escapes(tmp_path: Path) -> None:
    cfg = config(tmp_path, "feeds = []")
    proc = stcwatch("--config", str(cfg), "agreements", "\x1b]0;owned\x07\x1b[31mred\u202e", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\u202e" not in proc.stdout
    assert proc.stdout.strip() == "I don't know a country called ']0;owned[31mred'."
    as_json = stcwatch("--config", str(cfg), "agreements", "--json", "\x1b[31mred", cwd=tmp_path)
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["query"] == "[31mred"


def test_agreements_does_not_echo_a_huge_name_back(tmp_path: Path) -> None:
    cfg = config(tmp_path, "feeds = []")
    proc = stcwatch("--config", str(cfg), "agreements", "x" * 10_000, cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1
    assert len(proc.stdout) < 120 and proc.stdout.startswith("I don't know a country called 'xxx")


# ---- rules and repository hygiene ---------------------------------------------------------------------


def test_rules_check_says_which_files_it_read_and_how_to_use_your_own(tmp_path: Path) -> None:
    packaged = stcwatch("rules", "check", cwd=tmp_path)
    assert packaged.returncode == 0, packaged.stdout
    first = packaged.stdout.splitlines()[0]
    assert first.startswith("rules from the rule files packaged with stcwatch in ")
    assert "set [rules] paths in your config to use your own" in first
    assert f"  {ROOT / 'rules' / 'denial.toml'}" in packaged.stdout.splitlines()
    mine = tmp_path / "myrules"
    mine.mkdir()
    for src in (ROOT / "rules").glob("*.toml"):
        (mine / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    cfg = config(tmp_path, f'[rules]\npaths = ["{mine}"]')
    own = stcwatch("--config", str(cfg), "rules", "check", cwd=tmp_path)
    assert own.returncode == 0, own.stdout
    assert own.stdout.splitlines()[0] == "rules from [rules] paths in the config"
    assert f"  {mine / 'denial.toml'}" in own.stdout.splitlines()
    assert str(ROOT / "rules") not in own.stdout


def test_rule_error_hint_names_a_real_command(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[rule]]\nid = 1\n", encoding="utf-8")
    cfg = config(tmp_path, f'[rules]\npaths = ["{broken}"]')
    proc = stcwatch("--config", str(cfg), "poll", "--once", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 1
    assert "run `stcwatch rules check` for all" in proc.stderr and "check_rules" not in proc.stderr


def test_the_lock_file_is_ignored_by_git() -> None:
    proc = subprocess.run(["git", "check-ignore", "-q", "stcwatch.db.lock"], cwd=ROOT, check=False)
    assert proc.returncode == 0


def test_closed_output_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    import os
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "rules", "check"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head -0`: the reader is gone before the first line
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
