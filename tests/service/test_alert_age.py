"""`[poll] first_poll_max_age` as the README states it: a dated item older than it never alerts, on any poll
(it is stored with its findings); undated items are backlog on a feed's first poll and new afterwards."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from bot.config import PollSettings
from bot.feeds.fetch import FetchLimits, make_client
from bot.models import Alert
from bot.service.notify import Outbox
from bot.service.poll import Poller
from bot.service.rulebook import RuleBook
from bot.store import open_store
from bot.store.repo import FeedSpec
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def item(slug: str, country: str, published: datetime | None) -> str:
    date = f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>" if published else ""
    title = f"{country} denies signing a safe third country agreement"
    text = f"{country}'s foreign ministry denied that the country signed a safe third country agreement."
    return f"<item><title>{title}</title><link>http://x.example/{slug}</link><guid>{slug}</guid>{date}" \
        f"<description>{text}</description></item>"


def rss(*items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'.encode()


class Sink:
    name = "rec"

    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return kind == "finding"

    async def send(self, alert: Alert, *, possibly_sent: bool = False) -> None:
        self.alerts.append(alert)


async def test_the_age_limit_holds_on_every_poll_and_undated_items_alert_after_the_first(tmp_path: Path) -> None:
    store, sink = open_store(tmp_path / "s.db"), Sink()
    clock = [NOW]
    outbox = Outbox(store, [sink], clock=lambda: clock[0])
    limits = FetchLimits(timeout=3.0)
    async with FeedServer() as srv, make_client(limits) as client:
        poller = Poller(
            store=store, client=client, limits=limits, rulebook=RuleBook(), outbox=outbox,
            settings=PollSettings(jitter=0.0, first_poll_max_age=48 * 3600.0), clock=lambda: clock[0],
            rng=random.Random(1),
        )  # fmt: skip
        store.sync_feeds([FeedSpec("Desk", srv.url("/f.xml"), 600.0)])
        srv.add("/f.xml", body=rss(item("gt-fresh", "Guatemala", NOW - timedelta(hours=1)),
                                   item("sv-undated", "El Salvador", None),
                                   item("hn-old", "Honduras", NOW - timedelta(days=5))))  # fmt: skip
        await poller.poll(only_due=False)  # first poll
        await outbox.deliver_due()
        assert [a.country for a in sink.alerts] == ["GT"]

        clock[0] = NOW + timedelta(hours=1)
        srv.add("/f.xml", body=rss(item("cr-undated", "Costa Rica", None),
                                   item("mx-3-days", "Mexico", NOW - timedelta(days=3)),
                                   item("pa-fresh", "Panama", NOW)))  # fmt: skip
        await poller.poll(only_due=False)  # a later poll
        await outbox.deliver_due()
        assert sorted(a.country for a in sink.alerts[1:]) == ["CR", "PA"]  # not MX: older than 48 h
        assert {"HN", "MX", "SV"} <= set(store.finding_countries())  # stored silently, tracked all the same
    store.close()
