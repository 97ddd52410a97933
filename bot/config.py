"""Typed settings: a TOML file validated on load, secrets only from the environment.

Every error names the file, the key and what is wrong, so a bad config fails fast at startup
instead of half-way through a poll cycle.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.errors import ConfigError

CONFIG_ENV = "STCWATCH_CONFIG"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, None: 1.0}


def parse_duration(value: object) -> float:
    """Accept seconds as a number or a string such as "90s", "15m", "2h"."""
    if isinstance(value, bool):
        raise ValueError('expected a duration such as 600, "10m" or "2h"')
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.match(value)):
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    else:
        raise ValueError(f'expected a duration such as 600, "10m" or "2h", got {value!r}')
    if seconds <= 0:
        raise ValueError("must be greater than zero")
    return seconds


Duration = Annotated[float, BeforeValidator(parse_duration)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoreSettings(_Section):
    """Where the SQLite store lives, and how long article bodies and finished deliveries are kept."""

    path: str = "stcwatch.db"
    keep_articles: Duration | None = None  # None: keep everything

    @field_validator("keep_articles")
    @classmethod
    def _at_least_a_day(cls, value: float | None) -> float | None:
        if value is not None and value < 86400.0:
            raise ValueError('must be at least a day, such as "180d"')
        return value


class HttpSettings(_Section):
    """Limits every feed fetch obeys, so one bad server cannot hold the bot."""

    timeout: Duration = 20.0
    max_bytes: int = Field(default=5_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0, le=20)
    user_agent: str = "stcwatch/0.1 (+https://github.com/stcwatch/stcwatch; news monitoring bot)"
    concurrency: int = Field(default=64, ge=1, le=512)
    per_host_concurrency: int = Field(default=4, ge=1, le=64)


class PollSettings(_Section):
    """How often feeds are polled and how failures back off."""

    default_interval: Duration = 600.0
    jitter: float = Field(default=0.1, ge=0.0, le=0.5)
    max_backoff: Duration = 6 * 3600.0
    tick: Duration = 15.0
    first_poll_max_age: Duration = 48 * 3600.0
    failure_notice_after: int = Field(default=5, ge=1)
    workers: int = Field(default=1, ge=0, le=8)  # processes that parse and classify; 0 = on the event loop


class FeedSettings(_Section):
    """One news feed to watch."""

    name: str = Field(min_length=1)
    url: str
    interval: Duration | None = None
    lang: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError(f"must be an http(s) URL, got {value!r}")
        return value

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[a-z]{2}", value):
            raise ValueError(f'must be a two-letter language code such as "en" or "es", got {value!r}')
        return value


class RulesSettings(_Section):
    """Rule files; empty means the rule set shipped with the package."""

    paths: list[str] = Field(default_factory=list)
    reload: bool = True


class ConsoleSettings(_Section):
    """Console output; on by default when no chat adapter is enabled."""

    enabled: bool | None = None


DEFAULT_ROUTE_LABELS = ["CLAIM", "CONFIRMED", "DENIAL", "STATUS_CHANGE"]
ALERT_LABELS = {"CLAIM", "CONFIRMED", "DENIAL", "STATUS_CHANGE", "FEED_HEALTH"}


def _check_labels(labels: list[str]) -> list[str]:
    upper = [label.upper() for label in labels]
    unknown = sorted(set(upper) - ALERT_LABELS)
    if unknown:
        raise ValueError(f"unknown label(s) {unknown}; choose from {sorted(ALERT_LABELS)}")
    return upper


def _check_countries(countries: list[str]) -> list[str]:
    upper = [c.upper() for c in countries]
    bad = [c for c in upper if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise ValueError(f'countries must be ISO alpha-2 codes such as "HN", got {bad}')
    return upper


class _Route(_Section):
    """Filters every chat route has: which countries (empty = all) and which alert labels."""

    countries: list[str] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=lambda: list(DEFAULT_ROUTE_LABELS))

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        return _check_countries(value)

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: list[str]) -> list[str]:
        return _check_labels(value)


class DiscordRoute(_Route):
    """Which alerts go to which Discord channel."""

    channel_id: int
    mention_role_id: int | None = None


class DiscordSettings(_Section):
    """Discord gateway bot; the token comes only from STCWATCH_DISCORD_TOKEN."""

    enabled: bool = False
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg/"
    guild_id: int | None = None
    routes: list[DiscordRoute] = Field(default_factory=list)
    reviewer_role_id: int | None = None  # members with this role may review findings from the alert buttons


class SlackRoute(_Route):
    """Which alerts go to which Slack channel."""

    channel: str = Field(min_length=1)
    mention: str | None = None


class SlackSettings(_Section):
    """Slack over Socket Mode; tokens only from STCWATCH_SLACK_BOT_TOKEN / STCWATCH_SLACK_APP_TOKEN."""

    enabled: bool = False
    api_base: str = "https://slack.com/api/"
    routes: list[SlackRoute] = Field(default_factory=list)
    reviewer_usergroup: str | None = None  # user group ID (S0...) whose members may review from alert buttons

    @field_validator("api_base")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"


class HealthSettings(_Section):
    """`/healthz` and `/metrics` over HTTP; off unless `listen` is set (e.g. "0.0.0.0:9108")."""

    listen: str | None = None
    max_poll_age: Duration | None = None
    max_chat_down: Duration = 300.0  # a chat adapter down (or still connecting) this long makes /healthz 503

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^\s:]*:\d{1,5}|\[[0-9a-fA-F:]+\]:\d{1,5}", value):
            raise ValueError(f"must be HOST:PORT such as \"0.0.0.0:9108\", got {value!r}")
        return value


class WebSettings(_Section):
    """The read-only web pages and `/api/agreements`; off unless `listen` is set (e.g. "127.0.0.1:8080").

    The same HOST:PORT as `[health] listen` serves both from one port.
    """

    listen: str | None = None

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str | None) -> str | None:
        return HealthSettings._host_port(value)


class OutboxSettings(_Section):
    """Retry schedule for alert deliveries: exponential from base_retry, capped at max_retry.

    A server's Retry-After is honoured up to max_retry. Short values are for tests and drills.
    """

    base_retry: Duration = 15.0
    max_retry: Duration = 3600.0

    @model_validator(mode="after")
    def _ordered(self) -> OutboxSettings:
        if self.max_retry < self.base_retry:
            raise ValueError("max_retry must be at least base_retry")
        return self


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def check_log_level(value: str) -> str:
    """A logging level name in upper case; ValueError naming the choices (shared by config and --log-level)."""
    level = value.strip().upper() if isinstance(value, str) else ""
    if level == "WARN":
        level = "WARNING"
    if level not in LOG_LEVELS:
        shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "…"
        raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, got {shown!r}")
    return level


class LoggingSettings(_Section):
    """Log level and format ("auto" = JSON when stderr is not a terminal)."""

    level: str = "INFO"
    format: str = Field(default="auto", pattern="^(auto|json|text)$")

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        return check_log_level(value)


class Settings(_Section):
    """The whole configuration."""

    store: StoreSettings = Field(default_factory=StoreSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    poll: PollSettings = Field(default_factory=PollSettings)
    rules: RulesSettings = Field(default_factory=RulesSettings)
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    outbox: OutboxSettings = Field(default_factory=OutboxSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    feeds: list[FeedSettings] = Field(default_factory=list)

    @field_validator("feeds")
    @classmethod
    def _unique_feeds(cls, feeds: list[FeedSettings]) -> list[FeedSettings]:
        seen: set[str] = set()
        for feed in feeds:
            if feed.name in seen:
                raise ValueError(f"feed name {feed.name!r} is used twice")
            seen.add(feed.name)
        return feeds

    def feed_interval(self, feed: FeedSettings) -> float:
        """A feed's own interval, else the default."""
        return feed.interval if feed.interval is not None else self.poll.default_interval


