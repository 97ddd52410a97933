"""A fast loopback feed server for the scale bench: raw asyncio streams, HTTP/1.1 keep-alive, no framework.

The test server (tests/fakes/feed_server.py, one thread per connection) is fine for a handful of feeds but
spends more CPU than the bot at thousands, which would measure the server instead of the bot. This one
renders each feed from a `FeedPlan` on demand (nothing pre-rendered, so 10,000 feeds cost a few MB) and
answers only what the two clients under test send: GET with optional If-None-Match / If-Modified-Since.

Run as its own process (`python bench/feedserver.py --feeds N [--hosts H]`); it prints `PORT <n>` and serves
on 127.0.0.1 .. 127.0.0.H (all loopback; distinct hosts, as real feeds come from many sites) on that one
port until killed, or until `--max-seconds` pass. Control (127.0.0.1, same port):

    GET /_ctl/cycle?n=K      set the cycle (fresh feeds slide their window)
    GET /_ctl/inject?feed=I  add a signal item on top of feed I; answers its link
    GET /_ctl/stats          requests served, by kind and status, and bytes
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.feedgen import FeedPlan

_REASONS = {200: "OK", 304: "Not Modified", 404: "Not Found", 500: "Internal Server Error"}


class FeedServer:
    """Serves a FeedPlan; counts what it served."""

    def __init__(self, plan: FeedPlan) -> None:
        self.plan = plan
        self.counts: Counter[str] = Counter()
        self.bytes_out = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                parts = lines[0].split(" ")
                if len(parts) != 3:
                    return
                target = parts[1]
                headers: dict[str, str] = {}
                for line in lines[1:]:
                    name, sep, value = line.partition(":")
                    if sep:
                        headers[name.strip().lower()] = value.strip()
                keep = headers.get("connection", "").lower() != "close"
                await self._answer(writer, target, headers, keep)
                if not keep:
                    return
        except ConnectionError:
            return
        finally:
            writer.close()

    async def _answer(self, writer: asyncio.StreamWriter, target: str, headers: dict[str, str], keep: bool) -> None:
        extra: list[str] = []
        ctype = "application/rss+xml; charset=utf-8"
        if target.startswith("/f/") and target.endswith(".xml"):
            try:
                i = int(target[3:-4])
            except ValueError:
                i = -1
            if 0 <= i < self.plan.n:
                ans = self.plan.render(i, headers.get("if-none-match"))
                if ans.delay:
                    await asyncio.sleep(ans.delay)
                status, body = ans.status, ans.body
                if ans.etag:
                    extra.append(f"ETag: {ans.etag}")
                if ans.last_modified:
                    extra.append(f"Last-Modified: {ans.last_modified}")
                self.counts[f"{self.plan.kinds[i]}:{status}"] += 1
            else:
                status, body = 404, b"no such feed\n"
        elif target.startswith("/_ctl/"):
            status, body, ctype = 200, self._control(target), "application/json"
        else:
            status, body = 404, b"not found\n"
        if status == 304:
            body = b""
        head = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}", f"Content-Length: {len(body)}"]
        if status != 304:
            head.append(f"Content-Type: {ctype}")
        head.extend(extra)
        if not keep:
            head.append("Connection: close")
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        self.bytes_out += len(body)
        await writer.drain()

    def _control(self, target: str) -> bytes:
        url = urlsplit(target)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        answer: dict[str, object] = {}
        if url.path == "/_ctl/cycle":
            self.plan.cycle = int(query["n"])
            answer["cycle"] = self.plan.cycle
        elif url.path == "/_ctl/inject":
            answer["link"] = self.plan.inject(int(query["feed"]))
        elif url.path == "/_ctl/stats":
            usage = resource.getrusage(resource.RUSAGE_SELF)
            answer = {
                "counts": dict(self.counts),
                "bytes_out": self.bytes_out,
                "cpu_s": usage.ru_utime + usage.ru_stime,
            }
        return json.dumps(answer).encode()


def host_address(k: int) -> str:
    """The k-th (0-based) loopback host; the whole of 127.0.0.0/8 is loopback on Linux."""
    return f"127.0.{k // 250}.{1 + k % 250}"


async def serve(n: int, hosts: int, port: int, max_seconds: float, seed: int) -> None:
    server_state = FeedServer(FeedPlan(n, seed=seed))
    first = await asyncio.start_server(server_state.handle, host_address(0), port, backlog=1024, limit=65536)
    bound = first.sockets[0].getsockname()[1]
    for k in range(1, hosts):
        await asyncio.start_server(server_state.handle, host_address(k), bound, backlog=1024, limit=65536)
    print(f"PORT {bound}", flush=True)
    await asyncio.sleep(max_seconds)  # a watchdog: the bench kills us long before this
    os._exit(0)  # leave without cancelling connection handlers one by one


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, required=True)
    ap.add_argument("--hosts", type=int, default=1, help="serve on this many loopback addresses")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-seconds", type=float, default=1800.0)
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    asyncio.run(serve(args.feeds, args.hosts, args.port, args.max_seconds, args.seed))


if __name__ == "__main__":
    main()
