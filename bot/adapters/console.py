"""Console sink: alert lines on stdout, as text for people or JSON for scripts."""

from __future__ import annotations

import json
import re
import sys
from typing import TextIO

from bot.models import Alert

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str | None) -> str:
    """Feed text is untrusted: drop terminal control and bidi override characters, one line only."""
    if not text:
        return ""
    return " ".join(_CONTROL.sub("", text).split())


def format_alert(alert: Alert) -> str:
    """One readable line per alert."""
    when = alert.created_at.strftime("%Y-%m-%d %H:%M UTC")
    head = f"[{when}] {alert.label:<9} {alert.country or '--'}  {safe_text(alert.title)}"
    parts = [head]
    if alert.url:
        parts.append(f"  {safe_text(alert.url)}")
    if alert.evidence:
        parts.append(f'  evidence: "{safe_text(alert.evidence)}"')
    for other in alert.also():
        who = f" ({safe_text(other['speaker'])})" if other["speaker"] else ""
        parts.append(f'  also {other["label"]}{who}: "{safe_text(other["evidence"])}"')
    meta = [f"feed: {safe_text(alert.feed)}" if alert.feed else "", f"rule: {alert.rule}" if alert.rule else ""]
    if any(meta):
        parts.append("  " + ", ".join(m for m in meta if m))
    return "\n".join(parts)


class ConsoleSink:
    """Prints every alert; never fails, so it never needs a retry."""

    name = "console"

    def __init__(self, *, as_json: bool = False, stream: TextIO | None = None) -> None:
        self._as_json = as_json
        self._stream = stream

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """The console shows everything."""
        return True

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        """Write the alert and flush, so a pipe sees it at once.

        A line written before a crash cannot be looked up, so `possibly_sent` alerts are printed again.
        """
        out = self._stream or sys.stdout
        if self._as_json:
            out.write(json.dumps(alert.as_json(), ensure_ascii=False) + "\n")
        else:
            out.write(format_alert(alert) + "\n")
        out.flush()
