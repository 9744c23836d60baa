"""Dublin transfers: the report's one aggregate and, from outside the report,
yearly Eurostat counts. The transfer rate is always computed here from its
numerator and denominator, never read from a printed percentage.

Sources: ``data/dublin_report.csv`` (report § 4.4.4, footnote 77: ACVZ 2019)
and ``data/dublin_external.csv`` (Eurostat pages, marked as not from the
report, with caveats). ``static/bmh-dublin.js`` mirrors :func:`rates`.
"""
from __future__ import annotations

import html
from typing import Sequence

import altair as alt
import pandas as pd

from .data import load, metadata
from .figure import HTML, chart_svg, figure_html, html_table, static_face, year_range_html
from .lookup import source_text
from .numbers import MARKER_LABELS_NL, Marker, format_nl, format_percent_nl

REQUESTS = "eurostat_uitgaande_verzoeken"
TRANSFERS = "eurostat_uitgaande_overdrachten"
GEO_NL = {"NL": "Nederland", "EU": "EU (lidstaten)", "DE": "Duitsland", "FR": "Frankrijk", "BE": "België", "AT": "Oostenrijk", "CY": "Cyprus", "EL": "Griekenland"}
ROUND = 6


class DublinError(ValueError):
    """A request the Dublin data cannot answer (unknown country, year outside the data)."""


def report_figures() -> dict:
    """The report's aggregate for 2014-2018: claims, transfers, the printed
    share and EU average (percent), and the share computed from the two
    counts (percent, unrounded). Source: report § 4.4.4 (ACVZ 2019)."""
    d = load("dublin_report").set_index("key")["value"].astype(float)
    claims, transfers = d["dublin_claims_2014_2018"], d["dublin_transfers_2014_2018"]
    return {
        "claims": claims,
        "transfers": transfers,
        "printed_share": d["dublin_transfer_share_printed"],
        "computed_share": transfers / claims * 100,
        "eu_average_printed": d["dublin_eu_average_share"],
        "transfer_term_months": d["dublin_transfer_term_max_months"],
    }


def observations() -> pd.DataFrame:
    """Plottable Eurostat calendar-year counts of outgoing requests and
    transfers: columns geo, year (int), kind ('requests'/'transfers'), value,
    source_title, source_url."""
    f = load("dublin_external")
    f = f[f["series"].isin([REQUESTS, TRANSFERS]) & f["plot"].fillna(False) & f["value"].notna()]
    f = f[f["period_type"] == "kalenderjaar"] if "period_type" in f.columns else f
    return pd.DataFrame(
        {
            "geo": f["geo"].astype(str),
            "year": f["year_start"].astype(int),
            "kind": f["series"].map({REQUESTS: "requests", TRANSFERS: "transfers"}),
            "value": f["value"].astype(float),
            "source_title": f["source_title"].astype(str),
            "source_url": f["source_url"].astype(str),
        }
    ).reset_index(drop=True)


