"""A fake Discord (REST + websocket gateway) on 127.0.0.1 for running the real discord.py client in tests.

It runs in the test's event loop (aiohttp), so use it from async tests:

    async with FakeDiscord() as fake:
        settings = DiscordSettings(api_base=fake.api_base, gateway_url=fake.gateway_url, ...)
        adapter = await start_discord(settings, fake.token, query)
        inter = await fake.invoke("agreements", {"country": "honduras"})
        response = await fake.wait_response(inter)     # the interaction callback payload
        fake.fail_channel(42, Failure(429, retry_after=12.5))

It behaves like Discord where tests depend on it: JSON replies with `Content-Type: application/json`
exactly (discord.py reads anything else as text), 401 for a wrong token, embed limits enforced with a 400
(code 50035), interactions that must be acknowledged within `ack_deadline` seconds and only once (10062 /
40060), `enforce_nonce` deduplication of channel messages, 429s carrying `retry_after` and a `Via` header
(without it discord.py assumes a Cloudflare ban). Everything is recorded for assertions.

GET /channels/{id}/messages returns the channel's messages newest first (`limit`, `before`, `after`);
like Discord it leaves out the nonce (it is not stored) unless `history_with_nonce` is set. Crash
drills: `Failure(200, stall=60)` stores the message, then holds the HTTP answer (released when the
fake stops), so a test can kill the bot after Discord has the message but before the bot knows.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

__all__ = ["Failure", "FakeDiscord", "Interaction", "Recorded", "embed_problems"]

JSON = dict[str, Any]
API = "/api/v10"
EPHEMERAL = 1 << 6
LOADING = 1 << 7


@dataclass(frozen=True)
class Recorded:
    """One REST request as the fake saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any


@dataclass(frozen=True)
class Failure:
    """A scripted answer for the next POST to a channel: status, optional retry_after, delay, store first.

    A status below 300 answers normally (after `stall`), so it can stand in a sequence of failures.
    """

    status: int
    retry_after: float | None = None
    delay: float = 0.0
    store_first: bool = False  # create the message, then fail (a lost response)
    headers: dict[str, str] = field(default_factory=dict)
    stall: float = 0.0  # after storing, hold the answer this long (or until the fake stops)


@dataclass
class Interaction:
    """An injected interaction and what the bot did with it."""

    id: int
    token: str
    type: int
    payload: JSON
    dispatched_at: float
    callbacks: list[JSON] = field(default_factory=list)
    original: JSON | None = None  # the original response message, as last edited
    edits: list[JSON] = field(default_factory=list)
    followups: list[JSON] = field(default_factory=list)


def _length(value: object) -> int:
    return len(str(value)) if value is not None else 0


