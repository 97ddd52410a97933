"""Command answers (`/agreements`, `/feeds`) as Block Kit; pure functions of the core's answers.

Timeline summaries, titles and evidence come from feeds and the store, so they are escaped like
alert text. Long answers are cut by whole lines and blocks, never mid-entity or mid-link.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

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
    plain,
    section,
)
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

STATUS_EMOJI = {
    "none": "⚪",
    "talks": "💬",
    "claimed": "📣",
    "confirmed": "✅",
    "denied": "🚫",
    "contested": "⚠️",
}
MAX_TIMELINE = 15
MAX_FINDINGS = 5
ROWS_PER_SECTION = 20


def render_answer(answer: Answer) -> Message:
    """Any answer the query service can give."""
    if isinstance(answer, CountryAnswer):
        return render_country(answer)
    if isinstance(answer, OverviewAnswer):
        return render_overview(answer)
    return render_not_found(answer)


def render_country(answer: CountryAnswer) -> Message:
    """Status (contested stands out), dated timeline newest first, latest findings with links."""
    status = answer.status.lower()
    emoji = STATUS_EMOJI.get(status, "❔")
    name = plain(answer.name, 80)
    blocks: list[Block] = [header(f"{answer.flag} {name} ({answer.country}) · {emoji} {status.upper()}")]
    since = f" since {_day(answer.since)}" if answer.since else ""
    lines = [f"*Status:* {emoji} *{esc(status, 40)}*{since}", f"*Deal type:* {esc(deal_name(answer.deal_type), 80)}"]
    if status == "contested":
        lines.append(":warning: *Contested:* a claim and a denial stand against each other.")
    if answer.reason:
        lines.append(esc(answer.reason, 1500))
    blocks.append(section(fit_lines(lines)))

    if answer.timeline:
        blocks.append(divider())
        items = [_timeline_line(item) for item in answer.timeline[:MAX_TIMELINE]]
        hidden = len(answer.timeline) - len(items)
        blocks.append(section(fit_lines(["*Timeline* (newest first)", *items], hidden=hidden)))

    if answer.findings:
        blocks.append(divider())
        blocks.append(section("*Latest findings*"))
        for finding in answer.findings[:MAX_FINDINGS]:
            emoji_ = LABEL_EMOJI.get(finding.label, "🔎")
            head = f"{emoji_} *{esc(finding.label, 20)}* {link(finding.url, finding.title, 400)}"
            lines = [head]
            if finding.evidence:
                lines.append(f"> {esc(finding.evidence, 500)}")
            blocks.append(section(fit_lines(lines)))
            meta = [_when(finding.found_at), f"rule {code(finding.rule, 120)}"]
            if finding.speaker:
                meta.insert(0, f"speaker: {esc(finding.speaker, 200)}")
            if finding.outlets > 1:
                meta.append(f"{finding.outlets} outlets")
            meta.append(esc(review_mark(finding.reviewed, finding.review, finding.reviewed_by,
                                        finding.review_label), 150))
            blocks.append(context(" · ".join(meta)))
    elif not answer.timeline:
        blocks.append(context("No statements or findings recorded yet."))

    text = f"{answer.flag} {esc(answer.name, 80)} ({answer.country}): {esc(status, 40)}"
    if answer.reason:
        text += f" — {esc(answer.reason, 500)}"
    return Message(text=text[:MAX_FALLBACK], blocks=cap_blocks(blocks))


def render_overview(answer: OverviewAnswer) -> Message:
    """Every tracked country, most recent change first, in as many sections as needed."""
    if not answer.rows:
        text = "No countries are tracked yet."
        return Message(text=text, blocks=[section(text)])
    blocks: list[Block] = [header(f"Safe third country agreements · {len(answer.rows)} countries")]
    lines = []
    for row in answer.rows:
        emoji = STATUS_EMOJI.get(row.status.lower(), "❔")
        name = esc(row.name, 80)
        line = f"{flag(row.country)} *{name}* ({esc(row.country, 4)}) {emoji} {esc(row.status, 40)}"
        if row.changed:
            line += f" · {_day(row.changed)}"
        line += f" · {esc(deal_name(row.deal_type), 60)}"
        if row.reason:
            line += f" — {esc(row.reason, 300)}"
        lines.append(line)
    for start in range(0, len(lines), ROWS_PER_SECTION):
        blocks.append(section(fit_lines(lines[start : start + ROWS_PER_SECTION])))
    blocks.append(context("Details: `/agreements <country>`"))
    summary = ", ".join(f"{r.country} {r.status}" for r in answer.rows[:30])
    text = f"Agreements overview: {esc(summary, MAX_FALLBACK - 40)}"
    return Message(text=text, blocks=cap_blocks(blocks))


def render_not_found(answer: NotFoundAnswer) -> Message:
    """The core's sentence plus the suggestions as ready-to-type commands."""
    text = esc(answer.message, 1000)
    blocks = [section(f":grey_question: {text}")]
    if answer.suggestions:
        tries = " ".join(code(f"/agreements {alpha2}", 20) for alpha2, _ in answer.suggestions[:8])
        blocks.append(context(f"Try {tries}"))
    return Message(text=text, blocks=blocks)


