"""Starting the web pages: beside the bot inside `stcwatch run`, or alone as `stcwatch web` on a store.

Either way the pages read through their own read-only connection with the CLI's query (baseline in
memory, statuses computed live), so they answer exactly as `stcwatch agreements` does and can never
write the bot's store.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import open_query_store, readonly_query
from bot.config import Settings
from bot.web.server import WebServer
from bot.web.views import WebData

log = logging.getLogger(__name__)

DEFAULT_LISTEN = "127.0.0.1:8080"


@asynccontextmanager
async def web_pages(settings: Settings) -> AsyncIterator[WebServer]:
    """A WebServer over a read-only connection to the configured store (closed on exit); not yet listening."""
    store = open_query_store(settings)
    try:
        yield WebServer(WebData(store, readonly_query(store)))
    finally:
        store.close()


async def serve(settings: Settings, listen: str, stop: asyncio.Event) -> None:
    """Serve LISTEN until STOP is set."""
    async with web_pages(settings) as server:
        await server.start(listen)
        try:
            await stop.wait()
        finally:
            await server.stop()


async def web_command(settings: Settings, listen: str | None) -> int:
    """`stcwatch web [--listen HOST:PORT]`: the pages alone, until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, listen or settings.web.listen or DEFAULT_LISTEN, stop)
    return 0
