"""The budget package builder, website face: compose a package of measures and
read its budgettary effect per year. All numbers come from
``widgets.models.budget``; the browser applies the reader's ticks to the
payload (see ``widgets.figures.explorer``). The selection lives in the page
address (``?pakket=4.1,4.3a``).

:func:`view` is what a reader sees for a package, computed by the model; the
browser computes the same from :func:`payload` (tested for every measure and
hundreds of packages).
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from ..data.labels import NL, label, period_label
from ..data.numbers import format_nl
from ..models import budget as model
from . import charts
from .explorer import View, base_payload, csv_text, excel_def, with_excel, words_text
from .html import HTML, checkbox_html, figure_html, format_cell, radio_html

UNIT_NL = "mln euro; + = saldoverslechterend, − = besparing"
SOURCE_NL = "Bron: rapport, Bijlage 10 (Overzichtstabel maatregelen) en hoofdstuk 6; berekening: deze editie."
SUMS = ("extra", "savings", "saldo")
SIGNS = {"extra": 1, "savings": -1, "saldo": 0}
CSV_MEASURES = "pakket-maatregelen.csv"
CSV_TOTALS = "pakket-totalen.csv"
CSV_HEADERS = {
    CSV_MEASURES: ["maatregel", "titel", "periode", "waarde", "marker"],
    CSV_TOTALS: ["periode", "extra", "besparingen", "saldo"],
}
URL_KEY = "pakket"
MESSAGES = {
    "conflict": "{code} gaat niet samen met {other}: kies één optie per groep. {code} is weggelaten.",
    "unknown": "Onbekende maatregel in de link, weggelaten: {codes}.",
    "elsewhere": "Niet op deze pagina te kiezen (zie Overzicht van de maatregelen): {labels}.",
    "badValue": "Onbekende waarde in de link genegeerd: {value}.",
}
WORDS = {"prefix": "Gekozen: ", "empty": "Nog geen maatregel gekozen."}


def measure_label(code: str) -> str:
    """``"4.1 Flexpool asielketen"``: the code and title of a measure."""
    return f"{code} {model.budget().measures.loc[code, 'title']}"


def variant_label(variant: str) -> str:
    """``"Variant 4: Flexibele en doelmatige keten"``, from data/budget_variants.csv."""
    return f"Variant {variant}: {model.budget().variants.loc[variant, 'short_title']}"


def csv_defs() -> list[dict]:
    """The builder's two downloads (see ``widgets.figures.explorer``, csv)."""
    return [
        {"name": CSV_MEASURES, "rows": "items", "header": CSV_HEADERS[CSV_MEASURES], "fields": ["amount"], "marker": "amount",
         "excel": excel_def(CSV_MEASURES, CSV_HEADERS[CSV_MEASURES], [3], SOURCE_NL, "mln euro")},
        {"name": CSV_TOTALS, "rows": "sums", "header": CSV_HEADERS[CSV_TOTALS], "fields": [], "marker": None,
         "excel": excel_def(CSV_TOTALS, CSV_HEADERS[CSV_TOTALS], [1, 2, 3], SOURCE_NL, "mln euro")},
    ]


def _marker_notes(code: str, cells: pd.DataFrame) -> list[tuple[str, list[int]]]:
    """(marker, period indexes) of a measure's unquantified cells, in period order."""
    out: dict[str, list[int]] = {}
    for _, c in cells.iterrows():
        if not pd.isna(c["marker"]):
            out.setdefault(str(c["marker"]), []).append(model.PERIODS.index(str(c["period"])))
    return list(out.items())


def _note_text(code: str, marker: str) -> str:
    return f"Niet opgeteld: {measure_label(code)}: {format_cell(marker)} ({{columns}})"


def _warning_text(a: str, b: str, reason: str) -> str:
    return f"Let op: {a} en {b}: {reason}"


