"""Store size after a simulated year of a 10k-feed bot, with and without `[store] keep_articles`.

Run: python bench/bench_retention.py [--feeds 10000] [--per-feed-day 0.2] [--days 365] [--keep-days 180]

Day by day, each feed brings `--per-feed-day` new stories on average (a story is carried by 1-3 feeds, so the
store gains fewer articles than feed items); bodies are 1-3 KB of text as ingest stores them; ~2% of the
articles carry one signal finding (alerted, delivered to two routes), ~8% a MENTION. Writes go through the
Store's own methods (insert_article, add_source, insert_findings, add_alert, mark_delivered) and the pruning
through the real `Retention` service once a day, as the running bot does it (every 6 h). Prints the file size
(pages in use and free) at the end of each month for both stores, and the time pruning took.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import string
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.models import Article, Finding, Label
from bot.service.retention import Retention
from bot.store import Store, open_store
from bot.store.repo import FeedSpec

_WORDS = random.Random(0)
WORDS = ["".join(_WORDS.choices(string.ascii_lowercase, k=_WORDS.randint(2, 10))) for _ in range(5000)]
SINKS = ["slack:C0ALERTS", "discord:4242"]


def body(rng: random.Random) -> str:
    size = rng.randint(1000, 3000)
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def size_of(store: Store) -> tuple[int, int]:
    """Bytes in use and bytes free in the database file (the WAL is checkpointed first)."""
    conn = store._conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    return page * count, page * free


def simulate_day(
    stores: list[Store], feeds: list[list[int]], day: datetime, n: int, seq: int, rng: random.Random
) -> int:
    """N new stories on DAY into every store (the same stories in each)."""
    stories = []
    for _ in range(n):
        seq += 1
        when = day + timedelta(seconds=rng.randint(0, 86399))
        text = body(rng)
        roll = rng.random()
        finding = None
        if roll < 0.02:
            finding = Finding(country=rng.choice(["HN", "GT", "SV", "MX", "CR"]), label=rng.choice(
                [Label.CLAIM, Label.DENIAL, Label.CONFIRMED]), rule="bench.rule", evidence=text[:200])
        elif roll < 0.10:
            finding = Finding(country="HN", label=Label.MENTION, rule="bench.rule", evidence=text[:200])
        article = Article(key=f"guid-{seq}", url=f"https://news{seq % 997}.example/story/{seq}", title=f"Story {seq}",
                          text=text, published=when, lang="en", content_hash=f"h{seq:012d}")
        sources = rng.sample(range(len(feeds[0])), rng.choice((1, 1, 1, 2, 3)))
        stories.append((when, article, finding, sources))
    stories.sort(key=lambda s: s[0])
    for store, ids in zip(stores, feeds, strict=True):
        with store.transaction():
            for when, article, finding, sources in stories:
                article_id = store.insert_article(article, now=when)
                for s in sources:
                    store.add_source(article_id, ids[s], article, now=when)
                if finding is None:
                    continue
                store.insert_findings(article_id, [finding], now=when)
                if finding.label.is_signal:
                    alert = store.add_alert(dedupe_key=f"finding:{article_id}:{finding.country}:{finding.label}",
                                            kind="finding", label=str(finding.label), title=article.title,
                                            country=finding.country, url=article.url, evidence=finding.evidence,
                                            sinks=SINKS, now=when)
                    assert alert is not None
                    for sink in SINKS:
                        store.mark_delivered(alert.id, sink, now=when + timedelta(seconds=2))
    return seq


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--per-feed-day", type=float, default=0.2, help="new stories per feed per day")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--keep-days", type=int, default=180)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    per_day = int(args.feeds * args.per_feed_day / 1.6)  # a story averages 1.6 feeds
    with tempfile.TemporaryDirectory() as tmp:
        kept, pruned = open_store(Path(tmp) / "keep-all.db"), open_store(Path(tmp) / "keep-180d.db")
        specs = [FeedSpec(f"feed {i}", f"https://site{i % 3000}.example/{i}.xml", 600.0) for i in range(args.feeds)]
        feeds = [[f.id for f in s.sync_feeds(specs)] for s in (kept, pruned)]
        retention = Retention(pruned, keep=args.keep_days * 86400.0)
        start = datetime(2025, 1, 1, tzinfo=UTC)
        seq, prune_s, started = 0, 0.0, time.perf_counter()
        print(f"{args.feeds} feeds, {per_day} new articles a day, {args.days} days, keep_articles = {args.keep_days}d")
        print(f"{'day':>4} {'articles':>10} {'keep all MB':>12} {'keep MB (free)':>16} {'prune s':>8}")
        for d in range(args.days):
            day = start + timedelta(days=d)
            seq = simulate_day([kept, pruned], feeds, day, per_day, seq, rng)
            retention._clock = lambda day=day: day + timedelta(days=1)  # simulated time
            t = time.perf_counter()
            asyncio.run(retention.prune())
            prune_s = max(prune_s, time.perf_counter() - t)
            if (d + 1) % 30 == 0 or d + 1 == args.days:
                (a, _), (b, free) = size_of(kept), size_of(pruned)
                print(f"{d + 1:>4} {seq:>10,} {a / 1e6:>12.0f} {b / 1e6:>9.0f} ({free / 1e6:.0f}) {prune_s:>8.2f}",
                      flush=True)
                prune_s = 0.0
        (a, _), (b, free) = size_of(kept), size_of(pruned)
        print(f"after {args.days} days: {seq:,} articles; keep all {a / 1e6:.0f} MB, keep {args.keep_days}d "
              f"{b / 1e6:.0f} MB ({free / 1e6:.0f} MB of it free pages reused by new text); "
              f"{time.perf_counter() - started:.0f} s")
        kept.close()
        pruned.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