def embed_problems(embed: Mapping[str, Any]) -> list[str]:
    """What Discord would reject in one embed (limits from the API documentation)."""
    problems: list[str] = []
    limits = {"title": 256, "description": 4096}
    for key, limit in limits.items():
        if _length(embed.get(key)) > limit:
            problems.append(f"{key} longer than {limit}")
    fields = embed.get("fields", [])
    if len(fields) > 25:
        problems.append("more than 25 fields")
    for i, f in enumerate(fields):
        if not f.get("name") or not f.get("value"):
            problems.append(f"field {i} has an empty name or value")
        if _length(f.get("name")) > 256:
            problems.append(f"field {i} name longer than 256")
        if _length(f.get("value")) > 1024:
            problems.append(f"field {i} value longer than 1024")
    footer = embed.get("footer", {}).get("text")
    author = embed.get("author", {}).get("name")
    if _length(footer) > 2048:
        problems.append("footer longer than 2048")
    if _length(author) > 256:
        problems.append("author name longer than 256")
    total = sum(_length(embed.get(k)) for k in limits) + _length(footer) + _length(author)
    total += sum(_length(f.get("name")) + _length(f.get("value")) for f in fields)
    if total > 6000:
        problems.append(f"embed total {total} over 6000")
    return problems


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with the exact content type discord.py checks for."""
    body = json.dumps(data).encode()
    return web.Response(status=status, body=body, headers={"Content-Type": "application/json", **(headers or {})})


class FakeDiscord:
    """REST routes the bot uses, a gateway, scripted failures and recordings."""

    APP_ID = 111111111111111111
    BOT_ID = 111111111111111111
    GUILD_ID = 222222222222222222
    CHANNEL_ID = 333333333333333333
    USER_ID = 444444444444444444

    def __init__(self, *, token: str = "fake-token", ack_deadline: float = 3.0) -> None:
        self.token = token
        self.send_ready = True  # False: accept IDENTIFY but never send READY
        self.heartbeat_interval_ms = 41250
        self.identifies: list[JSON] = []
        self.resumes: list[JSON] = []
        self.heartbeats = 0
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = 0
        self.ack_deadline = ack_deadline
        self.requests: list[Recorded] = []
        self.unexpected: list[Recorded] = []  # requests to routes the fake does not know
        self.errors: list[Exception] = []  # exceptions inside the fake itself
        self.commands: dict[int | None, list[JSON]] = {}  # scope (guild id, None = global) -> commands
        self.command_puts: list[tuple[int | None, list[JSON]]] = []
        self.messages: dict[int, list[JSON]] = {}  # channel id -> created messages
        self.message_updates: list[JSON] = []  # messages as edited by UPDATE_MESSAGE callbacks
        self.message_posts: list[Recorded] = []
        self.interactions: dict[int, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self._failures: dict[int, list[Failure]] = {}
        self._ratelimit_headers: dict[int, dict[str, str]] = {}
        self.history_with_nonce = False  # Discord does not return nonces on fetched messages
        self.history_reads: list[Recorded] = []
        self._history_failures: dict[int, list[Failure]] = {}
        self._released = asyncio.Event()
        self._ids = itertools.count(900000000000000000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------------------
    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        """Listen on an ephemeral 127.0.0.1 port."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Release stalled answers, close gateway sockets and the server."""
        self._released.set()
        await self.close_sockets()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """What to put in DiscordSettings.api_base."""
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        """What to put in DiscordSettings.gateway_url."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    def next_id(self) -> int:
        """A fresh snowflake."""
        return next(self._ids)

    async def notify(self) -> None:
        """Wake `wait_until` callers after a change."""
        async with self._changed:
            self._changed.notify_all()

    async def wait_until(self, predicate: Callable[[], Any], within: float = 5.0) -> Any:
        """Wait (bounded) until predicate() is truthy; returns its value."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), within)
        return predicate()

    # -- scripting -----------------------------------------------------------------------------------
    def fail_channel(self, channel_id: int, *failures: Failure) -> None:
        """Answer the next POSTs to this channel with these failures, in order."""
        self._failures.setdefault(channel_id, []).extend(failures)

    def fail_history(self, channel_id: int, *failures: Failure) -> None:
        """Answer the next GETs of this channel's messages with these failures, in order."""
        self._history_failures.setdefault(channel_id, []).extend(failures)

    def set_ratelimit(self, channel_id: int, *, remaining: int, reset_after: float) -> None:
        """Send these X-RateLimit headers with successful posts to the channel."""
        self._ratelimit_headers[channel_id] = {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset-After": str(reset_after),
            "X-RateLimit-Bucket": f"bucket-{channel_id}",
        }

    # -- objects -------------------------------------------------------------------------------------
    def user(self, user_id: int | None = None, name: str = "stcwatch", bot: bool = True) -> JSON:
        """A user object."""
        return {"id": str(user_id or self.BOT_ID), "username": name, "discriminator": "0", "global_name": None,
                "avatar": None, "bot": bot, "flags": 0, "public_flags": 0}

    def message(self, channel_id: int, data: JSON, *, webhook: bool = False) -> JSON:
        """A message object as Discord returns it."""
        msg = {
            "id": str(self.next_id()), "channel_id": str(channel_id), "guild_id": str(self.GUILD_ID),
            "author": self.user(), "content": data.get("content") or "", "embeds": data.get("embeds") or [],
            "attachments": [], "components": data.get("components") or [], "mentions": [], "mention_roles": [],
            "mention_everyone": False, "pinned": False, "tts": False, "type": 0 if not webhook else 20,
            "timestamp": datetime.now(UTC).isoformat(), "edited_timestamp": None,
            "flags": int(data.get("flags") or 0),
        }
        if webhook:
            msg["webhook_id"] = str(self.APP_ID)
            msg["application_id"] = str(self.APP_ID)
        if data.get("nonce") is not None:
            msg["nonce"] = data["nonce"]
        return msg

    # -- REST ----------------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        """Record the request, answer it; a bug in the fake is kept in `errors` and answered with 500."""
        body: Any = None
        raw = await request.read()
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        rec = Recorded(request.method, request.path[len(API):], dict(request.query),
                       {k.lower(): v for k, v in request.headers.items()}, body)
        self.requests.append(rec)
        try:
            return await self._answer(rec)
        except Exception as exc:
            self.errors.append(exc)
            return _json({"message": f"fake discord bug: {exc!r}", "code": 0}, 500)
        finally:
            await self.notify()

    def _authorized(self, rec: Recorded) -> bool:
        return rec.headers.get("authorization") == f"Bot {self.token}"

    async def _answer(self, rec: Recorded) -> web.StreamResponse:
        parts = rec.path.strip("/").split("/")
        public = parts[0] in ("interactions", "webhooks")
        if not public and not self._authorized(rec):
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        route = self._route(rec.method, parts)
        if route is None:
            self.unexpected.append(rec)
            return _json({"message": "404: Not Found", "code": 0}, 404)
        result: web.StreamResponse = await route(rec, parts)
        return result

    def _route(self, method: str, parts: list[str]) -> Callable[[Recorded, list[str]], Any] | None:
        n = len(parts)
        table: list[tuple[str, Callable[[list[str]], bool], Callable[[Recorded, list[str]], Any]]] = [
            ("GET", lambda p: p == ["users", "@me"], self._me),
            ("GET", lambda p: p == ["oauth2", "applications", "@me"], self._app_info),
            ("GET", lambda p: p in (["gateway"], ["gateway", "bot"]), self._gateway_info),
            ("GET", lambda p: n in (3, 5) and p[0] == "applications" and p[-1] == "commands", self._get_commands),
            ("PUT", lambda p: n in (3, 5) and p[0] == "applications" and p[-1] == "commands", self._put_commands),
            ("POST", lambda p: n == 4 and p[0] == "interactions" and p[3] == "callback", self._callback),
            ("POST", lambda p: n == 3 and p[0] == "webhooks", self._followup),
            ("PATCH", lambda p: n == 5 and p[0] == "webhooks" and p[3] == "messages", self._edit),
            ("GET", lambda p: n == 5 and p[0] == "webhooks" and p[3] == "messages", self._get_webhook_message),
            ("DELETE", lambda p: n == 5 and p[0] == "webhooks" and p[3] == "messages", self._delete),
            ("POST", lambda p: n == 3 and p[0] == "channels" and p[2] == "messages", self._channel_message),
            ("GET", lambda p: n == 3 and p[0] == "channels" and p[2] == "messages", self._channel_history),
        ]
        for verb, match, handler in table:
            if verb == method and match(parts):
                return handler
        return None

    async def _me(self, rec: Recorded, parts: list[str]) -> web.Response:
        return _json(self.user())

    async def _app_info(self, rec: Recorded, parts: list[str]) -> web.Response:
        return _json({
            "id": str(self.APP_ID), "name": "stcwatch", "description": "", "icon": None, "bot_public": False,
            "bot_require_code_grant": False, "owner": self.user(self.USER_ID, "owner", bot=False),
            "verify_key": "00", "flags": 0, "team": None, "summary": "", "rpc_origins": [],
            "interactions_endpoint_url": None, "redirect_uris": [],
        })

    async def _gateway_info(self, rec: Recorded, parts: list[str]) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    @staticmethod
    def _scope(parts: list[str]) -> int | None:
        return int(parts[3]) if len(parts) == 5 else None

    async def _get_commands(self, rec: Recorded, parts: list[str]) -> web.Response:
        return _json(self.commands.get(self._scope(parts), []))

    async def _put_commands(self, rec: Recorded, parts: list[str]) -> web.Response:
        scope = self._scope(parts)
        echoed = []
        for cmd in rec.json or []:
            out = {"id": str(self.next_id()), "application_id": str(self.APP_ID), "version": "1",
                   "type": 1, "default_member_permissions": None, **cmd}
            if scope is not None:
                out["guild_id"] = str(scope)
            echoed.append(out)
        self.commands[scope] = echoed
        self.command_puts.append((scope, echoed))
        return _json(echoed)

    def _bad_embeds(self, data: JSON) -> web.Response | None:
        embeds = data.get("embeds") or []
        problems = [p for e in embeds for p in embed_problems(e)]
        if len(embeds) > 10:
            problems.append("more than 10 embeds")
        if sum(sum(_length(v) for v in (e.get("title"), e.get("description"))) for e in embeds) > 6000:
            problems.append("embeds total over 6000")
        if len(str(data.get("content") or "")) > 2000:
            problems.append("content longer than 2000")
        if problems:
            return _json({"message": "Invalid Form Body", "code": 50035, "errors": problems}, 400)
        return None

    async def _callback(self, rec: Recorded, parts: list[str]) -> web.Response:
        inter = self.interactions.get(int(parts[1]))
        if inter is None or inter.token != parts[2]:
            return _json({"message": "Unknown interaction", "code": 10062}, 404)
        if time.monotonic() - inter.dispatched_at > self.ack_deadline:
            return _json({"message": "Unknown interaction", "code": 10062}, 404)
        if inter.callbacks:
            return _json({"message": "Interaction has already been acknowledged.", "code": 40060}, 400)
        payload: JSON = rec.json or {}
        data: JSON = payload.get("data") or {}
        bad = self._bad_embeds(data)
        if bad is not None:
            return bad
        inter.callbacks.append(payload)
        kind = int(payload.get("type", 0))
        resource: JSON = {"type": kind}
        if kind in (4, 5):
            flags = int(data.get("flags") or 0) | (LOADING if kind == 5 else 0)
            inter.original = self.message(self.CHANNEL_ID, {**data, "flags": flags}, webhook=True)
            resource["message"] = inter.original
        if kind == 7:  # UPDATE_MESSAGE: edit the message the component is on
            updated = self._update_message(inter.payload.get("message") or {}, data)
            if updated is None:
                return _json({"message": "Unknown Message", "code": 10008}, 404)
            resource["message"] = updated
        info = {"id": str(inter.id), "type": inter.type,
                "response_message_id": inter.original["id"] if inter.original else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL)}
        return _json({"interaction": info, "resource": resource})

    def _update_message(self, target: JSON, data: JSON) -> JSON | None:
        """Apply an UPDATE_MESSAGE callback to a stored channel message (content, embeds, components)."""
        for stored in self.messages.get(int(target.get("channel_id") or 0), []):
            if stored["id"] == target.get("id"):
                for key in ("content", "embeds", "components"):
                    if key in data:
                        stored[key] = data[key] if data[key] is not None else ([] if key != "content" else "")
                stored["edited_timestamp"] = datetime.now(UTC).isoformat()
                self.message_updates.append(dict(stored))
                return stored
        return None

    async def _followup(self, rec: Recorded, parts: list[str]) -> web.Response:
        inter = self._by_token.get(parts[2])
        if inter is None:
            return _json({"message": "Unknown Webhook", "code": 10015}, 404)
        data: JSON = rec.json or {}
        bad = self._bad_embeds(data)
        if bad is not None:
            return bad
        msg = self.message(self.CHANNEL_ID, data, webhook=True)
        inter.followups.append(msg)
        return _json(msg)

    async def _edit(self, rec: Recorded, parts: list[str]) -> web.Response:
        inter = self._by_token.get(parts[2])
        if inter is None or inter.original is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        data: JSON = rec.json or {}
        bad = self._bad_embeds(data)
        if bad is not None:
            return bad
        inter.edits.append(data)
        flags = int(inter.original.get("flags", 0)) & ~LOADING
        inter.original = {**inter.original, **{k: v for k, v in data.items() if k in ("content", "embeds")},
                          "flags": flags, "edited_timestamp": datetime.now(UTC).isoformat()}
        return _json(inter.original)

    async def _get_webhook_message(self, rec: Recorded, parts: list[str]) -> web.Response:
        inter = self._by_token.get(parts[2])
        if inter is None or inter.original is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        return _json(inter.original)

    async def _delete(self, rec: Recorded, parts: list[str]) -> web.Response:
        inter = self._by_token.get(parts[2])
        if inter is None or inter.original is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        inter.original = None
        return web.Response(status=204)

    async def _channel_message(self, rec: Recorded, parts: list[str]) -> web.Response:
        channel_id = int(parts[1])
        self.message_posts.append(rec)
        data: JSON = rec.json or {}
        failures = self._failures.get(channel_id)
        failure = failures.pop(0) if failures else None
        if failure is not None and failure.delay:
            await asyncio.sleep(failure.delay)
        if failure is not None and failure.status >= 300 and not failure.store_first:
            return self._failure_response(failure)
        bad = self._bad_embeds(data)
        if bad is not None:
            return bad
        if not data.get("content") and not data.get("embeds"):
            return _json({"message": "Cannot send an empty message", "code": 50006}, 400)
        stored = self.messages.setdefault(channel_id, [])
        nonce = data.get("nonce")
        existing = next((m for m in stored if nonce is not None and m.get("nonce") == nonce), None)
        if existing is not None and data.get("enforce_nonce"):
            msg = existing  # Discord returns the earlier message instead of posting again
        else:
            msg = {**self.message(channel_id, data), "allowed_mentions": data.get("allowed_mentions")}
            stored.append(msg)
        if failure is not None and failure.stall:
            await self.notify()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._released.wait(), failure.stall)
        if failure is not None and failure.status >= 300:
            return self._failure_response(failure)
        return _json(msg, headers=self._ratelimit_headers.get(channel_id))

    async def _channel_history(self, rec: Recorded, parts: list[str]) -> web.Response:
        """GET /channels/{id}/messages: newest first, `limit` (1-100), `before` / `after` message ids."""
        self.history_reads.append(rec)
        channel_id = int(parts[1])
        failures = self._history_failures.get(channel_id)
        if failures:
            return self._failure_response(failures.pop(0))
        limit = max(1, min(int(rec.query.get("limit", "50")), 100))
        before, after = rec.query.get("before"), rec.query.get("after")
        found = [m for m in reversed(self.messages.get(channel_id, []))
                 if (before is None or int(m["id"]) < int(before)) and (after is None or int(m["id"]) > int(after))]
        if after is not None:
            found = found[-limit:]  # the messages just after `after`, still newest first
        page = found[:limit]
        if not self.history_with_nonce:
            page = [{k: v for k, v in m.items() if k != "nonce"} for m in page]
        return _json(page)

    @staticmethod
    def _failure_response(failure: Failure) -> web.Response:
        if failure.status == 429:
            retry_after = failure.retry_after if failure.retry_after is not None else 1.0
            headers = {"Retry-After": str(int(retry_after + 0.999)), "X-RateLimit-Scope": "user",
                       "Via": "1.1 google", **failure.headers}
            body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
            return _json(body, 429, headers)
        messages = {403: ("Missing Permissions", 50013), 404: ("Unknown Channel", 10003)}
        message, code = messages.get(failure.status, (f"{failure.status}: Server Error", 0))
        return _json({"message": message, "code": code}, failure.status, failure.headers)

    # -- gateway -------------------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        try:
            await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                await self._gateway_message(ws, json.loads(msg.data))
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
        return ws

    async def _gateway_message(self, ws: web.WebSocketResponse, msg: JSON) -> None:
        op, data = msg.get("op"), msg.get("d") or {}
        if op == 1:
            self.heartbeats += 1
            await ws.send_json({"op": 11})
        elif op == 2:
            self.identifies.append(data)
            await self.notify()
            if data.get("token") != self.token:
                await ws.close(code=4004, message=b"Authentication failed.")
                return
            if self.send_ready:
                await self._send(ws, "READY", self._ready_payload())
                if int(data.get("intents", 0)) & 1:
                    await self._send(ws, "GUILD_CREATE", self.guild_payload())
        elif op == 6:
            self.resumes.append(data)
            await self.notify()
            await self._send(ws, "RESUMED", {})

    def _ready_payload(self) -> JSON:
        return {
            "v": 10, "user": self.user(), "guilds": [{"id": str(self.GUILD_ID), "unavailable": True}],
            "session_id": "fake-session", "resume_gateway_url": self.gateway_url, "shard": [0, 1],
            "application": {"id": str(self.APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
        }

    def channel_payload(self) -> JSON:
        """The text channel interactions come from."""
        return {"id": str(self.CHANNEL_ID), "type": 0, "guild_id": str(self.GUILD_ID), "name": "general",
                "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None}

    def guild_payload(self) -> JSON:
        """A small available guild for GUILD_CREATE."""
        everyone = {"id": str(self.GUILD_ID), "name": "@everyone", "permissions": "2248473465835073",
                    "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return {
            "id": str(self.GUILD_ID), "name": "Test Guild", "unavailable": False, "member_count": 2,
            "owner_id": str(self.USER_ID), "features": [], "roles": [everyone], "emojis": [], "stickers": [],
            "channels": [self.channel_payload()], "threads": [], "members": [], "voice_states": [],
            "presences": [], "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "large": False, "joined_at": datetime.now(UTC).isoformat(), "verification_level": 0,
            "premium_tier": 0, "preferred_locale": "en-US",
        }

    async def _send(self, ws: web.WebSocketResponse, event: str, data: JSON) -> None:
        self._seq += 1
        await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    async def dispatch(self, event: str, data: JSON) -> None:
        """Send a DISPATCH event to every connected client."""
        if not self._sockets:
            raise AssertionError("no gateway connection to dispatch to")
        for ws in list(self._sockets):
            await self._send(ws, event, data)

    async def close_sockets(self, code: int = 1001) -> None:
        """Close every gateway connection (the client sees Discord going away; 4004 and 4010-4014 end the
        session for good, so discord.py stops reconnecting)."""
        for ws in list(self._sockets):
            await ws.close(code=code)

    def _find_command(self, name: str) -> tuple[JSON, int | None]:
        for scope in (self.GUILD_ID, None):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name:
                    return cmd, scope
        raise AssertionError(f"command /{name} was never registered; registered: {self.commands}")

    async def invoke(
        self, name: str, options: dict[str, Any] | None = None, *, focused: str | None = None
    ) -> Interaction:
        """Inject a slash command (or, with `focused`, an autocomplete request) as INTERACTION_CREATE."""
        cmd, scope = self._find_command(name)
        types = {o["name"]: o["type"] for o in cmd.get("options", [])}
        opts = []
        for key, value in (options or {}).items():
            opt: JSON = {"name": key, "type": types.get(key, 3), "value": value}
            if key == focused:
                opt["focused"] = True
            opts.append(opt)
        kind = 4 if focused else 2
        data: JSON = {"id": cmd["id"], "name": name, "type": 1, "options": opts}
        if scope is not None:
            data["guild_id"] = str(scope)
        member: JSON = {"user": self.user(self.USER_ID, "alice", bot=False), "roles": [], "nick": None,
                  "joined_at": datetime.now(UTC).isoformat(), "deaf": False, "mute": False, "flags": 0,
                  "permissions": "2248473465835073", "pending": False, "avatar": None}
        inter_id = self.next_id()
        payload: JSON = {
            "id": str(inter_id), "application_id": str(self.APP_ID), "type": kind, "data": data,
            "guild_id": str(self.GUILD_ID), "channel_id": str(self.CHANNEL_ID), "channel": self.channel_payload(),
            "member": member, "token": f"itoken-{inter_id}", "version": 1, "locale": "en-US",
            "guild_locale": "en-US", "app_permissions": "2248473465835073", "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.GUILD_ID)}, "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        inter = Interaction(inter_id, payload["token"], kind, payload, time.monotonic())
        self.interactions[inter_id] = inter
        self._by_token[inter.token] = inter
        await self.dispatch("INTERACTION_CREATE", payload)
        return inter

    async def click(
        self,
        message: JSON,
        custom_id: str,
        *,
        roles: Sequence[int] = (),
        values: Sequence[str] | None = None,
        user_id: int | None = None,
        name: str = "alice",
    ) -> Interaction:
        """Inject a component interaction (a button, or with `values` a string select) on a posted message."""
        data: JSON = {"custom_id": custom_id, "component_type": 3 if values is not None else 2}
        if values is not None:
            data["values"] = list(values)
        member: JSON = {"user": self.user(user_id or self.USER_ID, name, bot=False),
                        "roles": [str(r) for r in roles], "nick": None,
                        "joined_at": datetime.now(UTC).isoformat(), "deaf": False, "mute": False, "flags": 0,
                        "permissions": "2248473465835073", "pending": False, "avatar": None}
        inter_id = self.next_id()
        payload: JSON = {
            "id": str(inter_id), "application_id": str(self.APP_ID), "type": 3, "data": data,
            "guild_id": str(self.GUILD_ID), "channel_id": message["channel_id"], "channel": self.channel_payload(),
            "member": member, "token": f"itoken-{inter_id}", "version": 1, "locale": "en-US",
            "guild_locale": "en-US", "app_permissions": "2248473465835073", "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.GUILD_ID)}, "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024, "message": message,
        }
        inter = Interaction(inter_id, payload["token"], 3, payload, time.monotonic())
        self.interactions[inter_id] = inter
        self._by_token[inter.token] = inter
        await self.dispatch("INTERACTION_CREATE", payload)
        return inter

    async def wait_response(self, inter: Interaction, within: float = 5.0) -> JSON:
        """The bot's interaction callback (type 4 message, 5 deferred, 8 autocomplete)."""
        await self.wait_until(lambda: inter.callbacks, within)
        return inter.callbacks[0]

    async def wait_answer(self, inter: Interaction, within: float = 5.0) -> JSON:
        """The visible answer: the original response once it is no longer "thinking…"."""
        def done() -> bool:
            return inter.original is not None and not int(inter.original.get("flags", 0)) & LOADING
        await self.wait_until(done, within)
        assert inter.original is not None
        return inter.original

    def posts_to(self, channel_id: int) -> list[JSON]:
        """Payloads the bot POSTed to a channel (including failed attempts)."""
        return [r.json for r in self.message_posts if r.path == f"/channels/{channel_id}/messages"]
