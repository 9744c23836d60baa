"""The time-series figures of the book, website face, on ``widgets.models.series``:
choose series and years (and for EU+ applications, counts or shares) and read
the numbers. :func:`view` is what a reader sees for a state, computed by the
model; the browser computes the same from :func:`payload`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..data.labels import NOT_AVAILABLE_KEY_NL, NOT_AVAILABLE_NL, NOT_AVAILABLE_SHORT_NL, label
from ..data.numbers import format_nl, format_percent_nl
from ..models import series as model
from ..models.series import SeriesData, SeriesError
from . import charts
from .explorer import View, base_payload, csv_text, excel_def, with_excel, words_text
from .html import HTML, checkbox_html, field_radios_html, figure_html, year_range_html

MESSAGES = {
    "noItems": "Kies ten minste één reeks.",
    "range": "Het beginjaar ligt na het eindjaar: kies een beginjaar dat niet later is dan het eindjaar.",
    "emptyChart": "Voor deze keuze staan er geen getallen in de tabel, dus ook niets in de grafiek; de toelichting onder de tabel zegt waarom.",
    "unknown": "Onbekende reeks in de link, weggelaten: {codes}.",
    "elsewhere": "Niet in deze figuur te kiezen: {labels}.",
    "conflict": "{code} gaat niet samen met {other}.",
    "badValue": "Onbekende waarde in de link genegeerd: {value}.",
}
FIELD_NAMES = {"count": "getallen", "share": "aandelen"}


def words(data: SeriesData) -> dict:
    """How a series figure states its choice (see ``widgets.figures.explorer``)."""
    return {"prefix": "Gekozen: ", "empty": "", "range": "; jaren {start}-{end}", "single": "; jaar {start}",
            "fields": {"share": "; als aandeel in het totaal van de EU+"} if data.reference else {}}


@dataclass(frozen=True)
class SeriesFigure:
    """One series figure of the book: its data, mark and Dutch texts."""

    key: str
    data: Callable[[], SeriesData]
    mark: str  # "bar" or "line"
    caption: str  # without the unit: the unit is added from the data
    total_label: str = label("total")
    highlight: str | None = None  # a series drawn in colour, the others in grey
    share_label: str = ""  # radio label for shares, when the data has a reference total


FIGURES = {f.key: f for f in [
    SeriesFigure("instroom", model.inflow, "bar", "Asielinstroom naar type aanvraag"),
    SeriesFigure("eu", model.eu_first_applications, "line", "Eerste asielaanvragen in de EU+ per land",
                 share_label="aandeel in het totaal van de EU+ zoals gedrukt (berekend)"),
    SeriesFigure("opvang", model.reception, "line", "Centrale opvang van het COA: instroom, uitstroom en bezetting"),
    SeriesFigure("verblijfsduur", model.reception_stay, "bar", "Verblijfsduur in de centrale opvang",
                 total_label="Som van de gekozen klassen"),
    SeriesFigure("spoor-uitstroom", model.track_outflow, "bar", "Uitstroom van eerste asielaanvragen per spoor", highlight="spoor1"),
    SeriesFigure("spoor-duur", model.track_duration, "line", "Gemiddelde doorlooptijd per spoor", highlight="spoor1"),
]}


def figure(key: str) -> SeriesFigure:
    """The figure definition; raises SeriesError naming the known keys."""
    if key not in FIGURES:
        raise SeriesError(f"unknown figure {key!r}; known: {', '.join(FIGURES)}")
    return FIGURES[key]


def fields(data: SeriesData) -> list[str]:
    return ["count", "share"] if data.reference else ["count"]


def unit_text(data: SeriesData, field: str) -> str:
    return "procent" if field == "share" else data.unit


def _share_cell(data: SeriesData, series: str, year: int, value) -> str:
    if pd.isna(value):
        return NOT_AVAILABLE_SHORT_NL
    printed = data.printed_share.get((series, year))
    text = format_percent_nl(float(value))
    return text + (f" (gedrukt: {format_nl(printed)}%)" if printed is not None else "")


def _count_cell(value) -> str:
    return NOT_AVAILABLE_SHORT_NL if pd.isna(value) else format_nl(float(value))


def _note_text(data: SeriesData, series: str, note: str) -> str:
    return f"{data.labels[series]}, {{columns}}: {NOT_AVAILABLE_NL}. {note}".rstrip()


def csv_name(key: str, field: str) -> str:
    """``instroom.csv`` for the numbers as shown, ``eu-aandelen.csv`` for shares."""
    return f"{key}.csv" if field == "count" else f"{key}-{FIELD_NAMES[field]}.csv"


CSV_HEADER = ["reeks", "naam", "jaar", "waarde", "marker"]
TOTAL_HEADER = ["jaar", "totaal"]


def csv_defs(key: str, data: SeriesData) -> list[dict]:
    """The figure's downloads: one per field, and the total where the series add up."""
    defs = [{"name": csv_name(key, f), "rows": "items", "header": CSV_HEADER, "fields": [f], "marker": "count",
             "excel": excel_def(csv_name(key, f), CSV_HEADER, [3], data.source, unit_text(data, f))} for f in fields(data)]
    if data.summable:
        defs.append({"name": f"{key}-totaal.csv", "rows": "sums", "header": TOTAL_HEADER, "fields": [], "marker": None,
                     "excel": excel_def(f"{key}-totaal.csv", TOTAL_HEADER, [1], data.source, data.unit)})
    return defs


