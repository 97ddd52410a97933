"""Pure rendering: escaping untrusted text, safe links, mentions, and Block Kit limits."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from bot.adapters.slack.mrkdwn import esc, fit_lines, link, mention, safe_url
from bot.adapters.slack.render import render_alert, render_answer, render_feeds, render_not_found
from bot.models import FeedState
from bot.service.answers import CountryAnswer, NotFoundAnswer, OverviewAnswer, OverviewRow, TimelineItem
from tests.slack.conftest import HONDURAS, make_alert, status_change_alert


def texts(blocks: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(block type, text) for every text object in the blocks."""
    out = []
    for block in blocks:
        if "text" in block:
            out.append((block["type"], block["text"]["text"]))
        for element in block.get("elements", []):
            out.append((block["type"], element["text"]))
    return out


def assert_within_limits(blocks: list[dict[str, Any]]) -> None:
    assert 0 < len(blocks) <= 50
    for kind, text in texts(blocks):
        limit = {"header": 150, "context": 2000}.get(kind, 3000)
        assert len(text) <= limit, (kind, len(text))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<!channel> hi", "&lt;!channel&gt; hi"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("<http://evil|click>", "&lt;http://evil|click&gt;"),
        ("AT&T", "AT&amp;T"),
        ("*bold* _it_ ~s~ `c`", "∗bold∗ ˍitˍ ∼s∼ ˋcˋ"),
        ("line\none\x1b[31m", "line one[31m"),
        ("hey @channel and @here", "hey @\u2060channel and @\u2060here"),
        (None, ""),
    ],
)
def test_esc_defuses_feed_text(raw: str | None, expected: str) -> None:
    assert esc(raw) == expected


def test_esc_cuts_on_whole_entities() -> None:
    out = esc("&" * 100, 22)
    assert out == "&amp;" * 4 + "…"
    assert len(out) <= 22
    assert esc("short", 5) == "short"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?b=1&c=2", "https://a.example/x?b=1&amp;c=2"),
        ("https://a.example/a|b>c<d", "https://a.example/a%7Cb%3Ec%3Cd"),
        ("https://a.example/with space", "https://a.example/with%20space"),
        ("javascript:alert(1)", None),
        ("ftp://a.example/x", None),
        ("not a url", None),
        ("https://españa.example/noticia", "https://xn--espaa-rta.example/noticia"),
        ("https://a.example/" + "x" * 3000, None),
    ],
)
def test_safe_url(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_link_falls_back_to_text_for_unsafe_urls() -> None:
    assert link("javascript:alert(1)", "<b>") == "&lt;b&gt;"
    assert link("https://a.example/", "T|x") == "<https://a.example/|T|x>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("S0123ABC", "<!subteam^S0123ABC>"),
        ("<!subteam^S0123ABC>", "<!subteam^S0123ABC>"),
        ("<!subteam^S0123ABC|@team>", "<!subteam^S0123ABC>"),
        ("<!channel>", None),
        ("here", None),
        ("U0123", None),
        (None, None),
    ],
)
def test_only_user_group_mentions(value: str | None, expected: str | None) -> None:
    assert mention(value) == expected


def test_fit_lines_keeps_whole_lines() -> None:
    lines = [f"line {n} " + "x" * 90 for n in range(100)]
    joined = fit_lines(lines, 1000)
    assert len(joined) <= 1000
    assert joined.endswith("more")
    assert all(line in lines for line in joined.split("\n")[:-1])


def test_alert_with_huge_feed_text_stays_within_limits() -> None:
    alert = make_alert(
        title="<" * 5000,
        evidence="&" * 10000,
        feed="f" * 5000,
        rule="r" * 500,
        extra={"explanation": "e" * 5000, "speaker": "s" * 5000},
    )
    message = render_alert(alert, mention="<!subteam^S1>")
    assert_within_limits(message.blocks)
    assert len(message.text) <= 3000


def test_status_change_with_many_statements_stays_within_limits() -> None:
    base = status_change_alert()
    side = {
        "actor": "A" * 500,
        "summary": "<" * 3000,
        "date": "2026-01-01",
        "url": "https://x.example/" + "y" * 900,
        "outlet": "O" * 400,
        "kind": "claim",
    }
    alert = make_alert(
        kind="status_change",
        label="STATUS_CHANGE",
        extra={**base.extra, "for": [side] * 40, "against": [side] * 40, "reason": "r" * 9000},
    )
    message = render_alert(alert)
    assert_within_limits(message.blocks)
    assert "and 35 more" in json.dumps(message.blocks)


def test_status_change_to_denied_is_not_marked_contested() -> None:
    alert = make_alert(kind="status_change", label="STATUS_CHANGE", extra={"old": "claimed", "new": "denied"})
    message = render_alert(alert)
    assert message.blocks[0]["text"]["text"].startswith("🔄 STATUS CHANGE")
    assert "Contested" not in json.dumps(message.blocks)


def test_status_change_tolerates_malformed_extra() -> None:
    alert = make_alert(
        kind="status_change",
        label="STATUS_CHANGE",
        extra={"old": None, "new": 3, "for": "nope", "against": [1, {"actor": None}]},
    )
    message = render_alert(alert)
    assert_within_limits(message.blocks)


