"""Compare up to three packages (A, B, C) on the builder page, website face.

Each package is composed like the builder's one (``widgets.figures.package``),
empty or starting from a report variant. The figure shows per package and year
the extra spending, the savings and the saldo, each package's saldo minus A's,
one chart of the saldo paths, and which package holds which measure. The numbers
come from :func:`widgets.models.budget.compare_packages`; the browser applies the
reader's ticks to :func:`payload` with the generic explorer (items carry their
package as ``group``; a sum weighs each package, +1 or -1). The choice lives in
the page address (``?vergelijk=A-4.1,B-5.2``).
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import altair as alt
import pandas as pd

from ..data.labels import label, period_label
from ..data.numbers import format_nl
from ..models import budget as model
from . import charts
from .explorer import View, base_payload, csv_text, excel_def, with_excel
from .html import HTML, figure_html, format_cell, html_table
from .package import (
    MESSAGES,
    SIGNS,
    SOURCE_NL,
    SUMS,
    UNIT_NL,
    _marker_notes,
    _note_text,
    _warning_text,
    measure_label,
    variant_label,
    variant_sections,
)

PACKAGES = model.PACKAGE_IDS
URL_KEY = "vergelijk"
CSV_TOTALS = "vergelijking-totalen.csv"
QUANTITY_CSV = {"extra": "extra", "savings": "besparingen", "saldo": "saldo", "saldo_minus_A": "saldo_min_A"}
CSV_HEADER = ["periode"] + [f"{p}_{QUANTITY_CSV[q]}" for p in PACKAGES for q in SUMS] + \
             [f"{p}_{QUANTITY_CSV['saldo_minus_A']}" for p in PACKAGES[1:]]
WORDS = {"prefix": "", "empty": "nog geen maatregel"}
MEMBERS = {"corner": "Maatregel", "yes": "ja", "no": "nee"}
COLORS = ["#1b7837", "#762a83", "#e08214"]  # A, B, C (distinguishable in grey print too, with their point shapes)
SHAPES = ["circle", "square", "triangle-up"]


def package_name(package: str) -> str:
    return f"Pakket {package}"


def item_id(package: str, code: str) -> str:
    """``"B-4.1"``: measure 4.1 in package B (the id in the payload and the link)."""
    return f"{package}-{code}"


def sum_label(package: str, quantity: str) -> str:
    if quantity == "saldo_minus_A":
        return f"Verschil {package} − A (saldo)"
    return f"{package_name(package)}: {label(quantity).lower()}"


def _sum_rows() -> list[tuple[str, str]]:
    """(package, quantity) in table order: each package's sums, then the differences with A."""
    return [(p, q) for p in PACKAGES for q in SUMS] + [(p, "saldo_minus_A") for p in PACKAGES[1:]]


def view(packages: Mapping[str, Iterable[str]]) -> View:
    """What a reader sees for packages A, B and C (missing ones are empty), computed by
    the model (see ``widgets.figures.explorer.View``; ``members``: which package holds
    which measure). Raises widgets.models.budget.SelectionError for a package the
    report does not allow."""
    chosen = {p: model.check_selection(packages.get(p, ())) for p in PACKAGES}
    frame = model.compare_packages(chosen)
    labels = [period_label(p) for p in model.PERIODS]
    rows = [[sum_label(p, q)] + [format_nl(v) for v in frame.loc[(p, q)]] for p, q in _sum_rows()]
    notes = []
    for p in PACKAGES:
        cells = model.package_cells(chosen[p])
        for code in chosen[p]:
            for marker, periods in _marker_notes(code, cells[cells["measure"] == code]):
                notes.append(f"{package_name(p)}: " + _note_text(code, marker).replace("{columns}", ", ".join(labels[i] for i in periods)))
        notes += [f"{package_name(p)}: " + _warning_text(w["measure_a"], w["measure_b"], w["reason"])
                  for _, w in model.double_count_warnings(chosen[p]).iterrows()]
    chart = [{"x": labels[i], "series": sum_label(p, "saldo"), "value": float(frame.loc[(p, "saldo")].iloc[i])}
             for p in PACKAGES for i in range(len(labels))]
    in_any = [c for c in model.selectable_measures() if any(c in chosen[p] for p in PACKAGES)]
    members = [[measure_label(c)] + [MEMBERS["yes"] if c in chosen[p] else MEMBERS["no"] for p in PACKAGES] for c in in_any]
    words = " ".join(f"{package_name(p)}: " + ("; ".join(measure_label(c) for c in chosen[p]) or WORDS["empty"]) + "."
                     for p in PACKAGES)
    total_rows = [[period] + [float(frame.loc[(p, q), period]) for p, q in _sum_rows()] for period in model.PERIODS]
    return with_excel(View(
        header=[label("package_total")] + labels,
        rows=rows,
        notes=notes,
        words=words,
        chart=chart,
        csv={CSV_TOTALS: csv_text(CSV_HEADER, total_rows)},
        members=members,
    ), csv_defs())


