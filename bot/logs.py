"""Logging setup: JSON lines in containers, readable text on a terminal, secrets scrubbed."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


def _extras(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in vars(record).items() if k not in _RESERVED and not k.startswith("_")}


class JsonFormatter(logging.Formatter):
    """One JSON object per line with the record's structured fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        payload.update(_extras(record))
        exc = _exception_text(self, record)
        if exc:
            payload["exc"] = exc
        return json.dumps(payload, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`HH:MM:SS level logger: message key=value ...` for people at a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        ts = datetime.fromtimestamp(record.created, UTC).strftime("%H:%M:%S")
        fields = " ".join(f"{k}={v}" for k, v in _extras(record).items())
        line = f"{ts} {record.levelname.lower():7} {record.name}: {record.getMessage()}"
        if fields:
            line += f" {fields}"
        exc = _exception_text(self, record)
        if exc:
            line += "\n" + exc
        return line


def _exception_text(formatter: logging.Formatter, record: logging.LogRecord) -> str:
    """The traceback (and stack) text: already rendered and scrubbed by SecretFilter, else rendered now."""
    parts = []
    if record.exc_text:
        parts.append(record.exc_text)
    elif record.exc_info:
        parts.append(formatter.formatException(record.exc_info))
    if record.stack_info:
        parts.append(formatter.formatStack(record.stack_info))
    return "\n".join(parts)


class SecretFilter(logging.Filter):
    """Replaces any known secret value in a formatted record with ***, whatever field it hides in."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        record.msg = self._scrub(record.getMessage())
        record.args = None
        for key, value in _extras(record).items():
            setattr(record, key, self._clean(value))
        if record.exc_info:  # a traceback quotes exception messages and reprs: render it here and scrub it
            record.exc_text = self._scrub(_PLAIN.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self._scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self._scrub(record.stack_info)
        return True

    def _clean(self, value: object) -> object:
        """A field with every secret replaced, whatever its type: containers item by item (keeping their
        shape for JSON), any other object by its text when that text holds a secret."""
        if isinstance(value, str):
            return self._scrub(value)
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, dict):
            return {self._clean(k) if isinstance(k, str) else k: self._clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self._clean(v) for v in value]
        shown = str(value)
        scrubbed = self._scrub(shown)
        rendered = repr(value)
        if scrubbed != shown or self._scrub(rendered) != rendered:
            return scrubbed
        return value

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


_PLAIN = logging.Formatter()


class _CurrentStderr:
    """Writes to whatever sys.stderr is at the time, so a replaced or captured stderr never breaks logging."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


def setup_logging(
    level: str = "INFO", fmt: str = "auto", *, secrets: Iterable[str] = (), stream: TextIO | None = None
) -> None:
    """Configure the root logger once at startup (stderr; stdout is for alerts and command output)."""
    out: TextIO = stream or _CurrentStderr()  # type: ignore[assignment]
    use_json = fmt == "json" or (fmt == "auto" and not out.isatty())
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    handler.addFilter(SecretFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "discord", "slack_bolt", "slack_sdk", "aiohttp"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    logging.getLogger("discord.client").setLevel(logging.ERROR)  # "voice not supported": we use no voice
