"""The series page: per indicator, a small inline-SVG chart of its points across the corpus.

One chart per indicator, kind, basis and unit with at least two points (values of different units
or kinds never share an axis); one colour per location.  The x axis is time when every point's
period is resolved to dates, and then each location's points are joined by a line; else it lists
the periods as written, in text order, and the points stand alone (``9月`` and ``1-9月`` have no
order a line could show).
Each point links to the sentence of the report it takes its value from, on the documents pages
``zhibiao render`` writes next to this one; its tooltip lists every report.  No script, no resource
from elsewhere: the page is one file.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from urllib.parse import quote

from .render import event_anchor, format_value, html_page
from .series import Point, group_points

WIDTH, HEIGHT = 380, 190
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 12, 44  # margins around the plot area, pixels
PAD = 24  # pixels between the y axis (and the right edge) and the first (last) point, room for x labels
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
MAX_LABELS = 6  # x labels drawn under a categorical axis; more would overlap
DEFAULT_TITLE = "zhibiao: indicator series"


def _e(value: object) -> str:
    return "" if value is None else escape(str(value), quote=True)


def chart_groups(points: list[Point]) -> list[list[Point]]:
    """The points of each chart (indicator, kind, basis, unit) with at least two points, the longest
    series first (then in the order of ``points``)."""
    groups: dict[tuple, list[Point]] = {}
    for p in points:
        groups.setdefault((p.indicator, p.kind, p.basis, p.unit), []).append(p)
    return sorted((g for g in groups.values() if len(g) >= 2), key=len, reverse=True)


def _x_positions(points: list[Point]) -> tuple[list[float], list[tuple[float, str]]]:
    """Each point's x in [0, 1] and the axis labels (x, text)."""
    if _timed(points):
        mids = [(dt.date.fromisoformat(p.period_start).toordinal() + dt.date.fromisoformat(p.period_end).toordinal()) / 2
                for p in points]
        lo, hi = min(mids), max(mids)
        xs = [(m - lo) / (hi - lo) if hi > lo else 0.5 for m in mids]
        first, last = mids.index(lo), mids.index(hi)
        labels = [(xs[first], points[first].period or points[first].period_start)]
        if hi > lo:
            labels.append((xs[last], points[last].period or points[last].period_start))
        return xs, labels
    order = sorted({_category(p) for p in points})
    step = 1 / (len(order) - 1) if len(order) > 1 else 0
    where = {c: (i * step if len(order) > 1 else 0.5) for i, c in enumerate(order)}
    xs = [where[_category(p)] for p in points]
    shown = order if len(order) <= MAX_LABELS else [order[0], order[-1]]
    return xs, [(where[c], c[2] or "—") for c in shown]


def _timed(points: list[Point]) -> bool:
    """Whether the x axis is time: every point's period resolved to dates."""
    return all(p.period_start and p.period_end for p in points)


def _category(p: Point) -> tuple:
    """A point's place on a categorical axis: resolved periods by date first, then as written."""
    return (p.period_start is None, p.period_start or "", p.period or "")


def _y_scale(points: list[Point]) -> tuple[float, float]:
    values = [v for p in points for v in (p.row()["min_value"], p.row()["max_value"])]
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - (abs(lo) or 1) * 0.1, hi + (abs(hi) or 1) * 0.1
    return lo, hi


def _tooltip(p: Point) -> str:
    row = p.row()
    head = (f"{row['name'] or row['indicator']} · {row['location'] or 'no place'} · {row['period'] or 'no period'}: "
            f"{format_value(row['value'])} {row['unit'] or ''}".rstrip())
    reports = [f"{s['doc_id']}: {s['value_text'] or format_value(s['value'])}" for s in row["sources"]]
    flag = " · CONFLICT: the reports disagree beyond rounding" if row["conflict"] else ""
    return f"{head}{flag}\n{len(reports)} report(s): " + "; ".join(reports)