def _format_errors(source: str, error: ValidationError, raw: Mapping[str, Any]) -> str:
    lines = [f"{source}: invalid configuration"]
    for item in error.errors():
        key = _dotted(item["loc"], raw)
        lines.append(f"  {key}: {item['msg'].removeprefix('Value error, ')}")
    return "\n".join(lines)


def _dotted(loc: tuple[int | str, ...], raw: Mapping[str, Any]) -> str:
    """Render a pydantic location as a TOML key, e.g. feeds[2].url (feed "X")."""
    parts: list[str] = []
    node: Any = raw
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                parts[-1] += f" (name {node['name']!r})"
        else:
            parts.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return ".".join(parts) or "<top level>"


def settings_from_mapping(raw: Mapping[str, Any], *, source: str) -> Settings:
    """Validate an already parsed mapping; `source` names it in errors."""
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_errors(source, exc, raw)) from None


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load from PATH, else $STCWATCH_CONFIG, else the built-in default."""
    chosen = path if path is not None else os.environ.get(CONFIG_ENV) or None
    if chosen is None:
        return default_settings()
    file = Path(chosen)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read configuration: {exc.strerror or exc}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from None
    return settings_from_mapping(raw, source=str(file))


def default_feeds_text() -> str:
    """The packaged default feed list (the same list config.example.toml documents)."""
    return (resources.files("bot") / "default_feeds.toml").read_text(encoding="utf-8")


def default_settings() -> Settings:
    """The embedded default: SQLite in the working directory, console output, the packaged feeds."""
    raw = tomllib.loads(default_feeds_text())
    return settings_from_mapping(raw, source="<built-in default>")


def env_secret(name: str) -> str | None:
    """Secrets come only from the environment; empty counts as unset."""
    value = os.environ.get(name, "").strip()
    return value or None
