"""Scale bench: one full poll cycle over N loopback feeds with the bot's real pipeline, beside `reader`.

    python bench/bench_poll.py --feeds 1000
    python bench/bench_poll.py --feeds 10000

For each side (the bot, then the `reader` library as used by discord-rss-bot) a fresh feed server process
(bench/feedserver.py, loopback only) serves N feeds of 50 items (bench/feedgen.py: fresh / unchanged-200 /
304 / slow / failing) spread over --hosts loopback addresses, and the side runs in its own process so its
CPU time and peak RSS are its own:

- cycle 0 "backlog": every feed is new, all 50 items of each are ingested (a one-off when feeds are added);
- cycle 1 "first":   the server moves on one cycle (fresh feeds gain 1-3 items); the first regular cycle,
  after a backlog that told the bot nothing about which sites are slow;
- cycle 2 "steady":  the server moves on again and a signal item appears in three otherwise unchanged feeds
  (5%, 50% and 95% of the way through the feed list); this is the recurring cost. For the bot, each probe's
  change -> alert latency is measured from the moment its response arrives (an httpx response hook) to
  the moment the sink is handed the alert (what `stcwatch run` posts).

The bot side is `bot.app.open_app` (real SQLite store in a temp dir, real rules, tracker, outbox) with a
console sink writing to /dev/null; the reader side is `make_reader(db)`, `add_feed`, `update_feeds(workers=)`.
Everything is bounded: each side has a hard timeout, the server a watchdog, and both are killed at the end.
Prints a table and a JSON line (also written with --json FILE).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.feedgen import FeedPlan  # noqa: E402
from bench.feedserver import host_address  # noqa: E402

SEED = 7
# The one-off backlog, the first cycle after it (timed against a backlog, so the poller knows no feed's
# real speed yet), and a steady cycle: the recurring cost, where the probes are.
CYCLES = ("backlog", "first", "steady")


# ---- helpers shared by the sides -------------------------------------------------------------------


def _children() -> list[int]:
    """Live child processes of this one (the bot's feed reader workers)."""
    return [p.pid for p in multiprocessing.active_children() if p.pid is not None]


def _child_usage(pid: int) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of a live child; zeros if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0, 0.0
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return cpu, hwm / 1024.0


def _usage() -> tuple[float, float]:
    """(CPU seconds user+sys, peak RSS in MB) of this process and its threads plus its live worker
    processes (their peak since exec: the fork before exec only shares the parent's pages): the bot's
    whole cost, whichever core it ran on. Workers that already exited add their CPU time."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = [_child_usage(pid) for pid in _children()]
    cpu = ru.ru_utime + ru.ru_stime + done.ru_utime + done.ru_stime + sum(c for c, _ in live)
    return cpu, ru.ru_maxrss / 1024.0 + sum(r for _, r in live)


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _ctl(base: str, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + path, timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
        return result


class _Cycle:
    """Wall time, CPU time and RSS around one cycle."""

    def __init__(self, name: str, feeds: int) -> None:
        self.name = name
        self.feeds = feeds

    def __enter__(self) -> _Cycle:
        self.cpu0, _ = _usage()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.t0
        cpu1, self.peak_rss = _usage()
        self.cpu = cpu1 - self.cpu0

    def as_dict(self, outcomes: Counter[str]) -> dict[str, Any]:
        return {
            "cycle": self.name,
            "feeds": self.feeds,
            "wall_s": round(self.wall, 2),
            "feeds_per_s": round(self.feeds / self.wall, 1),
            "cpu_s": round(self.cpu, 2),
            "cpu_ms_per_feed": round(1000 * self.cpu / self.feeds, 3),
            "cpu_util": round(self.cpu / self.wall, 2),
            "rss_mb_after": round(_current_rss_mb(), 1),
            "peak_rss_mb": round(self.peak_rss, 1),
            "outcomes": dict(sorted(outcomes.items())),
        }


# ---- the bot side ------------------------------------------------------------------------------------


async def _watch_loop(lags: list[float], every: float = 0.02) -> None:
    """How late the event loop wakes a 20 ms timer: how long fetches in flight can go unserved."""
    while True:
        start = time.perf_counter()
        await asyncio.sleep(every)
        lags.append(max(0.0, time.perf_counter() - start - every))


def _feed_url(args: argparse.Namespace, plan: FeedPlan, i: int) -> str:
    """Feed i lives on loopback host i mod --hosts, so per-host limits and pools work as with real sites."""
    return f"http://{host_address(i % args.hosts)}:{args.port}{plan.path(i)}"


def _probes(plan: FeedPlan) -> list[int]:
    """Three unchanged (static) feeds, 5%, 50% and 95% of the way through the cycle."""
    statics = [i for i in range(plan.n) if plan.kinds[i] == "static"]
    return [statics[len(statics) // 20], statics[len(statics) // 2], statics[-1 - len(statics) // 20]]


class _TimedSink:
    """The console sink (to /dev/null) that also notes when each alert reached it."""

    name = "console"

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.sent: list[tuple[float, Any]] = []

    def accepts(self, *, kind: str, label: str, country: str | None) -> bool:
        return True

    async def send(self, alert: Any) -> None:
        await self._inner.send(alert)
        self.sent.append((time.monotonic(), alert))


def _bot_side(args: argparse.Namespace) -> dict[str, Any]:
    from bot.adapters.console import ConsoleSink
    from bot.config import FeedSettings, HttpSettings, LoggingSettings, Settings, StoreSettings
    from bot.logs import setup_logging

    plan = FeedPlan(args.feeds, seed=SEED)
    tmp = Path(args.tmp)
    settings = Settings(
        store=StoreSettings(path=str(tmp / "bot.db")),
        http=HttpSettings(concurrency=args.concurrency, per_host_concurrency=args.per_host),
        logging=LoggingSettings(level="INFO", format="json"),
        feeds=[
            FeedSettings(name=f"feed {i}", url=_feed_url(args, plan, i), lang=plan.langs[i]) for i in range(args.feeds)
        ],
    )
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002, async_mode="disabled")
    with (tmp / "bot.log").open("w", encoding="utf-8") as log_stream, open(os.devnull, "w") as null:
        setup_logging("INFO", "json", stream=log_stream)  # the bot logs as in production, to a file
        sink = _TimedSink(ConsoleSink(as_json=True, stream=null))
        result = asyncio.run(_bot_cycles(args, settings, sink, plan, profiler))
    cpu, peak = _usage()
    if profiler is not None:
        Path(args.profile_out).write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    result.update(
        {
            "cpu_s_total": round(cpu, 2),
            # the workers are gone by now: the most the bot held at a cycle's end, main process and workers
            "peak_rss_mb": max(peak, *(c["peak_rss_mb"] for c in result["cycles"])),
            "db_mb": round(sum(p.stat().st_size for p in tmp.glob("bot.db*")) / 2**20, 1),
        }
    )
    return result


async def _bot_cycles(
    args: argparse.Namespace, settings: Any, sink: _TimedSink, plan: FeedPlan, profiler: Any
) -> dict[str, Any]:
    from bot.app import open_app

    base = f"http://127.0.0.1:{args.port}"
    cycles: list[dict[str, Any]] = []
    fetched_at: dict[str, float] = {}
    watch: set[str] = set()
    startup = time.perf_counter()
    async with open_app(settings, sinks=[sink]) as app:
        startup_s = time.perf_counter() - startup

        async def on_response(response: Any) -> None:
            url = str(response.request.url)
            if url in watch:
                fetched_at[url] = time.monotonic()

        app.client.event_hooks["response"].append(on_response)

        async def run_cycle(name: str) -> dict[str, Any]:
            if profiler is not None and name == args.profile:
                profiler.start()
            lags: list[float] = []
            monitor = asyncio.create_task(_watch_loop(lags))
            with _Cycle(name, args.feeds) as c:
                report = await app.poller.poll(only_due=False)
                while await app.outbox.deliver_due(limit=10_000):
                    pass
            monitor.cancel()
            if profiler is not None and name == args.profile:
                profiler.stop()
            out = c.as_dict(Counter(o.status for o in report.outcomes))
            lags.sort()
            out["loop_stall_ms"] = {
                "p50": round(1000 * lags[len(lags) // 2], 1) if lags else None,
                "p99": round(1000 * lags[int(len(lags) * 0.99)], 1) if lags else None,
                "max": round(1000 * lags[-1], 1) if lags else None,
            }
            out["new_articles"] = sum(o.new_articles for o in report.outcomes)
            out["alerts"] = len(report.alerts)
            print(f"  bot {name}: {out['wall_s']} s", file=sys.stderr, flush=True)
            return out

        _ctl(base, "/_ctl/cycle?n=0")
        cycles.append(await run_cycle("backlog"))
        _ctl(base, "/_ctl/cycle?n=1")
        cycles.append(await run_cycle("first"))
        # Steady: the server moves on a cycle and a signal item appears in three unchanged feeds, early,
        # middle and late in the cycle; each is timed from its response arriving to the sink getting the alert.
        _ctl(base, "/_ctl/cycle?n=2")
        probes = _probes(plan)
        links = {i: _ctl(base, f"/_ctl/inject?feed={i}")["link"] for i in probes}
        watch.update(_feed_url(args, plan, i) for i in probes)
        sink.sent.clear()
        cycle_start = time.monotonic()
        cycles.append(await run_cycle("steady"))
    latencies = []
    for i in probes:
        fetched = fetched_at.get(_feed_url(args, plan, i))
        alerted = [t for t, a in sink.sent if a.url == links[i]]
        latencies.append(
            {
                "feed": i,
                "fetched_at_s": round(fetched - cycle_start, 3) if fetched else None,
                "alert_after_fetch_s": round(alerted[0] - fetched, 3) if (alerted and fetched) else None,
                "alert_labels": sorted({a.label for _, a in sink.sent if a.url == links[i]}),
            }
        )
    return {"side": "bot", "startup_s": round(startup_s, 2), "cycles": cycles, "latency": latencies}


# ---- the reader side -----------------------------------------------------------------------------------


def _reader_side(args: argparse.Namespace) -> dict[str, Any]:
    from reader import make_reader

    base = f"http://127.0.0.1:{args.port}"
    plan = FeedPlan(args.feeds, seed=SEED)
    tmp = Path(args.tmp)
    startup = time.perf_counter()
    reader = make_reader(str(tmp / "reader.sqlite"))
    for i in range(args.feeds):
        reader.add_feed(_feed_url(args, plan, i))
    startup_s = time.perf_counter() - startup
    cycles: list[dict[str, Any]] = []
    for n, name in enumerate(CYCLES):
        _ctl(base, f"/_ctl/cycle?n={n}")
        if name == "steady":
            for i in _probes(plan):  # the same server state as the bot side saw
                _ctl(base, f"/_ctl/inject?feed={i}")
        outcomes: Counter[str] = Counter()
        new_entries = 0
        with _Cycle(name, args.feeds) as c:
            for result in reader.update_feeds_iter(scheduled=False, workers=args.concurrency):
                value = result.value
                if value is None:
                    outcomes["not_modified"] += 1
                elif isinstance(value, Exception):
                    outcomes["error"] += 1
                else:
                    outcomes["updated" if (value.new or value.modified) else "unchanged"] += 1
                    new_entries += value.new
        out = c.as_dict(outcomes)
        out["new_articles"] = new_entries
        cycles.append(out)
        print(f"  reader {name}: {out['wall_s']} s", file=sys.stderr, flush=True)
    reader.close()
    cpu, peak = _usage()
    return {
        "side": "reader",
        "startup_s": round(startup_s, 2),
        "cycles": cycles,
        "cpu_s_total": round(cpu, 2),
        "peak_rss_mb": round(peak, 1),
        "db_mb": round(sum(p.stat().st_size for p in tmp.glob("reader.sqlite*")) / 2**20, 1),
    }


# ---- orchestration -------------------------------------------------------------------------------------


def _start_server(feeds: int, hosts: int, max_seconds: float) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "feedserver.py"), "--feeds", str(feeds), "--seed", str(SEED),
         "--hosts", str(hosts), "--max-seconds", str(max_seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        proc.kill()
        raise SystemExit(f"feed server did not start: {line!r}")
    return proc, int(line.split()[1])


def _run_side(side: str, args: argparse.Namespace) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    server, port = _start_server(args.feeds, args.hosts, args.timeout + 60)
    try:
        with tempfile.TemporaryDirectory(prefix=f"stcwatch-bench-{side}-") as tmp:
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", side, "--feeds", str(args.feeds),
                   "--port", str(port), "--tmp", tmp, "--concurrency", str(args.concurrency),
                   "--per-host", str(args.per_host), "--hosts", str(args.hosts)]  # fmt: skip
            if side == "bot" and args.profile:
                cmd += ["--profile", args.profile, "--profile-out", args.profile_out]
            try:
                done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, timeout=args.timeout, check=False)
            except subprocess.TimeoutExpired:
                return {"side": side, "error": f"timed out after {args.timeout:g} s"}
            if done.returncode != 0:
                return {"side": side, "error": f"exit {done.returncode}"}
            result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
            result["server"] = _ctl(f"http://127.0.0.1:{port}", "/_ctl/stats")
            # Load from other processes on the machine skews wall times; keep it beside the figures.
            result["loadavg_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            result["side_wall_s"] = round(time.perf_counter() - started, 1)
            return result
    finally:
        server.kill()
        server.wait(timeout=10)


def _machine() -> str:
    cpu = "?"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}"


def _print_table(results: list[dict[str, Any]]) -> None:
    print(f"{'side':8} {'cycle':8} {'wall s':>8} {'feeds/s':>9} {'CPU s':>8} {'CPU ms/feed':>12} "
          f"{'CPU cores':>9} {'peak RSS MB':>12}  outcomes")  # fmt: skip
    for r in results:
        if "error" in r:
            print(f"{r['side']:8} ERROR {r['error']}")
            continue
        for c in r["cycles"]:
            print(f"{r['side']:8} {c['cycle']:8} {c['wall_s']:8.2f} {c['feeds_per_s']:9.1f} {c['cpu_s']:8.2f} "
                  f"{c['cpu_ms_per_feed']:12.3f} {c['cpu_util']:9.2f} {c['peak_rss_mb']:12.1f}  "
                  f"{c['outcomes']}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description="Poll N loopback feeds with the bot and with reader; print figures.")
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=64, help="concurrent fetches (bot) / worker threads (reader)")
    ap.add_argument("--per-host", type=int, default=4, help="the bot's per-host cap (reader has none)")
    ap.add_argument("--hosts", type=int, default=100, help="loopback hosts the feeds are spread over")
    ap.add_argument("--sides", default="bot,reader", help="comma-separated: bot, reader")
    ap.add_argument("--timeout", type=float, default=900.0, help="hard limit per side, seconds")
    ap.add_argument("--json", dest="json_out", help="also write the results to this file")
    ap.add_argument("--profile", choices=CYCLES, help="pyinstrument the bot for this cycle")
    ap.add_argument("--profile-out", default="bench-profile.txt")
    ap.add_argument("--child", choices=("bot", "reader"), help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "bot":
        print(json.dumps(_bot_side(args)))
        return
    if args.child == "reader":
        print(json.dumps(_reader_side(args)))
        return

    print(f"machine: {_machine()}; feeds: {args.feeds} on {args.hosts} hosts; concurrency: {args.concurrency}"
          f" (bot per host: {args.per_host})", file=sys.stderr)  # fmt: skip
    results = []
    for side in args.sides.split(","):
        print(f"{side} ...", file=sys.stderr, flush=True)
        results.append(_run_side(side.strip(), args))
    summary: dict[str, Any] = {
        "feeds": args.feeds,
        "hosts": args.hosts,
        "concurrency": args.concurrency,
        "per_host": args.per_host,
        "machine": _machine(),
    }
    by_side = {r["side"]: r for r in results if "error" not in r}
    if "bot" in by_side and "reader" in by_side:
        for i, name in enumerate(CYCLES):
            bot_c, peer_c = by_side["bot"]["cycles"][i], by_side["reader"]["cycles"][i]
            summary[f"ratio_{name}"] = round(bot_c["feeds_per_s"] / peer_c["feeds_per_s"], 2)
    _print_table(results)
    if "bot" in by_side:
        for lat in by_side["bot"]["latency"]:
            print(f"latency: feed {lat['feed']} fetched at +{lat['fetched_at_s']} s, alert "
                  f"{lat['alert_after_fetch_s']} s later {lat['alert_labels']}")  # fmt: skip
    for key, value in summary.items():
        if key.startswith("ratio_"):
            print(f"bot/reader feeds/s, {key[6:]} cycle: {value}x")
    line = json.dumps({"summary": summary, "results": results})
    print(line)
    if args.json_out:
        Path(args.json_out).write_text(line + "\n")


if __name__ == "__main__":
    main()
