"""Alerts -> Discord embeds. Pure functions of data: no client, no network.

Everything that came from a feed (titles, evidence, actors, summaries, outlet names) is untrusted and
goes through `escape`, and every embed is built within Discord's limits by `EmbedBudget`. Answers to
commands are rendered in `render_answers`; both are re-exported here for callers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import discord

from bot.adapters.discord.render_answers import (
    answer_pages,
    render_answer,
    render_feeds,
    render_not_found,
)
from bot.adapters.discord.text import EmbedBudget, code, escape, link, safe_url
from bot.models import Alert
from bot.service.answers import flag

__all__ = [
    "LABEL_COLOURS",
    "alert_embed",
    "answer_pages",
    "render_answer",
    "render_feeds",
    "render_not_found",
]

LABEL_COLOURS: dict[str, int] = {
    "CLAIM": 0xE67E22,  # orange: someone says a deal exists
    "CONFIRMED": 0x2ECC71,  # green: the government confirms
    "DENIAL": 0x3498DB,  # blue: the government denies
    "STATUS_CHANGE": 0x9B59B6,  # purple: the tracked status moved
    "FEED_HEALTH": 0x95A5A6,  # grey: operational notice
}
CONTESTED_COLOUR = 0xE74C3C  # red: a claim and a denial stand against each other
DEFAULT_COLOUR = 0x7F8C8D
MAX_SIDES = 4  # statements shown per side of a status change


def _country(code: str | None) -> str:
    if not code:
        return "no country"
    return f"{flag(code)} {code.upper()}".strip()


def _when(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return escape(str(value), 20) if value else "undated"


def alert_embed(alert: Alert) -> discord.Embed:
    """The embed for any alert kind."""
    if alert.kind == "status_change":
        return _status_change(alert)
    if alert.kind == "feed_health":
        return _feed_health(alert)
    return _finding(alert)


def _finding(alert: Alert) -> discord.Embed:
    label = alert.label.upper()
    evidence = escape(alert.evidence, 1500)
    b = EmbedBudget(
        title=escape(alert.title, 250) or "(untitled article)",
        description=f"> {evidence}" if evidence else "",
        colour=LABEL_COLOURS.get(label, DEFAULT_COLOUR),
        url=alert.url,
    )
    b.reserve_for(300)
    b.set_author(f"{label} · {_country(alert.country)}")
    speaker = alert.extra.get("speaker")
    if isinstance(speaker, str) and speaker.strip():
        b.add_field("Speaker", escape(speaker, 200), inline=True)
    if alert.feed:
        b.add_field("Source feed", escape(alert.feed, 200), inline=True)
    if alert.rule:
        b.add_field("Rule", code(alert.rule), inline=True)
    for other in alert.also():  # the other side(s) in the same article
        who = f"\n— {escape(other['speaker'], 150)}" if other["speaker"] else ""
        b.add_field(f"Also {escape(other['label'], 20)}", f"> {escape(other['evidence'], 500)}{who}")
    explanation = alert.extra.get("explanation")
    if isinstance(explanation, str) and explanation.strip():
        b.add_field("Why", escape(explanation, 600))
    if alert.url and safe_url(alert.url) is None:
        b.add_field("Article", escape(alert.url, 300))  # not linkable: show it as inert text
    b.embed.timestamp = alert.created_at
    b.set_footer(f"stcwatch · alert {alert.id}")
    return b.embed


def _side_lines(items: object, limit: int) -> str:
    """Statements on one side of a status change: actor, date, summary, outlet link."""
    if not isinstance(items, Sequence) or isinstance(items, str) or not items:
        return "—"
    lines: list[str] = []
    shown = [i for i in items if isinstance(i, Mapping)][:MAX_SIDES]
    for side in shown:
        actor = escape(str(side.get("actor") or "unknown"), 80)
        when = _when(side.get("date"))
        summary = escape(str(side.get("summary") or ""), 250)
        source = side.get("url")
        outlet = str(side.get("outlet") or "source")
        src = link(outlet, str(source) if source else None, 60) if source else escape(outlet, 60)
        lines.append(f"**{actor}** · {when}\n{summary}\n{src}".strip())
    more = len(items) - len(shown)
    if more > 0:
        lines.append(f"…and {more} more")
    text = "\n\n".join(lines)
    return text if len(text) <= limit else "\n".join(line.split("\n", 1)[0] for line in lines)


def _status_change(alert: Alert) -> discord.Embed:
    old = escape(str(alert.extra.get("old") or "unknown"), 30)
    new = escape(str(alert.extra.get("new") or "unknown"), 30)
    contested = new.lower() == "contested"
    country = _country(alert.country)
    headline = f"{country}: {old} → {new}"
    title = f"⚠ contested — {headline}" if contested else f"Status change — {headline}"
    reason = escape(str(alert.extra.get("reason") or alert.evidence or ""), 1500)
    b = EmbedBudget(
        title=title,
        description=reason,
        colour=CONTESTED_COLOUR if contested else LABEL_COLOURS["STATUS_CHANGE"],
        url=alert.url,
    )
    b.reserve_for(200)
    b.set_author(f"STATUS CHANGE · {country}")
    b.add_field("Before", old, inline=True)
    b.add_field("Now", f"**{new.upper()}**" if contested else new, inline=True)
    reviewer = alert.extra.get("reviewed_by")
    if isinstance(reviewer, str) and reviewer.strip():
        b.add_field("After a review by", escape(reviewer, 100), inline=True)
    b.add_field("Said so (for)", _side_lines(alert.extra.get("for"), 1024))
    b.add_field("Says otherwise (against)", _side_lines(alert.extra.get("against"), 1024))
    if alert.title:
        b.add_field("Latest article", link(alert.title, alert.url, 250))
    if alert.rule:
        b.add_field("Rule", code(alert.rule), inline=True)
    b.embed.timestamp = alert.created_at
    b.set_footer(f"stcwatch · alert {alert.id}")
    return b.embed


def _feed_health(alert: Alert) -> discord.Embed:
    b = EmbedBudget(
        title=f"Feed health — {escape(alert.title, 200) or 'notice'}",
        description=escape(alert.evidence, 1500),
        colour=LABEL_COLOURS["FEED_HEALTH"],
        url=alert.url,
    )
    b.reserve_for(200)
    if alert.feed:
        b.add_field("Feed", escape(alert.feed, 200), inline=True)
    for key, value in list(alert.extra.items())[:10]:
        if value is None or value == "":
            continue
        b.add_field(escape(str(key), 60), escape(str(value), 300), inline=True)
    b.embed.timestamp = alert.created_at
    b.set_footer(f"stcwatch · alert {alert.id}")
    return b.embed
