"""Know when a slash command's ack has actually left over the websocket.

Bolt sends the ack only after `ack()` returns *and* its runner next polls (every 10 ms), while the
handler keeps running. Our answers come from a synchronous query on the event loop, which would
hold that ack back for as long as the query takes; past 3 s Slack shows the user a timeout.
So command handlers wait for this signal (bounded) before doing any work.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.web.async_client import AsyncWebClient

MAX_PENDING = 256  # acks for commands nobody waits for (other apps' commands) are forgotten


class AckSignals:
    """One event per slash command (keyed by trigger_id), set once its ack was sent."""

    def __init__(self) -> None:
        self._events: OrderedDict[str, asyncio.Event] = OrderedDict()

    def _event(self, key: str) -> asyncio.Event:
        event = self._events.get(key)
        if event is None:
            event = self._events[key] = asyncio.Event()
            while len(self._events) > MAX_PENDING:
                self._events.popitem(last=False)
        return event

    def sent(self, key: str) -> None:
        """The ack for `key` has been written to the socket."""
        self._event(key).set()

    async def wait(self, key: str | None, *, limit: float = 1.0) -> bool:
        """Until the ack for `key` was sent, at most `limit` seconds; False if it was not seen."""
        if not key:
            await asyncio.sleep(0)
            return False
        event = self._event(key)
        try:
            async with asyncio.timeout(limit):
                await event.wait()
            return True
        except TimeoutError:
            return False
        finally:
            self._events.pop(key, None)


def trigger_id(payload: Any) -> str | None:
    """The key shared by the envelope and the command bolt hands to our listener."""
    if isinstance(payload, dict):
        value = payload.get("trigger_id")
        return value if isinstance(value, str) and value else None
    return None


class AckingSocketModeHandler(AsyncSocketModeHandler):
    """Bolt's aiohttp Socket Mode handler that also reports sent acks to `signals`."""

    def __init__(self, app: AsyncApp, *, app_token: str, web_client: AsyncWebClient, signals: AckSignals) -> None:
        super().__init__(app, app_token=app_token, web_client=web_client)
        self.signals = signals

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """Dispatch to bolt (which sends the ack), then signal waiting handlers."""
        try:
            await super().handle(client, req)
        finally:
            key = trigger_id(req.payload) if req.type in ("slash_commands", "interactive") else None
            if key:
                self.signals.sent(key)
