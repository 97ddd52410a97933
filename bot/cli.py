"""The `stcwatch` command: run, poll, classify, feeds, outbox, rules, agreements, web."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from bot import __version__
from bot.adapters.console import ConsoleSink
from bot.app import feed_specs, open_query_store, rule_paths
from bot.chat import CHAT_CONNECT_TIMEOUT, chat_enabled, open_bot, wait_connected
from bot.config import Settings, check_log_level, load_settings
from bot.errors import InputError, StcwatchError
from bot.logs import setup_logging
from bot.service.notify import Sink
from bot.service.runner import run_until

log = logging.getLogger("stcwatch")

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a command whose output pipe was closed


def _log_level(value: str) -> str:
    try:
        return check_log_level(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _listen(value: str) -> str:
    from pydantic import ValidationError

    from bot.config import WebSettings

    try:
        return str(WebSettings(listen=value).listen)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None


GLOBAL_OPTIONS = ("--config", "--log-level")


class _Parser(argparse.ArgumentParser):
    """argparse, plus a hint when a global option was given after the command (`run --config x.toml`)."""

    def error(self, message: str) -> NoReturn:
        if "unrecognized arguments" in message and any(opt in message for opt in GLOBAL_OPTIONS):
            message += (
                "\nhint: global options go before the command, e.g. stcwatch --config my.toml run"
            )
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    """All subcommands; global options go before the subcommand."""
    parser = _Parser(prog="stcwatch", description="Watch news feeds for safe-third-country deals and their denials.")
    parser.add_argument("--config", metavar="PATH", help="config TOML (default: $STCWATCH_CONFIG, else built-in)")
    parser.add_argument(
        "--log-level", metavar="LEVEL", type=_log_level, help="override [logging] level (DEBUG, INFO, ...)"
    )
    parser.add_argument("--version", action="version", version=f"stcwatch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="poll feeds on a schedule and post alerts until stopped")

    poll = sub.add_parser("poll", help="poll feeds")
    poll.add_argument("--once", action="store_true", required=True, help="one pass over every feed, then exit")
    poll.add_argument("--json", action="store_true", help="one JSON object per new alert")

    classify = sub.add_parser("classify", help="classify JSON Lines ({id, text, lang?, title?}) from stdin")
    classify.add_argument("input", nargs="?", help="input file (default: stdin)")
    classify.add_argument("--explain", action="store_true", help="add why each finding fired")

    feeds = sub.add_parser("feeds", help="each feed's last fetch, status, error streak and next poll")
    feeds.add_argument("--json", action="store_true")

    outbox = sub.add_parser("outbox", help="pending, failed and orphaned alert deliveries, with the reason")
    outbox.add_argument("--json", action="store_true")
    outbox_sub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION")
    retry = outbox_sub.add_parser("retry", help="send failed deliveries again (after fixing the route)")
    retry.add_argument("id", nargs="?", type=int, help="an alert id from `stcwatch outbox`")
    retry.add_argument("--all-failed", action="store_true", help="every failed delivery")

    rules = sub.add_parser("rules", help="validate or test the rule files")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    rules_sub.add_parser("check", help="validate every rule file (errors name file and line)")
    rules_sub.add_parser("test", help="run every rule's golden examples")

    web = sub.add_parser("web", help="serve the read-only web pages on the store (beside a running bot or alone)")
    web.add_argument("--listen", metavar="HOST:PORT", type=_listen, help="default: [web] listen, else 127.0.0.1:8080")

    agreements = sub.add_parser("agreements", help="a country's agreement status with sources, or the overview")
    agreements.add_argument("country", nargs="*", help="name, demonym or ISO code (EN/ES, typos ok)")
    agreements.add_argument("--json", action="store_true")
    agreements.add_argument("--deal-type", metavar="TYPE", help="overview: only this deal type (transit, ...)")

    from bot.cli_review import add_review_parser

    add_review_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (README: "Exit status"; 2 for configuration and usage errors)."""
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
    except StcwatchError as exc:
        print(f"stcwatch: {exc}", file=sys.stderr)
        return 2
    setup_logging(args.log_level or settings.logging.level, settings.logging.format, secrets=_secrets())
    try:
        status = _dispatch(args, settings)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at interpreter exit
        return status
    except BrokenPipeError:  # `stcwatch ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except InputError as exc:
        print(f"stcwatch: {exc}", file=sys.stderr)
        return 2
    except StcwatchError as exc:
        print(f"stcwatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _secrets() -> list[str]:
    from bot.config import env_secret

    names = ("STCWATCH_DISCORD_TOKEN", "STCWATCH_SLACK_BOT_TOKEN", "STCWATCH_SLACK_APP_TOKEN")
    return [v for v in (env_secret(n) for n in names) if v]


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    command: str = args.command
    if command == "run":
        return asyncio.run(_run(settings))
    if command == "poll":
        return asyncio.run(poll_once(settings, as_json=args.json))
    if command == "classify":
        from bot.cli_classify import classify_command

        return classify_command(args.input, sys.stdout, paths=rule_paths(settings), explain=args.explain)
    if command == "feeds":
        return _feeds(settings, as_json=args.json, out=sys.stdout)
    if command == "outbox":
        from bot.cli_outbox import outbox_list, outbox_retry

        if args.outbox_command == "retry":
            return outbox_retry(settings, alert_id=args.id, all_failed=args.all_failed, out=sys.stdout)
        return outbox_list(settings, as_json=args.json, out=sys.stdout)
    if command == "rules":
        from bot.cli_rules import rules_check, rules_test

        action = rules_check if args.rules_command == "check" else rules_test
        return action(rule_paths(settings), sys.stdout)
    if command == "agreements":
        from bot.cli_agreements import agreements

        return agreements(
            settings, " ".join(args.country) or None, as_json=args.json, out=sys.stdout, deal_type=args.deal_type
        )
    if command == "web":
        from bot.web.serve import web_command

        return asyncio.run(web_command(settings, args.listen))
    if command == "review":
        from bot.cli_review import run_review

        return run_review(args, settings, sys.stdout)
    raise AssertionError(f"unhandled command {command}")


def _sinks(settings: Settings, *, as_json: bool = False, force_console: bool = False) -> list[Sink]:
    """The console sink when asked for, or by default when no chat adapter is enabled."""
    console = settings.console.enabled
    if force_console or console or (console is None and not chat_enabled(settings)):
        return [ConsoleSink(as_json=as_json)]
    return []


NO_FEEDS = (
    "no feeds configured: nothing will be polled (add [[feeds]] tables to the config, or run without a "
    "config file for the built-in feed list)"
)


def _warn_if_no_feeds(settings: Settings) -> None:
    """`feeds = []` (or a config without [[feeds]]) is valid, e.g. for a bot that only answers; say so."""
    if not settings.feeds:
        log.warning(NO_FEEDS)


async def _run(settings: Settings) -> int:
    _warn_if_no_feeds(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with open_bot(settings, sinks=_sinks(settings)) as app:
        await run_until(app, stop)
    return 0


async def poll_once(settings: Settings, *, as_json: bool) -> int:
    """One pass as the running bot would do it, chat adapters included when configured.

    Exit status 1 when every feed failed (nothing could be read), else 0.
    """
    _warn_if_no_feeds(settings)
    async with open_bot(settings, sinks=_sinks(settings, as_json=as_json, force_console=True)) as app:
        await wait_connected(app.chat, within=CHAT_CONNECT_TIMEOUT)
        report = await app.poller.poll(only_due=False)
        await app.outbox.deliver_due(limit=10_000)
    return 0 if report.errors < len(report.outcomes) or not report.outcomes else 1


def _feeds(settings: Settings, *, as_json: bool, out: TextIO) -> int:
    from bot.cli_feeds import configured_feeds

    store = open_query_store(settings)  # read-only: this config's feeds with what the store knows of them
    try:
        feeds = configured_feeds(feed_specs(settings), store.feeds(active_only=False))
        outbox = store.outbox_counts()
    finally:
        store.close()
    if as_json:
        rows = [
            {
                "name": f.name,
                "url": f.url,
                "interval": f.interval,
                "last_fetch_at": f.last_fetch_at.isoformat() if f.last_fetch_at else None,
                "last_success_at": f.last_success_at.isoformat() if f.last_success_at else None,
                "last_fetch_seconds": f.last_fetch_seconds,
                "status": f.last_status,
                "error": f.last_error,
                "error_streak": f.error_streak,
                "next_poll_at": f.next_poll_at.isoformat() if f.next_poll_at else None,
            }
            for f in feeds
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    from bot.cli_feeds import feeds_table

    out.write(feeds_table(feeds, outbox) + "\n")
    return 0
