"""`stcwatch review`: list unreviewed findings, accept or reject one, export the reviewed ones as corpus lines.

Runs beside the running bot (like `agreements`): it writes the review to the shared store, and a status
change it causes is queued in the outbox for the configured routes, which the running bot delivers.
"""

from __future__ import annotations

import argparse
import getpass
import json
from collections.abc import Sequence
from typing import Any, TextIO

from bot.adapters.console import safe_text
from bot.app import open_store_for, open_tracking
from bot.config import Settings
from bot.service.corpus import corpus_records
from bot.service.notify import Outbox, Sink
from bot.service.review import Reviewer
from bot.store.reviews import REVIEW_LABELS
from bot.store.tracking import FindingRow


def default_reviewer() -> str:
    """The login name, or "cli" where there is none (containers)."""
    try:
        return getpass.getuser() or "cli"
    except (OSError, KeyError):
        return "cli"


def finding_json(f: FindingRow) -> dict[str, Any]:
    """One finding in `review --json`."""
    return {
        "id": f.finding_id,
        "label": f.label,
        "country": f.country,
        "url": f.url,
        "title": f.title,
        "evidence": f.evidence,
        "speaker": f.speaker,
        "rule": f.rule,
        "found_at": f.found_at.isoformat(),
        "review": f.review,
        "review_label": f.review_label,
        "reviewed_by": f.reviewed_by,
        "reviewed_at": f.reviewed_at.isoformat() if f.reviewed_at else None,
    }


def _line(f: FindingRow) -> str:
    state = "unreviewed" if f.review is None else f"{f.review} by {f.reviewed_by}"
    if f.review == "rejected":
        state += f" -> {f.review_label or 'no signal'}"
    return (
        f"#{f.finding_id:<6} {f.found_at:%Y-%m-%d %H:%M} {f.label:<9} {f.country}  {safe_text(f.title)}\n"
        f"        {safe_text(f.evidence)}\n        {safe_text(f.url)}  [{state}]"
    )


def review(
    settings: Settings,
    action: str | None,
    *,
    finding_id: int | None = None,
    label: str | None = None,
    by: str | None = None,
    include_reviewed: bool = False,
    as_json: bool = False,
    out: TextIO,
    sinks: Sequence[Sink] = (),
) -> int:
    """Run one review action (None = list the queue); ReviewError (exit 1) for an unknown id or bad label."""
    store = open_store_for(settings)
    try:
        tracker, _ = open_tracking(store, Outbox(store, sinks))
        reviewer = Reviewer(store, tracker)
        if action is None:
            queue = reviewer.queue(include_reviewed=include_reviewed)
            if as_json:
                out.write(json.dumps([finding_json(f) for f in queue], ensure_ascii=False, indent=2) + "\n")
            elif not queue:
                out.write("Nothing to review.\n")
            else:
                out.write("\n".join(_line(f) for f in queue) + "\n")
            return 0
        if action == "export":
            for record in corpus_records(store):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return 0
        assert finding_id is not None
        name = by or default_reviewer()
        if action == "accept":
            outcome = reviewer.accept(finding_id, by=name)
        else:
            outcome = reviewer.reject(finding_id, by=name, label=label)
        if as_json:
            payload = finding_json(outcome.finding) | {
                "old_status": outcome.old_status, "new_status": outcome.new_status,
                "status_change_alert": outcome.alert.id if outcome.alert else None,
            }
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            return 0
        verdict = "accepted" if action == "accept" else "rejected"
        out.write(f"Finding #{finding_id} {verdict} by {name}.\n")
        country = outcome.finding.country
        if outcome.alert is not None:
            out.write(f"{country}: {outcome.old_status} -> {outcome.new_status} (status change alert queued)\n")
        else:
            out.write(f"{country} stays {outcome.new_status}.\n")
        return 0
    finally:
        store.close()


def add_review_parser(sub: Any) -> None:
    """`review [--json] [--all]`, `review accept ID [--by]`, `review reject ID [--label] [--by]`, `review export`."""
    parser = sub.add_parser("review", help="list unreviewed findings; accept or reject one; export the reviewed")
    parser.add_argument("--json", action="store_true", help="JSON (a list of findings, or the review's outcome)")
    parser.add_argument("--all", action="store_true", help="list reviewed findings too")
    actions = parser.add_subparsers(dest="review_command", required=False, metavar="ACTION")
    accept = actions.add_parser("accept", help="the finding's label is right")
    accept.add_argument("id", type=int, help="finding id (from `stcwatch review`)")
    accept.add_argument("--by", metavar="NAME", help="reviewer (default: your login name)")
    accept.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    reject = actions.add_parser("reject", help="the finding's label is wrong")
    reject.add_argument("id", type=int, help="finding id (from `stcwatch review`)")
    reject.add_argument("--label", type=str.upper, choices=REVIEW_LABELS, help="the right reading (default: no signal)")
    reject.add_argument("--by", metavar="NAME", help="reviewer (default: your login name)")
    reject.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    actions.add_parser("export", help="every reviewed finding as corpus JSON Lines on stdout")


def run_review(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Dispatch `stcwatch review ...`; alerts go to the configured routes' outbox queues."""
    from bot.adapters.console import ConsoleSink
    from bot.chat import chat_enabled, route_sinks

    sinks: list[Sink] = list(route_sinks(settings))
    console = settings.console.enabled
    if console or (console is None and not chat_enabled(settings)):
        sinks.append(ConsoleSink())
    action: str | None = args.review_command
    return review(
        settings,
        action,
        finding_id=getattr(args, "id", None),
        label=getattr(args, "label", None),
        by=getattr(args, "by", None),
        include_reviewed=args.all,
        as_json=args.json,
        out=out,
        sinks=sinks,
    )