def rates(geos: Sequence[str], start: int, end: int, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Requests, transfers and the rate per country and year.

    DataFrame with columns geo, year, requests, transfers (float or <NA>) and
    rate (transfers per 100 outgoing requests in the same calendar year,
    <NA> unless both counts exist), one row per (geo, year) with at least one
    count, sorted by geo order then year. Raises DublinError for an unknown
    country or a year outside the data.
    """
    obs = observations() if obs is None else obs
    known = list(dict.fromkeys(obs["geo"]))
    unknown = [g for g in geos if g not in known]
    if unknown:
        raise DublinError(f"unknown country {', '.join(unknown)}; known: {', '.join(known)}")
    first, last = int(obs["year"].min()), int(obs["year"].max())
    for year in (start, end):
        if not first <= year <= last:
            raise DublinError(f"year {year} is outside the data ({first}-{last})")
    if start > end:
        raise DublinError(f"start year {start} is after end year {end}")
    part = obs[obs["geo"].isin(geos) & obs["year"].between(start, end)]
    wide = part.pivot_table(index=["geo", "year"], columns="kind", values="value", aggfunc="first")
    wide = wide.reindex(columns=["requests", "transfers"]).astype("Float64").reset_index()
    wide["rate"] = (wide["transfers"] / wide["requests"] * 100).round(ROUND)
    order = {g: i for i, g in enumerate(geos)}
    wide = wide.sort_values(["geo", "year"], key=lambda s: s.map(order) if s.name == "geo" else s).reset_index(drop=True)
    wide.columns.name = None
    return wide


def _cell(v, percent=False) -> str:
    if pd.isna(v):
        return MARKER_LABELS_NL[Marker.NOT_AVAILABLE]
    return format_percent_nl(float(v)) if percent else format_nl(float(v))


def rates_table_html(table: pd.DataFrame, table_id: str) -> str:
    shown = pd.DataFrame(
        {
            "Land": [GEO_NL.get(g, g) for g in table["geo"]],
            "Jaar": table["year"].astype(str),
            "Uitgaande verzoeken": [_cell(v) for v in table["requests"]],
            "Uitgaande overdrachten": [_cell(v) for v in table["transfers"]],
            "Overdrachten per 100 verzoeken": [_cell(v, True) for v in table["rate"]],
        }
    )
    return html_table(shown, "Dublin: uitgaande verzoeken en overdrachten per kalenderjaar (Eurostat; niet uit het rapport)",
                      row_header="Land", table_id=table_id)


def report_box_html() -> str:
    """The report's aggregate with the arithmetic, in Dutch."""
    r = report_figures()
    return (
        '<div class="bmh-callout">'
        f"<p><strong>Het rapport (§ 4.4.4):</strong> van {format_nl(r['claims'])} Dublinclaims die Nederland in 2014-2018 "
        f"indiende, zijn {format_nl(r['transfers'])} asielzoekers werkelijk overgedragen. Het rapport drukt daarbij "
        f"<strong>{format_nl(r['printed_share'])}%</strong>.</p>"
        f"<p><strong>Nagerekend:</strong> {format_nl(r['transfers'])} / {format_nl(r['claims'])} = "
        f"<strong>{format_percent_nl(r['computed_share'])}</strong>. Welke noemer bij de gedrukte {format_nl(r['printed_share'])}% hoort, "
        f"zegt het rapport niet. Het Europese gemiddelde dat het rapport noemt is {format_nl(r['eu_average_printed'])}%. "
        "Deze editie gebruikt de twee aantallen en het daaruit berekende aandeel (zie Data en kwaliteit, D31).</p></div>"
    )


def caveats_html(numbers: Sequence[int] = (1, 2, 3, 6)) -> str:
    caveats = {int(c["id"]): c["text"] for c in metadata("dublin_external").get("caveats", [])}
    return "<ul>" + "".join(f"<li>{html.escape(caveats[n])}</li>" for n in numbers if n in caveats) + "</ul>"


def chart(table: pd.DataFrame) -> alt.Chart:
    rows = chart_rows(table)
    return (
        alt.Chart(alt.Data(name="rows", values=rows))
        .mark_bar()
        .encode(
            x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset="land:N",
            y=alt.Y("percentage:Q", title="overdrachten per 100 verzoeken", axis=alt.Axis(format=",.0f")),
            color=alt.Color("land:N", title=None),
            tooltip=[alt.Tooltip("land:N", title="Land"), alt.Tooltip("jaar:O", title="Jaar"),
                     alt.Tooltip("percentage:Q", title="per 100 verzoeken", format=",.1f")],
        )
        .properties(width=520, height=240)
    )


def chart_rows(table: pd.DataFrame) -> list[dict]:
    return [
        {"land": GEO_NL.get(g, g), "jaar": int(y), "percentage": float(r)}
        for g, y, r in zip(table["geo"], table["year"], table["rate"])
        if not pd.isna(r)
    ]


def controls_html(geos: list[str], chosen: Sequence[str], years: list[int], figure_id: str) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="geo" value="{g}"{" checked" if g in chosen else ""}> {html.escape(GEO_NL.get(g, g))}</label>'
        for g in geos
    )
    return f'<fieldset><legend>Landen</legend>{boxes}</fieldset>' + year_range_html(years)


