"""The geometry behind the two SVGs: shipped outlines, statuses on the map, statements on lanes and dates."""

from __future__ import annotations

from datetime import date

from bot.service.answers import TimelineItem
from bot.web.svg import lane_of, map_regions, timeline_chart, world_map


def item(day: date, kind: str, reviewed: bool = True) -> TimelineItem:
    return TimelineItem(day, "day", kind, "someone", "said so", None, None, "finding", reviewed=reviewed)


def test_the_shipped_outlines_cover_the_tracked_world() -> None:
    world = world_map()
    assert world.width == 1000 and world.height == 400
    assert {"HN", "GT", "SV", "MX", "RW", "UG", "XK", "US", "RU", "FJ"} <= world.paths.keys()
    assert len(world.paths) > 170
    # Russia and Fiji cross the antimeridian: drawn on both edges, never as a line across the map
    for code in ("RU", "FJ"):
        xs = [float(p.split()[0]) for sub in world.paths[code].split("M")[1:] for p in sub.rstrip("Z").split("L")]
        assert min(xs) < 0 or max(xs) > 1000, f"{code} is not split at the antimeridian"


def test_regions_carry_status_and_tracked_ones_come_last() -> None:
    regions = map_regions({"HN": ("Honduras", "contested"), "GT": ("Guatemala", "denied")})
    assert [r.code for r in regions[-2:]] == ["GT", "HN"]
    assert {r.code: r.status for r in regions}["HN"] == "contested"
    assert all(r.status == "untracked" for r in regions[:-2])


def test_timeline_points_sit_on_their_sides_lane_in_date_order() -> None:
    assert timeline_chart([]) is None
    chart = timeline_chart([
        item(date(2025, 6, 27), "denial"), item(date(2019, 7, 26), "agreement_signed"),
        item(date(2025, 6, 26), "claim", reviewed=False), item(date(2021, 2, 6), "terminated"),
    ])  # fmt: skip
    assert chart is not None
    assert [p.lane for p in chart.points] == ["confirm", "other", "claim", "deny"]
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and chart.left <= xs[0] and xs[-1] <= chart.right
    lane_y = {lane: y for lane, _, y in chart.lanes}
    assert all(p.y == lane_y[p.lane] for p in chart.points)
    assert chart.ticks[0].label == "2019" and not chart.points[2].reviewed
    assert lane_of("confirmation") == "confirm" and lane_of("refusal") == "deny" and lane_of("weird") == "other"