def view(key: str, chosen: Sequence[str], start: int, end: int, field: str = "count") -> View:
    """What a reader sees (see ``widgets.figures.explorer.View``): a message
    instead of a table when the choice cannot be shown (no series, start after end)."""
    fig, data = figure(key), figure(key).data()
    chosen = [s for s in data.series if s in set(chosen) | set(data.always)]
    if not chosen:
        return View(message=MESSAGES["noItems"])
    if start > end:
        return View(message=MESSAGES["range"])
    table = model.series_table(data, chosen, start, end, "share" if field == "share" else "count")
    header = [label("year")] + [data.labels[s] for s in chosen]
    rows = []
    for year in table.index:
        cells = [_share_cell(data, s, year, table.loc[year, s]) if field == "share" else _count_cell(table.loc[year, s]) for s in chosen]
        if "total" in table.columns:
            cells.append(_count_cell(table.loc[year, "total"]))
        rows.append([str(year)] + cells)
    if "total" in table.columns:
        header.append(fig.total_label)
    notes = [_note_text(data, s, note).replace("{columns}", ", ".join(map(str, years)))
             for s, years, note in model.missing_notes(data, chosen, start, end)]
    chart = [{"x": str(y), "series": data.labels[s], "value": float(table.loc[y, s])}
             for s in chosen for y in table.index if not pd.isna(table.loc[y, s])]
    frame = data.frame.set_index(["series", "year"])
    csv = {}
    for f in fields(data):
        values = table if f == field else model.series_table(data, chosen, start, end, "share" if f == "share" else "count")
        out = []
        for s in chosen:
            for y in values.index:
                marker = frame.loc[(s, y), "marker"] if (s, y) in frame.index else pd.NA
                value = values.loc[y, s]
                if not pd.isna(value) or not pd.isna(marker):
                    out.append([s, data.labels[s], str(y), None if pd.isna(value) else float(value), None if pd.isna(marker) else str(marker)])
        csv[csv_name(key, f)] = csv_text(CSV_HEADER, out)
    if "total" in table.columns:
        csv[f"{key}-totaal.csv"] = csv_text(TOTAL_HEADER, [[str(y), None if pd.isna(t) else float(t)] for y, t in table["total"].items()])
    return with_excel(View(header=header, rows=rows, notes=notes, chart=chart, csv=csv,
                           words=words_text(words(data), [data.labels[s] for s in chosen], str(start), str(end), field),
                           message=None if chart else MESSAGES["emptyChart"]), csv_defs(key, data))


def payload(key: str) -> dict:
    """The figure's payload (see ``widgets.figures.explorer``): per series and
    year the count (and share), its Dutch cell text and marker, the notes on
    missing values, the total when the series can be added up."""
    fig, data = figure(key), figure(key).data()
    years = data.years
    frame = data.frame.set_index(["series", "year"])
    everything = model.series_table(data, data.series, years[0], years[-1])
    shares = model.series_table(data, data.series, years[0], years[-1], "share") if data.reference else None
    field_data = {f: {"values": {}, "cells": {}, "markers": {}} for f in fields(data)}
    notes = []
    for s in data.series:
        markers = [None if (s, y) not in frame.index or pd.isna(frame.loc[(s, y), "marker"]) else str(frame.loc[(s, y), "marker"]) for y in years]
        for f, table in (("count", everything), ("share", shares)):
            if table is None:
                continue
            column = table[s]
            field_data[f]["values"][s] = [None if pd.isna(v) else float(v) for v in column]
            field_data[f]["cells"][s] = [_share_cell(data, s, y, v) if f == "share" else _count_cell(v) for y, v in column.items()]
            field_data[f]["markers"][s] = markers
        for series_id, missing, note in model.missing_notes(data, [s], years[0], years[-1]):
            if series_id == s:
                notes.append({"items": [s], "columns": [years.index(y) for y in missing], "text": _note_text(data, s, note)})
    sums = [{"id": "total", "label": fig.total_label, "field": "count", "sign": 0, "empty": None}] if data.summable else []
    csv = csv_defs(key, data)
    return base_payload(
        "years",
        [(y, y) for y in years],
        [{"id": s, "label": data.labels[s], "name": data.labels[s], "fixed": s in data.always} for s in data.series],
        fields=field_data,
        table={"corner": label("year"), "fields": ["count"]},
        sums=sums,
        chart={"rows": "items", "field": None},
        notes=notes,
        messages={k: v for k, v in MESSAGES.items() if not (k == "noItems" and data.always)},
        words=words(data),
        csv=csv,
        url={"key": key, "field": "count"},
    )


