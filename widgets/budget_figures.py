"""Figures of the budget chapters (website face; the kernel face is in
``widgets.kernel``). All numbers come from ``widgets.budget``."""
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
    """Bars of the amounts per measure and year for one variant, chosen with a
    bound select (kernel-free: the filter runs in Vega)."""
    values = model.budget().values.dropna(subset=["value"])
    data = pd.DataFrame(
        {
            "variant": values["variant"].astype(str),
            "measure": values["measure"].astype(str),
            "title": values["title"].astype(str),
            "period": values["period"].astype(str).map(model.PERIOD_LABELS_NL),
            "value": values["value"].astype(float),
        }
    )
    choose = alt.param(
        name="variant",
        value="4",
        bind=alt.binding_select(options=list(model.VARIANTS), name="Variant "),
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("period:N", title=None, sort=list(model.PERIOD_LABELS_NL.values()), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("sum(value):Q", title="mln euro", axis=alt.Axis(format=AXIS_FORMAT)),
            color=alt.Color("measure:N", title="Maatregel"),
            tooltip=[
                alt.Tooltip("measure:N", title="Code"),
                alt.Tooltip("title:N", title="Maatregel"),
                alt.Tooltip("period:N", title="Jaar"),
                alt.Tooltip("value:Q", title="mln euro", format=AXIS_FORMAT),
            ],
        )
        .add_params(choose)
        .transform_filter("datum.variant == variant")
        .properties(width=520, height=260)
    )


def overview_figure() -> HTML:
    """The overview of measures: chart per variant (bound select) and the full table."""
    return HTML(
        figure_html(
            figure_id="fig-maatregelen",
            kind="vega",
            caption="Budgettaire gevolgen per variant en jaar (kies een variant)",
            chart=variant_chart(),
            chart_label="Staafdiagram van de bedragen per maatregel en jaar voor de gekozen variant, in mln euro.",
            table_html=measures_table_html(),
            source=SOURCE_NL,
            downloads=[("budget_printed.csv (alle gedrukte waarden)", "../data/budget_printed.csv")],
        ),
        summary="Figuur: budgettaire gevolgen per variant en jaar",
    )
