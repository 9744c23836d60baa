"""Charts: Vega-Lite specs written with Altair, compiled to Vega and drawn to SVG
while the book builds (vl-convert, offline), with Dutch numbers.

Every chart reads one data set named ``rows`` with the fields ``x`` (a column
label: a year or period), ``series`` (an item or sum label) and ``value``:
the ``chart`` rows of a figure's view (``widgets.figures.explorer.View``). The
browser replaces ``rows`` when a reader changes the figure; the build puts the
default state in the page as SVG, so a chart is there before any script runs
(and without JavaScript, and on paper).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

import altair as alt
import vl_convert

from ..data.numbers import NUMBER_LOCALE

VEGA_LITE_VERSION = "6.4"  # the Vega-Lite that vl-convert compiles with
STATIC_WIDTH = 600  # px: width of the build-time drawing (it scales down with the page)
HEIGHT = 240
FONT = 12  # px: axis and legend text
AXIS_FORMAT = ",.2~f"  # Dutch through NUMBER_LOCALE
COLORS = {"extra": "#b2182b", "savings": "#2166ac", "highlight": "#b2182b"}
GREYS = ["#4d4d4d", "#878787", "#bababa", "#d9d9d9"]
CONFIG = {
    "aria": False,  # the chart's box carries the Dutch description; Vega's own ARIA text is English
    "axis": {"labelFontSize": FONT, "titleFontSize": FONT},
    # on a phone ten years do not fit side by side at 12 px: every other one is left out, not overprinted
    "axisX": {"labelOverlap": "parity", "labelSeparation": 4},
    "legend": {"labelFontSize": FONT, "titleFontSize": FONT, "orient": "bottom", "columns": 2, "labelLimit": 260},
    "view": {"stroke": None},
}


@dataclass(frozen=True)
class Chart:
    """A chart ready for the page: the Vega spec for the browser (``rows``
    emptied: the page fills it) and the SVG of the default state."""

    vega: dict
    svg: str


def base(rows: list[dict]) -> alt.Chart:
    """An Altair chart on the ``rows`` data set."""
    return alt.Chart(alt.Data(name="rows", values=rows))


def compile_chart(chart: alt.TopLevelMixin, description: str) -> Chart:
    """The chart compiled to Vega (width: the container's) and drawn to SVG
    at :data:`STATIC_WIDTH` px with Dutch number notation."""
    spec = chart.properties(width="container", description=description).to_dict()
    spec["config"] = {**CONFIG, **spec.get("config", {})}
    vega = vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE_VERSION)
    svg = vl_convert.vega_to_svg(_static_width(vega), format_locale=NUMBER_LOCALE)
    browser = copy.deepcopy(vega)
    for data in browser["data"]:
        if data.get("name") == "rows":
            data["values"] = []
    return Chart(vega=browser, svg=_mark_static(svg))


def _static_width(vega: dict) -> dict:
    """The spec with a fixed width instead of the container's (a drawing has no container)."""
    fixed = copy.deepcopy(vega)
    for signal in fixed.get("signals", []):
        if signal["name"] == "width":
            signal.clear()
            signal.update({"name": "width", "value": STATIC_WIDTH})
    return fixed


def _mark_static(svg: str) -> str:
    """The build-time SVG, hidden from screen readers (its box has the Dutch text
    alternative) and marked so the live chart can replace it; drawn from the top left of
    its box when the page makes the box narrower than the drawing (bmh.css)."""
    if 'class="marks"' not in svg:
        raise ValueError("vl-convert's SVG no longer has class=\"marks\" on its root")
    return svg.replace('class="marks"', 'class="marks bmh-static" aria-hidden="true" focusable="false" '
                       'preserveAspectRatio="xMinYMin meet"', 1)


def png(chart: Chart, scale: float = 2.0) -> bytes:
    """The default state as PNG (for previews), from the same drawing."""
    return vl_convert.svg_to_png(chart.svg, scale=scale)