def chart(fig: SeriesFigure, data: SeriesData, rows: list[dict], field: str = "count") -> alt.Chart:
    """The chart of a series figure on the ``rows`` data set."""
    labels = [data.labels[s] for s in data.series]
    scale = alt.Undefined
    if fig.highlight:
        greys = charts.GREYS * 3
        scale = alt.Scale(domain=labels, range=[charts.COLORS["highlight"] if s == fig.highlight else greys[i] for i, s in enumerate(data.series)])
    percent = field == "share"
    enc = dict(
        x=alt.X("x:O", title=None, axis=alt.Axis(labelAngle=0)),
        color=alt.Color("series:N", title=None, sort=labels, scale=scale),
        tooltip=[alt.Tooltip("x:O", title="Jaar"), alt.Tooltip("series:N", title="Reeks"),
                 alt.Tooltip("value:Q", title="Waarde", format=",.1~f")],
    )
    y = alt.Y("value:Q", title=unit_text(data, field), axis=alt.Axis(format=",.2~f" if not percent else ",.0~f"))
    mark = charts.base(rows).mark_bar() if fig.mark == "bar" else charts.base(rows).mark_line(point=True)
    return mark.encode(y=y, **enc).properties(height=charts.HEIGHT)


def controls_html(data: SeriesData, figure_id: str, chosen: Sequence[str]) -> str:
    boxes = [checkbox_html(f"{figure_id}-s-{s}", [s] if s not in data.always else [],
                           data.labels[s] + (" (altijd getoond)" if s in data.always else ""),
                           checked=s in chosen or s in data.always, disabled=s in data.always)
             for s in data.series]
    parts = [f'<fieldset><legend>Reeksen</legend>{"".join(boxes)}</fieldset>', year_range_html(data.years)]
    return "".join(parts)


def series_html(key: str, chosen: Sequence[str] | None = None, figure_id: str | None = None, note_html: str = "") -> str:
    """The website face of a series figure; default state: ``chosen`` (or all
    series), all years, counts. Raises SeriesError for an unknown key or series."""
    fig, data = figure(key), figure(key).data()
    figure_id = figure_id or f"fig-{key}"
    years = data.years
    chosen = model.check_request(data, list(chosen or data.series), years[0], years[-1])
    default = view(key, chosen, years[0], years[-1])
    controls = controls_html(data, figure_id, chosen)
    if data.reference:
        controls += field_radios_html([("count", "aantallen"), ("share", fig.share_label)], "count")
    kind_nl = "staafdiagram" if fig.mark == "bar" else "lijndiagram"
    caption = f"{fig.caption} ({data.unit})"
    description = f"{fig.caption}: {kind_nl} per jaar in {data.unit}. {data.source}."
    compiled = charts.compile_chart(chart(fig, data, default.chart), description)
    specs = {"count": compiled.vega}
    if data.reference:
        shares = view(key, chosen, years[0], years[-1], "share").chart
        specs["share"] = charts.compile_chart(chart(fig, data, shares, "share"), description.replace(data.unit, "procent")).vega
    live = [("Download wat de figuur toont (CSV)" if f == "count" else "… als aandelen (CSV)", csv_name(key, f),
             f"../data/figuren/{csv_name(key, f)}.json") for f in fields(data)]
    if data.summable:
        live.append(("… het totaal (CSV)", f"{key}-totaal.csv", f"../data/figuren/{key}-totaal.csv.json"))
    return figure_html(
        figure_id=figure_id,
        kind="series",
        caption=caption,
        source=data.source,
        view=default,
        table_caption=caption,
        chart=compiled,
        specs=specs,
        chart_label=f"{fig.caption}: {kind_nl} per jaar; de tabel eronder geeft dezelfde getallen.",
        controls_html=controls,
        payload=payload(key),
        after_html=f'<p class="bmh-source bmh-key">{NOT_AVAILABLE_KEY_NL}</p>' + note_html,
        live_downloads=live,
        downloads=[(f"{data.name}.csv (volledige tabel)", f"../data/{data.name}.csv")],
        share_link=True,
        datasets=[data.name],
        units={"count": data.unit, "share": "procent"},
    )


def series_figure_html(key: str, chosen: Sequence[str] | None = None, figure_id: str | None = None) -> HTML:
    """:func:`series_html` for display in a notebook."""
    return HTML(series_html(key, chosen, figure_id), summary=f"Figuur: {figure(key).caption}")