def view(selection: Iterable[str]) -> View:
    """What a reader sees for a package (see ``widgets.figures.explorer.View``).
    Raises widgets.models.budget.SelectionError for a package the report does not allow."""
    codes = model.check_selection(selection)
    totals = model.package_totals(codes)
    labels = [period_label(p) for p in model.PERIODS]
    rows = [[label(key)] + [format_nl(v) for v in totals[key]] for key in SUMS]
    notes = []
    cells = model.package_cells(codes)
    for code in codes:
        for marker, periods in _marker_notes(code, cells[cells["measure"] == code]):
            notes.append(_note_text(code, marker).replace("{columns}", ", ".join(labels[i] for i in periods)))
    notes += [_warning_text(w["measure_a"], w["measure_b"], w["reason"]) for _, w in model.double_count_warnings(codes).iterrows()]
    chart = [{"x": labels[i], "series": label(key), "value": float(totals[key].iloc[i])} for key in SUMS for i in range(len(labels))]
    measure_rows = [
        [c["measure"], str(model.budget().measures.loc[c["measure"], "title"]), str(c["period"]),
         None if pd.isna(c["value"]) else float(c["value"]), None if pd.isna(c["marker"]) else str(c["marker"])]
        for _, c in cells.iterrows()
    ]
    total_rows = [[p] + [float(totals.loc[p, key]) for key in SUMS] for p in model.PERIODS]
    return with_excel(View(
        header=[label("package_total")] + labels,
        rows=rows,
        notes=notes,
        words=words_text(WORDS, [measure_label(c) for c in codes], labels[0], labels[-1], "amount"),
        chart=chart,
        csv={CSV_MEASURES: csv_text(CSV_HEADERS[CSV_MEASURES], measure_rows),
             CSV_TOTALS: csv_text(CSV_HEADERS[CSV_TOTALS], total_rows)},
    ), csv_defs())


def _explanations() -> dict[str, str]:
    """Why a code in a link that is not a choosable measure is left out."""
    data = model.budget()
    out = {}
    for code, m in data.measures.iterrows():
        if bool(m["selectable"]):
            continue
        if not pd.isna(m["parent"]) and m["parent"]:
            out[code] = (f"{code} ({m['title']}) is een onderdeel van {measure_label(m['parent'])} en is niet apart "
                         f"te kiezen; het is weggelaten. Kies {m['parent']} om het mee te tellen.")
        else:
            options = data.choices[data.choices["group"] == code]["option"].unique()
            out[code] = (f"{code} ({m['title']}) is een groep van opties ({', '.join(options)}), geen maatregel; "
                         "het is weggelaten. Kies een van de opties.")
    return out


def payload() -> dict:
    """The builder's payload (see ``widgets.figures.explorer``): every choosable
    measure with its canonical cells, the notes on unquantified cells and on
    double counting, the sums extra/savings/saldo. EUR million."""
    data = model.budget()
    codes = model.selectable_measures()
    values, cells, markers, notes = {}, {}, {}, []
    for code in codes:
        rows = data.values[data.values["measure"] == code]
        values[code] = [None if pd.isna(v) else float(v) for v in rows["value"]]
        markers[code] = [None if pd.isna(m) else str(m) for m in rows["marker"]]
        cells[code] = [format_cell(m if v is None else v) for v, m in zip(values[code], markers[code])]
        notes += [{"items": [code], "columns": periods, "text": _note_text(code, marker)} for marker, periods in _marker_notes(code, rows)]
    notes += [{"items": [w["measure_a"], w["measure_b"]], "columns": None, "text": _warning_text(w["measure_a"], w["measure_b"], w["reason"])}
              for _, w in data.warnings.iterrows()]
    return base_payload(
        "sums",
        [(p, period_label(p)) for p in model.PERIODS],
        [{"id": c, "label": measure_label(c), "name": str(data.measures.loc[c, "title"])} for c in codes],
        fields={"amount": {"values": values, "cells": cells, "markers": markers}},
        table={"corner": label("package_total"), "fields": ["amount"]},
        sums=[{"id": k, "label": label(k), "field": "amount", "sign": SIGNS[k], "empty": 0} for k in SUMS],
        chart={"rows": "sums", "field": "amount"},
        notes=notes,
        messages=MESSAGES,
        words=WORDS,
        csv=csv_defs(),
        url={"key": URL_KEY, "field": "amount", "explain": _explanations()},
    )


def totals_chart(rows: list[dict]) -> alt.LayerChart:
    """Extra spending and savings as bars per period, the saldo as a diamond."""
    order = [period_label(p) for p in model.PERIODS]
    base = charts.base(rows).encode(x=alt.X("x:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.transform_filter(f"datum.series != '{NL['saldo']}'").mark_bar().encode(
        y=alt.Y("value:Q", title="mln euro", axis=alt.Axis(format=charts.AXIS_FORMAT)),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=[NL["extra"], NL["savings"]],
                                                                range=[charts.COLORS["extra"], charts.COLORS["savings"]])),
        tooltip=[alt.Tooltip("x:N", title="Jaar"), alt.Tooltip("series:N", title="Soort"),
                 alt.Tooltip("value:Q", title="mln euro", format=charts.AXIS_FORMAT)],
    )
    saldo = base.transform_filter(f"datum.series == '{NL['saldo']}'").mark_point(filled=True, color="black", size=70, shape="diamond").encode(
        y="value:Q",
        tooltip=[alt.Tooltip("x:N", title="Jaar"), alt.Tooltip("value:Q", title="Saldo, mln euro", format=charts.AXIS_FORMAT)],
    )
    return alt.layer(bars, saldo).properties(height=charts.HEIGHT)


