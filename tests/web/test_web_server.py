"""The web pages and API served for real on 127.0.0.1 from a real store: same JSON as the CLI, hostile feed
text escaped, unknown countries a 404 with suggestions, strict headers, nothing written."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import httpx
import pytest

from tests.cli.clirun import config, stcwatch
from tests.web.world import HOSTILE_URL, build_store, running


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "s.db")


async def get(base: str, path: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        return await client.get(path)


@pytest.mark.parametrize("country", ["HN", "honduras", None])
async def test_api_json_is_the_clis_byte_for_byte(tmp_path: Path, db: Path, country: str | None) -> None:
    cfg = config(tmp_path, "feeds = []")
    args = ["agreements", *([country] if country else []), "--json"]
    cli = stcwatch("--config", str(cfg), *args, cwd=tmp_path)
    assert cli.returncode == 0, cli.stderr
    async with running(db) as (_, base):
        api = await get(base, f"/api/agreements/{country}" if country else "/api/agreements")
    assert api.status_code == 200
    assert api.headers["content-type"].startswith("application/json")
    assert api.text == cli.stdout
    body = json.loads(api.text)
    if country:
        assert body["country"] == "HN" and body["timeline"] and body["findings"]
    else:
        assert {"HN", "GT"} <= {row["country"] for row in body}


async def test_api_unknown_country_and_deal_type(tmp_path: Path, db: Path) -> None:
    cli = stcwatch("--config", str(config(tmp_path, "feeds = []")), "agreements", "narnia", "--json", cwd=tmp_path)
    async with running(db) as (_, base):
        api = await get(base, "/api/agreements/narnia")
        bad = await get(base, "/api/agreements?deal_type=nonsense")
    assert api.status_code == 404 and cli.returncode == 1
    assert api.text == cli.stdout
    assert bad.status_code == 400 and "nonsense" in bad.json()["error"]


def assert_no_injection(html: str) -> None:
    """No markup from feed text: the page has no script element, no event handler, no javascript: link."""
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]+\son\w+\s*=", html, re.IGNORECASE), "an event handler attribute got through"
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', html)).lower()
    assert "<img" not in html and "<svg onload" not in html


async def test_hostile_feed_text_is_escaped_everywhere(db: Path) -> None:
    async with running(db) as (_, base):
        country = await get(base, "/country/HN")
        overview = await get(base, "/")
        feeds = await get(base, "/feeds")
    for page in (country, overview, feeds):
        assert page.status_code == 200
        assert_no_injection(page.text)
    # shown as text, escaped, not dropped
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; @everyone &lt;@&amp;123&gt;" in overview.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in country.text
    assert "&#34;&gt;&lt;svg onload=alert(3)&gt;" in country.text
    assert "HTTP 503 &lt;script&gt;x&lt;/script&gt;" in feeds.text and "Wire &lt;b&gt;x&lt;/b&gt;" in feeds.text
    # the hostile article's link is not a link; the normal one is
    assert HOSTILE_URL not in re.findall(r'href="([^"]*)"', country.text)
    assert 'href="https://news.example/hn-2"' in country.text
    # @everyone is plain text inside an element, never in an attribute
    assert not re.search(r'="[^"]*@everyone', country.text + overview.text)


async def test_every_page_has_a_strict_csp_and_no_outside_resources(db: Path) -> None:
    async with running(db) as (_, base):
        pages = [await get(base, p) for p in ("/", "/country/HN", "/feeds", "/country/zzzz", "/nope")]
        css = await get(base, "/static/style.css")
    for page in pages:
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
        assert page.headers["x-content-type-options"] == "nosniff"
        resources = re.findall(r'\ssrc="([^"]*)"', page.text) + re.findall(r'<link[^>]*href="([^"]*)"', page.text)
        assert resources and all(r.startswith("/") and not r.startswith("//") for r in resources), resources
    assert css.status_code == 200 and ".st-contested" in css.text


async def test_unknown_country_is_a_404_with_suggestions(db: Path) -> None:
    async with running(db) as (_, base):
        page = await get(base, "/country/hond")
        nothing = await get(base, "/country/qqqqqqqqqq")
        other = await get(base, "/no/such/page")
    assert page.status_code == 404
    assert "I don&#39;t know a country called &#39;hond&#39;" in page.text
    assert 'href="/country/HN"' in page.text
    assert nothing.status_code == 404 and 'id="suggestions"' not in nothing.text
    assert other.status_code == 404 and "no such page" in other.text


async def test_country_by_name_or_code_and_the_overview(db: Path) -> None:
    async with running(db) as (_, base):
        by_code = await get(base, "/country/HN")
        by_name = await get(base, "/country/honduras")
        overview = await get(base, "/")
        contested = await get(base, "/?status=contested")
        unknown_deal = await get(base, "/?deal_type=nonsense")
    assert by_code.text == by_name.text
    assert "Honduras" in by_code.text and 'id="timeline-chart"' in by_code.text
    assert 'class="point' in by_code.text and ">unreviewed<" in by_code.text
    rows = re.findall(r'<tr data-country="(\w\w)" data-status="(\w+)">', overview.text)
    assert {"HN", "GT"} <= {c for c, _ in rows}
    order = [s for _, s in rows]
    assert order == sorted(order, key=lambda s: s != "contested"), "contested countries come first"
    assert 'data-country="HN"' in overview.text and 'id="world-map"' in overview.text
    only = re.findall(r'<tr data-country="(\w\w)" data-status="(\w+)">', contested.text)
    assert only and {s for _, s in only} == {"contested"}
    assert len(only) < len(rows), "the status filter drops the other countries"
    assert unknown_deal.status_code == 200 and 'class="error"' in unknown_deal.text


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_the_pages_never_write_the_store(db: Path) -> None:
    before = digest(db)
    async with running(db) as (_, base):
        for path in ("/", "/country/HN", "/feeds", "/api/agreements", "/api/agreements/HN"):
            assert (await get(base, path)).status_code == 200
    assert digest(db) == before


def test_listen_addresses_are_checked(tmp_path: Path) -> None:
    bad = stcwatch("web", "--listen", "8080", cwd=tmp_path)
    assert bad.returncode == 2 and 'must be HOST:PORT such as "0.0.0.0:9108", got \'8080\'' in bad.stderr
    cfg = config(tmp_path, '[web]\nlisten = "localhost"\n')
    broken = stcwatch("--config", str(cfg), "web", cwd=tmp_path)
    assert broken.returncode == 2 and "web.listen: must be HOST:PORT" in broken.stderr
