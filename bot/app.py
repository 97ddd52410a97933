"""Startup: the one place that opens shared resources (store, HTTP client, rules) and wires services."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.config import Settings
from bot.feeds.fetch import FetchLimits, make_client
from bot.metrics import Metrics
from bot.service.notify import Outbox, Sink
from bot.service.poll import Poller
from bot.service.query import LockedQuery, Query
from bot.service.reading import FeedReader
from bot.service.review import LockedReviewer, Reviewer
from bot.service.rulebook import RuleBook
from bot.service.tracking import Tracker
from bot.store import Store, open_store, open_store_readonly
from bot.store.lock import writer_lock
from bot.store.repo import FeedSpec
from bot.tracker.baseline import load_baseline

log = logging.getLogger(__name__)


def fetch_limits(settings: Settings) -> FetchLimits:
    """HTTP limits from the [http] section."""
    return FetchLimits(
        timeout=settings.http.timeout,
        max_bytes=settings.http.max_bytes,
        max_redirects=settings.http.max_redirects,
        user_agent=settings.http.user_agent,
        per_host=settings.http.per_host_concurrency,
    )


def feed_specs(settings: Settings) -> list[FeedSpec]:
    """The configured feeds as the store knows them."""
    return [FeedSpec(f.name, f.url, settings.feed_interval(f), f.lang) for f in settings.feeds]


def rule_paths(settings: Settings) -> list[Path] | None:
    """Configured rule paths, or None for the packaged rules."""
    return [Path(p) for p in settings.rules.paths] or None


@dataclass
class App:
    """Everything a running bot shares; built by `open_app`, closed when it exits."""

    settings: Settings
    store: Store
    client: httpx.AsyncClient
    rulebook: RuleBook
    outbox: Outbox
    poller: Poller
    tracker: Tracker
    query: Query
    chat_query: LockedQuery
    metrics: Metrics
    chat: list[Any] = field(default_factory=list)  # bot.chat.ChatPlatform, set by bot.chat.open_bot
    chat_reviewer: LockedReviewer | None = None  # reviews from chat buttons, on the chat answers' connection


def open_store_for(settings: Settings) -> Store:
    """Open the configured store and bring the feed table in line with the config."""
    store = open_store(settings.store.path)
    store.sync_feeds(feed_specs(settings))
    return store


def open_query_store(settings: Settings) -> Store:
    """The configured store opened read-only for `feeds` and `agreements`, which change nothing.

    They may run beside the bot and with another config, so they never sync feeds, load the baseline or
    write the status cache. Before the first poll there is no store: an empty in-memory one stands in.
    """
    path = settings.store.path
    if path == ":memory:" or not Path(path).exists():
        return open_store(":memory:")
    return open_store_readonly(path)


def readonly_query(store: Store) -> Query:
    """Answers as the bot gives them, with the packaged baseline in memory and statuses computed now."""
    tracker = Tracker(store, Outbox(store, []), baseline=load_baseline())
    return Query(store, tracker, live=True)


def open_tracking(store: Store, outbox: Outbox) -> tuple[Tracker, Query]:
    """Tracker with the reviewed baseline loaded (idempotent), and the query service over it."""
    tracker = Tracker(store, outbox)
    tracker.load_baseline(load_baseline())
    return tracker, Query(store, tracker)


@asynccontextmanager
async def open_app(settings: Settings, *, sinks: Sequence[Sink]) -> AsyncIterator[App]:
    """Open the store (as its only writer), HTTP client and rules once; close them in reverse order."""
    rulebook = RuleBook(rule_paths(settings))
    with writer_lock(settings.store.path):
        async with _open_app(settings, rulebook, sinks) as app:
            yield app


@asynccontextmanager
async def _open_app(settings: Settings, rulebook: RuleBook, sinks: Sequence[Sink]) -> AsyncIterator[App]:
    store = open_store_for(settings)
    reader = open_store(settings.store.path)  # a second connection: chat answers may come from threads
    limits = fetch_limits(settings)
    client = make_client(limits)
    try:
        metrics = Metrics()
        outbox = Outbox(
            store,
            sinks,
            metrics=metrics,
            base_retry=settings.outbox.base_retry,
            max_retry=settings.outbox.max_retry,
        )
        tracker, query = open_tracking(store, outbox)
        reader_tracker = Tracker(reader, outbox)
        chat_query = LockedQuery(Query(reader, reader_tracker))
        chat_reviewer = LockedReviewer(Reviewer(reader, reader_tracker), chat_query.lock)
        poller = Poller(
            store=store,
            client=client,
            limits=limits,
            rulebook=rulebook,
            outbox=outbox,
            settings=settings.poll,
            concurrency=settings.http.concurrency,
            per_host=settings.http.per_host_concurrency,
            on_findings=tracker.on_findings,
            reader=FeedReader(workers=settings.poll.workers),
        )
        try:
            yield App(
                settings, store, client, rulebook, outbox, poller, tracker, query, chat_query, metrics,
                chat_reviewer=chat_reviewer,
            )
        finally:
            poller.close()
    finally:
        await client.aclose()
        reader.close()
        store.close()
