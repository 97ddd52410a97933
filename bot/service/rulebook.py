"""Holds the live rule set and reloads it when rule files change, keeping the last good set on errors."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from bot.detect.rules import RuleSet, default_rule_paths, load_ruleset
from bot.errors import RuleError

log = logging.getLogger(__name__)


def _rule_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        else:
            files.append(path)
    return files


class RuleBook:
    """The rule set the classifier uses now; `reload_if_changed` swaps it only for a valid one."""

    def __init__(self, paths: Sequence[Path] | None = None) -> None:
        self._paths = list(paths) if paths else default_rule_paths()
        self.current: RuleSet = load_ruleset(self._paths)
        self.last_error: str | None = None
        self._stamp = self._fingerprint()

    @property
    def paths(self) -> list[Path]:
        """Where rules are read from."""
        return list(self._paths)

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        stamp: list[tuple[str, int, int]] = []
        for file in _rule_files(self._paths):
            try:
                st = file.stat()
            except OSError:
                continue
            stamp.append((str(file), st.st_mtime_ns, st.st_size))
        return tuple(stamp)

    def reload_if_changed(self) -> bool:
        """Reload when any rule file changed; returns True when a new rule set is live."""
        stamp = self._fingerprint()
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            fresh = load_ruleset(self._paths)
        except RuleError as exc:
            self.last_error = str(exc)
            log.error("rule reload failed; keeping the last good rule set", extra={"error": str(exc)})
            return False
        self.current = fresh
        self.last_error = None
        log.info("rules reloaded", extra={"rules": len(fresh.rules), "rules_version": fresh.version})
        return True
