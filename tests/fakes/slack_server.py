"""A fake Slack on 127.0.0.1 (aiohttp): Web API, response_url endpoint and Socket Mode websocket.

Runs on the test's own event loop, so async tests drive it directly:

    async with FakeSlack() as slack:
        adapter = await start_slack(SlackSettings(api_base=slack.api_base, ...), BOT, APP, query)
        env = await slack.send_command("/agreements", "honduras")
        ack = await slack.wait_for_ack(env)
        reply = await slack.wait_for_response(env)

Every Web API call is recorded (method, token, params); chat.postMessage calls also land in
`posted`. Failures are scripted per method and consumed in order (`slack.script("chat.postMessage",
Reply(status=429, headers={"Retry-After": "7"}, error="ratelimited"))`); after the script runs
out, calls succeed again. Tokens are checked: the bot token for Web API methods, the app token
for apps.connections.open, so token mix-ups fail like they would on Slack.

Accepted posts are kept per channel with their message metadata, and `conversations.history`
returns them newest first (metadata only with `include_all_metadata`, honouring `oldest`, `limit`
and cursors). Crash drills: `Reply(stall=60)` accepts a post, records it, then holds the HTTP answer
(released when the fake closes), so a test can kill the bot after Slack has the message but before
the bot knows. `go_down(Reply(status=503))` fails every Web API call (or the given methods) until
`come_back()`: an outage for a stretch.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import WSMsgType, web

__all__ = ["ApiCall", "FakeSlack", "Posted", "Reply", "SocketAck"]

BOT_TOKEN = "xoxb-fake-bot-token"
APP_TOKEN = "xapp-fake-app-token"
_JSON = "application/json"


@dataclass(frozen=True)
class Reply:
    """One scripted answer: HTTP status, Slack `error` (ok=false) or a raw body, extra headers."""

    status: int = 200
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    content_type: str = _JSON
    stall: float = 0.0  # success recorded at once, the HTTP answer held this long (or until close)


@dataclass(frozen=True)
class ApiCall:
    """A Web API request as the fake saw it."""

    method: str
    token: str | None
    params: dict[str, Any]
    at: float
    status: int
    ok: bool


@dataclass(frozen=True)
class Posted:
    """A POST to a response_url."""

    token: str
    body: dict[str, Any]
    at: float


@dataclass(frozen=True)
class SocketAck:
    """What the app sent back over the websocket for an envelope."""

    envelope_id: str
    payload: dict[str, Any] | None
    at: float


@dataclass(frozen=True)
class Envelope:
    """An envelope the fake pushed to the app, with the time it went out."""

    envelope_id: str
    response_token: str
    sent_at: float


class FakeSlack:
    """The parts of Slack that stcwatch's Slack adapter uses."""

    def __init__(self, *, bot_token: str = BOT_TOKEN, app_token: str = APP_TOKEN, send_hello: bool = True) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.send_hello = send_hello
        self.calls: list[ApiCall] = []
        self.responses: list[Posted] = []
        self.acks: list[SocketAck] = []
        self.channels: set[str] | None = None  # None = every channel exists
        self.ws_url_override: str | None = None
        self.refuse_sockets = False  # True: Socket Mode websocket upgrades answered 503 (Slack's edge down)
        self._scripts: dict[str, list[Reply]] = {}
        self.history: dict[str, list[dict[str, Any]]] = {}  # channel -> accepted messages, oldest first
        self.usergroups: dict[str, list[str]] = {}  # user group id -> member user ids (usergroups.users.list)
        self.updates: list[dict[str, Any]] = []  # chat.update params Slack accepted
        self.down: Reply | None = None
        self.down_methods: frozenset[str] | None = None  # None: every Web API method is down
        self._released = asyncio.Event()
        self._last_ts = 0.0
        self._response_replies: list[Reply] = []
        self._sockets: list[web.WebSocketResponse] = []
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> FakeSlack:
        """Listen on an ephemeral port of 127.0.0.1."""
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{token}", self._respond)
        app.router.add_get("/link/", self._socket)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        """Release stalled answers, close sockets and stop listening."""
        self._released.set()
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def api_base(self) -> str:
        """What SlackSettings.api_base should be (trailing slash)."""
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def connected(self) -> int:
        """Open Socket Mode connections."""
        return sum(1 for ws in self._sockets if not ws.closed)

    @property
    def connections_made(self) -> int:
        """Socket Mode connections accepted since start, open or not."""
        return len(self._sockets)

    # ---- scripting ---------------------------------------------------------------------------

    def script(self, method: str, *replies: Reply) -> None:
        """Answer the next calls of `method` with these replies, in order, then normally."""
        self._scripts.setdefault(method, []).extend(replies)

    def go_down(self, reply: Reply, *, methods: Iterable[str] | None = None) -> None:
        """Answer every Web API call (or just METHODS) with REPLY until `come_back`."""
        self.down = reply
        self.down_methods = frozenset(methods) if methods is not None else None

    def come_back(self) -> None:
        """End the outage started by `go_down`."""
        self.down = None
        self.down_methods = None

    def messages_in(self, channel: str) -> list[dict[str, Any]]:
        """Messages the channel holds (accepted posts), oldest first."""
        return list(self.history.get(channel, []))

    def script_response_url(self, *replies: Reply) -> None:
        """Answer the next response_url POSTs with these replies."""
        self._response_replies.extend(replies)

    def calls_to(self, method: str) -> list[ApiCall]:
        """Recorded calls of one Web API method."""
        return [c for c in self.calls if c.method == method]

    @property
    def posted(self) -> list[dict[str, Any]]:
        """Params of chat.postMessage calls that Slack accepted."""
        return [c.params for c in self.calls_to("chat.postMessage") if c.ok]

    # ---- socket mode ---------------------------------------------------------------------------

    async def send_command(
        self, command: str, text: str = "", *, user_id: str = "U0USER", channel_id: str = "C0CHAN"
    ) -> Envelope:
        """Push a `slash_commands` envelope to every connected app (normally one)."""
        n = next(self._ids)
        envelope_id = f"env-{n}"
        token = f"rt{n}"
        payload = {
            "token": "verification-token",
            "team_id": "T0TEAM",
            "team_domain": "fake",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "tester",
            "command": command,
            "text": text,
            "api_app_id": "A0APP",
            "is_enterprise_install": "false",
            "response_url": f"http://127.0.0.1:{self.port}/respond/{token}",
            "trigger_id": f"trigger-{n}",
        }
        envelope = {
            "envelope_id": envelope_id,
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }
        live = [ws for ws in self._sockets if not ws.closed]
        if not live:
            raise AssertionError("no Socket Mode connection to send the command to")
        sent_at = time.monotonic()
        for ws in live:
            await ws.send_str(json.dumps(envelope))
        return Envelope(envelope_id=envelope_id, response_token=token, sent_at=sent_at)

    async def send_action(
        self,
        channel: str,
        message: dict[str, Any],
        action: dict[str, Any],
        *,
        user_id: str = "U0USER",
        user_name: str = "tester",
    ) -> Envelope:
        """Push an `interactive` block_actions envelope: `user_id` used `action` on a posted message."""
        n = next(self._ids)
        token = f"rt{n}"
        payload = {
            "type": "block_actions",
            "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": "T0TEAM"},
            "api_app_id": "A0APP",
            "token": "verification-token",
            "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel,
                          "is_ephemeral": False},
            "trigger_id": f"trigger-{n}",
            "team": {"id": "T0TEAM", "domain": "fake"},
            "channel": {"id": channel, "name": "alerts"},
            "message": dict(message),
            "response_url": f"http://127.0.0.1:{self.port}/respond/{token}",
            "actions": [{**action, "block_id": "stcwatch_review", "action_ts": f"{time.time():.6f}"}],
        }
        envelope = {"envelope_id": f"env-{n}", "type": "interactive", "accepts_response_payload": False,
                    "payload": payload}
        live = [ws for ws in self._sockets if not ws.closed]
        if not live:
            raise AssertionError("no Socket Mode connection to send the action to")
        sent_at = time.monotonic()
        for ws in live:
            await ws.send_str(json.dumps(envelope))
        return Envelope(envelope_id=f"env-{n}", response_token=token, sent_at=sent_at)

    async def request_reconnect(self) -> None:
        """Send Slack's `disconnect` (refresh_requested), as Slack does every few hours."""
        for ws in [ws for ws in self._sockets if not ws.closed]:
            await ws.send_str(json.dumps({"type": "disconnect", "reason": "refresh_requested"}))

    async def wait_until(self, predicate: Callable[[], bool], *, within: float = 5.0) -> None:
        """Wait (bounded) until something the fake recorded makes `predicate` true."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(predicate)

    async def wait_for_ack(self, envelope: Envelope, *, within: float = 5.0) -> SocketAck:
        """The app's ack for an envelope."""
        await self.wait_until(lambda: any(a.envelope_id == envelope.envelope_id for a in self.acks), within=within)
        return next(a for a in self.acks if a.envelope_id == envelope.envelope_id)

    async def wait_for_response(self, envelope: Envelope, *, within: float = 5.0) -> Posted:
        """The first response_url POST for an envelope's command."""
        token = envelope.response_token
        await self.wait_until(lambda: any(r.token == token for r in self.responses), within=within)
        return next(r for r in self.responses if r.token == token)

    async def wait_connected(self, *, within: float = 5.0) -> None:
        """Until an app holds a Socket Mode connection."""
        await self.wait_until(lambda: self.connected > 0, within=within)

    # ---- handlers ----------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == _JSON:
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        elif request.can_read_body:
            params.update(dict(await request.post()))
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip() if auth else params.get("token")
        reply = self._reply_for(method, token, params)
        ok = reply.status == 200 and reply.error is None and reply.body is None
        success = self._success(method, params) if ok else {}  # a post lands in the channel here
        self.calls.append(ApiCall(method, token, params, time.monotonic(), reply.status, ok))
        await self._notify()
        if reply.stall:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._released.wait(), reply.stall)
        return self._render(reply, success)

    def _reply_for(self, method: str, token: str | None, params: dict[str, Any]) -> Reply:
        wanted = self.app_token if method == "apps.connections.open" else self.bot_token
        if token != wanted:
            return Reply(error="invalid_auth")
        outage = self.down_methods is None or method in self.down_methods
        if self.down is not None and method != "apps.connections.open" and outage:
            return self.down
        script = self._scripts.get(method)
        if script:
            return script.pop(0)
        posting = method in ("chat.postMessage", "chat.postEphemeral", "conversations.history")
        if posting and self.channels is not None and params.get("channel") not in self.channels:
            return Reply(error="channel_not_found")
        return Reply()

    def _render(self, reply: Reply, success: dict[str, Any]) -> web.Response:
        if reply.body is not None:
            return web.Response(
                status=reply.status, text=reply.body, content_type=reply.content_type, headers=reply.headers
            )
        if reply.error is not None:
            data: dict[str, Any] = {"ok": False, "error": reply.error}
        else:
            data = {"ok": True, **success}
        return web.json_response(data, status=reply.status, headers=reply.headers)

    def _next_ts(self) -> str:
        """Slack message timestamps: unique and increasing per workspace."""
        self._last_ts = max(time.time(), self._last_ts + 0.000001)
        return f"{self._last_ts:.6f}"

    def _post_message(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel"))
        message: dict[str, Any] = {
            "type": "message",
            "subtype": "bot_message",
            "ts": self._next_ts(),
            "bot_id": "B0BOT",
            "user": "U0BOT",
            "text": params.get("text", ""),
            "blocks": params.get("blocks") or [],
        }
        if isinstance(params.get("metadata"), dict):
            message["metadata"] = params["metadata"]
        self.history.setdefault(channel, []).append(message)
        return {"channel": channel, "ts": message["ts"], "message": message}

    def _conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        """Newest first, after `oldest`, `limit` per page with an offset cursor."""
        oldest = float(params.get("oldest") or 0)
        limit = max(1, min(int(params.get("limit") or 100), 999))
        offset = int(str(params.get("cursor") or "o:0").removeprefix("o:"))
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        stored = self.history.get(str(params.get("channel")), [])
        newest_first = [m for m in reversed(stored) if float(m["ts"]) > oldest]
        page = newest_first[offset : offset + limit]
        if not with_metadata:
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = offset + limit < len(newest_first)
        return {
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": f"o:{offset + limit}" if more else ""},
        }

    def _success(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "url": "https://fake.slack.com/",
                "team": "Fake",
                "user": "stcwatch",
                "team_id": "T0TEAM",
                "user_id": "U0BOT",
                "bot_id": "B0BOT",
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"url": self.ws_url_override or f"ws://127.0.0.1:{self.port}/link/?ticket=t{next(self._ids)}"}
        if method == "chat.postMessage":
            return self._post_message(params)
        if method == "conversations.history":
            return self._conversations_history(params)
        if method == "chat.postEphemeral":
            return {"message_ts": f"{time.time():.6f}"}
        if method == "chat.update":
            return self._update_message(params)
        if method == "usergroups.users.list":
            return {"users": self.usergroups.get(str(params.get("usergroup")), [])}
        return {}

    def _update_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.update: replace text and blocks of a stored message (found by channel and ts)."""
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        for message in self.history.get(channel, []):
            if message["ts"] == ts:
                blocks = params.get("blocks")
                message["blocks"] = json.loads(blocks) if isinstance(blocks, str) else (blocks or [])
                message["text"] = params.get("text", message["text"])
                message["edited"] = {"user": "U0BOT", "ts": self._next_ts()}
                self.updates.append(dict(params))
                return {"channel": channel, "ts": ts, "text": message["text"]}
        raise AssertionError(f"chat.update of an unknown message {channel}/{ts}")

    async def _respond(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            body = await request.json()
        except ValueError:
            body = {"_raw": await request.text()}
        self.responses.append(Posted(token, body if isinstance(body, dict) else {"_raw": body}, time.monotonic()))
        await self._notify()
        if self._response_replies:
            reply = self._response_replies.pop(0)
            return web.Response(status=reply.status, text=reply.body or "error", headers=reply.headers)
        return web.Response(text="ok")

    async def drop_sockets(self) -> None:
        """Close every Socket Mode connection (the app sees Slack going away)."""
        for ws in [ws for ws in self._sockets if not ws.closed]:
            await ws.close()
        await self._notify()

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_sockets:
            return web.Response(status=503, text="socket mode unavailable")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await self._notify()
        if self.send_hello:
            hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0APP"}}
            await ws.send_str(json.dumps(hello))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                if isinstance(data, dict) and "envelope_id" in data:
                    self.acks.append(SocketAck(data["envelope_id"], data.get("payload"), time.monotonic()))
                    await self._notify()
        finally:
            await self._notify()
        return ws