def test_feed_health_alert() -> None:
    alert = make_alert(
        kind="feed_health",
        label="FEED_HEALTH",
        country=None,
        url=None,
        title="Feed 'Prensa' failing for 5 polls",
        evidence="HTTP 503 <!channel>",
    )
    message = render_alert(alert)
    assert message.blocks[0]["text"]["text"] == "📡 FEED HEALTH"
    dumped = json.dumps(message.blocks, ensure_ascii=False)
    assert "&lt;!channel&gt;" in dumped and "<!channel>" not in dumped


def test_country_answer_with_long_timeline_stays_within_limits() -> None:
    item = TimelineItem(
        date=date(2026, 1, 1),
        precision="day",
        kind="claim",
        actor="<@U1>" * 50,
        summary="&" * 2000,
        source_url="https://x.example/a",
        outlet="o",
        origin="finding",
    )
    answer = CountryAnswer(
        country="HN",
        name="Honduras",
        status="contested",
        reason="r" * 5000,
        since=None,
        timeline=[item] * 200,
        findings=HONDURAS.findings * 20,
    )
    message = render_answer(answer)
    assert_within_limits(message.blocks)
    assert "<@U1>" not in json.dumps(message.blocks)


def test_overview_with_many_countries_stays_within_limits() -> None:
    rows = [OverviewRow("HN", "Honduras" * 20, "claimed", "x" * 400, date(2026, 1, 1))] * 500
    message = render_answer(OverviewAnswer(rows=rows))
    assert_within_limits(message.blocks)
    assert len(message.text) <= 3000


def test_empty_answers_say_so() -> None:
    assert "No countries" in render_answer(OverviewAnswer(rows=[])).text
    assert "No feeds" in render_feeds([]).text
    empty = CountryAnswer(country="MX", name="Mexico", status="none", reason="", since=None)
    assert "No statements" in json.dumps(render_answer(empty).blocks)


def test_not_found_without_suggestions() -> None:
    message = render_not_found(NotFoundAnswer(query="<!here>", suggestions=[]))
    assert "<!here>" not in json.dumps(message.blocks) and "&lt;!here&gt;" in message.text
    assert len(message.blocks) == 1


def test_feeds_list_failing_first() -> None:
    feeds = [
        FeedState(
            id=n,
            name=f"feed{n}",
            url=f"https://f{n}.example/",
            interval=60,
            polled_once=True,
            error_streak=n % 2,
            last_error="boom" if n % 2 else None,
        )
        for n in range(300)
    ]
    message = render_feeds(feeds)
    assert_within_limits(message.blocks)
    assert "🔴" in message.blocks[1]["text"]["text"]


def test_longest_urls_never_get_cut_inside_a_link() -> None:
    """A 2000-character URL with maximal titles still leaves every link closed."""
    url = "https://x.example/" + "y" * 1980
    side = {
        "actor": "A" * 999,
        "summary": "&" * 999,
        "date": "2026-01-01",
        "url": url,
        "outlet": "<" * 999,
        "kind": "claim",
    }
    alert = make_alert(
        kind="status_change",
        label="STATUS_CHANGE",
        url=url,
        title="&" * 9999,
        extra={"old": "claimed", "new": "contested", "for": [side], "against": [side]},
    )
    findings = [replace(f, url=url, title="<" * 999, evidence="&" * 999) for f in HONDURAS.findings]
    timeline = [replace(t, source_url=url, actor="<" * 999, outlet="&" * 999) for t in HONDURAS.timeline]
    answer = replace(HONDURAS, findings=findings, timeline=timeline)
    for message in (render_alert(alert), render_answer(answer)):
        assert_within_limits(message.blocks)
        for _, text in texts(message.blocks):
            assert len(re.findall(r"<[^<>]+>", text)) == text.count("<"), text[:80]


def test_answer_marks_machine_reads_reviews_and_deal_type() -> None:
    machine = replace(HONDURAS.timeline[0], reviewed=False)
    finding = replace(HONDURAS.findings[0], reviewed=True, review="accepted", reviewed_by="<!channel> ana")
    answer = replace(HONDURAS, timeline=[machine, *HONDURAS.timeline[1:]], findings=[finding], deal_type="detention")

    body = "\n".join(text for _, text in texts(render_answer(answer).blocks))

    assert "*Deal type:* detention or custody" in body
    assert body.count("_unreviewed_") == 1
    assert "accepted by &lt;!channel&gt; ana" in body


def test_finding_alert_ends_with_review_buttons_and_status_change_names_the_reviewer() -> None:
    blocks = render_alert(make_alert(extra={"finding_id": 7})).blocks
    assert blocks[-1]["block_id"] == "stcwatch_review"
    assert [(e["action_id"], e["value"]) for e in blocks[-1]["elements"]] == [
        ("stcwatch_review_ok", "7"), ("stcwatch_review_wrong", "7")
    ]
    assert all(b.get("block_id") != "stcwatch_review" for b in render_alert(make_alert()).blocks)

    change = replace(status_change_alert(), extra={**status_change_alert().extra, "reviewed_by": "bo"})
    assert any("*After a review by* bo" in text for _, text in texts(render_alert(change).blocks))
