"""The pages in a real browser: Debian's headless Chromium loads `/` and `/country/HN` from the real server,
and we check the DOM it rendered (status, map regions, timeline points, links) and keep screenshots.

Skips with the reason when no chromium is installed (`.ci/run` installs Debian's package). Screenshots go
to `<tmp>/screenshots/`, and also to $STCWATCH_SCREENSHOTS when set (CI artifacts; docs/ for the README).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.web.world import build_store, running

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (apt-get install -y chromium; .ci/run installs it)"
)
PNG = b"\x89PNG\r\n\x1a\n"


async def chromium(tmp_path: Path, *args: str, size: str = "1280,900") -> bytes:
    """Run headless Chromium offline and sandboxed from the network's background services; its stdout."""
    assert CHROMIUM is not None
    proc = await asyncio.create_subprocess_exec(
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={size}", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), timeout=90)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return out


class Dom(HTMLParser):
    """The rendered DOM's elements as (tag, attributes, text inside up to the next tag)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """Elements TAG whose attributes contain WANTED (class matches one of the classes)."""
        out = []
        for t, attrs in self.elements:
            if t != tag:
                continue
            ok = True
            for key, value in wanted.items():
                key = key.rstrip("_").replace("_", "-")
                have = attrs.get(key, "")
                ok = ok and (value in have.split() if key == "class" else have == value)
            if ok:
                out.append(attrs)
        return out


def keep(target: Path) -> None:
    """Check the PNG and copy it to $STCWATCH_SCREENSHOTS when set."""
    data = target.read_bytes()
    assert data.startswith(PNG) and len(data) > 20_000, "a blank or broken screenshot"
    extra = os.environ.get("STCWATCH_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(extra) / target.name)


async def screenshot(tmp_path: Path, url: str, name: str, size: str = "1280,900") -> Path:
    shots = tmp_path / "screenshots"
    await asyncio.to_thread(shots.mkdir, exist_ok=True)
    target = shots / name
    await chromium(tmp_path, f"--screenshot={target}", url, size=size)
    await asyncio.to_thread(keep, target)
    return target


async def test_overview_and_country_pages_render_in_chromium(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.db")
    async with running(db) as (_, base):
        overview = Dom((await chromium(tmp_path, "--dump-dom", f"{base}/")).decode())
        country = Dom((await chromium(tmp_path, "--dump-dom", f"{base}/country/HN")).decode())
        await screenshot(tmp_path, f"{base}/", "web-overview.png")
        await screenshot(tmp_path, f"{base}/country/HN", "web-country-HN.png")
        await screenshot(tmp_path, f"{base}/", "web-overview-phone.png", size="390,844")

    # the overview: every outline drawn, tracked ones coloured by status and linked to their page
    regions = overview.find("path", class_="region")
    assert len(regions) > 150
    tracked = {r["data-country"]: r["data-status"] for r in regions if r["data-status"] != "untracked"}
    assert tracked.get("GT") == "contested" and tracked.get("HN") == "confirmed"
    rows = overview.find("tr")
    listed = {r["data-country"]: r["data-status"] for r in rows if "data-country" in r}
    assert {k: v for k, v in listed.items() if k in tracked} == {k: v for k, v in tracked.items() if k in listed}
    assert next(iter(listed.values())) == "contested", "contested countries come first"
    assert overview.find("a", href="/country/GT")
    assert overview.find("ul", id="alerts") and overview.find("form", method="get")
    assert not overview.find("script")

    # the country page: status, a point per timeline row on the chart, source links
    assert country.find("span", class_="badge", data_status="confirmed")
    points = country.find("circle", class_="point")
    timeline_rows = [r for r in country.find("tr") if "data-kind" in r]
    assert points and len(points) == len(timeline_rows)
    assert {p["data-lane"] for p in points} >= {"confirm", "claim", "deny"}
    assert country.find("circle", class_="unreviewed"), "the machine reads are marked on the chart"
    assert country.find("a", href="https://news.example/hn-2")
    assert not [a for a in country.find("a") if a.get("href", "").lower().startswith("javascript:")]
    text = " ".join(country.text)
    assert "unreviewed" in text and re.search(r"<script>alert\(2\)</script>", text), "hostile text shown as text"
    assert not country.find("script") and not country.find("img")
