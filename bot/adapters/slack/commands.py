"""Slash commands: ack at once, answer from the query service, never leave the user in silence.

Slack wants the ack within 3 seconds. Handlers call `ack()`, wait until bolt has written it to the
socket (acks.py), and only then query, so the answer always follows the ack, through the
command's response_url (ephemeral).
If that fails, chat.postEphemeral is tried; if answering itself fails, the user gets a short
error and the details go to the log.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.acks import AckSignals, trigger_id
from bot.adapters.slack.mrkdwn import esc, section
from bot.adapters.slack.render import Message, render_answer, render_error, render_feeds, render_suggestions
from bot.errors import LookupFailed
from bot.service.answers import QueryService

log = logging.getLogger(__name__)

AGREEMENTS = "/agreements"
FEEDS = "/feeds"


def register_commands(app: AsyncApp, query: QueryService, acks: AckSignals) -> None:
    """Attach `/agreements [country]` and `/feeds` to the app; each waits for its ack to go out."""

    async def agreements(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
        await ack()
        await acks.wait(trigger_id(command))
        text = str(command.get("text") or "").strip()
        await _answer(AGREEMENTS, command, respond, client, lambda: _agreements(query, text))

    async def feeds(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
        await ack()
        await acks.wait(trigger_id(command))
        await _answer(FEEDS, command, respond, client, lambda: render_feeds(query.feed_health()))  # in a thread

    app.command(AGREEMENTS)(agreements)
    app.command(FEEDS)(feeds)


def _agreements(query: QueryService, text: str) -> Message:
    """Runs in a worker thread (see `_answer`): the chat query service has its own store connection and
    takes one call at a time, so a slow answer never holds the event loop (Socket Mode acks, the poller)."""
    deal_type, country = _deal_filter(text)
    try:
        return render_answer(query.agreements(country, deal_type=deal_type))
    except LookupFailed as exc:
        return render_suggestions(exc.query, exc.suggestions)
    except ValueError as exc:  # an unknown deal type
        return Message(text=str(exc), blocks=[section(esc(str(exc), 500))])


def _deal_filter(text: str) -> tuple[str | None, str | None]:
    """`type:transit` (anywhere in the text) filters the overview; the rest is the country."""
    words = text.split()
    deal = next((w.split(":", 1)[1] for w in words if w.lower().startswith("type:")), None)
    rest = " ".join(w for w in words if not w.lower().startswith("type:"))
    return deal or None, rest or None


async def _answer(
    name: str,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    build: Callable[[], Message],
) -> None:
    fields = {
        "command": name,
        "user_id": command.get("user_id"),
        "channel_id": command.get("channel_id"),
        "text": command.get("text"),
    }
    try:
        message = await asyncio.to_thread(build)  # store reads off the event loop
    except Exception:
        log.exception("slack command failed", extra=fields)
        message = render_error(name)
    if await _via_response_url(respond, message, fields):
        return
    await _via_ephemeral(client, command, message, fields)


async def _via_response_url(respond: AsyncRespond, message: Message, fields: dict[str, Any]) -> bool:
    try:
        result = await respond(
            text=message.text, blocks=message.blocks, response_type="ephemeral", replace_original=False
        )
    except Exception:
        log.exception("slack response_url post failed", extra=fields)
        return False
    if result.status_code != 200:
        log.warning(
            "slack response_url refused the answer",
            extra={**fields, "status": result.status_code, "body": result.body[:200]},
        )
        return False
    return True


async def _via_ephemeral(
    client: AsyncWebClient, command: dict[str, Any], message: Message, fields: dict[str, Any]
) -> None:
    channel, user = command.get("channel_id"), command.get("user_id")
    if not channel or not user:
        log.error("slack answer lost: no response_url and no channel/user to fall back to", extra=fields)
        return
    try:
        await client.chat_postEphemeral(channel=channel, user=user, text=message.text, blocks=message.blocks)
    except Exception:
        log.exception("slack answer could not be delivered at all", extra=fields)