def variant_sections(variants: Sequence[str], prefix: str, item=str, legend: str = "Maatregelen van {title}",
                     is_open: bool = False) -> list[str]:
    """One <details> per variant: a checkbox per measure and a radio group per group of
    alternatives. ``prefix`` starts every control's id and name; ``item(code)`` is the
    payload item a control stands for (a measure code, or "B-4.1" in a comparison);
    ``legend`` names the variant's fieldset for screen readers ({title}: the variant)."""
    data = model.budget()
    parts = []
    for variant in variants:
        rows, seen = [], set()
        for code in [m for m in model.selectable_measures() if data.measures.loc[m, "variant"] == variant]:
            group_rows = data.choices[data.choices["measure"] == code]
            if group_rows.empty:
                rows.append(checkbox_html(f"{prefix}-m-{code}", [item(code)], measure_label(code)))
                continue
            group = group_rows["group"].iloc[0]
            if group in seen:
                continue
            seen.add(group)
            options = data.choices[data.choices["group"] == group]
            name = f"{prefix}-g-{group}"
            radios = [radio_html(name, [], "", "geen keuze", checked=True)]
            for option, members in options.groupby("option", sort=False):
                radios.append(radio_html(name, [item(m) for m in members["measure"]], option,
                                         f"{option} {members['option_label'].iloc[0]}"))
            title = html.escape(group_rows["group_title"].iloc[0])
            rows.append(f'<fieldset class="bmh-choice"><legend>Kies één optie: {title}</legend>{"".join(radios)}</fieldset>')
        title = html.escape(variant_label(variant))
        parts.append(f'<details class="bmh-variant"{" open" if is_open else ""}><summary>{title}</summary>'
                     f'<fieldset><legend class="visually-hidden">{legend.format(title=title)}</legend>{"".join(rows)}</fieldset></details>')
    return parts


def controls_html(variants: Sequence[str], figure_id: str) -> str:
    """A checkbox per measure and a radio group per group of alternatives, by variant."""
    sections = variant_sections(variants, figure_id, is_open=len(variants) <= 3)
    return "".join(sections) + '<p><button type="button" data-action="clear">Alles uitzetten</button></p>'


def builder_html(variants: Sequence[str] | None = None, figure_id: str = "fig-pakket") -> str:
    """The website face as HTML. ``variants`` limits the controls to those
    variants (None: all). The package starts empty: the edition does not
    choose measures for the reader. Raises ValueError for an unknown variant."""
    shown = model.check_variants(variants) if variants else model.variant_ids()
    caption = "Stel een pakket samen: budgettaire gevolgen per jaar"
    if variants:
        caption += " (" + ", ".join(f"variant {v}" for v in variants) + ")"
    default = view([])
    chart = charts.compile_chart(
        totals_chart(default.chart),
        "Staafdiagram: extra uitgaven en besparingen van het gekozen pakket per jaar in mln euro, met het saldo als ruit.",
    )
    return figure_html(
        figure_id=figure_id,
        kind="package",
        caption=caption,
        source=SOURCE_NL,
        view=default,
        table_caption=f"Budgettaire gevolgen van het gekozen pakket ({UNIT_NL})",
        chart=chart,
        chart_label="Staafdiagram: extra uitgaven en besparingen van het gekozen pakket per jaar, met het saldo als ruit; "
                    "de tabel eronder geeft dezelfde bedragen.",
        controls_html=controls_html(shown, figure_id),
        payload=payload(),
        live_downloads=[("Download de maatregelen van dit pakket (CSV)", CSV_MEASURES, f"../data/figuren/{CSV_MEASURES}.json"),
                        ("Download de totalen (CSV)", CSV_TOTALS, f"../data/figuren/{CSV_TOTALS}.json")],
        share_link=True,
        datasets=model.DATASETS,
        print_button=True,
    )


def builder(variants: Sequence[str] | None = None, figure_id: str = "fig-pakket") -> HTML:
    """:func:`builder_html` for display in a notebook."""
    markup = builder_html(variants, figure_id)
    return HTML(markup, summary=f"Pakketbouwer ({', '.join(variants) if variants else 'alle varianten'})")
