"""Alert delivery to Discord channels: one Sink per configured route, one REST attempt per send.

Posting goes through our own single-attempt request instead of discord.py's HTTP client, because that
client retries 5xx answers for ~25 s and sleeps through 429s; the outbox owns retries (with backoff and
the server's retry_after), so a send must fail fast with a `DeliveryError` that says whether to retry.
A nonce derived from the alert, the channel and the alert's creation time, with `enforce_nonce`, makes
Discord return the already-created message instead of posting a duplicate when a send is retried after
a lost response. Discord only remembers nonces for a few minutes, so when the outbox says an earlier
attempt may have landed (`possibly_sent`: a crash or lost response, possibly hours ago) the sink first
reads the channel's recent messages and skips the post if ours is there: same nonce (when Discord
returns it) or the same embed marker (footer `stcwatch · alert <id>` and the alert's timestamp).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord

from bot.adapters.discord.render import alert_embed
from bot.adapters.discord.review import review_components
from bot.config import DiscordRoute
from bot.errors import DeliveryError
from bot.models import Alert
from bot.service.notify import RouteFilter, delivery_key, history_check_failed

log = logging.getLogger(__name__)

INLINE_WAIT_MAX = 2.0  # wait this long for an exhausted rate-limit bucket before giving the alert back
PERMANENT_STATUSES = frozenset({400, 403, 404, 405, 413})
HISTORY_PAGE = 50  # messages per GET /channels/{id}/messages (Discord's maximum is 100)
HISTORY_PAGES = 4  # pages read at most when checking whether an alert was already posted
HISTORY_SKEW = timedelta(minutes=10)  # read back to this long before the alert was created (clock skew)


def alert_nonce(alert: Alert, channel_id: int) -> str:
    """At most 25 characters (Discord's limit), stable across retries, distinct per channel and store."""
    return delivery_key(alert, channel_id)


def alert_payload(alert: Alert, route: DiscordRoute) -> dict[str, Any]:
    """The JSON body for POST /channels/{id}/messages: embed, safe mentions, review buttons, nonce."""
    role = route.mention_role_id
    mentions = discord.AllowedMentions.none()
    payload: dict[str, Any] = {"embeds": [alert_embed(alert).to_dict()]}
    if role is not None and alert.kind != "feed_health":
        payload["content"] = f"<@&{role}>"
        mentions = discord.AllowedMentions(
            everyone=False, users=False, roles=[discord.Object(id=role)], replied_user=False
        )
    payload["allowed_mentions"] = mentions.to_dict()
    finding_id = alert.extra.get("finding_id")
    if alert.kind == "finding" and isinstance(finding_id, int) and not isinstance(finding_id, bool):
        payload["components"] = review_components(finding_id)
    payload["nonce"] = alert_nonce(alert, route.channel_id)
    payload["enforce_nonce"] = True
    return payload


class ChannelPoster:
    """Single-attempt REST posting with error mapping and per-channel rate-limit bookkeeping."""

    def __init__(
        self, session: aiohttp.ClientSession, *, api_base: str, token: str, user_agent: str, timeout: float = 15.0
    ) -> None:
        self._session = session
        self._base = api_base.rstrip("/")
        self._headers = {
            "Authorization": f"Bot {token}",
            "User-Agent": user_agent,
            "Content-Type": "application/json",
        }
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._blocked_until: dict[int, float] = {}

    async def post(self, channel_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        """POST one message; returns Discord's message JSON or raises DeliveryError."""
        if self._session.closed:
            raise DeliveryError("Discord adapter is closed; the alert stays in the outbox")
        await self._wait_for_bucket(channel_id)
        url = f"{self._base}/channels/{channel_id}/messages"
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        try:
            async with self._session.post(url, data=body, headers=self._headers, timeout=self._timeout) as resp:
                data = await _read_json(resp)
                self._remember_bucket(channel_id, resp.headers)
                if 200 <= resp.status < 300:
                    return data if isinstance(data, dict) else {}
                raise _error_for(resp.status, resp.headers, data, channel_id)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _network_error(channel_id, exc) from exc

    async def recent_messages(self, channel_id: int, *, limit: int, before: str | None = None) -> list[dict[str, Any]]:
        """GET one page of the channel's messages, newest first; raises DeliveryError like `post`."""
        if self._session.closed:
            raise DeliveryError("Discord adapter is closed; the alert stays in the outbox")
        params = {"limit": str(limit)} | ({"before": before} if before else {})
        url = f"{self._base}/channels/{channel_id}/messages"
        try:
            async with self._session.get(url, params=params, headers=self._headers, timeout=self._timeout) as resp:
                data = await _read_json(resp)
                if 200 <= resp.status < 300:
                    return [m for m in data if isinstance(m, dict)] if isinstance(data, list) else []
                raise _error_for(resp.status, resp.headers, data, channel_id)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _network_error(channel_id, exc) from exc

    async def _wait_for_bucket(self, channel_id: int) -> None:
        wait = self._blocked_until.get(channel_id, 0.0) - time.monotonic()
        if wait <= 0:
            return
        if wait > INLINE_WAIT_MAX:
            raise DeliveryError(f"Discord channel {channel_id}: rate limit bucket exhausted", retry_after=wait)
        await asyncio.sleep(wait)

    def _remember_bucket(self, channel_id: int, headers: Any) -> None:
        if headers.get("X-RateLimit-Remaining") != "0":
            return
        reset_after = _float(headers.get("X-RateLimit-Reset-After"))
        if reset_after is not None:
            self._blocked_until[channel_id] = time.monotonic() + reset_after


async def _read_json(resp: aiohttp.ClientResponse) -> Any:
    text = await resp.text(errors="replace")
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text[:300]


def _float(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def _network_error(channel_id: int, exc: BaseException) -> DeliveryError:
    """A transport failure; unless the connection was never made, Discord may have acted on the request."""
    never_sent = isinstance(exc, aiohttp.ClientConnectorError)
    what = f"Discord channel {channel_id}: network error: {type(exc).__name__}: {exc}"
    return DeliveryError(what, maybe_sent=not never_sent)


def _error_for(status: int, headers: Any, data: Any, channel_id: int) -> DeliveryError:
    message = data.get("message") if isinstance(data, dict) else data
    code = data.get("code") if isinstance(data, dict) else None
    what = f"Discord channel {channel_id}: HTTP {status}" + (f" code {code}" if code else "") + f": {message}"
    if status == 429:
        retry_after = _float(data.get("retry_after")) if isinstance(data, dict) else None
        if retry_after is None:
            retry_after = _float(headers.get("Retry-After"))
        return DeliveryError(what, retry_after=retry_after if retry_after is not None else 5.0)
    if status in PERMANENT_STATUSES:
        return DeliveryError(what, permanent=True)  # no access, no channel, or a payload Discord refuses
    # 5xx (the message may have been created before the error), 401 (token may be fixed), anything else
    return DeliveryError(what, maybe_sent=status >= 500)


def _parse_time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def is_alert_message(message: dict[str, Any], payload: dict[str, Any]) -> bool:
    """Whether a channel message is the one PAYLOAD posts: same nonce, or same embed footer and timestamp.

    Discord does not keep nonces on stored messages, so the embed marker is what finds older posts;
    the timestamp (the alert's creation time) tells apart alerts with the same id from another store.
    """
    if message.get("nonce") is not None and message.get("nonce") == payload.get("nonce"):
        return True
    ours = (payload.get("embeds") or [{}])[0]
    footer = (ours.get("footer") or {}).get("text")
    stamp = _parse_time(ours.get("timestamp"))
    if not footer or stamp is None:
        return False
    for embed in message.get("embeds") or []:
        if not isinstance(embed, dict) or (embed.get("footer") or {}).get("text") != footer:
            continue
        theirs = _parse_time(embed.get("timestamp"))
        if theirs is not None and abs((theirs - stamp).total_seconds()) < 1.0:
            return True
    return False


class DiscordSink:
    """One route: a channel plus its label/country filters and optional role to mention."""

    def __init__(self, route: DiscordRoute, poster: ChannelPoster, *, name: str | None = None) -> None:
        self._route = route
        self._poster = poster
        self._name = name or f"discord:{route.channel_id}"
        self._filter = RouteFilter.of(route.labels, route.countries)

    @property
    def name(self) -> str:
        """Stable identity for the outbox: `discord:<channel_id>`."""
        return self._name

    @property
    def channel_id(self) -> int:
        """The channel this sink posts to."""
        return self._route.channel_id

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """Feed-health notices go everywhere; findings and status changes follow the route filters."""
        return self._filter.accepts(kind=kind, label=label, country=country)

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        """Post the alert once; DeliveryError tells the outbox whether and when to retry.

        With `possibly_sent`, look in the channel first and do not post what is already there.
        """
        payload = alert_payload(alert, self._route)
        if possibly_sent:
            found = await self._find_posted(alert, payload)
            if found is not None:
                log.info(
                    "discord alert was already posted by an earlier attempt; not posting again",
                    extra={"sink": self._name, "alert_id": alert.id, "message_id": found.get("id")},
                )
                return
        data = await self._poster.post(self._route.channel_id, payload)
        log.debug(
            "discord alert posted",
            extra={"sink": self._name, "alert_id": alert.id, "message_id": data.get("id")},
        )

    async def _find_posted(self, alert: Alert, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Our earlier message for this alert among the recent ones, or None when it is not there.

        Reads newest first, back to shortly before the alert was created, at most HISTORY_PAGES pages.
        A transient failure is raised with `maybe_sent` (the question stays open); a permanent one
        (no Read Message History permission) is logged and the post goes ahead, because blocking the
        channel for good is worse than a possible duplicate (Discord's nonce still catches recent ones).
        """
        channel = self._route.channel_id
        floor = alert.created_at - HISTORY_SKEW
        before: str | None = None
        try:
            for _ in range(HISTORY_PAGES):
                page = await self._poster.recent_messages(channel, limit=HISTORY_PAGE, before=before)
                found = next((m for m in page if is_alert_message(m, payload)), None)
                if found is not None:
                    return found
                oldest = _parse_time(page[-1].get("timestamp")) if page else None
                if len(page) < HISTORY_PAGE or (oldest is not None and oldest < floor) or not page[-1].get("id"):
                    return None
                before = str(page[-1]["id"])
        except DeliveryError as exc:
            history_check_failed(
                exc, platform="discord", sink=self._name, alert_id=alert.id, hint="needs Read Message History"
            )
            return None
        log.warning(
            "discord channel history longer than the check reads; posting",
            extra={"sink": self._name, "alert_id": alert.id, "messages_read": HISTORY_PAGE * HISTORY_PAGES},
        )
        return None
