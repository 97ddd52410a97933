"""The web server: aiohttp routes rendering Jinja2 templates (autoescaped) from `WebData`, read-only.

Every response carries a strict Content-Security-Policy: no script at all, styles and images only from
this server, no framing. Feed text reaches the page only through autoescaped templates, and links only
when they are http(s) (`safe_href`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web

from bot.service.answers import NotFoundAnswer, deal_name, flag, review_mark
from bot.store.timefmt import utcnow
from bot.web.svg import when_text
from bot.web.views import WebData, ago, chart, safe_href

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
STATIC_DIR = Path(str(files("bot.web").joinpath("static")))


def make_env() -> jinja2.Environment:
    """Templates from the package, every one autoescaped (also the SVG partials)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(safe_href=safe_href, deal_name=deal_name, flag=flag, when=when_text)
    env.globals.update(review_mark=review_mark)
    return env


class WebServer:
    """Serves the pages; `add_routes` mounts them on another aiohttp app (the health server's port)."""

    def __init__(self, data: WebData, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._data = data
        self._env = make_env()
        self._clock = clock
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def _page(self, template: str, *, status: int = 200, **context: Any) -> web.Response:
        html = self._env.get_template(template).render(**context)
        return web.Response(text=html, status=status, content_type="text/html", headers=SECURITY_HEADERS)

    async def _overview(self, request: web.Request) -> web.Response:
        status = request.query.get("status") or None
        deal = request.query.get("deal_type") or None
        view = await asyncio.to_thread(self._data.overview, status=status, deal_type=deal)
        return self._page("overview.html", view=view, now=self._clock())

    async def _country(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        answer = await asyncio.to_thread(self._data.country, name)
        if isinstance(answer, NotFoundAnswer):
            return self._page("notfound.html", status=404, answer=answer)
        return self._page("country.html", answer=answer, chart=chart(answer))

    async def _feeds(self, _: web.Request) -> web.Response:
        feeds = await asyncio.to_thread(self._data.feeds)
        return self._page("feeds.html", feeds=feeds, now=self._clock(), ago=ago)

    async def _api(self, request: web.Request) -> web.Response:
        country = request.match_info.get("country") or None
        try:
            doc = await asyncio.to_thread(self._data.api, country, deal_type=request.query.get("deal_type") or None)
        except ValueError as exc:
            return web.json_response({"error": str(exc)}, status=400, headers=SECURITY_HEADERS)
        return web.Response(
            text=doc.text, status=200 if doc.found else 404, content_type="application/json",
            headers=SECURITY_HEADERS,
        )  # fmt: skip

    async def _not_found(self, _: web.Request) -> web.Response:
        return self._page("notfound.html", status=404, answer=None)

    def add_routes(self, app: web.Application) -> None:
        """Mount every page (GET only: nothing here changes state)."""
        app.router.add_get("/", self._overview)
        app.router.add_get("/country/{name}", self._country)
        app.router.add_get("/feeds", self._feeds)
        app.router.add_get("/api/agreements", self._api)
        app.router.add_get("/api/agreements/{country}", self._api)
        app.router.add_static("/static/", STATIC_DIR, append_version=False)
        app.router.add_get("/{tail:.*}", self._not_found)

    async def start(self, listen: str) -> None:
        """Listen on HOST:PORT (port 0 picks a free one, see `.port`)."""
        host, _, port = listen.rpartition(":")
        app = web.Application()
        self.add_routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host or "127.0.0.1", int(port))
        await site.start()
        bound = [s.getsockname()[1] for s in getattr(site._server, "sockets", None) or []]
        self.port = bound[0] if bound else int(port)
        log.info("web server listening", extra={"listen": f"{host}:{self.port}"})

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
