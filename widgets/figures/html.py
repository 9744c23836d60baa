"""HTML for the website face: tables in Dutch notation and the shell of an
interactive figure. Functions named ``*_html`` return strings; :class:`HTML`
wraps one for display in a notebook. Output is deterministic (no random ids),
so nbval can compare it.

A figure is a ``<figure class="bmh-figure">`` holding: a caption, the controls
(shown once the script runs), the chart (drawn at build time as SVG, redrawn by
Vega in the browser), the table of the current view (the default view without
JavaScript), notes, the selection in words, a message line, the source and
downloads. ``widgets/static/bmh-explorer.js`` fills it from the payload.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd

from ..data.labels import MARKER_LABELS_NL
from ..data.numbers import Marker, format_nl
from ..edition import REPORT, edition
from .charts import Chart
from .explorer import EXCEL_SUFFIX, View


def excel_name(name: str) -> str:
    """``instroom.csv`` -> ``instroom-excel.csv``: the spreadsheet twin of a download."""
    return name.removesuffix(".csv") + EXCEL_SUFFIX

NUM = ' class="num"'


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


def table_box_html(table: str, caption: str, extra_class: str = "") -> str:
    """A table in a box that scrolls sideways on its own when it must (keyboard-focusable)."""
    klass = "bmh-table-wrap" + (f" {extra_class}" if extra_class else "")
    return f'<div class="{klass}" tabindex="0" role="region" aria-label="{html.escape(caption)}">{table}</div>'


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
    extra_class: str = "",
    attributes: Mapping[str, str] | None = None,
    caption_html: str = "",
    marks: Mapping[tuple[int, str], str] | None = None,
    header_marks: Mapping[str, str] | None = None,
    row_classes: Mapping[int, str] | None = None,
    column_classes: Mapping[str, str] | None = None,
    groups: Mapping[int, Sequence[str]] | None = None,
) -> str:
    """A real HTML table: ``<caption>``, column headers with ``scope="col"``,
    the first column (``row_header`` or the index) as row headers, numbers
    right-aligned in Dutch notation. Rows whose label is in ``total_rows`` are
    styled as totals. ``links`` maps a column to a function of the row that
    returns an href: that column's cells become links (text unchanged).

    Optional, for tables laid out as the report prints them
    (``widgets.figures.report_tables``): ``attributes`` are added to the
    ``<table>`` element (e.g. ``data-table``); ``caption_html`` is markup added
    inside the caption after its text (e.g. the unit); ``marks`` maps (row
    position, column) to markup appended to that cell (a note reference), and
    ``header_marks`` a column to markup appended to its header; ``row_classes``
    (row position) and ``column_classes`` (column) add classes; ``groups`` maps
    a row position to the headings of the row groups that start there (a row
    ``<th scope="rowgroup">`` spanning the table before that row)."""
    frame = frame.reset_index() if row_header is None else frame
    header_col = row_header or frame.columns[0]
    numbers = set(number_columns if number_columns is not None else [c for c in frame.columns if c != header_col])
    totals = set(total_rows)
    marks, header_marks = marks or {}, header_marks or {}
    row_classes, column_classes, groups = row_classes or {}, column_classes or {}, groups or {}

    def classes(*names: str) -> str:
        names = " ".join(n for n in names if n)
        return f' class="{names}"' if names else ""

    head = "".join(
        f'<th scope="col"{classes("num" if c in numbers else "", column_classes.get(c, ""))}>'
        f"{html.escape(str(c))}{header_marks.get(c, '')}</th>"
        for c in frame.columns
    )
    body = []
    for position, (_, row) in enumerate(frame.iterrows()):
        for heading in groups.get(position, ()):
            body.append(f'<tr class="bmh-group"><th scope="rowgroup" colspan="{len(frame.columns)}">{html.escape(heading)}</th></tr>')
        cells = []
        for column in frame.columns:
            text = html.escape(formatter(row[column]) if column in numbers else str(row[column]))
            if links and column in links:
                text = f'<a href="{html.escape(links[column](row))}">{text}</a>'
            text += marks.get((position, column), "")
            if column == header_col:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                cells.append(f"<td{classes('num' if column in numbers else '', column_classes.get(column, ''))}>{text}</td>")
        klass = classes("bmh-total" if row[header_col] in totals else "", row_classes.get(position, ""))
        body.append(f"<tr{klass}>{''.join(cells)}</tr>")
    ident = f' id="{html.escape(table_id)}"' if table_id else ""
    extra = "".join(f' {k}="{html.escape(str(v))}"' for k, v in (attributes or {}).items())
    klass = "bmh-table" + (f" {extra_class}" if extra_class else "")
    table = (f'<table class="{klass}"{ident}{extra}><caption>{html.escape(caption)}{caption_html}</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    return table_box_html(table, caption)


def view_table_html(view: View, caption: str, table_id: str) -> str:
    """The table of a view, which the browser re-renders (class ``bmh-live``)."""
    head = "".join(f'<th scope="col"{NUM if i else ""}>{html.escape(h)}</th>' for i, h in enumerate(view.header))
    rows = "".join(
        "<tr>" + "".join(f'<td class="num">{html.escape(c)}</td>' if i else f'<th scope="row">{html.escape(c)}</th>'
                         for i, c in enumerate(row)) + "</tr>"
        for row in view.rows
    )
    table = (f'<table class="bmh-table bmh-live" id="{html.escape(table_id)}"><caption>{html.escape(caption)}</caption>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return table_box_html(table, caption)


def list_html(lines: Sequence[str]) -> str:
    return f"<ul>{''.join(f'<li>{html.escape(t)}</li>' for t in lines)}</ul>" if lines else ""


def checkbox_html(ident: str, items: Sequence[str], label: str, checked: bool = False, disabled: bool = False) -> str:
    """A checkbox that chooses ``items`` (the payload's item ids)."""
    state = (" checked" if checked else "") + (" disabled" if disabled else "")
    return (f'<label for="{html.escape(ident)}"><input type="checkbox" id="{html.escape(ident)}" '
            f'data-items="{html.escape(" ".join(items))}" autocomplete="off"{state}> {html.escape(label)}</label>')


def radio_html(name: str, items: Sequence[str], value: str, label: str, checked: bool = False) -> str:
    """A radio button of group ``name`` that chooses ``items`` ("" for "geen keuze")."""
    return (f'<label><input type="radio" name="{html.escape(name)}" value="{html.escape(value)}" '
            f'data-items="{html.escape(" ".join(items))}" autocomplete="off"{" checked" if checked else ""}> '
            f"{html.escape(label)}</label>")


def select_html(name: str, label: str, options: Sequence[tuple[str, str]], value: str, role: str) -> str:
    """A select whose value sets a part of the state (``role``: start, end, column)."""
    opts = "".join(f'<option value="{html.escape(v)}"{" selected" if v == value else ""}>{html.escape(t)}</option>' for v, t in options)
    return (f'<label>{html.escape(label)} <select name="{html.escape(name)}" data-role="{role}" autocomplete="off">'
            f"{opts}</select></label>")


def year_range_html(years: Sequence, start=None, end=None) -> str:
    """A fieldset with two selects, ``van`` and ``tot``, over ``years``."""
    options = [(str(y), str(y)) for y in years]
    start = str(years[0] if start is None else start)
    end = str(years[-1] if end is None else end)
    return (f'<fieldset><legend>Jaren</legend>{select_html("van", "van", options, start, "start")}'
            f'{select_html("tot", "tot en met", options, end, "end")}</fieldset>')


def field_radios_html(choices: Sequence[tuple[str, str]], value: str) -> str:
    """Radio buttons that choose the field shown (e.g. aantallen or aandeel)."""
    radios = "".join(
        f'<label><input type="radio" name="weergave" value="{html.escape(v)}" data-role="field" autocomplete="off"'
        f'{" checked" if v == value else ""}> {html.escape(t)}</label>'
        for v, t in choices
    )
    return f"<fieldset><legend>Weergave</legend>{radios}</fieldset>"


def figure_html(
    *,
    figure_id: str,
    kind: str,
    caption: str,
    source: str,
    view: View,
    table_caption: str,
    chart: Chart | None = None,
    specs: Mapping[str, dict] | None = None,
    chart_label: str = "",
    controls_html: str = "",
    payload=None,
    downloads: Sequence[tuple[str, str]] = (),
    live_downloads: Sequence[tuple[str, str, str]] = (),
    intro_html: str = "",
    after_html: str = "",
    share_link: bool = False,
    datasets: Sequence[str] = (),
    print_button: bool = False,
    units: Mapping[str, str] | str | None = None,
) -> str:
    """The website face of one interactive figure as an HTML string (see module doc).

    ``view``: the default state, shown without JavaScript. ``chart``: its
    drawing and Vega spec; ``specs``: a Vega spec per field where the chart
    differs by field (default: the chart's spec for the payload's field). ``downloads``:
    (label, href) of fixed files; ``live_downloads``: (label, CSV name, href of
    its Table Schema) of what the figure shows, made in the browser. ``datasets``:
    the tables of ``data/`` the figure shows, named in its ``data-table``
    attribute (space-separated, as ``widgets.figures.report_tables`` marks a table).
    ``print_button``: an "Afdrukken" button that prints this figure alone on one page (the
    choice in words, table, notes, source, edition and link; see bmh.css).
    ``units``: the unit written into an exported image (one text, or one per field);
    default: the last parenthesised part of ``table_caption``. A figure with a chart
    offers its current state as SVG and PNG with title, choice in words, unit, source,
    edition and link inside the image (``script.bmh-export``, read by bmh-explorer.js)."""
    tables = f' data-table="{html.escape(" ".join(datasets))}"' if datasets else ""
    parts = [f'<figure class="bmh-figure" id="{html.escape(figure_id)}" data-kind="{html.escape(kind)}"{tables}>',
             f"<figcaption>{html.escape(caption)}</figcaption>", intro_html]
    if controls_html:
        parts.append(f'<div class="bmh-controls" data-needs-js>{controls_html}</div>')
        parts.append('<noscript><p class="bmh-noscript">Zonder JavaScript ziet u de figuur in de beginstand; '
                     "de knoppen werken met JavaScript.</p></noscript>")
    parts.append(f'<p class="bmh-message" role="status">{html.escape(view.message or "")}</p>')
    if view.words is not None:
        parts.append(f'<p class="bmh-words" aria-live="polite">{html.escape(view.words)}</p>')
    if chart is not None:
        parts.append(f'<div class="bmh-chart" role="img" aria-label="{html.escape(chart_label or caption)}">{chart.svg}</div>')
        field = (payload or {}).get("url", {}).get("field", "")
        parts.append(f'<script type="application/json" class="bmh-spec">{json_for_script(dict(specs or {field: chart.vega}))}</script>')
    if payload is not None:
        parts.append(f'<script type="application/json" class="bmh-payload">{json_for_script(payload)}</script>')
    if payload is not None and chart is not None:
        parts.append(f'<script type="application/json" class="bmh-export">{json_for_script(export_info(caption, source, table_caption, units))}</script>')
    if view.header:
        parts.append(view_table_html(view, table_caption, f"{figure_id}-tabel"))
    parts.append(f'<div class="bmh-notes" aria-live="polite">{list_html(view.notes)}</div>')
    parts.append(after_html)
    live = [f'<a class="bmh-csv" data-csv="{html.escape(name)}" download="{html.escape(name)}" href="">{html.escape(label)}</a>'
            f' (<a href="{html.escape(schema)}">beschrijving</a>; <a class="bmh-csv" data-csv="{html.escape(excel_name(name))}" '
            f'download="{html.escape(excel_name(name))}" href="">voor Excel</a>)' for label, name, schema in live_downloads]
    if share_link:
        parts.append('<p class="bmh-permalink" data-needs-js><a class="bmh-link" href="">Link naar deze keuze</a></p>')
    if share_link:
        parts.append('<details class="bmh-embed" data-needs-js><summary>Insluiten</summary>'
                     '<p>Met deze code toont een andere website de figuur met uw keuze; zet de bronvermelding eronder.</p>'
                     f'<textarea class="bmh-embed-code" readonly rows="4" aria-label="HTML-code om de figuur {html.escape(caption)} in te sluiten">'
                     '</textarea><p>Bronvermelding: <span class="bmh-embed-cite"></span></p></details>')
    if payload is not None and chart is not None:
        parts.append('<p class="bmh-export-buttons" data-needs-js>Bewaar de figuur zoals u die nu ziet, met titel en bron: '
                     '<button type="button" data-action="export-svg">als SVG</button> '
                     '<button type="button" data-action="export-png">als PNG</button></p>')
    if print_button:
        parts.append('<p class="bmh-print-button" data-needs-js><button type="button" data-action="print-figure">Afdrukken</button>'
                     " (alleen deze figuur met uw keuze, op één pagina)</p>")
    if live:
        parts.append(f'<p class="bmh-share" data-needs-js>{" · ".join(live)}</p>')
    links = " · ".join(f'<a href="{html.escape(href)}" download>{html.escape(label)}</a>' for label, href in downloads)
    parts.append(f'<p class="bmh-source">{html.escape(source)}{" · " + links if links else ""}</p>')
    if print_button:
        parts.append(f'<p class="bmh-print-edition">Interactieve editie van “{html.escape(REPORT["title"])}” (BMH {REPORT["number"]}), '
                     f'{html.escape(edition().label_nl)}. Berekening uit de gegevens van deze editie.</p>')
    parts.append("</figure>")
    return "".join(parts)


def export_info(caption: str, source: str, table_caption: str, units: Mapping[str, str] | str | None) -> dict:
    """What an exported image of a figure says besides its chart (Dutch): title, unit (per
    field, key "" for all), source line and edition."""
    import re

    if units is None:
        match = re.search(r"\(([^()]*)\)\s*$", table_caption)
        units = match.group(1) if match else ""
    return {
        "title": caption,
        "units": {"": units} if isinstance(units, str) else dict(units),
        "source": source,
        "edition": f"Interactieve editie van “{REPORT['title']}” (BMH {REPORT['number']}), {edition().label_nl}",
    }


class HTML:
    """Displays an HTML string in a notebook; its plain-text form is the
    given summary (deterministic, so nbval can compare it)."""

    def __init__(self, markup: str, summary: str = "HTML"):
        self.markup, self.summary = markup, summary

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.summary
