"""The config baked into the container image: valid, the example's feeds, container paths and ports.

The image itself is built and run by `.ci/container-test` (podman); these checks need no container.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.config import load_settings

ROOT = Path(__file__).resolve().parents[2]
BAKED = ROOT / "container" / "config.toml"


def toml(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_baked_config_validates_with_container_settings() -> None:
    settings = load_settings(BAKED)
    assert settings.store.path == "/data/stcwatch.db"
    assert settings.health.listen == "0.0.0.0:9108"
    assert settings.logging.format == "json"
    assert not settings.discord.enabled
    assert not settings.slack.enabled


def test_baked_config_lists_the_example_feeds() -> None:
    assert toml(BAKED)["feeds"] == toml(ROOT / "config.example.toml")["feeds"], (
        "container/config.toml must keep the same [[feeds]] as config.example.toml"
    )


def test_baked_config_holds_no_secret() -> None:
    text = BAKED.read_text(encoding="utf-8").lower()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        assert not re.search(r"token|secret|password|xox[abp]-", line), line


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_dockerfile_matches_baked_config(dockerfile: str) -> None:
    listen = load_settings(BAKED).health.listen
    assert listen is not None
    assert f"EXPOSE {listen.rpartition(':')[2]}" in dockerfile
    assert re.search(r"^COPY .*container/config\.toml /etc/stcwatch/config\.toml$", dockerfile, flags=re.MULTILINE)
    assert "STCWATCH_CONFIG=/etc/stcwatch/config.toml" in dockerfile
    assert 'VOLUME ["/data"]' in dockerfile


def test_dockerfile_runs_as_fixed_non_root_user(dockerfile: str) -> None:
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] == "10001:10001"
    assert re.search(r'^ENTRYPOINT \["stcwatch"\]$', dockerfile, flags=re.MULTILINE)
    assert re.search(r'^CMD \["run"\]$', dockerfile, flags=re.MULTILINE)


def test_dockerignore_keeps_the_build_context_to_what_the_image_needs() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "allow-list: ignore everything, then re-include"
    allowed = {line[1:] for line in lines if line.startswith("!")}
    assert allowed == {"pyproject.toml", "README.md", "bot", "rules", "data", "container/config.toml"}
    copied = re.findall(r"^COPY (?!--from)(?:--\S+ )*(.+) \S+$", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    for sources in copied:
        for source in sources.split():
            assert source in allowed, f"Dockerfile copies {source}, which .dockerignore leaves out"