def csv_defs() -> list[dict]:
    return [{"name": CSV_TOTALS, "rows": "sums", "header": CSV_HEADER, "fields": [], "marker": None,
             "excel": excel_def(CSV_TOTALS, CSV_HEADER, list(range(1, len(CSV_HEADER))), SOURCE_NL, "mln euro")}]


def _explanations() -> dict[str, str]:
    """Why a code in a link that is not a choosable measure is left out, per package."""
    from .package import _explanations as single

    return {item_id(p, code): f"{package_name(p)}: {text}" for p in PACKAGES for code, text in single().items()}


def payload() -> dict:
    """The comparison's payload (see ``widgets.figures.explorer``): every choosable
    measure once per package (item ``group``: the package), the sums of each package
    and each package's saldo minus A's (``groups``: weight per package). EUR million."""
    data = model.budget()
    codes = model.selectable_measures()
    values, cells, markers, notes, items = {}, {}, {}, [], []
    for p in PACKAGES:
        for code in codes:
            rows = data.values[data.values["measure"] == code]
            key = item_id(p, code)
            values[key] = [None if pd.isna(v) else float(v) for v in rows["value"]]
            markers[key] = [None if pd.isna(m) else str(m) for m in rows["marker"]]
            cells[key] = [format_cell(m if v is None else v) for v, m in zip(values[key], markers[key])]
            items.append({"id": key, "label": measure_label(code), "name": str(data.measures.loc[code, "title"]), "group": p, "base": code})
            notes += [{"items": [key], "columns": periods, "text": f"{package_name(p)}: " + _note_text(code, marker)}
                      for marker, periods in _marker_notes(code, rows)]
        notes += [{"items": [item_id(p, w["measure_a"]), item_id(p, w["measure_b"])], "columns": None,
                   "text": f"{package_name(p)}: " + _warning_text(w["measure_a"], w["measure_b"], w["reason"])}
                  for _, w in data.warnings.iterrows()]
    sums = []
    for p, q in _sum_rows():
        weights = {p: 1, "A": -1} if q == "saldo_minus_A" else {p: 1}
        sums.append({"id": f"{p}-{q}", "label": sum_label(p, q), "field": "amount", "sign": SIGNS.get(q, 0), "empty": 0, "groups": weights})
    return base_payload(
        "sums",
        [(p, period_label(p)) for p in model.PERIODS],
        items,
        fields={"amount": {"values": values, "cells": cells, "markers": markers}},
        table={"corner": label("package_total"), "fields": ["amount"]},
        sums=sums,
        chart={"rows": "sums", "field": "amount", "sums": [f"{p}-saldo" for p in PACKAGES]},
        notes=notes,
        messages=MESSAGES,
        words=WORDS,
        groups=[{"id": p, "label": package_name(p)} for p in PACKAGES],
        members=MEMBERS,
        csv=csv_defs(),
        url={"key": URL_KEY, "field": "amount", "explain": _explanations()},
    )


