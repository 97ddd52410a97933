"""Rendering is pure: alerts and answers become embeds that always fit Discord's limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.adapters.discord.render import (
    alert_embed,
    answer_pages,
    render_answer,
    render_feeds,
    render_not_found,
)
from bot.adapters.discord.text import TOTAL_MAX, clip, embed_units, escape, link, safe_url, units
from bot.models import FeedState
from bot.service.answers import NotFoundAnswer, OverviewAnswer, OverviewRow
from tests.discord.conftest import HUGE, honduras, huge_answer, make_alert
from tests.fakes.discord_server import embed_problems


def test_clip_respects_utf16_and_never_splits_pairs() -> None:
    text = "🇭🇳" * 100
    out = clip(text, 11)
    assert units(out) <= 11 and out.endswith("…")
    assert all(ord(c) > 0xFFFF for c in out[:-1])
    assert clip("abc", 3) == "abc"
    assert clip("abc\\def", 5) == "abc…"  # a lone trailing backslash would escape the ellipsis
    assert clip("ab\\\\cdef", 5) == "ab\\\\…"  # an escaped backslash pair stays whole


def test_escape_neutralises_markdown_mentions_and_controls() -> None:
    out = escape("@everyone <@123> <#9> **x** _y_ `z` ||s|| > q\u202e\x07\nnext")
    assert "@everyone" not in out and "<@123>" not in out and "<#9>" not in out
    assert "\\*\\*x\\*\\*" in out and "\\`z\\`" in out and "\\|\\|s\\|\\|" in out
    assert "\u202e" not in out and "\x07" not in out and "\n" not in out


def test_links_only_for_http_urls() -> None:
    assert link("t", "javascript:alert(1)") == "t"
    assert safe_url("https://a.example/x y") is None
    assert link("a]b", "https://a.example/p(1)") == "[a\\]b](https://a.example/p%281%29)"


def test_finding_alert_embed() -> None:
    data = alert_embed(make_alert(label="DENIAL", extra={"speaker": "Canciller", "explanation": "denies"})).to_dict()
    assert data["color"] == 0x3498DB
    assert data["author"]["name"] == "DENIAL · 🇭🇳 HN"
    assert data["title"] == "US says Honduras will take asylum seekers"
    assert data["url"] == "https://news.example/us-claim"
    assert data["description"].startswith("> Honduras has agreed")
    fields = {f["name"]: f["value"] for f in data["fields"]}
    assert fields["Source feed"] == "Wire EN" and fields["Rule"] == "`en.claim.v1`" and fields["Speaker"] == "Canciller"
    assert data["footer"]["text"] == "stcwatch · alert 1"
    assert data["timestamp"].startswith("2025-06-02T12:00")


def test_status_change_embed_shows_both_sides_and_stands_out() -> None:
    extra: dict[str, object] = {
        "old": "claimed", "new": "contested", "reason": "claim and denial stand",
        "for": [{"actor": "US DHS", "summary": "Honduras agreed", "date": "2025-05-30",
                 "url": "https://news.example/us", "outlet": "Wire", "kind": "claim"}],
        "against": [{"actor": "Cancillería", "summary": "No firmamos", "date": "2025-06-01",
                     "url": "https://news.example/hn", "outlet": "La Prensa", "kind": "denial"}],
    }
    data = alert_embed(make_alert(kind="status_change", label="STATUS_CHANGE", extra=extra)).to_dict()
    assert data["color"] == 0xE74C3C
    assert data["title"] == "⚠ contested — 🇭🇳 HN: claimed → contested"
    fields = {f["name"]: f["value"] for f in data["fields"]}
    assert fields["Said so (for)"] == "**US DHS** · 2025-05-30\nHonduras agreed\n[Wire](https://news.example/us)"
    against = fields["Says otherwise (against)"]
    assert "**Cancillería**" in against and "[La Prensa]" in against
    assert fields["Now"] == "**CONTESTED**"

    calm = alert_embed(make_alert(kind="status_change", label="STATUS_CHANGE",
                                  extra={**extra, "new": "confirmed"})).to_dict()
    assert calm["color"] == 0x9B59B6 and not calm["title"].startswith("⚠")


def test_feed_health_alert_embed() -> None:
    alert = make_alert(kind="feed_health", label="FEED_HEALTH", country=None, title="Prensa ES failing",
                       evidence="HTTP 503 four times", extra={"streak": 4, "last_error": None})
    data = alert_embed(alert).to_dict()
    assert data["title"] == "Feed health — Prensa ES failing"
    assert {f["name"] for f in data["fields"]} == {"Feed", "streak"}


@pytest.mark.parametrize("kind", ["finding", "status_change", "feed_health"])
def test_alert_embeds_fit_with_huge_text(kind: str) -> None:
    side = {"actor": HUGE, "summary": HUGE, "date": HUGE, "url": "https://x.example/" + "b" * 3000,
            "outlet": HUGE}
    extra: dict[str, object] = {"old": HUGE, "new": HUGE, "reason": HUGE, "for": [side] * 50, "against": [side] * 50,
             "explanation": HUGE, "speaker": HUGE, **{f"k{i}": HUGE for i in range(30)}}
    alert = replace(make_alert(kind=kind, title=HUGE, evidence=HUGE, extra=extra), feed=HUGE, rule=HUGE)
    embed = alert_embed(alert)
    assert embed_problems(embed.to_dict()) == []
    assert embed_units(embed) <= TOTAL_MAX


def test_huge_timeline_pages_all_fit() -> None:
    answer = huge_answer(200)
    pages = answer_pages(answer)
    assert pages == 25
    for page in range(1, pages + 1):
        embed = render_answer(answer, page)
        assert embed_problems(embed.to_dict()) == [], page
        assert embed_units(embed) <= TOTAL_MAX
    footer = render_answer(answer, 1).to_dict()["footer"]["text"]
    assert "page 1/25" in footer and "page:2" in footer
    last = render_answer(answer, 99).to_dict()  # clamped to the last page
    assert "page 25/25" in last["footer"]["text"] and "page:26" not in last["footer"]["text"]


def test_country_pages_are_newest_first() -> None:
    answer = replace(honduras(), timeline=[replace(honduras().timeline[0], date=date(2025, 1, 1) - timedelta(days=i))
                                           for i in range(20)])
    second = render_answer(answer, 2).to_dict()
    assert second["fields"][0]["name"].startswith("2024-12-24")  # entry 9 of 20
    assert not any(f["name"].startswith("Finding") for f in second["fields"])  # findings only on page 1


def test_overview_pages_and_fits() -> None:
    rows = [OverviewRow("HN", HUGE, "contested", HUGE, date(2025, 6, 1))] * 100
    answer = OverviewAnswer(rows)
    assert answer_pages(answer) == 7
    embed = render_answer(answer, 1).to_dict()
    assert embed_problems(embed) == []
    assert "100 countries · page 1/7 · 100 contested" in embed["footer"]["text"]
    empty = render_answer(OverviewAnswer([])).to_dict()
    assert empty["description"] == "No countries are tracked yet."


def test_feeds_embed_with_many_feeds() -> None:
    feeds = [FeedState(i, f"feed {i} " + HUGE[:300], "https://f.example", 60, error_streak=i % 5,
                       last_error=HUGE, last_status="error", polled_once=True,
                       last_fetch_at=datetime(2025, 6, 1, tzinfo=UTC)) for i in range(200)]
    embed = render_feeds(feeds).to_dict()
    assert embed_problems(embed) == []
    assert embed["title"] == "Feed health — 200 feeds, 160 failing"
    assert embed["description"].startswith("🔴")
    assert "more" in embed["description"].splitlines()[-1]
    assert render_feeds([]).to_dict()["description"] == "No feeds are configured."


def test_not_found_text() -> None:
    text = render_not_found(NotFoundAnswer("Hondur*s", [("HN", "Honduras")]))
    assert text == "I don't know a country called 'Hondur\\*s'. Did you mean: 🇭🇳 Honduras (`HN`)?"
    assert "Try a name" in render_not_found(NotFoundAnswer("zz", []))


def test_answer_marks_machine_reads_reviews_and_deal_type() -> None:
    base = honduras()
    machine = replace(base.timeline[0], reviewed=False)
    finding = replace(base.findings[0], reviewed=True, review="rejected", reviewed_by="ana <@&1>", review_label="CLAIM")
    answer = replace(base, timeline=[machine, *base.timeline[1:]], findings=[finding], deal_type="transit")

    embed = render_answer(answer).to_dict()

    names = [f["name"] for f in embed["fields"]]
    assert names[0] == "2025-06-01 · denial · unreviewed" and names[1] == "2025-05-30 · claim"
    assert "Deal type: transit or bridge arrangement" in embed["description"]
    assert names[-1].endswith("· rejected by ana <\u200b@&1> -> CLAIM")  # the name cannot ping


def test_finding_alert_carries_review_buttons_and_status_change_names_the_reviewer() -> None:
    from bot.adapters.discord.sink import alert_payload
    from bot.config import DiscordRoute

    route = DiscordRoute(channel_id=5)
    payload = alert_payload(make_alert(extra={"finding_id": 42}), route)
    ids = [c["custom_id"] for c in payload["components"][0]["components"]]
    assert ids == ["stcwatch:review:ok:42", "stcwatch:review:wrong:42"]
    assert "components" not in alert_payload(make_alert(extra={}), route)
    assert "components" not in alert_payload(make_alert(kind="status_change", extra={"finding_id": 42}), route)

    change = alert_embed(make_alert(kind="status_change", label="STATUS_CHANGE",
                                    extra={"old": "contested", "new": "confirmed", "reviewed_by": "bo"})).to_dict()
    assert {"name": "After a review by", "value": "bo", "inline": True} in change["fields"]
