"""One outbox sink per Slack route: filter by label and country, post once, classify failures.

The outbox owns retries (with backoff, honouring Retry-After), so `send` makes exactly one
attempt: the client it uses has no slack_sdk retry handlers, and every failure becomes a
DeliveryError that says whether trying again can help.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.mrkdwn import mention as parse_mention
from bot.adapters.slack.render import render_alert
from bot.config import SlackRoute
from bot.errors import DeliveryError
from bot.models import Alert

log = logging.getLogger(__name__)

# Slack errors that go away on their own; anything else with ok=false needs a person (or a code fix).
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


class SlackSink:
    """Posts alerts for one route to its channel."""

    def __init__(self, client: AsyncWebClient, route: SlackRoute, *, name: str | None = None) -> None:
        self._client = client
        self._route = route
        self._name = name or f"slack:{route.channel}"
        self._labels = {label.upper() for label in route.labels}
        self._countries = {c.upper() for c in route.countries}
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
        if kind == "feed_health":
            return True
        if label.upper() not in self._labels:
            return False
        if not self._countries:
            return True
        return country is not None and country.upper() in self._countries

    async def send(self, alert: Alert) -> None:
        """One chat.postMessage; raise DeliveryError (retry_after / permanent) on failure."""
        message = render_alert(alert, mention=self._mention)
        try:
            await self._client.chat_postMessage(
                channel=self._route.channel,
                text=message.text,
                blocks=message.blocks,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            raise classify(exc, self._route.channel) from exc
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise DeliveryError(f"slack {self._route.channel}: network error: {detail}") from exc


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
        return DeliveryError(f"{where}: Slack answered HTTP {status} {error}".rstrip())
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