DEFAULT_GEOS = ("NL", "EU", "DE", "FR")


def dublin_html(figure_id: str = "fig-dublin", chosen: Sequence[str] = DEFAULT_GEOS) -> HTML:
    """Website face: the report's aggregate with its arithmetic, and the
    Eurostat explorer (countries, years -> requests, transfers, rate)."""
    obs = observations()
    geos = list(dict.fromkeys(obs["geo"]))
    years = list(range(int(obs["year"].min()), int(obs["year"].max()) + 1))
    table = rates(list(chosen), years[0], years[-1], obs)
    sources = sorted(set(zip(obs["source_title"], obs["source_url"])))
    source_list = "".join(f'<li><a href="{html.escape(u)}">{html.escape(t)}</a></li>' for t, u in sources)
    payload = {
        "geos": geos,
        "labels": {g: GEO_NL.get(g, g) for g in geos},
        "years": years,
        "obs": obs[["geo", "year", "kind", "value"]].to_dict("records"),
    }
    markup = figure_html(
        figure_id=figure_id,
        kind="dublin",
        caption="Dublinoverdrachten: het cijfer uit het rapport en jaarcijfers van Eurostat",
        chart=chart(table),
        chart_label="Staafdiagram: overdrachten per 100 uitgaande Dublinverzoeken per land en jaar; de tabel eronder geeft de aantallen.",
        controls_html=controls_html(geos, chosen, years, figure_id),
        intro_html=report_box_html(),
        table_html=rates_table_html(table, f"{figure_id}-tabel"),
        payload=payload,
        source="Bron: rapport § 4.4.4 (ACVZ 2019) voor 2014-2018; jaarcijfers: Eurostat, niet uit het rapport (bronnen hieronder).",
        extra_html=(
            '<details class="bmh-sources"><summary>Kanttekeningen en bronnen van de jaarcijfers</summary>'
            f"{caveats_html()}<ul>{source_list}</ul></details>"
            '<p class="bmh-share" data-needs-js hidden><a class="bmh-csv" href="" download="dublin.csv">Download wat de tabel toont (CSV)</a></p>'
        ),
        downloads=[("dublin_external.csv (alle bronnen)", "../data/dublin_external.csv"), ("dublin_report.csv", "../data/dublin_report.csv")],
    )
    return HTML(markup, summary="Figuur: Dublinoverdrachten")


def dublin_figure(figure_id: str = "fig-dublin"):
    """Website face for the book (BMH_FACE=static), ipywidgets in a kernel."""
    return dublin_html(figure_id) if static_face() else DublinExplorer()


class DublinExplorer:
    """Kernel face: choose countries and years; ``table`` holds :func:`rates`."""

    def __init__(self, chosen: Sequence[str] = DEFAULT_GEOS):
        import ipywidgets as w

        self.obs = observations()
        geos = list(dict.fromkeys(self.obs["geo"]))
        years = list(range(int(self.obs["year"].min()), int(self.obs["year"].max()) + 1))
        rates(list(chosen), years[0], years[-1], self.obs)  # unknown country -> DublinError
        self._geos = w.SelectMultiple(options=[(GEO_NL.get(g, g), g) for g in geos], value=tuple(chosen), description="Landen")
        self._years = w.IntRangeSlider(value=(years[0], years[-1]), min=years[0], max=years[-1], description="Jaren")
        self._output = w.Output()
        self._geos.observe(self._changed, "value")
        self._years.observe(self._changed, "value")
        self.widget = w.VBox([w.HTML(report_box_html()), w.HBox([self._geos, self._years]), self._output])
        self._changed()

    def _changed(self, *_):
        self._output.clear_output(wait=True)
        with self._output:
            from IPython.display import HTML as IPyHTML, display

            self.table = rates(list(self._geos.value), *self._years.value, self.obs)
            display(IPyHTML(rates_table_html(self.table, "kernel-dublin")))
            display(chart_svg(chart(self.table)))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
