"""stcwatch: watch news feeds for safe-third-country deals and their denials."""

__version__ = "0.1.0"
