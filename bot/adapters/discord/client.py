"""The Discord client and its startup: log in, connect the gateway, wait for READY, sync commands.

discord.py 2.7 reads the REST base from the class attribute `discord.http.Route.BASE` (every request,
including interaction callbacks and webhooks, builds a Route) and the gateway from
`DiscordWebSocket.DEFAULT_GATEWAY` (`Client.connect` no longer asks /gateway/bot). Both are process
wide, so `start_discord` sets them from the settings and `DiscordAdapter.close` restores them; one
adapter per process is supported.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord.commands import StcwatchTree, build_commands
from bot.adapters.discord.review import ReviewHandler
from bot.adapters.discord.sink import ChannelPoster, DiscordSink
from bot.config import DiscordSettings
from bot.errors import StcwatchError
from bot.service.answers import QueryService
from bot.service.notify import Sink
from bot.service.review import ReviewService

log = logging.getLogger(__name__)


class DiscordStartupError(StcwatchError):
    """Discord could not be reached, refused the token, or never became ready."""


class StcwatchClient(discord.Client):
    """A gateway client that only needs interactions: no privileged intents, mentions off by default."""

    def __init__(
        self,
        query: QueryService,
        *,
        guild_id: int | None,
        guild_ready_timeout: float = 2.0,
        review: ReviewHandler | None = None,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # lets discord.py resolve the guild and channel of an interaction
        super().__init__(
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            max_ratelimit_timeout=30.0,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.tree = StcwatchTree(self)
        self.gateway_up = False  # a gateway session is live (READY or RESUMED since the last disconnect)
        self.guild = discord.Object(id=guild_id) if guild_id else None
        for command in build_commands(query):
            self.tree.add_command(command, guild=self.guild)
        self.review = review or ReviewHandler(None, None)

    async def on_interaction(self, interaction: discord.Interaction[discord.Client]) -> None:
        """Component clicks on alerts (slash commands are the command tree's)."""
        await self.review.handle(interaction)

    async def on_ready(self) -> None:
        """discord.py event: a new gateway session."""
        self.gateway_up = True

    async def on_resumed(self) -> None:
        """discord.py event: the session resumed after a reconnect."""
        self.gateway_up = True

    async def on_disconnect(self) -> None:
        """discord.py event: the gateway connection dropped (discord.py may be reconnecting by itself)."""
        self.gateway_up = False

    async def sync_commands(self) -> list[discord.app_commands.AppCommand]:
        """Register the commands with Discord: in the configured guild (instant) or globally."""
        synced = await self.tree.sync(guild=self.guild)
        log.info(
            "discord commands synced",
            extra={"scope": f"guild {self.guild.id}" if self.guild else "global", "commands": len(synced)},
        )
        return synced


def _point_at(api_base: str, gateway_url: str) -> Callable[[], None]:
    """Aim discord.py at the configured endpoints; returns a function restoring the previous ones."""
    old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = api_base.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)

    def restore() -> None:
        Route.BASE = old_base
        DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    return restore


class DiscordAdapter:
    """A connected bot: answers commands in the background and hands out one alert Sink per route."""

    def __init__(
        self,
        client: StcwatchClient,
        gateway: asyncio.Task[None],
        settings: DiscordSettings,
        session: aiohttp.ClientSession,
        poster: ChannelPoster,
        restore: Callable[[], None],
    ) -> None:
        self.client = client
        self.commands: list[discord.app_commands.AppCommand] = []
        self._gateway = gateway
        self._settings = settings
        self._session = session
        self._poster = poster
        self._restore = restore
        self._sinks = _make_sinks(settings, poster)

    @property
    def ready(self) -> bool:
        """Whether the gateway session is up (commands are answered)."""
        return self.client.is_ready() and not self._gateway.done()

    async def alive(self) -> bool:
        """Whether slash commands reach the bot now (a live gateway session)."""
        return self.client.gateway_up and not self._gateway.done()

    def ended(self) -> bool:
        """The gateway task stopped for good (e.g. close code 4004): only a fresh start brings it back."""
        return self._gateway.done()

    def sinks(self) -> list[Sink]:
        """One sink per configured route, named `discord:<channel_id>`."""
        return list(self._sinks)

    async def close(self) -> None:
        """Disconnect the gateway, close HTTP sessions and restore discord.py's endpoints."""
        try:
            await self.client.close()
            if not self._gateway.done():
                self._gateway.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._gateway
        finally:
            await self._session.close()
            self._restore()


def _make_sinks(settings: DiscordSettings, poster: ChannelPoster) -> list[DiscordSink]:
    sinks: list[DiscordSink] = []
    seen: dict[int, int] = {}
    for route in settings.routes:
        n = seen.get(route.channel_id, 0) + 1
        seen[route.channel_id] = n
        name = f"discord:{route.channel_id}" if n == 1 else f"discord:{route.channel_id}#{n}"
        if n > 1:
            log.warning("several Discord routes share a channel", extra={"sink": name})
        sinks.append(DiscordSink(route, poster, name=name))
    return sinks


def _log_gateway_end(task: asyncio.Task[None]) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.error("discord gateway stopped", exc_info=exc)


async def start_discord(
    settings: DiscordSettings,
    token: str,
    query: QueryService,
    *,
    ready_timeout: float = 60.0,
    guild_ready_timeout: float = 2.0,
    reviews: ReviewService | None = None,
) -> DiscordAdapter:
    """Log in, connect the gateway in a background task, wait for READY, sync commands.

    Raises DiscordStartupError with the reason when the token is refused, Discord is unreachable or
    READY does not arrive within `ready_timeout` seconds; nothing is left running in that case.
    """
    restore = _point_at(settings.api_base, settings.gateway_url)
    client = StcwatchClient(
        query,
        guild_id=settings.guild_id,
        guild_ready_timeout=guild_ready_timeout,
        review=ReviewHandler(reviews, settings.reviewer_role_id),
    )
    gateway: asyncio.Task[None] | None = None
    try:
        try:
            await client.login(token)
        except discord.LoginFailure as exc:
            raise DiscordStartupError("Discord refused the bot token (STCWATCH_DISCORD_TOKEN)") from exc
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            raise DiscordStartupError(f"cannot log in to Discord at {settings.api_base}: {exc}") from exc
        gateway = asyncio.create_task(client.connect(reconnect=True), name="discord-gateway")
        waiter = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait({gateway, waiter}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED)
        if waiter not in done:
            waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await waiter
            if gateway in done:
                cause = gateway.exception() if not gateway.cancelled() else None
                raise DiscordStartupError(f"Discord gateway closed before READY: {cause!r}") from cause
            raise DiscordStartupError(
                f"Discord gateway {settings.gateway_url} sent no READY within {ready_timeout:.0f} s"
            )
        gateway.add_done_callback(_log_gateway_end)
        try:
            synced = await client.sync_commands()
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            raise DiscordStartupError(f"cannot register slash commands: {exc}") from exc
    except BaseException:
        await client.close()
        if gateway is not None and not gateway.done():
            gateway.cancel()
        if gateway is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await gateway
        restore()
        raise
    session = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())
    poster = ChannelPoster(
        session, api_base=settings.api_base, token=token.strip(), user_agent=client.http.user_agent
    )
    adapter = DiscordAdapter(client, gateway, settings, session, poster, restore)
    adapter.commands = synced
    log.info(
        "discord connected",
        extra={"user": str(client.user), "guild_id": settings.guild_id, "routes": len(settings.routes)},
    )
    return adapter
