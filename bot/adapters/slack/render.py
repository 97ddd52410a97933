"""Alerts and answers as Block Kit plus a plain `text` fallback; pure functions, no Slack client.

Every feed-derived string goes through `esc`/`link` (see mrkdwn.py); our own markup wraps it.
The fallback `text` is what notifications and screen readers show, so it carries the essentials.
Alerts are rendered here; command answers live in render_answers.py and are re-exported here,
so this module is the one place callers import rendering from.
"""

from __future__ import annotations

from typing import Any

from bot.adapters.slack.mrkdwn import (
    LABEL_EMOJI,
    MAX_FALLBACK,
    Block,
    Message,
    cap_blocks,
    code,
    context,
    divider,
    esc,
    fit_lines,
    header,
    link,
    section,
)
from bot.adapters.slack.render_answers import (
    render_answer,
    render_error,
    render_feeds,
    render_not_found,
    render_suggestions,
)
from bot.adapters.slack.review_blocks import review_block
from bot.models import Alert
from bot.service.answers import flag

__all__ = [
    "Message",
    "fallback_text",
    "render_alert",
    "render_answer",
    "render_error",
    "render_feeds",
    "render_not_found",
    "render_suggestions",
]

MAX_SIDES = 5  # statements shown per side of a status change


def where(country: str | None) -> str:
    """'🇭🇳 HN' or '' for alerts without a country."""
    if not country:
        return ""
    alpha2 = esc(country, 8)
    mark = flag(country)
    return f"{mark} {alpha2}" if mark else alpha2


def render_alert(alert: Alert, *, mention: str | None = None) -> Message:
    """Block Kit for any alert kind; `mention` is an already validated `<!subteam^ID>`."""
    if alert.kind == "status_change":
        blocks = _status_change_blocks(alert)
    elif alert.kind == "feed_health":
        blocks = _feed_health_blocks(alert)
    else:
        blocks = _finding_blocks(alert)
    text = fallback_text(alert)
    if mention:
        label = esc(alert.label.replace("_", " "), 40)
        blocks.insert(1, section(f"{mention} {label} {where(alert.country)}".rstrip()))
        text = f"{mention} {text}"
    return Message(text=text[:MAX_FALLBACK], blocks=cap_blocks(blocks))


def fallback_text(alert: Alert) -> str:
    """One line for notifications: label, country, status change or headline, link."""
    parts = [esc(alert.label.replace("_", " "), 40)]
    if alert.country:
        parts.append(where(alert.country))
    if alert.kind == "status_change":
        old, new = _text(alert.extra.get("old")), _text(alert.extra.get("new"))
        parts.append(f"{esc(old, 40)} → {esc(new, 40).upper()}")
    parts.append(link(alert.url, alert.title, 400) if alert.url else esc(alert.title, 400))
    return " · ".join(p for p in parts if p)


def _headline(alert: Alert) -> Block:
    title = link(alert.url, alert.title, 800) if alert.url else esc(alert.title, 800)
    return section(f"*{title}*")


def _meta(alert: Alert) -> Block:
    parts = []
    if alert.feed:
        parts.append(f"Feed: {esc(alert.feed, 200)}")
    if alert.rule:
        parts.append(f"Rule: {code(alert.rule)}")
    parts.append(alert.created_at.strftime("%Y-%m-%d %H:%M UTC"))
    return context(" · ".join(parts))


def _finding_blocks(alert: Alert) -> list[Block]:
    emoji = LABEL_EMOJI.get(alert.label, "🔎")
    blocks = [header(f"{emoji} {alert.label} · {_plain_where(alert.country)}"), _headline(alert)]
    lines = []
    if alert.evidence:
        lines.append(f"> {esc(alert.evidence, 2000)}")
    speaker = _text(alert.extra.get("speaker"))
    if speaker:
        lines.append(f"*Speaker:* {esc(speaker, 300)}")
    for other in alert.also():  # the other side(s) in the same article
        who = f" ({esc(other['speaker'], 200)})" if other["speaker"] else ""
        lines.append(f"*Also {esc(other['label'], 20)}*{who}:\n> {esc(other['evidence'], 600)}")
    explanation = _text(alert.extra.get("explanation"))
    if explanation:
        lines.append(f"*Why:* {esc(explanation, 500)}")
    if lines:
        blocks.append(section(fit_lines(lines)))
    blocks.append(_meta(alert))
    finding_id = alert.extra.get("finding_id")
    if isinstance(finding_id, int) and not isinstance(finding_id, bool):
        blocks.append(review_block(finding_id))
    return blocks


def _status_change_blocks(alert: Alert) -> list[Block]:
    old = _text(alert.extra.get("old")) or "none"
    new = _text(alert.extra.get("new")) or "none"
    contested = new.lower() == "contested"
    title = "⚠️ CONTESTED" if contested else f"{LABEL_EMOJI['STATUS_CHANGE']} STATUS CHANGE"
    blocks: list[Block] = [header(f"{title} · {_plain_where(alert.country)}")]
    lines = [f"*Status:* {esc(old, 40)} → *{esc(new, 40).upper()}*"]
    reviewer = _text(alert.extra.get("reviewed_by"))
    if reviewer:
        lines.append(f"*After a review by* {esc(reviewer, 100)}")
    if contested:
        lines.append(":warning: *Contested:* a claim and a denial stand against each other.")
    reason = _text(alert.extra.get("reason"))
    if reason:
        lines.append(esc(reason, 1000))
    blocks.append(section(fit_lines(lines)))
    for key, heading in (("for", "For (claims, confirmations)"), ("against", "Against (denials)")):
        sides = _sides(alert.extra.get(key))
        if not sides:
            continue
        blocks.append(divider())
        blocks.append(section(f"*{heading}*"))
        blocks.extend(section(_side(side)) for side in sides[:MAX_SIDES])
        if len(sides) > MAX_SIDES:
            blocks.append(context(f"… and {len(sides) - MAX_SIDES} more"))
    if alert.url or alert.title:
        blocks.append(divider())
        blocks.append(_headline(alert))
    blocks.append(_meta(alert))
    return blocks


def _side(side: dict[str, Any]) -> str:
    """One statement: actor, date, kind, link, then the summary quoted."""
    head = [f"*{esc(_text(side.get('actor')) or 'unknown', 150)}*"]
    for key in ("date", "kind"):
        value = _text(side.get(key))
        if value:
            head.append(esc(value, 40))
    url = _text(side.get("url"))
    if url:
        head.append(link(url, _text(side.get("outlet")) or "source", 100))
    line = " · ".join(head)
    summary = _text(side.get("summary"))
    return f"{line}\n> {esc(summary, 500)}" if summary else line  # < 3000 even with a 2000-char URL


def _feed_health_blocks(alert: Alert) -> list[Block]:
    blocks = [header(f"{LABEL_EMOJI['FEED_HEALTH']} FEED HEALTH"), _headline(alert)]
    if alert.evidence:
        blocks.append(section(f"> {esc(alert.evidence, 2000)}"))
    blocks.append(_meta(alert))
    return blocks


def _plain_where(country: str | None) -> str:
    """Header text is plain_text, so no escaping: only our own code and flag go there."""
    if not country or not country.isalpha() or len(country) != 2:
        return "—"
    return f"{flag(country)} {country.upper()}"


def _sides(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _text(value: object) -> str:
    """Extra fields are untyped JSON: accept strings and numbers, ignore the rest."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
