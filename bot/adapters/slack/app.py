"""Slack transport: a bolt AsyncApp over Socket Mode, plus the alert sinks for each route.

`start_slack` checks both tokens first (auth.test, apps.connections.open) so a bad token is a
clear startup error instead of slack_sdk's endless reconnect loop, then connects the websocket
and waits for Slack's `hello` within a timeout. Everything talks to `settings.api_base`, which
is how tests point the real bolt stack at the fake Slack on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import Any

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.acks import AckingSocketModeHandler, AckSignals
from bot.adapters.slack.commands import register_commands
from bot.adapters.slack.review import SlackReviews
from bot.adapters.slack.sink import SlackSink
from bot.config import SlackSettings
from bot.errors import StcwatchError
from bot.service.answers import QueryService
from bot.service.notify import Sink
from bot.service.review import ReviewService

log = logging.getLogger(__name__)

HTTP_TIMEOUT = 15.0
CONNECT_TIMEOUT = 30.0


class SlackConnectError(StcwatchError):
    """Slack could not be reached or refused our tokens at startup."""


class SlackAdapter:
    """A connected Slack app: answers commands in the background, hands out alert sinks."""

    def __init__(
        self,
        *,
        settings: SlackSettings,
        app: AsyncApp,
        client: AsyncWebClient,
        handler: AsyncSocketModeHandler,
        session: aiohttp.ClientSession,
        bot_user_id: str | None = None,
    ) -> None:
        self._settings = settings
        self._app = app
        self._client = client
        self._handler = handler
        self._session = session
        self._closed = False
        self.bot_user_id = bot_user_id

    @property
    def app(self) -> AsyncApp:
        """The bolt app, for adding listeners."""
        return self._app

    @property
    def client(self) -> AsyncWebClient:
        """The Web API client (no built-in retries: callers decide)."""
        return self._client

    async def alive(self) -> bool:
        """Whether the Socket Mode websocket is connected now (slash commands reach the bot)."""
        if self._closed:
            return False
        return bool(await self._handler.client.is_connected())

    def ended(self) -> bool:
        """Closed; slack_sdk reconnects a dropped socket by itself, so only close ends it."""
        return self._closed

    def sinks(self) -> list[Sink]:
        """One sink per route; a channel routed twice gets `slack:<channel>#2` so deliveries stay apart."""
        seen: Counter[str] = Counter()
        sinks: list[Sink] = []
        for route in self._settings.routes:
            seen[route.channel] += 1
            count = seen[route.channel]
            name = f"slack:{route.channel}" if count == 1 else f"slack:{route.channel}#{count}"
            sinks.append(SlackSink(self._client, route, name=name))
        return sinks

    async def close(self) -> None:
        """Close the websocket and HTTP sessions; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self._handler.close_async()  # type: ignore[no-untyped-call]  # slack_bolt leaves it untyped
        except Exception:
            log.exception("closing the slack socket mode client failed")
        await self._session.close()


def make_client(settings: SlackSettings, bot_token: str, session: aiohttp.ClientSession) -> AsyncWebClient:
    """A Web API client on `settings.api_base` that makes one attempt per call.

    slack_sdk's default async retry handler retries connection errors itself; the outbox already
    retries with backoff, so retrying here too would only delay and duplicate.
    """
    return AsyncWebClient(
        token=bot_token,
        base_url=settings.api_base,
        session=session,
        timeout=int(HTTP_TIMEOUT),
        retry_handlers=[],
    )


async def start_slack(
    settings: SlackSettings,
    bot_token: str,
    app_token: str,
    query: QueryService,
    *,
    connect_timeout: float = CONNECT_TIMEOUT,
    reviews: ReviewService | None = None,
) -> SlackAdapter:
    """Check the tokens, connect Socket Mode, register the commands; raise SlackConnectError if not."""
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=HTTP_TIMEOUT))
    client = make_client(settings, bot_token, session)
    handler: AckingSocketModeHandler | None = None
    try:
        bot_user_id = await _check_bot_token(client, settings.api_base)
        app = AsyncApp(client=client, name="stcwatch", logger=logging.getLogger("slack_bolt"))
        signals = AckSignals()
        register_commands(app, query, signals)
        SlackReviews(reviews, settings.reviewer_usergroup).register(app, signals)
        handler = AckingSocketModeHandler(app, app_token=app_token, web_client=client, signals=signals)
        await _connect(handler, app_token, settings.api_base, connect_timeout)
    except BaseException:
        if handler is not None:
            await _quiet_close(handler)
        await session.close()
        raise
    log.info("slack connected", extra={"api_base": settings.api_base, "routes": len(settings.routes)})
    return SlackAdapter(
        settings=settings, app=app, client=client, handler=handler, session=session, bot_user_id=bot_user_id
    )


async def _check_bot_token(client: AsyncWebClient, api_base: str) -> str | None:
    try:
        response = await client.auth_test()
    except SlackApiError as exc:
        raise SlackConnectError(f"Slack rejected the bot token at {api_base}: {_error(exc)}") from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise SlackConnectError(f"cannot reach Slack at {api_base}: {type(exc).__name__}: {exc}") from None
    user = response.get("user_id")
    return str(user) if user else None


async def _connect(handler: AsyncSocketModeHandler, app_token: str, api_base: str, limit: float) -> None:
    """Issue the websocket URL ourselves (a bad app token fails here, once), then wait for hello."""
    client = handler.client
    try:
        opened = await client.web_client.apps_connections_open(app_token=app_token)
    except SlackApiError as exc:
        raise SlackConnectError(
            f"Slack refused Socket Mode (apps.connections.open at {api_base}): {_error(exc)}; "
            "check STCWATCH_SLACK_APP_TOKEN (xapp-..., connections:write)"
        ) from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise SlackConnectError(f"cannot reach Slack at {api_base}: {type(exc).__name__}: {exc}") from None
    url = opened.get("url")
    if not isinstance(url, str) or not url:
        raise SlackConnectError(f"apps.connections.open at {api_base} returned no websocket URL")
    client.wss_uri = url

    hello = asyncio.Event()

    async def on_message(_client: AsyncBaseSocketModeClient, message: dict[str, Any], _raw: str | None) -> None:
        if message.get("type") == "hello":
            hello.set()

    client.message_listeners.append(on_message)
    try:
        await asyncio.wait_for(_connect_and_hello(handler, hello), limit)
    except TimeoutError:
        raise SlackConnectError(
            f"Slack Socket Mode did not connect within {limit:g}s (websocket {url.split('?')[0]})"
        ) from None
    finally:
        client.message_listeners.remove(on_message)


async def _connect_and_hello(handler: AsyncSocketModeHandler, hello: asyncio.Event) -> None:
    await handler.connect_async()  # type: ignore[no-untyped-call]  # slack_bolt leaves it untyped
    await hello.wait()


async def _quiet_close(handler: AsyncSocketModeHandler) -> None:
    try:
        await handler.close_async()  # type: ignore[no-untyped-call]  # slack_bolt leaves it untyped
    except Exception:
        log.exception("closing the slack socket mode client failed")


def _error(exc: SlackApiError) -> str:
    data = getattr(exc.response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"HTTP {getattr(exc.response, 'status_code', '?')}"
