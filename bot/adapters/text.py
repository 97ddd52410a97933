"""Plain-text and JSON renderings of answers, for the CLI and the console."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from bot.adapters.console import safe_text
from bot.service.answers import (
    Answer,
    CountryAnswer,
    NotFoundAnswer,
    OverviewAnswer,
    TimelineItem,
    deal_name,
    review_mark,
)

STATUS_MARK = {
    "contested": "!! CONTESTED",
    "confirmed": "CONFIRMED",
    "claimed": "CLAIMED",
    "denied": "DENIED",
    "talks": "TALKS",
    "none": "none",
}


def _when(item: TimelineItem) -> str:
    if item.precision == "year":
        return f"{item.date.year}"
    if item.precision == "month":
        return item.date.strftime("%Y-%m")
    return item.date.isoformat()


def render_country(answer: CountryAnswer, *, timeline_limit: int = 15) -> str:
    """Status, why, the timeline newest first, and the latest findings with links; machine reads marked."""
    since = f" since {answer.since.isoformat()}" if answer.since else ""
    lines = [
        f"{answer.name} ({answer.country}): {STATUS_MARK.get(answer.status, answer.status)}{since}"
        f" [{deal_name(answer.deal_type)}]",
        f"  {safe_text(answer.reason)}",
    ]
    if answer.timeline:
        lines += ["", "Timeline (newest first):"]
        for item in answer.timeline[:timeline_limit]:
            outlets = f", {item.outlets_count} outlets" if item.outlets_count > 1 else ""
            mark = "" if item.reviewed else " (unreviewed)"
            lines.append(f"  {_when(item):<10} {item.kind:<18} {safe_text(item.actor)}{mark}")
            lines.append(f"             {safe_text(item.summary)}")
            if item.source_url:
                lines.append(f"             {safe_text(item.outlet)}{outlets}: {safe_text(item.source_url)}")
        if len(answer.timeline) > timeline_limit:
            lines.append(f"  ... {len(answer.timeline) - timeline_limit} older entries (use --json for all)")
    if answer.findings:
        lines += ["", "Latest findings:"]
        for f in answer.findings:
            ref = f"#{f.id} " if f.id is not None else ""
            lines.append(f"  {f.found_at:%Y-%m-%d} {ref}{f.label:<9} {safe_text(f.title)} ({f.outlets} feed(s))")
            lines.append(f"             {safe_text(review_mark(f.reviewed, f.review, f.reviewed_by, f.review_label))}")
            lines.append(f"             {safe_text(f.url)}")
    return "\n".join(lines)


def render_overview(answer: OverviewAnswer) -> str:
    """One line per tracked country, most recent change first."""
    if not answer.rows:
        return "No country has a known agreement status yet."
    width = max(len(r.name) for r in answer.rows)
    lines = ["Countries by latest change:"]
    for r in answer.rows:
        since = r.changed.isoformat() if r.changed else "-"
        status = STATUS_MARK.get(r.status, r.status)
        lines.append(f"  {r.country}  {r.name:<{width}}  {status:<13} {since:<10}  {deal_name(r.deal_type)}")
    return "\n".join(lines)


def render_text(answer: Answer) -> str:
    """Any answer as text for a terminal."""
    if isinstance(answer, CountryAnswer):
        return render_country(answer)
    if isinstance(answer, OverviewAnswer):
        return render_overview(answer)
    return answer.message


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def country_json(answer: CountryAnswer) -> dict[str, Any]:
    """`{"country", "name", "status", "reason", "since", "deal_type", "timeline", "findings"}`; each timeline
    item and finding carries `reviewed` and `deal_type`."""
    return {
        "country": answer.country,
        "name": answer.name,
        "status": answer.status,
        "reason": answer.reason,
        "since": _plain(answer.since),
        "deal_type": answer.deal_type,
        "timeline": [_plain(asdict(t)) for t in answer.timeline],
        "findings": [_plain(asdict(f)) for f in answer.findings],
    }


def not_found_json(answer: NotFoundAnswer) -> dict[str, Any]:
    """The error object printed for an unknown country."""
    return {"error": answer.message, "query": answer.query, "suggestions": [c for c, _ in answer.suggestions]}
