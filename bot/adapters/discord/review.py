"""Review buttons on Discord finding alerts: correct / wrong, then the right label; reviewers only.

Every finding alert carries two buttons (custom ids `stcwatch:review:ok:<finding id>` and `...:wrong:<id>`).
"Wrong" swaps them, on the alert itself, for a menu of the right labels (and a way back). Only members with
the configured reviewer role may press them; anyone else gets an ephemeral refusal and the message stays as
it is. After a review the alert is edited in place (UPDATE_MESSAGE) to show the verdict and the reviewer,
without buttons. The review itself runs in a worker thread (it writes the store and may queue a status
change alert, which the outbox then posts like any other).
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord

from bot.adapters.discord.text import escape
from bot.service.review import ReviewError, ReviewOutcome, ReviewService, verdict_text

log = logging.getLogger(__name__)

PREFIX = "stcwatch:review"
_CUSTOM_ID = re.compile(rf"^{PREFIX}:(ok|wrong|label|back):(\d{{1,18}})$")
RIGHT_LABELS = (
    ("CLAIM", "Claim: someone else says it signed"),
    ("CONFIRMED", "Confirmed: its own government says so"),
    ("DENIAL", "Denial: its officials deny or refuse"),
    ("MENTION", "Mention: topic only, nothing new"),
    ("IRRELEVANT", "Not about such a deal at all"),
)
REFUSAL = "Only members with the reviewer role can review findings."
NOT_CONFIGURED = "Reviews from Discord are off: no reviewer role is configured ([discord] reviewer_role_id)."
VERDICT_FIELD = "Review"

Interaction = discord.Interaction[discord.Client]


def review_components(finding_id: int) -> list[dict[str, Any]]:
    """The action row of a finding alert (raw JSON: alerts are posted through our own REST call)."""
    return [
        {
            "type": 1,
            "components": [
                {"type": 2, "style": 3, "label": "Correct", "custom_id": f"{PREFIX}:ok:{finding_id}"},
                {"type": 2, "style": 4, "label": "Wrong", "custom_id": f"{PREFIX}:wrong:{finding_id}"},
            ],
        }
    ]


def parse_custom_id(custom_id: str) -> tuple[str, int] | None:
    """(action, finding id) for one of our review components, else None."""
    match = _CUSTOM_ID.match(custom_id)
    return (match.group(1), int(match.group(2))) if match else None


def _label_view(finding_id: int) -> discord.ui.View:
    """The menu of right labels and a Back button; stopped at once so discord.py never dispatches it itself."""
    view = discord.ui.View(timeout=None)
    select: discord.ui.Select[discord.ui.View] = discord.ui.Select(
        custom_id=f"{PREFIX}:label:{finding_id}",
        placeholder="What does the article really say?",
        options=[discord.SelectOption(label=text, value=value) for value, text in RIGHT_LABELS],
    )
    view.add_item(select)
    view.add_item(discord.ui.Button(label="Back", custom_id=f"{PREFIX}:back:{finding_id}"))
    view.stop()
    return view


def _buttons_view(finding_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Button(label="Correct", style=discord.ButtonStyle.success,
                                    custom_id=f"{PREFIX}:ok:{finding_id}"))
    view.add_item(discord.ui.Button(label="Wrong", style=discord.ButtonStyle.danger,
                                    custom_id=f"{PREFIX}:wrong:{finding_id}"))
    view.stop()
    return view


def _role_ids(user: discord.User | discord.Member) -> set[int]:
    """The member's role ids as Discord sent them with the interaction (the guild's role list may not be
    cached: with only the guilds intent, `Member.roles` can come back empty)."""
    raw = getattr(user, "_roles", None) or []
    return {int(r) for r in raw} | {r.id for r in getattr(user, "roles", [])}


def verdict_embed(message: discord.Message | None, outcome: ReviewOutcome) -> discord.Embed | None:
    """The alert's embed with the verdict as its last field (replacing an earlier verdict)."""
    if message is None or not message.embeds:
        return None
    embed = message.embeds[0].copy()
    kept = [f for f in embed.fields if f.name != VERDICT_FIELD]
    embed.clear_fields()
    for f in kept[:24]:
        embed.add_field(name=f.name, value=f.value, inline=f.inline)
    embed.add_field(name=VERDICT_FIELD, value=escape(verdict_text(outcome), 1000), inline=False)
    return embed


class ReviewHandler:
    """Answers review component interactions; knows nothing of the store beyond the ReviewService."""

    def __init__(self, reviews: ReviewService | None, role_id: int | None) -> None:
        self._reviews = reviews
        self._role_id = role_id

    async def handle(self, interaction: Interaction) -> bool:
        """Handle one of our components; False when the interaction is not ours."""
        if interaction.type is not discord.InteractionType.component or not interaction.data:
            return False
        parsed = parse_custom_id(str(interaction.data.get("custom_id", "")))
        if parsed is None:
            return False
        action, finding_id = parsed
        try:
            await self._dispatch(interaction, action, finding_id)
        except Exception:
            log.exception("review interaction failed", extra={"finding_id": finding_id, "action": action})
            await self._ephemeral(interaction, "Sorry, the review could not be saved. The error was logged.")
        return True

    async def _dispatch(self, interaction: Interaction, action: str, finding_id: int) -> None:
        if self._reviews is None or self._role_id is None:
            await self._ephemeral(interaction, NOT_CONFIGURED)
            return
        if self._role_id not in _role_ids(interaction.user):
            log.info("review refused: not a reviewer", extra={"user_id": interaction.user.id, "finding_id": finding_id})
            await self._ephemeral(interaction, REFUSAL)
            return
        if action == "wrong":
            await interaction.response.edit_message(view=_label_view(finding_id))
            return
        if action == "back":
            await interaction.response.edit_message(view=_buttons_view(finding_id))
            return
        by = f"{interaction.user.display_name} (Discord)"
        reviews = self._reviews
        if action == "ok":
            call = lambda: reviews.accept(finding_id, by=by)  # noqa: E731
        else:
            data: dict[str, Any] = dict(interaction.data or {})
            values = data.get("values") or []
            label = str(values[0]) if values else "IRRELEVANT"
            call = lambda: reviews.reject(finding_id, by=by, label=label)  # noqa: E731
        try:
            outcome = await asyncio.to_thread(call)
        except ReviewError as exc:
            await self._ephemeral(interaction, f"Cannot review: {exc}")
            return
        embed = verdict_embed(interaction.message, outcome)
        if embed is None:
            await interaction.response.edit_message(content=escape(verdict_text(outcome), 1900), view=None)
        else:
            await interaction.response.edit_message(embed=embed, view=None)
        log.info("finding reviewed from Discord", extra={"finding_id": finding_id, "user_id": interaction.user.id})

    @staticmethod
    async def _ephemeral(interaction: Interaction, text: str) -> None:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
            return
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
