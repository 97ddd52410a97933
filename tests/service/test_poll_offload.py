"""FeedReader: changed feeds are parsed and classified in a worker process with the live rules, give the
same result as in-process, survive a worker that dies, follow a rule reload, fall back to the bot process
where processes cannot start, and never outlive the bot."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.detect.rules import load_ruleset
from bot.errors import FeedParseError
from bot.service import reading
from bot.service.reading import FeedBody, FeedReader, read_feed
from bot.service.rulebook import RuleBook

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Honduras denies deal</title><link>http://news.example/1</link><guid>1</guid>
<description>Honduras's foreign minister denied that the country signed a safe third country agreement
with the United States.</description></item>
<item><title>Weather</title><link>http://news.example/2</link><guid>2</guid>
<description>Rain is expected on Tuesday.</description></item></channel></rss>"""


def body(raw: bytes = RSS, known: frozenset[str] = frozenset()) -> FeedBody:
    return FeedBody(body=raw, feed_url="http://news.example/feed", content_type=None, lang="en", known=known)


def children() -> set[int]:
    """Live worker processes started from this one."""
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


async def test_worker_reads_like_the_bot_process_and_keeps_known_items_out() -> None:
    rules = RuleBook().current
    reader = FeedReader(workers=1)
    try:
        parsed, findings = await reader.read(body(), rules)
        assert (parsed, findings) == read_feed(body(), rules)
        assert [[str(f.label) for f in per] for per in findings] == [["DENIAL"], []]
        again, _ = await reader.read(body(known=frozenset(a.key for a in parsed.entries[:1])), rules)
        assert [a.title for a in again.entries] == ["Weather"]
        with pytest.raises(FeedParseError):
            await reader.read(body(b"<html>not a feed</html>"), rules)
    finally:
        reader.close()


async def test_a_dead_worker_is_replaced_and_a_rule_reload_reaches_it(tmp_path: Path) -> None:
    rules = RuleBook().current
    reader = FeedReader(workers=1)
    before = children()
    try:
        await reader.read(body(), rules)
        [worker] = children() - before
        os.kill(worker, signal.SIGKILL)
        _, findings = await reader.read(body(), rules)  # the broken pool is noticed and replaced
        assert [[str(f.label) for f in per] for per in findings] == [["DENIAL"], []]
        [replacement] = children() - before
        assert replacement != worker
        # Rules without the denial rule: the next read uses them, in a new worker.
        fewer = [p for p in rules.paths if "denial" not in p.name]
        assert len(fewer) < len(rules.paths)
        reloaded = load_ruleset(fewer)
        _, findings = await reader.read(body(), reloaded)
        assert findings == read_feed(body(), reloaded)[1]
        assert "DENIAL" not in {str(f.label) for per in findings for f in per}
    finally:
        reader.close()
    assert children() - before == set()  # closed: no worker left behind


async def test_worker_classifies_with_the_parents_rules_even_if_the_files_changed_since(tmp_path: Path) -> None:
    for source in RuleBook().current.paths:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    rules = load_ruleset([tmp_path])
    denial = tmp_path / "denial.toml"  # edited after the bot loaded the rules, before a worker starts
    denial.write_text(denial.read_text().replace('label = "DENIAL"', 'label = "MENTION"'))
    assert load_ruleset([tmp_path]).version != rules.version
    reader = FeedReader(workers=1)
    try:
        _, findings = await reader.read(body(), rules)
    finally:
        reader.close()
    assert [[str(f.label) for f in per] for per in findings] == [["DENIAL"], []]


async def test_without_worker_processes_feeds_are_read_in_the_bot_process(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # what a sandbox without /dev/shm answers

    monkeypatch.setattr(reading, "ProcessPoolExecutor", no_processes)
    rules = RuleBook().current
    reader = FeedReader(workers=1)
    _, findings = await reader.read(body(), rules)
    _, again = await reader.read(body(), rules)
    assert findings == again == read_feed(body(), rules)[1]
    assert reader.workers == 0
    errors = [r for r in caplog.records if "cannot start feed reader processes" in r.getMessage()]
    assert len(errors) == 1  # said once, then the bot simply reads in-process


ORPHAN = """
import asyncio, multiprocessing, os, signal
from bot.service.reading import FeedBody, FeedReader
from bot.service.rulebook import RuleBook

async def main():
    reader = FeedReader(workers=1)
    await reader.read(FeedBody(b"<rss version='2.0'><channel><title>t</title></channel></rss>",
                               "http://x/", None, None, frozenset()), RuleBook().current)
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    asyncio.run(main())
"""


def test_worker_ends_when_the_bot_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "bot_killed.py"
    script.write_text(ORPHAN)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, timeout=60
    )  # returns once every holder of its stdout (the worker too) is gone
    assert proc.returncode == -signal.SIGKILL
    [worker] = [int(pid) for pid in proc.stdout.split()]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alive(worker):
        time.sleep(0.05)
    assert not alive(worker)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # an exited orphan may wait for its reaper as a zombie


class Poison(FeedBody):
    """A feed whose reading kills the worker process (as a parser crash or the OOM killer would)."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return os._exit, (3,)


async def test_a_feed_that_kills_the_worker_twice_is_skipped_not_read_in_the_bot() -> None:
    rules = RuleBook().current
    reader = FeedReader(workers=1)
    try:
        poison = Poison(body=RSS, feed_url="http://x/", content_type=None, lang=None, known=frozenset())
        with pytest.raises(FeedParseError, match="killed the feed reader process twice"):
            await reader.read(poison, rules)
        _, findings = await reader.read(body(), rules)  # the next feed gets a fresh worker
        assert [[str(f.label) for f in per] for per in findings] == [["DENIAL"], []]
    finally:
        reader.close()
