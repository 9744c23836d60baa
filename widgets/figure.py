"""HTML for the website face of a figure, and HTML tables in Dutch notation.

A figure on the website is a ``<figure class="bmh-figure">`` holding: a
caption, optional controls, a Vega-Lite chart (drawn in the browser by
``widgets/static/bmh-figures.js`` with Vega served from the site), a real
HTML table of the default state (readable without JavaScript), the source
and download links. Output is deterministic (no random ids), so nbval can
compare it.
"""
from __future__ import annotations

import html
import json
import os
from typing import Callable, Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from .numbers import MARKER_LABELS_NL, Marker, format_nl

VEGA_LITE_VERSION = "6.4"  # the Vega-Lite of the site's bundle and of the kernel face's SVGs
STATIC_ENV = "BMH_FACE"  # "static": notebooks show the website face (book build, nbval)


def static_face() -> bool:
    """True when notebooks are executed for the website (``BMH_FACE=static``)."""
    return os.environ.get(STATIC_ENV, "") == "static"


def json_for_script(data) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</``)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


def format_cell(value, decimals: int = 2) -> str:
    """A table cell for readers: a number in Dutch notation, a marker's label,
    or an empty string for a missing value."""
    if isinstance(value, Marker):
        return MARKER_LABELS_NL[value]
    if isinstance(value, str):
        try:
            return MARKER_LABELS_NL[Marker(value)]
        except ValueError:
            return value
    if value is None or pd.isna(value):
        return ""
    return format_nl(float(value), decimals=decimals)


def html_table(
    frame: pd.DataFrame,
    caption: str,
    *,
    row_header: str | None = None,
    number_columns: Sequence[str] | None = None,
    total_rows: Iterable = (),
    formatter: Callable = format_cell,
    table_id: str | None = None,
    links: Mapping[str, Callable[[pd.Series], str]] | None = None,
) -> str:
    """A real HTML table: ``<caption>``, column headers with ``scope="col"``,
    the first column (``row_header`` or the index) as row headers, numbers
    right-aligned in Dutch notation. Rows whose label is in ``total_rows`` are
    styled as totals. ``links`` maps a column to a function of the row that
    returns an href: that column's cells become links (text unchanged)."""
    frame = frame.reset_index() if row_header is None else frame
    header_col = row_header or frame.columns[0]
    numbers = set(number_columns if number_columns is not None else [c for c in frame.columns if c != header_col])
    totals = set(total_rows)
    num_class = ' class="num"'
    head = "".join(
        f'<th scope="col"{num_class if c in numbers else ""}>{html.escape(str(c))}</th>' for c in frame.columns
    )
    body = []
    for _, row in frame.iterrows():
        cells = []
        for column in frame.columns:
            text = html.escape(formatter(row[column]) if column in numbers else str(row[column]))
            if links and column in links:
                text = f'<a href="{html.escape(links[column](row))}">{text}</a>'
            if column == header_col:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                cells.append(f'<td class="num">{text}</td>' if column in numbers else f"<td>{text}</td>")
        klass = ' class="bmh-total"' if row[header_col] in totals else ""
        body.append(f"<tr{klass}>{''.join(cells)}</tr>")
    ident = f' id="{html.escape(table_id)}"' if table_id else ""
    return (
        f'<div class="bmh-table-wrap" tabindex="0" role="region" aria-label="{html.escape(caption)}"><table class="bmh-table"{ident}><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def year_range_html(years: Sequence[int], start: int | None = None, end: int | None = None) -> str:
    """A fieldset with two selects, ``start`` and ``end``, over ``years``."""
    start = years[0] if start is None else start
    end = years[-1] if end is None else end

    def select(name: str, label: str, value: int) -> str:
        options = "".join(f'<option value="{y}"{" selected" if y == value else ""}>{y}</option>' for y in years)
        return f'<label>{label} <select name="{name}">{options}</select></label>'

    return f'<fieldset><legend>Jaren</legend>{select("start", "van", start)}{select("end", "tot en met", end)}</fieldset>'


def figure_html(
    *,
    figure_id: str,
    kind: str,
    caption: str,
    source: str,
    chart: alt.TopLevelMixin | dict | None = None,
    chart_label: str = "",
    controls_html: str = "",
    table_html: str = "",
    payload=None,
    downloads: Sequence[tuple[str, str]] = (),
    extra_html: str = "",
    intro_html: str = "",
) -> str:
    """The website face of one figure as an HTML string (see module doc).

    ``intro_html`` comes right after the caption; ``downloads`` are (label, href) pairs; ``payload`` is JSON-serialisable
    data for the figure's own script (``window.BMH.kinds[kind]``)."""
    spec = chart.to_dict() if isinstance(chart, alt.TopLevelMixin) else chart
    parts = [f'<figure class="bmh-figure" id="{html.escape(figure_id)}" data-kind="{html.escape(kind)}">']
    parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append(intro_html)
    if controls_html:
        parts.append(f'<div class="bmh-controls" data-needs-js hidden>{controls_html}</div>')
        parts.append('<noscript><p class="bmh-noscript">Zonder JavaScript staat hieronder alleen de tabel, '
                     "in de beginstand; de knoppen en de grafiek werken met JavaScript.</p></noscript>")
    if spec is not None:
        label = html.escape(chart_label or caption)
        parts.append(f'<div class="bmh-chart" role="img" aria-label="{label}"></div>')
        parts.append(f'<script type="application/json" class="bmh-spec">{json_for_script(spec)}</script>')
    if payload is not None:
        parts.append(f'<script type="application/json" class="bmh-payload">{json_for_script(payload)}</script>')
    parts.append(table_html)
    parts.append(extra_html)
    links = " · ".join(f'<a href="{html.escape(href)}" download>{html.escape(label)}</a>' for label, href in downloads)
    parts.append(f'<p class="bmh-source">{html.escape(source)}{" · " + links if links else ""}</p>')
    parts.append("</figure>")
    return "".join(parts)


NL_FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""], "minus": "\u2212"}


def chart_svg(chart: alt.TopLevelMixin):
    """The chart drawn to SVG in Python (vl-convert, Dutch number format), for
    the kernel face: no JavaScript and no request to any other host (Altair's
    default renderer in JupyterLab would load Vega from a CDN)."""
    import vl_convert
    from IPython.display import SVG

    return SVG(vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=VEGA_LITE_VERSION, format_locale=NL_FORMAT_LOCALE))


class HTML:
    """Displays an HTML string in a notebook; its plain-text form is the
    given summary (deterministic, so nbval can compare it)."""

    def __init__(self, markup: str, summary: str = "HTML"):
        self.markup, self.summary = markup, summary

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.summary
