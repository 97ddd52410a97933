"""Slash commands `/agreements [country] [page]` and `/feeds`, answered from the QueryService.

Discord drops an interaction that is not acknowledged within 3 s. Queries run in a worker thread; if
one has not finished after `DEFER_AFTER` seconds we defer (the user sees "thinking…") and edit the
answer in when it arrives. Every failure ends as a short ephemeral message and a log line, never silence.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.adapters.discord.render import render_answer, render_feeds, render_not_found
from bot.adapters.discord.text import clip
from bot.service.answers import DEAL_TYPES, NotFoundAnswer, QueryService, flag

log = logging.getLogger(__name__)

T = TypeVar("T")
Interaction = discord.Interaction[discord.Client]

DEFER_AFTER = 2.0  # seconds a query may take before we defer; Discord's window is 3 s
AUTOCOMPLETE_TIMEOUT = 2.0  # autocomplete cannot be deferred: answer nothing rather than late
ERROR_TEXT = "Sorry, something went wrong while answering. The error was logged; please try again later."
NO_MENTIONS = discord.AllowedMentions.none()


def _context(interaction: Interaction) -> dict[str, Any]:
    command = interaction.command.qualified_name if interaction.command else None
    return {"command": command, "interaction_id": interaction.id, "guild_id": interaction.guild_id,
            "user_id": interaction.user.id if interaction.user else None}


async def compute(interaction: Interaction, fn: Callable[[], T], *, ephemeral: bool = False) -> T:
    """Run a blocking query off the event loop, deferring the interaction if it is slow."""
    task = asyncio.ensure_future(asyncio.to_thread(fn))
    task.add_done_callback(_retrieve)  # no "never retrieved" noise if the defer fails and we stop waiting
    try:
        return await asyncio.wait_for(asyncio.shield(task), DEFER_AFTER)
    except TimeoutError:
        log.info("query slow, deferring interaction", extra=_context(interaction))
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    return await task


def _retrieve(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()


async def reply(
    interaction: Interaction,
    *,
    content: str | None = None,
    embed: discord.Embed | None = None,
    ephemeral: bool = False,
) -> None:
    """Answer, or fill in the deferred "thinking…" message (whose visibility was fixed when deferring)."""
    if not interaction.response.is_done():
        await interaction.response.send_message(
            content, embed=embed or discord.utils.MISSING, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
        return
    await interaction.edit_original_response(
        content=content, embeds=[embed] if embed else [], allowed_mentions=NO_MENTIONS
    )


async def reply_error(interaction: Interaction, text: str = ERROR_TEXT) -> None:
    """Best effort: tell the user something failed; log if even that is impossible."""
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        try:
            await interaction.edit_original_response(content=text, embeds=[], allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except (discord.HTTPException, discord.ClientException):
        log.exception("could not send the error message", extra=_context(interaction))


class StcwatchTree(app_commands.CommandTree[discord.Client]):
    """Command tree whose error handler always answers the user."""

    async def on_error(self, interaction: Interaction, error: app_commands.AppCommandError, /) -> None:
        """Log with context, then send a short ephemeral message."""
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        log.error("slash command failed", exc_info=cause, extra=_context(interaction))
        if isinstance(error, app_commands.CommandNotFound):
            await reply_error(interaction, "This command is not available any more; it may be re-registering.")
            return
        if isinstance(error, app_commands.TransformerError):
            await reply_error(interaction, "I could not understand one of the options.")
            return
        await reply_error(interaction)


def build_commands(query: QueryService) -> list[app_commands.Command[Any, ..., None]]:
    """The bot's slash commands, bound to one QueryService."""

    @app_commands.command(name="agreements", description="Safe third country deal status, timeline and news")
    @app_commands.describe(
        country="Country name or ISO code (e.g. Honduras, HN); leave empty for the overview",
        page="Page of the timeline (or of the overview) to show",
        deal_type="Overview: only this kind of arrangement",
    )
    @app_commands.choices(deal_type=[app_commands.Choice(name=words, value=value) for value, words in DEAL_TYPES])
    async def agreements(
        interaction: Interaction,
        country: app_commands.Range[str, 1, 100] | None = None,
        page: app_commands.Range[int, 1, 100] = 1,
        deal_type: app_commands.Choice[str] | None = None,
    ) -> None:
        wanted = deal_type.value if deal_type is not None else None
        answer = await compute(interaction, lambda: query.agreements(country, deal_type=wanted))
        if isinstance(answer, NotFoundAnswer):
            await reply(interaction, content=render_not_found(answer), ephemeral=True)
            return
        await reply(interaction, embed=render_answer(answer, page))

    @agreements.autocomplete("country")
    async def country_choices(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            pairs = await asyncio.wait_for(
                asyncio.to_thread(query.complete_country, current[:100], limit=25), AUTOCOMPLETE_TIMEOUT
            )
        except Exception:
            log.exception("country autocomplete failed", extra=_context(interaction))
            return []
        return [
            app_commands.Choice(name=clip(f"{flag(code)} {name} ({code})".strip(), 100), value=code)
            for code, name in pairs[:25]
        ]

    @app_commands.command(name="feeds", description="Health of every watched news feed")
    async def feeds(interaction: Interaction) -> None:
        states = await compute(interaction, query.feed_health, ephemeral=True)
        await reply(interaction, embed=render_feeds(states), ephemeral=True)

    return [agreements, feeds]
