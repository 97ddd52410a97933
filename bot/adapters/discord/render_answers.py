"""Command answers (`/agreements`, `/feeds`) -> Discord embeds. Pure functions of data.

Long answers are paged with a fixed page size, so `/agreements country page:2` is stable and each page
fits Discord's limits; the footer tells the user how to reach the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord

from bot.adapters.discord.text import DESCRIPTION_MAX, EmbedBudget, clip, escape, link, units
from bot.models import FeedState
from bot.service.answers import (
    Answer,
    CountryAnswer,
    NotFoundAnswer,
    OverviewAnswer,
    TimelineItem,
    deal_name,
    flag,
    review_mark,
)

STATUS_COLOURS: dict[str, int] = {
    "none": 0x95A5A6,
    "talks": 0x3498DB,
    "claimed": 0xE67E22,
    "confirmed": 0x2ECC71,
    "denied": 0x1ABC9C,
    "contested": 0xE74C3C,
}
TIMELINE_PAGE = 8  # timeline entries per page of /agreements <country>
FINDINGS_SHOWN = 3  # latest findings on the first page
OVERVIEW_PAGE = 15  # countries per page of /agreements
FEEDS_SHOWN = 40  # feeds listed by /feeds before "and N more"


def _status(status: str) -> str:
    return "⚠ CONTESTED" if status == "contested" else status.upper()


def _pages(count: int, size: int) -> int:
    return max(1, -(-count // size))


def answer_pages(answer: Answer) -> int:
    """How many pages `render_answer` can show for this answer."""
    if isinstance(answer, CountryAnswer):
        return _pages(len(answer.timeline), TIMELINE_PAGE)
    if isinstance(answer, OverviewAnswer):
        return _pages(len(answer.rows), OVERVIEW_PAGE)
    return 1


def render_answer(answer: CountryAnswer | OverviewAnswer, page: int = 1) -> discord.Embed:
    """One page of an answer; `page` is clamped to the available pages."""
    page = min(max(page, 1), answer_pages(answer))
    if isinstance(answer, CountryAnswer):
        return _country(answer, page)
    return _overview(answer, page)


def render_not_found(answer: NotFoundAnswer) -> str:
    """Short plain text for an unknown country, with the query made inert."""
    query = escape(answer.query, 60)
    if not answer.suggestions:
        return f"I don't know a country called '{query}'. Try a name or an ISO code, e.g. `Honduras` or `HN`."
    names = ", ".join(f"{flag(code)} {escape(name, 60)} (`{code}`)" for code, name in answer.suggestions[:8])
    return clip(f"I don't know a country called '{query}'. Did you mean: {names}?", 1900)


def _date(item: TimelineItem) -> str:
    if item.precision == "year":
        return f"{item.date.year:04d}"
    if item.precision == "month":
        return f"{item.date.year:04d}-{item.date.month:02d}"
    return item.date.isoformat()


def _timeline_field(item: TimelineItem) -> tuple[str, str]:
    kind = escape(item.kind.replace("_", " "), 40)
    name = f"{_date(item)} · {kind}"
    if item.origin == "baseline":
        name += " · baseline"
    elif not item.reviewed:
        name += " · unreviewed"
    actor = escape(item.actor, 80) or "unknown"
    summary = escape(item.summary, 220)
    source = link(item.outlet or "source", item.source_url, 50) if item.source_url else escape(item.outlet, 50)
    if item.outlets_count > 1:
        source = f"{source} (+{item.outlets_count - 1} more outlets)".strip()
    return name, f"**{actor}** — {summary}\n{source}".strip()


def _country(answer: CountryAnswer, page: int) -> discord.Embed:
    pages = answer_pages(answer)
    since = f"\nSince {answer.since.isoformat()}" if answer.since else ""
    b = EmbedBudget(
        title=f"{answer.flag} {escape(answer.name, 100)} ({answer.country}) — {_status(answer.status)}".strip(),
        description=(escape(answer.reason, 700) or "No statements recorded.") + since
        + f"\nDeal type: {escape(deal_name(answer.deal_type), 60)}",
        colour=STATUS_COLOURS.get(answer.status, 0x7F8C8D),
    )
    b.reserve_for(120)
    start = (page - 1) * TIMELINE_PAGE
    items = answer.timeline[start : start + TIMELINE_PAGE]
    findings = answer.findings[:FINDINGS_SHOWN] if page == 1 else []
    # Keep room for the findings so a long timeline cannot crowd them out.
    b.reserve_for(sum(160 + min(units(f.title) + units(f.evidence), 330) for f in findings))
    shown = 0
    for item in items:
        if not b.add_field(*_timeline_field(item)):
            break
        shown += 1
    b.reserve = 120
    if not answer.timeline:
        b.add_field("Timeline", "No dated statements yet.")
    for f in findings:
        name = f"Finding · {escape(f.label, 12)} · {f.found_at.date().isoformat()}"
        if f.outlets > 1:
            name += f" · {f.outlets} outlets"
        name += f" · {escape(review_mark(f.reviewed, f.review, f.reviewed_by, f.review_label), 80)}"
        speaker = f"{escape(f.speaker, 60)}: " if f.speaker else ""
        value = f"{link(f.title, f.url, 120)}\n> {speaker}{escape(f.evidence, 180)}"
        if not b.add_field(name, value):
            break
    footer = f"Timeline page {page}/{pages}, newest first"
    hidden = len(items) - shown
    if hidden > 0:
        footer += f" · {hidden} entries on this page did not fit"
    if page < pages:
        footer += f" · older: /agreements country:{answer.country} page:{page + 1}"
    b.set_footer(footer)
    return b.embed


def _overview(answer: OverviewAnswer, page: int) -> discord.Embed:
    pages = answer_pages(answer)
    rows = answer.rows[(page - 1) * OVERVIEW_PAGE : page * OVERVIEW_PAGE]
    lines: list[str] = []
    for row in rows:
        changed = f" · {row.changed.isoformat()}" if row.changed else ""
        head = f"{flag(row.country)} **{escape(row.name, 60)}** (`{row.country}`) — {_status(row.status)}{changed}"
        head += f" · {escape(deal_name(row.deal_type), 60)}"
        reason = escape(row.reason, 160)
        lines.append(f"{head}\n{reason}" if reason else head)
    body = _fit_lines(lines, DESCRIPTION_MAX - 100) if lines else "No countries are tracked yet."
    contested = sum(1 for r in answer.rows if r.status == "contested")
    b = EmbedBudget(
        title="Safe third country agreements — overview",
        description=body,
        colour=STATUS_COLOURS["contested"] if contested else 0x3498DB,
    )
    footer = f"{len(answer.rows)} countries · page {page}/{pages}"
    if contested:
        footer += f" · {contested} contested"
    if page < pages:
        footer += f" · more: /agreements page:{page + 1}"
    b.set_footer(footer + " · details: /agreements <country>")
    return b.embed


def _fit_lines(lines: Sequence[str], limit: int) -> str:
    """Join lines up to `limit` units, ending with a count of what was left out."""
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        cost = units(line) + 1
        if used + cost > limit - 40:
            out.append(f"…and {len(lines) - i} more")
            break
        out.append(line)
        used += cost
    return "\n".join(out)


def _ts(value: datetime | None) -> str:
    if value is None:
        return "never"
    return f"<t:{int(value.timestamp())}:R>"  # rendered in the reader's time zone


def _feed_icon(state: FeedState) -> str:
    if state.error_streak >= 3:
        return "🔴"
    if state.error_streak > 0:
        return "🟠"
    if not state.polled_once:
        return "⚪"
    return "🟢"


def render_feeds(states: Sequence[FeedState]) -> discord.Embed:
    """`/feeds`: failing feeds first, each with status, last fetch, last success and failure streak."""
    failing = [s for s in states if s.error_streak > 0]
    ordered = sorted(states, key=lambda s: (-s.error_streak, s.name.lower()))
    lines: list[str] = []
    for s in ordered[:FEEDS_SHOWN]:
        status = escape(s.last_status, 30) or ("not polled yet" if not s.polled_once else "unknown")
        line = (
            f"{_feed_icon(s)} **{escape(s.name, 80)}** — {status} · last fetch {_ts(s.last_fetch_at)}"
            f" · last success {_ts(s.last_success_at)} · failure streak {s.error_streak}"
        )
        if s.error_streak and s.last_error:
            line += f"\n  ↳ {escape(s.last_error, 160)}"
        lines.append(line)
    if len(ordered) > FEEDS_SHOWN:
        lines.append(f"…and {len(ordered) - FEEDS_SHOWN} more")
    b = EmbedBudget(
        title=f"Feed health — {len(states)} feeds, {len(failing)} failing",
        description=_fit_lines(lines, DESCRIPTION_MAX - 100) if lines else "No feeds are configured.",
        colour=0xE74C3C if failing else 0x2ECC71,
    )
    b.set_footer("🟢 ok · 🟠 failing · 🔴 failing 3+ times in a row · ⚪ not polled yet")
    return b.embed
