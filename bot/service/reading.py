"""Parse and classify changed feeds in a worker process, beside the event loop.

Reading a feed that changed (parse, clean, classify its new items) is pure CPU work: ~25 ms for a feed of
50 new items. On the event loop it delays every fetch and chat command in flight; in a thread it still
shares the GIL with the loop, which then waits up to a switch interval after each socket or SQLite call
(measured: no better). A worker process uses the machine's other core instead: the loop keeps only I/O
and store writes. With `workers = 0` the bot reads feeds on the loop itself (one process, least memory).

Each worker compiles the live rule set when it starts; when the rules are reloaded the pool is replaced,
so a feed is always classified with the rules that were live when it was read (a worker that finds the
files already changed again reads nothing: those feeds are read in-process until the next reload). A
worker that dies is replaced once per read; a feed that kills it twice is reported unreadable for this
poll (and tried again at the next) rather than risked in the bot process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from bot.detect.classify import classify
from bot.detect.rules import RuleSet, load_ruleset
from bot.errors import FeedParseError, RuleError
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.models import Finding

__all__ = ["FeedBody", "FeedReader", "RulesUnavailable", "read_feed"]

log = logging.getLogger(__name__)

Read = tuple[ParsedFeed, list[list[Finding]]]


@dataclass(frozen=True)
class FeedBody:
    """What reading one fetched feed needs, in a form that crosses a process boundary cheaply."""

    body: bytes
    feed_url: str
    content_type: str | None
    lang: str | None
    known: frozenset[str]  # entry keys this feed already delivered: skipped before parsing


def read_feed(item: FeedBody, ruleset: RuleSet) -> Read:
    """Parse a feed body and classify each of its new entries."""
    parsed = parse_feed(
        item.body, feed_url=item.feed_url, content_type=item.content_type, lang=item.lang, known=item.known
    )
    findings = [  # the article's date decides which officials are in office and what is history
        classify(ruleset, a.text, title=a.title, lang=a.lang or item.lang, published=a.published)
        for a in parsed.entries
    ]
    return parsed, findings


class RulesUnavailable(Exception):
    """A worker could not compile the parent's rules: the files changed (or broke) since it loaded them."""


_worker_rules: RuleSet | None = None  # set in each worker process by _install_rules


def _exit_with_parent() -> None:
    """End this worker when the bot process ends, however it ends.

    A worker would otherwise outlive a bot killed with SIGKILL (or by the OOM killer), holding its memory
    for good: it waits on a task queue it also holds the writing end of, so it never sees end-of-file.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="stcwatch-parent-watch", daemon=True).start()


def _start_worker(paths: tuple[Path, ...], version: str) -> None:
    _exit_with_parent()
    _install_rules(paths, version)


def _install_rules(paths: tuple[Path, ...], version: str) -> None:
    """Compile the rules from their files (half the memory of unpickling the parent's compiled set), and
    keep them only if they are the very rules the parent has live."""
    global _worker_rules
    try:
        ruleset = load_ruleset(list(paths))
    except RuleError:
        return
    if ruleset.version == version:
        _worker_rules = ruleset


def _read_in_worker(item: FeedBody) -> Read:
    if _worker_rules is None:
        raise RulesUnavailable
    return read_feed(item, _worker_rules)


class FeedReader:
    """Reads feeds in `workers` worker processes (0: on the calling thread)."""

    def __init__(self, *, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._pool_rules: str | None = None
        self._warned = False

    async def read(self, item: FeedBody, ruleset: RuleSet) -> Read:
        """Parsed entries and their findings; raises FeedParseError for a body that is not a feed."""
        if self.workers == 0:
            return read_feed(item, ruleset)
        for attempt in (1, 2):
            try:
                pool = self._pool_for(ruleset)
                future = asyncio.wrap_future(pool.submit(_read_in_worker, item))
            except (OSError, NotImplementedError) as exc:  # no /dev/shm for its locks, no processes left, ...
                log.error(
                    "cannot start feed reader processes; reading feeds in the bot process from now on",
                    extra={"error": f"{type(exc).__name__}: {exc}"},
                )
                self.close()
                self.workers = 0
                return read_feed(item, ruleset)
            try:
                return await future
            except RulesUnavailable:
                if not self._warned:
                    log.warning(
                        "rule files changed since they were loaded; reading feeds in the bot process until the "
                        "rules are reloaded",
                        extra={"rules_version": ruleset.version},
                    )
                    self._warned = True
                return read_feed(item, ruleset)
            except BrokenProcessPool:
                log.error("feed reader process died; starting a new one", extra={"attempt": attempt})
                self._drop_pool(pool)
        # Twice on this feed: the worker is the sandbox, so the bot process does not try it itself.
        raise FeedParseError("reading this feed killed the feed reader process twice; trying again next poll")

    def _pool_for(self, ruleset: RuleSet) -> ProcessPoolExecutor:
        if self._pool is None or self._pool_rules != ruleset.version:
            if self._pool is not None:
                self._pool.shutdown(wait=False)  # reads already queued there finish with the rules they had
            # spawn, not fork: the bot has threads (chat clients, health server) a fork would copy mid-state.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(ruleset.paths, ruleset.version),
            )
            self._pool_rules = ruleset.version
            self._warned = False
        return self._pool

    def _drop_pool(self, pool: ProcessPoolExecutor) -> None:
        pool.shutdown(wait=False, cancel_futures=True)
        if self._pool is pool:
            self._pool = None

    def close(self) -> None:
        """Stop the worker processes (after the last cycle)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