def saldo_chart(rows: list[dict]) -> alt.Chart:
    """The saldo of each package per period: one line with points per package."""
    order = [period_label(p) for p in model.PERIODS]
    domain = [sum_label(p, "saldo") for p in PACKAGES]
    return charts.base(rows).mark_line(point=True).encode(
        x=alt.X("x:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title="Saldo, mln euro", axis=alt.Axis(format=charts.AXIS_FORMAT)),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=COLORS)),
        shape=alt.Shape("series:N", title=None, scale=alt.Scale(domain=domain, range=SHAPES)),
        tooltip=[alt.Tooltip("x:N", title="Jaar"), alt.Tooltip("series:N", title="Pakket"),
                 alt.Tooltip("value:Q", title="Saldo, mln euro", format=charts.AXIS_FORMAT)],
    ).properties(height=charts.HEIGHT)


def _package_controls(package: str, figure_id: str) -> str:
    """One package's controls: where it starts (empty or a report variant) and every measure by variant."""
    options = ['<option value="" data-preset="">leeg</option>'] + [
        f'<option value="{v}" data-preset="{html.escape(" ".join(item_id(package, c) for c in model.variant_package(v)))}">'
        f"{html.escape(variant_label(v))}</option>" for v in model.variant_ids()]
    start = (f'<label>Begin met <select data-preset-group="{package}" autocomplete="off">{"".join(options)}</select></label>'
             '<span class="bmh-hint"> (een variant zonder de keuzes tussen opties; daarna aan te passen)</span>')
    parts = variant_sections(model.variant_ids(), f"{figure_id}-{package}", item=lambda code: item_id(package, code),
                             legend=f"{package_name(package)}: maatregelen van {{title}}")
    is_open = " open" if package == "A" else ""
    return (f'<details class="bmh-package" data-package="{package}"{is_open}><summary>{package_name(package)}</summary>'
            f'<p>{start}</p>{"".join(parts)}</details>')


def controls_html(figure_id: str) -> str:
    return "".join(_package_controls(p, figure_id) for p in PACKAGES) + \
        '<p><button type="button" data-action="clear">Alle pakketten leegmaken</button></p>'


def members_html(view: View, figure_id: str) -> str:
    """The table of which package holds which measure (re-rendered by the browser)."""
    header = [MEMBERS["corner"]] + [package_name(p) for p in PACKAGES]
    caption = "Welk pakket welke maatregel bevat"
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" if i else f'<th scope="row">{html.escape(c)}</th>'
                                    for i, c in enumerate(r)) + "</tr>" for r in view.members)
    return (f'<div class="bmh-table-wrap" tabindex="0" role="region" aria-label="{caption}">'
            f'<table class="bmh-table bmh-members" id="{figure_id}-maatregelen"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def variants_table_html() -> str:
    """The report's variants side by side (each variant's measures without the choices
    between options, summed by the model): the comparison a reader sees without JavaScript."""
    frame = pd.DataFrame(
        {variant_label(v): model.package_totals(model.variant_package(v))["saldo"] for v in model.variant_ids()}).T
    frame.columns = [period_label(p) for p in model.PERIODS]
    frame.index.name = "Variant"
    return html_table(frame, f"Saldo per variant van het rapport, zonder de keuzes tussen opties ({UNIT_NL})", table_id="tabel-saldo-varianten")


def comparison_html(figure_id: str = "fig-vergelijk") -> str:
    """The website face as HTML: the comparison starts with three empty packages."""
    default = view({})
    chart = charts.compile_chart(saldo_chart(default.chart),
                                 "Lijndiagram: het saldo van pakket A, B en C per jaar in mln euro.")
    return figure_html(
        figure_id=figure_id,
        kind="compare",
        caption="Vergelijk tot drie pakketten: budgettaire gevolgen per jaar",
        source=SOURCE_NL,
        view=default,
        table_caption=f"Budgettaire gevolgen van pakket A, B en C, en het verschil met A ({UNIT_NL})",
        chart=chart,
        chart_label="Lijndiagram: het saldo van pakket A, B en C per jaar; de tabel eronder geeft dezelfde bedragen.",
        controls_html=controls_html(figure_id),
        payload=payload(),
        after_html=members_html(default, figure_id),
        live_downloads=[("Download de vergelijking (CSV)", CSV_TOTALS, f"../data/figuren/{CSV_TOTALS}.json")],
        share_link=True,
        datasets=model.DATASETS,
        print_button=True,
    )


def comparison(figure_id: str = "fig-vergelijk") -> HTML:
    """:func:`comparison_html` for display in a notebook."""
    return HTML(comparison_html(figure_id), summary="Vergelijking van drie pakketten")
