"""Figures of the budget chapters (website face; the kernel face is in
``widgets.builder``). All numbers come from ``widgets.budget``."""
from __future__ import annotations

import altair as alt
import pandas as pd

from . import budget as model
from .figure import HTML, figure_html, html_table

UNIT_NL = "mln euro; + = saldoverslechterend (extra uitgaven), − = besparing"
SOURCE_NL = "Bron: rapport, Bijlage 10 (Overzichtstabel maatregelen), aangevuld met hoofdstuk 6 waar Bijlage 10 een regel niet heeft."
AXIS_FORMAT = ",.2~f"  # Dutch through the Vega format locale set in bmh-figures.js


def measures_table_html(variants=None, caption: str | None = None) -> str:
    """All canonical amounts of the measures as an HTML table (report order)."""
    wide = model.measure_table(variants)
    wide = wide.rename(columns={"measure": "Code", "title": "Maatregel", "variant": "Variant"})
    wide = wide.rename(columns=model.PERIOD_LABELS_NL)
    caption = caption or f"Budgettaire gevolgen per maatregel ({UNIT_NL})"
    shown = wide[["Code", "Maatregel", "Variant", *model.PERIOD_LABELS_NL.values()]]
    return html_table(shown, caption, row_header="Code", number_columns=list(model.PERIOD_LABELS_NL.values()))


def variant_chart() -> alt.Chart:
    """One bar per measure of the chosen variant for the chosen year (two bound
    selects, kernel-free). Nothing is added up across measures: a variant holds
    alternatives that exclude each other, and sub-rows repeat their parent."""
    values = model.budget().values.dropna(subset=["value"])
    values = values[values["measure"].isin(model.selectable_measures())]
    data = pd.DataFrame(
        {
            "variant": values["variant"].astype(str),
            "measure": values["measure"].astype(str),
            "label": values["measure"].astype(str) + " " + values["title"].astype(str),
            "period": values["period"].astype(str).map(model.PERIOD_LABELS_NL),
            "value": values["value"].astype(float),
        }
    )
    titles = model.budget().measures["title"]
    report_order = [f"{m} {titles[m]}" for m in model.selectable_measures()]
    variant = alt.param(name="variant", value="4", bind=alt.binding_select(options=list(model.VARIANTS), name="Variant "))
    period = alt.param(
        name="periode",
        value="Structureel",
        bind=alt.binding_select(options=list(model.PERIOD_LABELS_NL.values()), name="Jaar "),
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=report_order, axis=alt.Axis(labelLimit=320)),
            x=alt.X("value:Q", title="mln euro (+ = extra uitgaven, − = besparing)", axis=alt.Axis(format=AXIS_FORMAT)),
            color=alt.condition("datum.value < 0", alt.value("#2166ac"), alt.value("#b2182b")),
            tooltip=[
                alt.Tooltip("label:N", title="Maatregel"),
                alt.Tooltip("period:N", title="Jaar"),
                alt.Tooltip("value:Q", title="mln euro", format=AXIS_FORMAT),
            ],
        )
        .add_params(variant, period)
        .transform_filter("datum.variant == variant && datum.period == periode")
        .properties(width=300)
    )


def overview_figure() -> HTML:
    """The overview of measures: chart per variant (bound select) and the full table."""
    return HTML(
        figure_html(
            figure_id="fig-maatregelen",
            kind="vega",
            caption="Bedrag per maatregel (kies een variant en een jaar)",
            chart=variant_chart(),
            chart_label="Staafdiagram: het bedrag van elke maatregel van de gekozen variant in het gekozen jaar, in mln euro; de tabel eronder geeft alle bedragen.",
            table_html=measures_table_html(),
            source=SOURCE_NL,
            downloads=[("budget_printed.csv (alle gedrukte waarden)", "../data/budget_printed.csv")],
        ),
        summary="Figuur: bedrag per maatregel, per variant en jaar",
    )
