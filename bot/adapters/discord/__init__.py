"""Discord adapter: alerts as embeds in routed channels, `/agreements` and `/feeds` slash commands.

Only this package imports discord.py. Start it with `start_discord(settings, token, query)`; the
returned `DiscordAdapter` answers commands in the background and gives the outbox one Sink per route.
"""

from __future__ import annotations

import warnings

# discord.py imports the stdlib `audioop` (voice support we never use), which warns on Python 3.11+;
# silence exactly that warning here, where every import of discord.py in the bot starts, so
# `-W error` keeps meaning "our code warns".
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord  # noqa: F401

from bot.adapters.discord.client import (
    DiscordAdapter,
    DiscordStartupError,
    StcwatchClient,
    start_discord,
)
from bot.adapters.discord.sink import DiscordSink

__all__ = ["DiscordAdapter", "DiscordSink", "DiscordStartupError", "StcwatchClient", "start_discord"]
