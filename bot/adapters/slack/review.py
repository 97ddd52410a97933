"""Review buttons on Slack finding alerts: correct / wrong, then the right label; one user group only.

Every finding alert ends with an `actions` block (block_id `stcwatch_review`): Correct and Wrong buttons
whose value is the finding id. Wrong swaps them, on the alert itself (chat.update), for a menu of the right
labels and a Back button. Only members of the configured user group may use them (checked with
usergroups.users.list, scope `usergroups:read`); anyone else gets an ephemeral refusal through the action's
response_url and the message stays as it is. After a review the alert is edited (chat.update, which only
works on the bot's own messages) to show the verdict and the reviewer instead of the buttons.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.acks import AckSignals, trigger_id
from bot.adapters.slack.mrkdwn import Block, context, esc
from bot.adapters.slack.review_blocks import BLOCK_ID, label_block, review_block
from bot.service.review import ReviewError, ReviewService, verdict_text

log = logging.getLogger(__name__)

ACTIONS = re.compile(r"^stcwatch_review_(ok|wrong|label|back)$")
REFUSAL = "Only members of the reviewer user group can review findings."
NOT_CONFIGURED = "Reviews from Slack are off: no reviewer user group is configured ([slack] reviewer_usergroup)."
_ID = re.compile(r"^\d{1,18}$")


def _without_review(blocks: object) -> list[Block]:
    if not isinstance(blocks, list):
        return []
    return [b for b in blocks if isinstance(b, dict) and b.get("block_id") != BLOCK_ID]


def _parse(action: dict[str, Any]) -> tuple[str, int, str | None] | None:
    """(action, finding id, right label) from one block action, else None."""
    match = ACTIONS.match(str(action.get("action_id", "")))
    if match is None:
        return None
    kind = match.group(1)
    if kind == "label":
        raw = str((action.get("selected_option") or {}).get("value", ""))
        fid, _, label = raw.partition(":")
        return (kind, int(fid), label or None) if _ID.match(fid) else None
    value = str(action.get("value", ""))
    return (kind, int(value), None) if _ID.match(value) else None


class SlackReviews:
    """Handles our block actions; knows nothing of the store beyond the ReviewService."""

    def __init__(self, reviews: ReviewService | None, usergroup: str | None) -> None:
        self._reviews = reviews
        self._usergroup = usergroup

    def register(self, app: AsyncApp, acks: AckSignals) -> None:
        """Attach the action listener; every action is acked before any work."""

        async def on_action(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
            await ack()
            await acks.wait(trigger_id(body))
            try:
                await self.handle(body, respond, client)
            except Exception:
                log.exception("slack review action failed")
                await _ephemeral(respond, "Sorry, the review could not be saved. The error was logged.")

        app.action(ACTIONS)(on_action)

    async def handle(self, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient) -> None:
        """One click: check the group, then swap buttons, or store the review and edit the alert."""
        actions = body.get("actions") or []
        parsed = _parse(actions[0]) if actions and isinstance(actions[0], dict) else None
        if parsed is None:
            return
        kind, finding_id, label = parsed
        user = body.get("user") or {}
        user_id = str(user.get("id") or "")
        if self._reviews is None or self._usergroup is None:
            await _ephemeral(respond, NOT_CONFIGURED)
            return
        if not await self._is_reviewer(client, user_id):
            log.info("review refused: not in the reviewer group", extra={"user_id": user_id, "finding_id": finding_id})
            await _ephemeral(respond, REFUSAL)
            return
        message = body.get("message") or {}
        channel = str((body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id"))
        ts = str((body.get("container") or {}).get("message_ts") or message.get("ts"))
        kept = _without_review(message.get("blocks"))
        text = str(message.get("text") or "stcwatch alert")
        if kind in ("wrong", "back"):
            swap = label_block(finding_id) if kind == "wrong" else review_block(finding_id)
            await client.chat_update(channel=channel, ts=ts, blocks=[*kept, swap], text=text)
            return
        by = f"{user.get('name') or user.get('username') or user_id} (Slack)"
        reviews = self._reviews
        try:
            if kind == "ok":
                outcome = await asyncio.to_thread(reviews.accept, finding_id, by=by)
            else:
                outcome = await asyncio.to_thread(reviews.reject, finding_id, by=by, label=label or "IRRELEVANT")
        except ReviewError as exc:
            await _ephemeral(respond, f"Cannot review: {exc}")
            return
        verdict = context(("✅ " if kind == "ok" else "❌ ") + esc(verdict_text(outcome), 2900))
        await client.chat_update(channel=channel, ts=ts, blocks=[*kept, verdict], text=text)
        log.info("finding reviewed from Slack", extra={"finding_id": finding_id, "user_id": user_id})

    async def _is_reviewer(self, client: AsyncWebClient, user_id: str) -> bool:
        """Whether the user is in the reviewer group right now (asked each time: membership changes)."""
        try:
            response = await client.usergroups_users_list(usergroup=str(self._usergroup))
        except SlackApiError as exc:
            log.warning("cannot read the reviewer user group (needs usergroups:read)", extra={"error": str(exc)})
            return False
        users = response.get("users") or []
        return bool(user_id) and user_id in users


async def _ephemeral(respond: AsyncRespond, text: str) -> None:
    await respond(text=text, response_type="ephemeral", replace_original=False)
