"""One exception tree, so callers can catch what they can handle and let the rest surface."""

from __future__ import annotations


class StcwatchError(Exception):
    """Base of every error the bot raises on purpose."""


class ConfigError(StcwatchError):
    """The configuration file or environment is invalid; the message names file and key."""


class InputError(StcwatchError):
    """A file or value given on the command line cannot be used (missing file, bad option); exit status 2."""


class RuleError(StcwatchError):
    """A rule file is invalid; the message names file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path or "<rules>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


class FetchError(StcwatchError):
    """A feed could not be fetched (network, HTTP status, limits)."""


class FeedParseError(StcwatchError):
    """A fetched body is not a usable feed."""


class StoreError(StcwatchError):
    """The local store failed or holds data from a newer schema."""


class LookupFailed(StcwatchError):
    """A country name could not be resolved; carries suggestions for the user."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown country '{query}'.{hint}")
        self.query = query
        self.suggestions = suggestions


class DeliveryError(StcwatchError):
    """A sink could not deliver an alert.

    Transient failures (rate limits, 5xx, network) are retried with backoff, honouring
    `retry_after`; permanent ones (missing permission, unknown channel) are recorded and not retried.
    `maybe_sent` says the chat service may have posted the message anyway (lost response, 5xx after
    the request reached it): the outbox then keeps the attempt "in flight", so the next try checks
    the channel before posting again.
    """

    def __init__(
        self, message: str, *, retry_after: float | None = None, permanent: bool = False, maybe_sent: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent
        self.maybe_sent = maybe_sent
