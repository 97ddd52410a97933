"""Benchmark `/agreements <country>` answers on a big store: 1M findings over 200 countries.

Run: python bench/bench_query.py [--findings 1000000] [--countries 200] [--queries 1000]
Prints build time, then p50/p95/p99/max latency of Query.agreements(country) and of the overview, then of
the web pages (`/` and `/country/XX`, real HTTP to the real server on 127.0.0.1, read-only like `stcwatch web`).
Targets: p95 under 50 ms per agreements(country) (issue 4); p95 under 100 ms per web page (issue 15).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import pycountry

from bot.config import settings_from_mapping
from bot.service.notify import Outbox
from bot.service.query import Query
from bot.service.tracking import Tracker
from bot.store import open_store
from bot.store.repo import FeedSpec
from bot.store.timefmt import to_db
from bot.tracker.baseline import load_baseline
from bot.web.serve import web_pages

LABELS = ("CLAIM", "CONFIRMED", "DENIAL", "MENTION")


def build(path: Path, findings: int, countries: int, rng: random.Random) -> list[str]:
    """Fill a store with FINDINGS findings (one article each, 1-3 sources) spread over COUNTRIES."""
    store = open_store(path)
    feeds = store.sync_feeds([FeedSpec(f"feed {i}", f"http://127.0.0.1/{i}.xml", 600.0) for i in range(20)])
    codes = sorted(c.alpha_2 for c in pycountry.countries)[:countries]
    start = datetime(2020, 1, 1, tzinfo=UTC)
    conn = store._conn  # bulk load straight through SQL: this measures queries, not ingest
    conn.execute("BEGIN")
    batch_a, batch_s, batch_f = [], [], []
    for n in range(findings):
        when = start + timedelta(minutes=n * 3)
        stamp = to_db(when)
        batch_a.append((n + 1, f"k{n}", f"http://news.example/{n}", f"Headline {n}", "text", stamp, f"h{n}", stamp))
        for fid in rng.sample(range(len(feeds)), rng.randint(1, 3)):
            batch_s.append((n + 1, feeds[fid].id, f"k{n}", f"http://news.example/{n}", stamp))
        batch_f.append(
            (n + 1, codes[n % countries], rng.choice(LABELS), "bench.rule", f"Evidence sentence {n}.", stamp)
        )
        if len(batch_a) >= 50_000:
            _flush(conn, batch_a, batch_s, batch_f)
    _flush(conn, batch_a, batch_s, batch_f)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    tracker = Tracker(store, Outbox(store, []))
    tracker.load_baseline(load_baseline())
    with store.transaction():
        for code in codes:
            status = tracker.compute(code)
            store.tracking.save_status(code, str(status.status), status.reason, status.since, now=datetime.now(UTC))
    store.close()
    return codes


def _flush(conn: object, a: list[tuple[object, ...]], s: list[tuple[object, ...]], f: list[tuple[object, ...]]) -> None:
    c = conn  # sqlite3.Connection
    c.executemany(  # type: ignore[attr-defined]
        "INSERT INTO articles (id, key, url, title, text, published_at, content_hash, first_seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        a,
    )
    c.executemany(  # type: ignore[attr-defined]
        "INSERT INTO article_sources (article_id, feed_id, entry_key, entry_url, first_seen_at) VALUES (?, ?, ?, ?, ?)",
        s,
    )
    c.executemany(  # type: ignore[attr-defined]
        "INSERT INTO findings (article_id, country, label, rule, evidence, found_at) VALUES (?, ?, ?, ?, ?, ?)", f
    )
    a.clear()
    s.clear()
    f.clear()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure_web(db: Path, codes: list[str], rng: random.Random, requests: int) -> dict[str, list[float]]:
    """Milliseconds per GET of `/` and of `/country/XX` (random tracked codes), after a warm-up."""
    settings = settings_from_mapping({"store": {"path": str(db)}, "feeds": []}, source="bench")
    times: dict[str, list[float]] = {"/": [], "/country/XX": []}
    async with web_pages(settings) as server:
        await server.start("127.0.0.1:0")
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}", timeout=60) as client:
                for code in codes[:5]:
                    (await client.get(f"/country/{code}")).raise_for_status()
                (await client.get("/")).raise_for_status()
                for _ in range(requests):
                    for key, path in (("/", "/"), ("/country/XX", f"/country/{rng.choice(codes)}")):
                        t = time.perf_counter()
                        (await client.get(path)).raise_for_status()
                        times[key].append((time.perf_counter() - t) * 1000)
        finally:
            await server.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--web-requests", type=int, default=200, help="GETs of each web page")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        codes = build(db, args.findings, args.countries, rng)
        print(
            f"built store: {args.findings:,} findings over {len(codes)} countries in {time.perf_counter() - t0:.1f} s"
        )
        store = open_store(db)
        query = Query(store, Tracker(store, Outbox(store, [])))
        names = [pycountry.countries.get(alpha_2=c).name for c in codes]
        for name in names[:20]:  # warm the page cache, as a running bot would be
            query.agreements(name)
        times: list[float] = []
        for _ in range(args.queries):
            name = rng.choice(names)
            t = time.perf_counter()
            query.agreements(name)
            times.append((time.perf_counter() - t) * 1000)
        overview: list[float] = []
        for _ in range(50):
            t = time.perf_counter()
            query.agreements(None)
            overview.append((time.perf_counter() - t) * 1000)
        store.close()
        web = asyncio.run(measure_web(db, codes, rng, args.web_requests))
    print(
        f"agreements(country) over {args.queries} queries: p50 {statistics.median(times):.2f} ms, "
        f"p95 {percentile(times, 95):.2f} ms, p99 {percentile(times, 99):.2f} ms, max {max(times):.2f} ms"
    )
    print(f"agreements() overview: p50 {statistics.median(overview):.2f} ms, p95 {percentile(overview, 95):.2f} ms")
    print("target: p95 < 50 ms ->", "PASS" if percentile(times, 95) < 50 else "FAIL")
    for page, ms in web.items():
        print(
            f"web GET {page} over {len(ms)} requests: p50 {statistics.median(ms):.2f} ms, "
            f"p95 {percentile(ms, 95):.2f} ms, max {max(ms):.2f} ms ->", "PASS" if percentile(ms, 95) < 100 else "FAIL"
        )


if __name__ == "__main__":
    main()
