"""Logging scrubs secrets; the rule book hot-reloads and keeps the last good set on a bad edit."""

from __future__ import annotations

import io
import json
import logging
import shutil
from pathlib import Path

import pytest

from bot.detect.rules import default_rule_paths
from bot.logs import setup_logging
from bot.service.rulebook import RuleBook


@pytest.fixture
def restore_logging() -> object:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("restore_logging")
def test_secret_values_are_scrubbed_from_message_and_fields() -> None:
    stream = io.StringIO()
    setup_logging("INFO", "json", secrets=["xoxb-very-secret-token"], stream=stream)
    log = logging.getLogger("t")
    log.info("auth header was %s", "Bearer xoxb-very-secret-token")
    log.warning("failed", extra={"error": "token xoxb-very-secret-token rejected"})
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["msg"] == "auth header was Bearer ***"
    assert lines[1]["error"] == "token *** rejected"
    assert "xoxb-very-secret-token" not in stream.getvalue()


@pytest.mark.usefixtures("restore_logging")
def test_text_format_for_terminals() -> None:
    stream = io.StringIO()
    setup_logging("DEBUG", "text", stream=stream)
    logging.getLogger("t").info("hello", extra={"feed": "Wire"})
    assert stream.getvalue().rstrip().endswith("t: hello feed=Wire")


def test_rule_reload_keeps_last_good_set(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in default_rule_paths():
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for file in files:
            shutil.copy(file, rules / file.name)
    book = RuleBook([rules])
    good = book.current
    assert book.reload_if_changed() is False

    victim = sorted(p for p in rules.glob("*.toml") if p.name not in ("lexicon.toml", "topic.toml"))[0]
    original = victim.read_text(encoding="utf-8")
    victim.write_text(original + "\n[[rule]]\nid = \n", encoding="utf-8")
    assert book.reload_if_changed() is False
    assert book.current is good
    assert book.last_error is not None and victim.name in book.last_error

    victim.write_text(original + "\n# a harmless comment\n", encoding="utf-8")
    assert book.reload_if_changed() is True
    assert book.last_error is None
    assert len(book.current.rules) == len(good.rules)


class _Holder:
    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        return f"Holder(token={self.token!r})"

    def __str__(self) -> str:
        return f"holder with {self.token}"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_tracebacks_and_non_string_fields_are_scrubbed(fmt: str) -> None:
    token = "xapp-1-very-secret-app-token"
    stream = io.StringIO()
    setup_logging("INFO", fmt, secrets=[token], stream=stream)
    log = logging.getLogger("stcwatch.test")
    try:
        raise RuntimeError(f"connect failed for wss://x.example/?ticket={token}")
    except RuntimeError as exc:
        log.exception("socket mode failed", extra={"cause": exc, "headers": {"Authorization": f"Bearer {token}"},
                                                  "tokens": [token, 3], "obj": _Holder(token), "n": 5})
    log.error("with stack", stack_info=True, extra={"where": (token,)})
    out = stream.getvalue()
    assert token not in out
    assert "Traceback" in out and "RuntimeError: connect failed" in out and "***" in out
    if fmt == "json":
        first = json.loads(out.splitlines()[0])
        assert first["headers"] == {"Authorization": "Bearer ***"} and first["tokens"] == ["***", 3]
        assert first["n"] == 5 and first["obj"] == "holder with ***"
