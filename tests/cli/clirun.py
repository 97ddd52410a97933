"""Run the real `python -m bot` as a subprocess, the way a user at a shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def stcwatch(
    *args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`stcwatch ARGS` with the checkout on PYTHONPATH; stdout and stderr as text (undecodable bytes replaced)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("STCWATCH_CONFIG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=timeout
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


def config(tmp_path: Path, body: str, name: str = "c.toml") -> Path:
    """A config file with a store in TMP_PATH unless BODY sets [store] itself."""
    path = tmp_path / name
    store = "" if "[store]" in body else f'[store]\npath = "{tmp_path / "s.db"}"\n'
    path.write_text(body + "\n" + store, encoding="utf-8")
    return path
