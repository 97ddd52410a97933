"""Config: validation errors name file and key; defaults and env selection work."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.config import default_settings, load_settings, parse_duration
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_durations_accept_numbers_and_units() -> None:
    assert parse_duration(600) == 600.0
    assert parse_duration("90s") == 90.0
    assert parse_duration("15m") == 900.0
    assert parse_duration("2h") == 7200.0
    with pytest.raises(ValueError):
        parse_duration("soon")
    with pytest.raises(ValueError):
        parse_duration(0)


def test_loads_store_and_feeds(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[store]\npath = "x.db"\n[[feeds]]\nname = "a"\nurl = "http://127.0.0.1/a.xml"\ninterval = "5m"\nlang = "es"\n',
    )
    settings = load_settings(path)
    assert settings.store.path == "x.db"
    assert settings.feeds[0].interval == 300.0
    assert settings.feed_interval(settings.feeds[0]) == 300.0
    assert settings.feeds[0].lang == "es"


def test_error_names_file_key_and_problem(tmp_path: Path) -> None:
    path = write(tmp_path, '[[feeds]]\nname = "ok"\nurl = "http://h/a"\n[[feeds]]\nname = "bad"\nurl = "ftp://h/b"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert str(path) in message
    assert "feeds[1] (name 'bad').url" in message
    assert "http(s) URL" in message


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"store\.pth"):
        load_settings(write(tmp_path, '[store]\npth = "x"\n'))


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[store\n"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")


def test_env_selects_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[store]\npath = "from-env.db"\n')
    monkeypatch.setenv("STCWATCH_CONFIG", str(path))
    assert load_settings().store.path == "from-env.db"


def test_builtin_default_matches_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STCWATCH_CONFIG", raising=False)
    default = default_settings()
    assert len(default.feeds) >= 10
    assert {f.lang for f in default.feeds} == {"en", "es"}
    example = tomllib.loads((ROOT / "config.example.toml").read_text(encoding="utf-8"))
    assert (
        example["feeds"] == tomllib.loads((ROOT / "bot" / "default_feeds.toml").read_text(encoding="utf-8"))["feeds"]
    ), "config.example.toml and bot/default_feeds.toml must list the same feeds"
    # The example with every key set must itself be valid.
    load_settings(ROOT / "config.example.toml")


def test_duplicate_feed_names(tmp_path: Path) -> None:
    text = '[[feeds]]\nname = "a"\nurl = "http://h/1"\n[[feeds]]\nname = "a"\nurl = "http://h/2"\n'
    with pytest.raises(ConfigError, match="used twice"):
        load_settings(write(tmp_path, text))


def test_outbox_retry_settings(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, '[outbox]\nbase_retry = "200ms"\nmax_retry = "1s"\n'))
    assert settings.outbox.base_retry == 0.2 and settings.outbox.max_retry == 1.0
    assert default_settings().outbox.base_retry == 15.0
    with pytest.raises(ConfigError, match="max_retry must be at least base_retry"):
        load_settings(write(tmp_path, '[outbox]\nbase_retry = "1m"\nmax_retry = "10s"\n'))
