"""Geometry for the two server-drawn SVGs: the world map by status and a country's timeline chart.

Only numbers and codes come out of here; the templates write the SVG (escaped like everything else), so
no feed text is ever spliced into markup by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from bot.service.answers import TimelineItem
from bot.tracker.statements import KIND_EFFECT, Effect, Kind


@dataclass(frozen=True)
class WorldMap:
    """Country outlines (Natural Earth 1:110m, see data/README.md) as SVG path data by ISO alpha-2."""

    width: float
    height: float
    paths: dict[str, str]


@lru_cache(maxsize=1)
def world_map() -> WorldMap:
    """The packaged outlines, read once per process."""
    raw = json.loads(files("bot.web").joinpath("data/world-110m.json").read_text(encoding="utf-8"))
    return WorldMap(float(raw["width"]), float(raw["height"]), dict(raw["countries"]))


@dataclass(frozen=True)
class Region:
    """One country's outline on the map with the status it is coloured by ("untracked" when none)."""

    code: str
    name: str
    status: str
    d: str


def map_regions(statuses: dict[str, tuple[str, str]]) -> list[Region]:
    """Every outline, tracked ones (code -> (name, status)) drawn last so their borders sit on top."""
    world = world_map()
    untracked = [Region(c, "", "untracked", d) for c, d in world.paths.items() if c not in statuses]
    tracked = [Region(c, statuses[c][0], statuses[c][1], d) for c, d in world.paths.items() if c in statuses]
    return untracked + tracked


# Timeline lanes by who speaks: the country's own government confirms or denies; others claim.
LANES: tuple[tuple[str, str], ...] = (
    ("confirm", "Confirmed / signed"),
    ("claim", "Claims by others"),
    ("deny", "Denials / refusals"),
    ("other", "Talks, ends, mentions"),
)
_LANE_OF = {Effect.CONFIRM: "confirm", Effect.CLAIM: "claim", Effect.DENY: "deny"}

CHART_WIDTH = 720.0
LEFT = 150.0
RIGHT = 20.0
TOP = 14.0
LANE_HEIGHT = 34.0
AXIS_HEIGHT = 26.0


@dataclass(frozen=True)
class Point:
    """One statement on the chart."""

    x: float
    y: float
    lane: str
    kind: str
    when: str
    actor: str
    summary: str
    reviewed: bool


@dataclass(frozen=True)
class Tick:
    """A year mark on the time axis."""

    x: float
    label: str


@dataclass(frozen=True)
class TimelineChart:
    """Everything the timeline SVG template needs."""

    width: float
    height: float
    left: float
    right: float
    axis_y: float
    lanes: list[tuple[str, str, float]]  # (lane, label, y)
    points: list[Point]
    ticks: list[Tick]


def lane_of(kind: str) -> str:
    """Which lane a statement kind goes in."""
    try:
        effect = KIND_EFFECT[Kind(kind)]
    except (ValueError, KeyError):
        return "other"
    return _LANE_OF.get(effect, "other")


def when_text(item: TimelineItem) -> str:
    """The date as precise as it is known."""
    if item.precision == "year":
        return f"{item.date.year}"
    if item.precision == "month":
        return item.date.strftime("%Y-%m")
    return item.date.isoformat()


def timeline_chart(items: list[TimelineItem]) -> TimelineChart | None:
    """Statements on one time axis, one lane per side; None for an empty timeline."""
    if not items:
        return None
    first = min(i.date for i in items)
    last = max(i.date for i in items)
    start = date(first.year, 1, 1)
    end = date(last.year + 1, 1, 1)
    span = max((end - start).days, 1)
    right = CHART_WIDTH - RIGHT
    lane_y = {lane: TOP + LANE_HEIGHT * (n + 0.5) for n, (lane, _) in enumerate(LANES)}
    axis_y = TOP + LANE_HEIGHT * len(LANES)

    def x_of(day: date) -> float:
        return round(LEFT + (right - LEFT) * (day - start).days / span, 1)

    points = [
        Point(x_of(i.date), lane_y[lane_of(i.kind)], lane_of(i.kind), i.kind, when_text(i), i.actor, i.summary,
              i.reviewed)
        for i in sorted(items, key=lambda i: i.date)
    ]  # fmt: skip
    years = range(start.year, end.year + 1)
    step = max(1, len(years) // 8)
    ticks = [Tick(x_of(date(y, 1, 1)), str(y)) for y in years if (y - start.year) % step == 0]
    lanes = [(lane, label, lane_y[lane]) for lane, label in LANES]
    return TimelineChart(CHART_WIDTH, axis_y + AXIS_HEIGHT, LEFT, right, axis_y, lanes, points, ticks)
