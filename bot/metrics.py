"""Prometheus metrics: one registry per process, passed in by the startup code (no import-time globals)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    """Counters the services update as they work, plus gauges refreshed from the store at scrape time."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.fetches = Counter("stcwatch_fetches", "Feed fetches by outcome", ["status"], registry=r)
        self.fetch_seconds = Histogram(
            "stcwatch_fetch_duration_seconds",
            "Feed fetch latency",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30),
            registry=r,
        )
        self.articles = Counter("stcwatch_articles", "New articles stored", registry=r)
        self.findings = Counter("stcwatch_findings", "Findings by label", ["label"], registry=r)
        self.alerts_sent = Counter("stcwatch_alerts_sent", "Alert deliveries that succeeded", ["sink"], registry=r)
        self.alerts_failed = Counter(
            "stcwatch_alerts_failed", "Alert delivery attempts that failed", ["sink"], registry=r
        )
        self.alerts_pending = Gauge("stcwatch_alerts_pending", "Alert deliveries waiting in the outbox", registry=r)
        self.alerts_undelivered = Gauge(
            "stcwatch_alerts_undelivered",
            "Deliveries given up: failed (the platform refused; `stcwatch outbox retry`) or orphaned (route gone)",
            ["status"],
            registry=r,
        )
        self.outbox_age = Gauge(
            "stcwatch_outbox_oldest_age_seconds", "Age of the oldest undelivered alert (0 when none)", registry=r
        )
        self.chat_connected = Gauge(
            "stcwatch_chat_connected", "1 while the chat adapter's command connection is up", ["platform"], registry=r
        )
        self.rules_loaded = Gauge("stcwatch_rules_loaded", "Rules in the live rule set", registry=r)
        self.last_poll = Gauge(
            "stcwatch_last_successful_poll_timestamp_seconds", "Unix time of the last completed poll cycle", registry=r
        )
        self.feeds_failing = Gauge("stcwatch_feeds_failing", "Feeds whose last fetch failed", registry=r)

    def render(self) -> bytes:
        """Prometheus text exposition format."""
        return generate_latest(self.registry)
