"""Failed and orphaned deliveries, as ops meet them: a running bot, a fake Slack, the `outbox` commands.

Slack refuses every post with `not_in_channel` (the bot was never invited): each delivery is failed for
good, kept with Slack's reason and listed by `stcwatch outbox`. After the fix (the fake accepts again)
`stcwatch outbox retry --all-failed`, run beside the bot, gets every alert posted exactly once. A delivery
queued for a route the config no longer has is closed as orphaned and no longer counts as pending.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.store import open_store
from tests.e2e.botproc import ROOT, Bot, deliveries, feed_xml, slack_chat, write_config
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack, Reply

CHANNEL = "C0ALERTS"


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def seed_orphan(db: Path) -> int:
    """A store with one alert queued for a Slack route that the config no longer has."""
    store = open_store(db)
    try:
        alert = store.add_alert(
            dedupe_key="old:1", kind="finding", label="DENIAL", title="Old route alert", country="HN",
            sinks=["slack:CGONE"], now=datetime(2026, 1, 1, tzinfo=UTC),
        )  # fmt: skip
        assert alert is not None
        return alert.id
    finally:
        store.close()


async def test_refused_posts_are_kept_listed_and_resent_after_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    orphan_id = seed_orphan(db)
    async with FakeSlack() as slack, FeedServer() as srv:
        srv.add("/wire.xml", body=feed_xml())
        slack.go_down(Reply(error="not_in_channel"), methods=["chat.postMessage"])
        config = write_config(tmp_path, srv.url("/wire.xml"), slack_chat(slack.api_base, CHANNEL))
        bot = Bot(tmp_path, config, {"STCWATCH_SLACK_BOT_TOKEN": BOT_TOKEN, "STCWATCH_SLACK_APP_TOKEN": APP_TOKEN})
        try:
            await bot.start()

            def settled() -> bool:
                rows = [r for r in deliveries(db) if r.alert_id != orphan_id]
                return len(rows) >= 4 and all(r.status == "failed" for r in rows)

            await bot.eventually(settled, within=60, what="every post refused for good")
            assert [r.status for r in deliveries(db) if r.alert_id == orphan_id] == ["orphaned"]
            assert slack.messages_in(CHANNEL) == []

            listing = await asyncio.to_thread(run_cli, config, "outbox", "--json")
            assert listing.returncode == 0, listing.stderr
            report = json.loads(listing.stdout)
            failed = [d for d in report["deliveries"] if d["status"] == "failed"]
            orphaned = [d for d in report["deliveries"] if d["status"] == "orphaned"]
            assert report["counts"]["pending"] == 0
            assert report["counts"]["failed"] == len(failed) >= 4
            assert all("not_in_channel" in d["reason"] and d["sink"] == f"slack:{CHANNEL}" for d in failed)
            assert [(d["alert_id"], d["sink"]) for d in orphaned] == [(orphan_id, "slack:CGONE")]
            assert "no longer configured" in orphaned[0]["reason"]
            text = await asyncio.to_thread(run_cli, config, "outbox")
            assert "FAILED" in text.stdout and "reason: slack C0ALERTS: not_in_channel" in text.stdout
            assert "outbox retry --all-failed" in text.stdout

            slack.come_back()  # the bot was invited to the channel
            retried = await asyncio.to_thread(run_cli, config, "outbox", "retry", "--all-failed")
            assert retried.returncode == 0, retried.stderr
            assert f"{len(failed)} deliveries queued again" in retried.stdout

            def resent() -> bool:
                return all(r.status == "delivered" for r in deliveries(db) if r.alert_id != orphan_id)

            await bot.eventually(resent, within=30, what="the retried deliveries")
            posted = slack.messages_in(CHANNEL)
            assert len(posted) == len(failed)  # each exactly once
            again = await asyncio.to_thread(run_cli, config, "outbox", "retry", "--all-failed")
            assert again.returncode == 1 and "nothing to retry" in again.stdout
        finally:
            await bot.close()
