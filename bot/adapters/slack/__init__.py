"""Slack adapter: Block Kit rendering, slash commands over Socket Mode, one alert sink per route.

Only this package imports slack_bolt / slack_sdk; the rest of the bot sees `start_slack`,
`SlackAdapter.sinks()` and `SlackAdapter.close()`.
"""

from __future__ import annotations

from bot.adapters.slack.app import SlackAdapter, SlackConnectError, start_slack
from bot.adapters.slack.sink import SlackSink

__all__ = ["SlackAdapter", "SlackConnectError", "SlackSink", "start_slack"]
