"""The measures of the variants as tables, and the overview figure: the amount
of every measure of a chosen variant in a chosen year. All numbers come from
``widgets.models.budget``.
"""
from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from ..data.labels import label, period_label
from ..data.numbers import Marker
from ..models import budget as model
from . import charts
from .explorer import View, base_payload, words_text
from .html import HTML, figure_html, format_cell, html_table, select_html
from .package import measure_label, variant_label

UNIT_NL = "mln euro; + = saldoverslechterend (extra uitgaven), − = besparing"
SOURCE_NL = ("Bron: rapport, Bijlage 10 (Overzichtstabel maatregelen), aangevuld met hoofdstuk 6 waar Bijlage 10 "
             "een regel niet heeft.")
# Short forms of the markers for wide tables, explained in a line under the table.
MARKER_SHORT = {Marker.UNQUANTIFIED_COST.value: "+", Marker.UNQUANTIFIED.value: "–", Marker.DEPENDS_ON_INFLOW.value: "afh."}
MARKER_KEY = ("+ = extra kosten, niet becijferd; – = effect niet becijferd; afh. = afhankelijk van de instroom "
              "(zo drukt het rapport deze cellen).")


def _short_cell(value) -> str:
    if isinstance(value, str) and value in MARKER_SHORT:
        return MARKER_SHORT[value]
    return format_cell(value)


def measures_table_html(variants: Sequence[str] | None = None, caption: str | None = None) -> str:
    """Every canonical amount of the measures as a compact HTML table (report
    order): one column with code and title, then 2021..2025 and Structureel;
    unquantified cells in the report's short form, explained under the table.
    With several variants, the variant is named before each group of rows."""
    wide = model.measure_table(variants)
    periods = [period_label(p) for p in model.PERIODS]
    shown = pd.DataFrame({label("measure"): [f"{m} {t}" for m, t in zip(wide["measure"], wide["title"])]})
    for p, name in zip(model.PERIODS, periods):
        shown[name] = wide[p]
    caption = caption or f"Budgettaire gevolgen per maatregel ({UNIT_NL})"
    table = html_table(shown, caption, row_header=label("measure"), number_columns=periods, formatter=_short_cell,
                       extra_class="bmh-measures")
    if variants is None or len(list(variants)) > 1:
        for variant in wide["variant"].unique():
            first = wide[wide["variant"] == variant]["measure"].iloc[0]
            row = f'<tr><th scope="row">{first} '
            group = f'<tr class="bmh-group"><th scope="rowgroup" colspan="{len(periods) + 1}">{variant_label(variant)}</th></tr>'
            table = table.replace(row, group + row, 1)
    return table + f'<p class="bmh-source bmh-key">{MARKER_KEY}</p>'


def measures_table(variants: Sequence[str] | None = None) -> HTML:
    """:func:`measures_table_html` for display in a notebook."""
    which = ", ".join(variants) if variants else "alle varianten"
    return HTML(measures_table_html(variants), summary=f"Tabel: maatregelen van {which}")


def _values() -> pd.DataFrame:
    values = model.budget().values
    return values[values["measure"].isin(model.selectable_measures())]


def _words() -> dict:
    """The choice in words: the variant's name instead of its list of measures."""
    data = model.budget()
    named = {"; ".join(measure_label(m) for m in model.selectable_measures() if data.measures.loc[m, "variant"] == v): variant_label(v)
             for v in model.variant_ids()}
    return {"prefix": "Getoond: ", "empty": "", "named": named, "single": "; {start}"}


def view(variant: str, period: str) -> View:
    """The overview's chart rows: the amount of each measure of ``variant`` in
    ``period`` (measures without an amount left out; nothing is added up)."""
    values = _values()
    rows = values[(values["variant"] == variant) & (values["period"].astype(str) == period)].dropna(subset=["value"])
    data = model.budget()
    labels = [measure_label(m) for m in model.selectable_measures() if data.measures.loc[m, "variant"] == variant]
    return View(chart=[{"x": period_label(period), "series": measure_label(m), "value": float(v)}
                       for m, v in zip(rows["measure"], rows["value"])],
                words=words_text(_words(), labels, period_label(period), period_label(period), "amount"))


def payload() -> dict:
    values = _values()
    codes = model.selectable_measures()
    numbers = {c: [None if pd.isna(v) else float(v) for v in values[values["measure"] == c]["value"]] for c in codes}
    return base_payload(
        "none",
        [(p, period_label(p)) for p in model.PERIODS],
        [{"id": c, "label": measure_label(c)} for c in codes],
        fields={"amount": {"values": numbers, "cells": {}, "markers": {}}},
        chart={"rows": "items", "field": "amount"},
        words=_words(),
        url={"key": "overzicht", "field": "amount"},
    )


def overview_chart(rows: list[dict]) -> alt.Chart:
    order = [measure_label(m) for m in model.selectable_measures()]
    return (
        charts.base(rows)
        .mark_bar()
        .encode(
            y=alt.Y("series:N", title=None, sort=order, axis=alt.Axis(labelLimit=300)),
            x=alt.X("value:Q", title="mln euro (+ = extra uitgaven, − = besparing)", axis=alt.Axis(format=charts.AXIS_FORMAT)),
            color=alt.condition("datum.value < 0", alt.value(charts.COLORS["savings"]), alt.value(charts.COLORS["extra"])),
            tooltip=[alt.Tooltip("series:N", title="Maatregel"), alt.Tooltip("x:N", title="Jaar"),
                     alt.Tooltip("value:Q", title="mln euro", format=charts.AXIS_FORMAT)],
        )
    )


def overview_html(figure_id: str = "fig-maatregelen", variant: str = "4", period: str = "structureel") -> str:
    """The overview: a bar per measure of the chosen variant in the chosen year, and the full table."""
    data = model.budget()
    variants = [(v, variant_label(v)) for v in model.variant_ids()]
    options = "".join(
        f'<option value="{v}" data-items="{" ".join(m for m in model.selectable_measures() if data.measures.loc[m, "variant"] == v)}"'
        f'{" selected" if v == variant else ""}>{t}</option>' for v, t in variants
    )
    controls = (f'<label>Variant <select name="variant" autocomplete="off">{options}</select></label> '
                + select_html("jaar", "Jaar", [(p, period_label(p)) for p in model.PERIODS], period, "column"))
    default = view(variant, period)
    compiled = charts.compile_chart(overview_chart(default.chart),
                                    "Staafdiagram: het bedrag van elke maatregel van de gekozen variant in het gekozen jaar, in mln euro.")
    return figure_html(
        figure_id=figure_id,
        kind="overview",
        caption="Bedrag per maatregel (kies een variant en een jaar)",
        source=SOURCE_NL,
        view=default,
        table_caption="",
        chart=compiled,
        chart_label="Staafdiagram: het bedrag van elke maatregel van de gekozen variant in het gekozen jaar, in mln euro; "
                    "de tabel eronder geeft alle bedragen.",
        controls_html=controls,
        payload=payload(),
        after_html=measures_table_html(),
        downloads=[("budget_printed.csv (alle gedrukte waarden)", "../data/budget_printed.csv")],
        share_link=True,
        datasets=model.DATASETS,
        units="mln euro; + = saldoverslechterend, − = besparing",
    )


def overview_figure_html(figure_id: str = "fig-maatregelen") -> HTML:
    return HTML(overview_html(figure_id), summary="Figuur: bedrag per maatregel, per variant en jaar")
