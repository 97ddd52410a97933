"""One outbox sink per Slack route: filter by label and country, post once, classify failures.

The outbox owns retries (with backoff, honouring Retry-After), so `send` makes exactly one
attempt: the client it uses has no slack_sdk retry handlers, and every failure becomes a
DeliveryError that says whether trying again can help.

Slack has no idempotency key for chat.postMessage, so every post carries message metadata naming
the alert (`stcwatch_alert`: alert id and a per-store, per-route `dedupe` token). When the outbox
says an earlier attempt may have landed (`possibly_sent`: a crash or lost response), the sink reads
the channel's history since shortly before the alert was created and skips the post if it is there.
Reading history needs the `channels:history` (or `groups:history`) scope and a channel *ID* route.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.mrkdwn import mention as parse_mention
from bot.adapters.slack.render import render_alert
from bot.config import SlackRoute
from bot.errors import DeliveryError
from bot.models import Alert
from bot.service.notify import RouteFilter, delivery_key, history_check_failed

log = logging.getLogger(__name__)

# Slack errors that go away on their own; anything else with ok=false needs a person (or a code fix).
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
# Errors after which Slack says "some aspect of the operation may have succeeded".
MAYBE_DONE_ERRORS = frozenset({"internal_error", "fatal_error"})
EVENT_TYPE = "stcwatch_alert"
HISTORY_LIMIT = 100  # messages per conversations.history page
HISTORY_PAGES = 3  # pages read at most when checking whether an alert was already posted
HISTORY_SKEW = timedelta(minutes=10)  # read back to this long before the alert was created (clock skew)


def alert_dedupe(alert: Alert, sink_name: str) -> str:
    """Stable per alert, store (creation time) and route, so two routes into one channel stay apart."""
    return delivery_key(alert, sink_name)


def alert_metadata(alert: Alert, sink_name: str) -> dict[str, Any]:
    """Slack message metadata identifying the alert (invisible to people, returned by history)."""
    return {"event_type": EVENT_TYPE, "event_payload": {"alert_id": alert.id, "dedupe": alert_dedupe(alert, sink_name)}}


def is_alert_message(message: object, dedupe: str) -> bool:
    """Whether a history message carries our metadata with this dedupe token."""
    if not isinstance(message, dict):
        return False
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != EVENT_TYPE:
        return False
    payload = metadata.get("event_payload")
    return isinstance(payload, dict) and payload.get("dedupe") == dedupe


class SlackSink:
    """Posts alerts for one route to its channel."""

    def __init__(self, client: AsyncWebClient, route: SlackRoute, *, name: str | None = None) -> None:
        self._client = client
        self._route = route
        self._name = name or f"slack:{route.channel}"
        self._filter = RouteFilter.of(route.labels, route.countries)
        self._mention = parse_mention(route.mention)
        if route.mention and self._mention is None:
            log.warning(
                "slack route mention is not a user group id (S...); alerts go out without a mention",
                extra={"channel": route.channel, "mention": route.mention},
            )

    @property
    def name(self) -> str:
        """`slack:<channel>`, stored with each delivery."""
        return self._name

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        """Feed health goes to every route; other alerts by the route's labels and countries."""
        return self._filter.accepts(kind=kind, label=label, country=country)

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        """One chat.postMessage; raise DeliveryError (retry_after / permanent / maybe_sent) on failure.

        With `possibly_sent`, look in the channel's history first and do not post what is already there.
        """
        metadata = alert_metadata(alert, self._name)
        if possibly_sent and await self._already_posted(alert, metadata["event_payload"]["dedupe"]):
            log.info(
                "slack alert was already posted by an earlier attempt; not posting again",
                extra={"sink": self._name, "alert_id": alert.id},
            )
            return
        message = render_alert(alert, mention=self._mention)
        try:
            await self._client.chat_postMessage(
                channel=self._route.channel,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata=metadata,
            )
        except SlackApiError as exc:
            raise classify(exc, self._route.channel) from exc
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise network_error(self._route.channel, exc) from exc

    async def _already_posted(self, alert: Alert, dedupe: str) -> bool:
        """Whether our message for this alert is in the channel's history since shortly before its creation.

        A transient failure is raised with `maybe_sent` (the question stays open, the outbox retries);
        a permanent one (missing history scope, channel given by name) is logged and the post goes
        ahead: blocking the route for good is worse than a possible duplicate.
        """
        channel = self._route.channel
        oldest = f"{(alert.created_at - HISTORY_SKEW).timestamp():.6f}"
        cursor: str | None = None
        try:
            for _ in range(HISTORY_PAGES):
                response = await self._client.conversations_history(
                    channel=channel, include_all_metadata=True, limit=HISTORY_LIMIT, oldest=oldest, cursor=cursor
                )
                if any(is_alert_message(m, dedupe) for m in response.get("messages") or []):
                    return True
                cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
                if not response.get("has_more") or cursor is None:
                    return False
        except (SlackApiError, aiohttp.ClientError, TimeoutError, OSError) as exc:
            error = classify(exc, channel) if isinstance(exc, SlackApiError) else network_error(channel, exc)
            history_check_failed(
                error,
                platform="slack",
                sink=self._name,
                alert_id=alert.id,
                hint="needs channels:history and a channel ID",
            )
            return False
        log.warning(
            "slack channel history longer than the check reads; posting",
            extra={"sink": self._name, "alert_id": alert.id, "messages_read": HISTORY_LIMIT * HISTORY_PAGES},
        )
        return False


def network_error(channel: str, exc: BaseException) -> DeliveryError:
    """A transport failure; unless the connection was never made, Slack may have acted on the request."""
    never_sent = isinstance(exc, aiohttp.ClientConnectorError)
    detail = f"{type(exc).__name__}: {exc}"
    return DeliveryError(f"slack {channel}: network error: {detail}", maybe_sent=not never_sent)


def classify(exc: SlackApiError, channel: str) -> DeliveryError:
    """Map a Slack API failure to a DeliveryError the outbox can act on."""
    response = exc.response
    status = int(getattr(response, "status_code", 0) or 0)
    data = getattr(response, "data", None)
    error = str(data.get("error", "")) if isinstance(data, dict) else ""
    where = f"slack {channel}"
    if status == 429 or error in ("ratelimited", "rate_limited"):
        return DeliveryError(f"{where}: rate limited", retry_after=retry_after(response))
    if status >= 500 or status == 408 or error in TRANSIENT_ERRORS:
        maybe_sent = status >= 500 or error in MAYBE_DONE_ERRORS  # the post may exist despite the error
        return DeliveryError(f"{where}: Slack answered HTTP {status} {error}".rstrip(), maybe_sent=maybe_sent)
    detail = error or f"HTTP {status}"
    return DeliveryError(f"{where}: {detail}", permanent=True)


def retry_after(response: object) -> float | None:
    """Seconds from the Retry-After header, if Slack sent a usable one."""
    headers = getattr(response, "headers", None) or {}
    value = None
    for key in ("Retry-After", "retry-after"):
        if key in headers:
            value = headers[key]
            break
    try:
        seconds = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return seconds if seconds is not None and seconds >= 0 else None
