"""Starting the chat adapters without letting one platform's outage stop the bot.

Each configured route gets a `PendingSink` in the outbox at once, so alerts are routed and queued
from the first poll. The adapter connects in the background (retrying with backoff); until it is up
its deliveries fail as transient and wait in the outbox, so nothing is lost while Discord or Slack
is unreachable, and the rest of the bot keeps polling and posting elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.app import App, open_app
from bot.config import Settings, env_secret
from bot.errors import ConfigError, DeliveryError
from bot.models import Alert
from bot.service.answers import QueryService
from bot.service.health import ChatHealth
from bot.service.notify import RouteFilter, Sink
from bot.service.review import ReviewService
from bot.store.timefmt import utcnow

log = logging.getLogger(__name__)

RETRY_FIRST = 5.0
RETRY_MAX = 300.0
CHAT_CONNECT_TIMEOUT = 30.0
WATCH_EVERY = 1.0  # how often a connected adapter's connection is checked
RESTART_AFTER = 60.0  # down this long although the client reconnects by itself: start the adapter afresh
STABLE_AFTER = 120.0  # up this long before it was lost: the reconnect backoff starts short again


class Adapter(Protocol):
    """What bot/chat needs from a started adapter."""

    def sinks(self) -> list[Sink]:
        """One sink per route, in route order."""
        ...

    async def alive(self) -> bool:
        """Whether the command connection (Discord gateway, Slack Socket Mode) is up now."""
        ...

    def ended(self) -> bool:
        """Whether that connection stopped for good (only a fresh start brings it back)."""
        ...

    async def close(self) -> None:
        """Disconnect."""
        ...


class PendingSink:
    """Routes alerts for one chat route; delivers through the adapter's sink once it is connected."""

    def __init__(self, name: str, labels: Sequence[str], countries: Sequence[str]) -> None:
        self._name = name
        self._filter = RouteFilter.of(labels, countries)
        self.target: Sink | None = None

    @property
    def name(self) -> str:
        """Stable delivery identity, e.g. `discord:123`."""
        return self._name

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """The route's filters: feed-health notices everywhere, else labels and countries."""
        return self._filter.accepts(kind=kind, label=label, country=country)

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        """Deliver through the connected adapter, or ask the outbox to retry later.

        Not connected means nothing was attempted, so an earlier attempt stays in doubt (`maybe_sent`).
        """
        if self.target is None:
            raise DeliveryError(f"{self._name}: not connected yet", retry_after=RETRY_FIRST, maybe_sent=possibly_sent)
        if possibly_sent:
            await self.target.send(alert, possibly_sent=True)
        else:
            await self.target.send(alert)


def _names(prefix: str, keys: Sequence[str]) -> list[str]:
    """`prefix:key`, with `#2`, `#3` for repeated keys (two routes into one channel)."""
    seen: dict[str, int] = {}
    names: list[str] = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        names.append(f"{prefix}:{key}" if seen[key] == 1 else f"{prefix}:{key}#{seen[key]}")
    return names


@dataclass
class ChatPlatform:
    """One enabled platform: its pending sinks, how to start its adapter, and its connection state.

    `state` is "connecting" (never up yet), "up" or "down"; `changed_at` (monotonic) and `changed_wall` say
    since when, `error` why it is not up. `/healthz` reads them.
    """

    name: str
    sinks: list[PendingSink]
    start: Callable[[], Awaitable[Adapter]]
    adapter: Adapter | None = None
    task: asyncio.Task[None] | None = field(default=None, repr=False)
    state: str = "connecting"
    changed_at: float = field(default_factory=time.monotonic)
    changed_wall: datetime = field(default_factory=utcnow)
    error: str | None = None
    connected: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    reconnects: int = 0

    def mark(self, state: str, error: str | None = None) -> None:
        """Record a state change (the time only when the state really changes)."""
        if state != self.state:
            self.state, self.changed_at, self.changed_wall = state, time.monotonic(), utcnow()
        self.error = error
        if state == "up":
            self.connected.set()

    def health(self) -> ChatHealth:
        """The state as /healthz reports it."""
        return ChatHealth(self.name, self.state, self.changed_wall, time.monotonic() - self.changed_at, self.error)


def chat_enabled(settings: Settings) -> bool:
    """Whether any chat adapter is configured on."""
    return settings.discord.enabled or settings.slack.enabled


def _discord_sinks(settings: Settings) -> list[PendingSink]:
    routes = settings.discord.routes
    names = _names("discord", [str(r.channel_id) for r in routes])
    return [PendingSink(n, r.labels, r.countries) for n, r in zip(names, routes, strict=True)]


def _slack_sinks(settings: Settings) -> list[PendingSink]:
    routes = settings.slack.routes
    names = _names("slack", [r.channel for r in routes])
    return [PendingSink(n, r.labels, r.countries) for n, r in zip(names, routes, strict=True)]


def route_sinks(settings: Settings) -> list[PendingSink]:
    """The enabled platforms' route sinks, never connected: lets a command beside the running bot (a CLI
    review) queue alerts that the bot, which owns the connections, delivers from the shared outbox."""
    return (_discord_sinks(settings) if settings.discord.enabled else []) + (
        _slack_sinks(settings) if settings.slack.enabled else []
    )