def chart_svg(points: list[Point], href: Callable[[Point], str]) -> str:
    """One chart: a line per location, each point a link (``href``) with a tooltip of its reports."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    xs, labels = _x_positions(points)
    lo, hi = _y_scale(points)

    def x_of(x: float) -> float:
        return round(LEFT + PAD + x * (plot_w - 2 * PAD), 1)

    def y_of(v: float) -> float:
        return round(TOP + (hi - v) / (hi - lo) * plot_h, 1)

    places = list(dict.fromkeys(p.location for p in points))
    timed = _timed(points)
    out = [f'<svg class="zb-svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img">',
           f'<line class="zb-axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}"/>',
           f'<line class="zb-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/>']
    for v in (lo, hi):
        out.append(f'<text class="zb-ytick" x="{LEFT - 4}" y="{y_of(v) + 4}" text-anchor="end">{_e(axis_label(v))}</text>')
    for x, text in labels:
        out.append(f'<text class="zb-xtick" x="{x_of(x)}" y="{TOP + plot_h + 16}" text-anchor="middle">{_e(text)}</text>')
    for k, place in enumerate(places):
        colour = COLOURS[k % len(COLOURS)]
        mine = sorted(((xs[i], p) for i, p in enumerate(points) if p.location == place), key=lambda xp: xp[0])
        if timed and len(mine) > 1:  # periods as written have no order a line could honestly show
            path = " ".join(f"{x_of(x)},{y_of(p.best.value)}" for x, p in mine)
            out.append(f'<polyline class="zb-line" points="{path}" stroke="{colour}"/>')
        for x, p in mine:
            cls = "zb-pt zb-conflict" if p.conflict else "zb-pt"
            out.append(f'<a class="zb-point" href="{_e(href(p))}" data-reports="{len(p.reports)}">'
                       f'<circle class="{cls}" cx="{x_of(x)}" cy="{y_of(p.best.value)}" r="4.5" fill="{colour}">'
                       f'<title>{_e(_tooltip(p))}</title></circle></a>')
    out.append("</svg>")
    legend = "".join(f'<span style="color:{COLOURS[k % len(COLOURS)]}">● {_e(place or "no place named")}</span> '
                     for k, place in enumerate(places)) if len(places) > 1 or places[0] else ""
    return "".join(out) + (f'<p class="zb-chart-legend">{legend}</p>' if legend else "")


def axis_label(v: float) -> str:
    """An axis label in Chinese magnitudes, four significant digits: ``4.121亿``, ``3.937万``, ``48.8``."""
    for scale, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(v) >= scale:
            return f"{v / scale:.4g}{word}"
    return f"{v:.4g}"


def _chart_title(points: list[Point]) -> str:
    p = points[0]
    name = p.name or p.indicator
    same = f" ({p.indicator})" if p.indicator_id and p.indicator != name else ""
    what = " · ".join(x for x in (p.kind, p.basis, p.unit or "no unit") if x)
    return f"{name}{same} · {what}"


def render_series(records: list[dict], documents_page: Callable[[int], str], title: str = DEFAULT_TITLE) -> str:
    """The series page of ``records``; ``documents_page(i)`` names the page that shows document ``i``."""
    points = group_points(records)
    groups = chart_groups(points)

    def href(p: Point) -> str:
        best = p.best
        return f"{quote(documents_page(best.doc_index))}#{event_anchor(best.doc_index, best.event_index)}"

    figures = [
        f'<figure class="zb-chart" data-indicator="{_e(g[0].indicator)}" data-points="{len(g)}">'
        f'<figcaption>{_e(_chart_title(g))}</figcaption>{chart_svg(g, href)}</figure>'
        for g in groups
    ]
    conflicts = sum(p.conflict for p in points)
    intro = (
        f'<p class="zb-meta">{len(points):,} points from {sum(len(p.reports) for p in points):,} events in '
        f"{len(records):,} documents; {len(groups):,} series with at least two points are drawn; "
        f"{conflicts:,} points have reports that disagree beyond rounding (ringed in black). A point links to "
        "the sentence its value comes from; hover it for every report.</p>"
    )
    body = intro + (f'<div class="zb-charts">{"".join(figures)}</div>' if figures
                    else '<p class="zb-none">no indicator has two points</p>')
    return html_page(title, body)