def render_suggestions(query: str, suggestions: Sequence[str]) -> Message:
    """For a LookupFailed raised instead of returned: same shape as render_not_found."""
    text = f"I don't know a country called '{esc(query, 100)}'."
    if suggestions:
        text += f" Did you mean: {esc(', '.join(suggestions), 500)}?"
    return Message(text=text, blocks=[section(f":grey_question: {text}")])


def render_feeds(feeds: Sequence[FeedState]) -> Message:
    """Feed health for `/feeds`: failing feeds first, with their last error."""
    if not feeds:
        text = "No feeds are configured."
        return Message(text=text, blocks=[section(text)])
    failing = [f for f in feeds if f.error_streak > 0]
    ordered = sorted(feeds, key=lambda f: (f.error_streak == 0, f.name.lower()))
    blocks: list[Block] = [header(f"📡 Feeds · {len(feeds)} active · {len(failing)} failing")]
    lines = [_feed_line(feed) for feed in ordered]
    for start in range(0, len(lines), ROWS_PER_SECTION):
        blocks.append(section(fit_lines(lines[start : start + ROWS_PER_SECTION])))
    text = f"Feeds: {len(feeds)} active, {len(failing)} failing"
    if failing:
        text += ": " + esc(", ".join(f.name for f in failing[:20]), 1000)
    return Message(text=text, blocks=cap_blocks(blocks))


def render_error(command: str) -> Message:
    """What the user sees when answering failed; details are in the log, not in chat."""
    text = f":x: Sorry, {code(command, 40)} failed on our side. The error was logged; please try later."
    return Message(text=text, blocks=[section(text)])


def _feed_line(feed: FeedState) -> str:
    mark = "🔴" if feed.error_streak else ("🟢" if feed.polled_once else "⚪")
    parts = [f"{mark} {link(feed.url, feed.name, 200)}"]
    if feed.last_status:
        parts.append(esc(feed.last_status, 60))
    if feed.last_success_at:
        parts.append(f"last ok {_when(feed.last_success_at)}")
    elif not feed.polled_once:
        parts.append("not polled yet")
    if feed.error_streak:
        parts.append(f"{feed.error_streak} failures in a row")
    line = " · ".join(parts)
    if feed.error_streak and feed.last_error:
        line += f"\n> {esc(feed.last_error, 300)}"
    return line


def _timeline_line(item: TimelineItem) -> str:
    when = _dated(item.date, item.precision)
    actor = esc(item.actor, 150) or "unknown"
    line = f"• `{when}` *{actor}* ({esc(item.kind, 40)}): {esc(item.summary, 500)}"
    if item.source_url:
        line += f" {link(item.source_url, item.outlet or 'source', 150)}"
    if item.outlets_count > 1:
        line += f" · {item.outlets_count} outlets"
    if not item.reviewed:
        line += " · _unreviewed_"
    return line


def _dated(value: date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _day(value: date) -> str:
    return value.isoformat() if not isinstance(value, datetime) else value.date().isoformat()


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")