def plan_chat(settings: Settings, query: QueryService, reviews: ReviewService | None = None) -> list[ChatPlatform]:
    """Check tokens and build the platforms to start; a missing token is a configuration error."""
    platforms: list[ChatPlatform] = []
    if settings.discord.enabled:
        token = env_secret("STCWATCH_DISCORD_TOKEN")
        if token is None:
            raise ConfigError("[discord] enabled = true but STCWATCH_DISCORD_TOKEN is not set")
        sinks = _discord_sinks(settings)

        async def start_discord_adapter() -> Adapter:
            from bot.adapters.discord import start_discord

            return await start_discord(settings.discord, token, query, reviews=reviews)

        platforms.append(ChatPlatform("discord", sinks, start_discord_adapter))
    if settings.slack.enabled:
        bot_token = env_secret("STCWATCH_SLACK_BOT_TOKEN")
        app_token = env_secret("STCWATCH_SLACK_APP_TOKEN")
        if bot_token is None or app_token is None:
            raise ConfigError(
                "[slack] enabled = true but STCWATCH_SLACK_BOT_TOKEN and STCWATCH_SLACK_APP_TOKEN must both be set"
            )
        sinks = _slack_sinks(settings)

        async def start_slack_adapter() -> Adapter:
            from bot.adapters.slack import start_slack

            return await start_slack(settings.slack, bot_token, app_token, query, reviews=reviews)

        platforms.append(ChatPlatform("slack", sinks, start_slack_adapter))
    return platforms


async def _connect(platform: ChatPlatform, delay: float) -> tuple[Adapter, float]:
    """Start the adapter, retrying with backoff from DELAY; returns it and the next delay to use."""
    while True:
        try:
            adapter = await platform.start()
        except Exception as exc:  # any startup failure: say why, keep the bot running, try again
            log.error(
                "chat adapter failed to start; alerts stay queued",
                extra={"platform": platform.name, "error": str(exc), "retry_in_s": delay},
            )
            platform.mark("down" if platform.state != "connecting" else "connecting", str(exc))
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)
            continue
        platform.adapter = adapter
        for pending, real in zip(platform.sinks, adapter.sinks(), strict=False):
            pending.target = real
        platform.mark("up")
        log.info("chat adapter connected", extra={"platform": platform.name, "routes": len(platform.sinks)})
        return adapter, delay


async def _watch(platform: ChatPlatform, adapter: Adapter) -> str:
    """Until the connection is lost for good: ended, or down longer than RESTART_AFTER. Returns why."""
    while True:
        await asyncio.sleep(WATCH_EVERY)
        if adapter.ended():
            return "the connection stopped"
        try:
            up = await adapter.alive()
        except Exception as exc:
            up = False
            log.warning("chat connection check failed", extra={"platform": platform.name, "error": str(exc)})
        if up:
            platform.mark("up")
            continue
        if platform.state == "up":
            log.warning("chat connection down; the client is reconnecting", extra={"platform": platform.name})
        platform.mark("down", platform.error or "connection lost; reconnecting")
        if time.monotonic() - platform.changed_at >= RESTART_AFTER:
            return f"down for {RESTART_AFTER:g}s"


async def _supervise(platform: ChatPlatform) -> None:
    """Keep the platform connected for the bot's lifetime: connect, watch, and start afresh (with backoff)
    when the connection dies after startup, so slash commands never stop silently while alerts still post."""
    delay = RETRY_FIRST
    while True:
        adapter, delay = await _connect(platform, delay)
        up_since = time.monotonic()
        why = await _watch(platform, adapter)
        platform.mark("down", f"connection lost ({why}); reconnecting")
        log.error(
            "chat connection lost; starting the adapter again",
            extra={"platform": platform.name, "reason": why, "retry_in_s": delay},
        )
        for pending in platform.sinks:
            pending.target = None  # alerts wait in the outbox until the fresh adapter is up
        platform.adapter = None
        try:
            await adapter.close()
        except Exception:
            log.exception("closing the lost chat adapter failed", extra={"platform": platform.name})
        platform.reconnects += 1
        if time.monotonic() - up_since >= STABLE_AFTER:
            delay = RETRY_FIRST  # it had been fine for a while: start over from the short delay
        await asyncio.sleep(delay)
        delay = min(delay * 2, RETRY_MAX)


def start_chat(platforms: Sequence[ChatPlatform]) -> None:
    """Connect every platform in the background and keep it connected."""
    for platform in platforms:
        platform.task = asyncio.create_task(_supervise(platform), name=f"chat-{platform.name}")


async def stop_chat(platforms: Sequence[ChatPlatform]) -> None:
    """Stop connecting and close connected adapters."""
    for platform in platforms:
        if platform.task is not None and not platform.task.done():
            platform.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await platform.task
        if platform.adapter is not None:
            try:
                await platform.adapter.close()
            except Exception:
                log.exception("closing chat adapter failed", extra={"platform": platform.name})


async def wait_connected(platforms: Sequence[ChatPlatform], *, within: float) -> bool:
    """Wait (bounded) until every platform connected; False if some did not (their alerts stay queued)."""
    waits = [asyncio.create_task(p.connected.wait()) for p in platforms]
    if not waits:
        return True
    _, pending = await asyncio.wait(waits, timeout=within)
    for task in pending:
        task.cancel()
    return not pending


@asynccontextmanager
async def open_bot(settings: Settings, *, sinks: Sequence[Sink]) -> AsyncIterator[App]:
    """The app with its chat adapters connecting in the background; everything closed on exit."""
    async with open_app(settings, sinks=sinks) as app:
        platforms = plan_chat(settings, app.chat_query, app.chat_reviewer)
        for platform in platforms:
            app.outbox.add_sinks(platform.sinks)
        app.chat = platforms
        start_chat(platforms)
        try:
            yield app
        finally:
            await stop_chat(platforms)
