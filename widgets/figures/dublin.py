"""Dublin transfers, website face: the report's aggregate with its arithmetic,
and an explorer of yearly Eurostat counts (outside the report): choose
countries and years, read requests, transfers and the rate. :func:`view` is
what a reader sees, computed by ``widgets.models.dublin``; the browser
computes the same from :func:`payload`.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

import altair as alt
import pandas as pd

from ..data import load, metadata
from ..data.labels import NOT_AVAILABLE_KEY_NL, NOT_AVAILABLE_SHORT_NL, label
from ..data.numbers import format_nl, format_percent_nl
from ..models import dublin as model
from . import charts
from .explorer import View, base_payload, csv_text, excel_def, with_excel, words_text
from .html import HTML, checkbox_html, figure_html, year_range_html

DEFAULT_GEOS = ("NL", "EU", "DE", "FR")
WORDS = {"prefix": "Gekozen: ", "empty": "", "range": "; jaren {start}-{end}", "single": "; jaar {start}"}
FIELDS = ("requests", "transfers", "rate")
CSV_NAME = "dublin.csv"
CSV_HEADER = ["land", "naam", "jaar", "uitgaande_verzoeken", "uitgaande_overdrachten", "overdrachten_per_100_verzoeken"]
TABLE_CAPTION = "Dublin: uitgaande verzoeken en overdrachten per kalenderjaar (Eurostat; niet uit het rapport)"
SOURCE_NL = "Bron: rapport § 4.4.4 (ACVZ 2019) voor 2014-2018; jaarcijfers: Eurostat, niet uit het rapport (bronnen hieronder)."


def csv_defs() -> list[dict]:
    return [{"name": CSV_NAME, "rows": "items", "header": CSV_HEADER, "fields": list(FIELDS), "marker": None,
             "excel": excel_def(CSV_NAME, CSV_HEADER, [3, 4, 5], SOURCE_NL, "verzoeken; overdrachten; per 100 verzoeken")}]


def geo_names() -> dict[str, str]:
    """Country code -> Dutch name, from data/geo_names.csv."""
    return dict(load("geo_names")[["geo", "name_nl"]].itertuples(index=False))


def _messages(obs: pd.DataFrame) -> dict[str, str]:
    both = sorted(set(model.rates(model.geos(obs), *_span(obs), obs).dropna(subset=["rate"])["year"]))
    return {
        "noItems": "Kies ten minste één land.",
        "range": "Het beginjaar ligt na het eindjaar: kies een beginjaar dat niet later is dan het eindjaar.",
        "emptyChart": ("Voor deze landen en jaren is er geen overdrachtspercentage: daarvoor zijn in hetzelfde kalenderjaar "
                       f"zowel de verzoeken als de overdrachten nodig. Die zijn er voor {both[0]}-{both[-1]}, niet voor elk land."),
        "unknown": "Onbekend land in de link, weggelaten: {codes}.",
        "elsewhere": "Niet in deze figuur te kiezen: {labels}.",
        "conflict": "{code} gaat niet samen met {other}.",
        "badValue": "Onbekende waarde in de link genegeerd: {value}.",
    }


def _span(obs: pd.DataFrame) -> tuple[int, int]:
    years = model.years(obs)
    return years[0], years[-1]


def _cell(value, field: str) -> str:
    if pd.isna(value):
        return NOT_AVAILABLE_SHORT_NL
    return format_percent_nl(float(value)) if field == "rate" else format_nl(float(value))


def view(geos: Sequence[str], start: int, end: int, obs: pd.DataFrame | None = None) -> View:
    """What a reader sees for chosen countries and years (see ``widgets.figures.explorer.View``)."""
    obs = model.observations() if obs is None else obs
    messages, names = _messages(obs), geo_names()
    chosen = [g for g in model.geos(obs) if g in set(geos)]
    if not chosen:
        return View(message=messages["noItems"])
    if start > end:
        return View(message=messages["range"])
    table = model.rates(chosen, start, end, obs)
    rows = [[names[r.geo], str(r.year)] + [_cell(getattr(r, f), f) for f in FIELDS] for r in table.itertuples()]
    chart = [{"x": str(r.year), "series": names[r.geo], "value": float(r.rate)} for r in table.itertuples() if not pd.isna(r.rate)]
    csv = csv_text(CSV_HEADER, [[r.geo, names[r.geo], str(r.year)] + [None if pd.isna(getattr(r, f)) else float(getattr(r, f)) for f in FIELDS]
                                for r in table.itertuples()])
    return with_excel(View(header=[label("geo"), label("year")] + [label(f) for f in FIELDS], rows=rows, chart=chart,
                           csv={CSV_NAME: csv}, message=None if chart else messages["emptyChart"],
                           words=words_text(WORDS, [names[g] for g in chosen], str(start), str(end), "rate")), csv_defs())


def payload(obs: pd.DataFrame | None = None) -> dict:
    """The explorer's payload (see ``widgets.figures.explorer``): per country
    and year the requests, transfers and rate with their Dutch cell texts."""
    obs = model.observations() if obs is None else obs
    geos, years, names = model.geos(obs), model.years(obs), geo_names()
    table = model.rates(geos, years[0], years[-1], obs).set_index(["geo", "year"])
    field_data = {f: {"values": {}, "cells": {}, "markers": {}} for f in FIELDS}
    for g in geos:
        for f in FIELDS:
            column = [table.loc[(g, y), f] if (g, y) in table.index else pd.NA for y in years]
            field_data[f]["values"][g] = [None if pd.isna(v) else float(v) for v in column]
            field_data[f]["cells"][g] = [_cell(v, f) for v in column]
            field_data[f]["markers"][g] = [None] * len(years)
    return base_payload(
        "pairs",
        [(y, y) for y in years],
        [{"id": g, "label": names[g]} for g in geos],
        fields=field_data,
        table={"corner": label("geo"), "fields": list(FIELDS), "header": [label("geo"), label("year")] + [label(f) for f in FIELDS]},
        chart={"rows": "items", "field": "rate"},
        messages=_messages(obs),
        words=WORDS,
        csv=csv_defs(),
        url={"key": "dublin", "field": "rate"},
    )


def report_box_html() -> str:
    """The report's aggregate with the arithmetic, in Dutch."""
    r = model.report_figures()
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


def caveats_html(obs: pd.DataFrame) -> str:
    """The caveats that the plotted rows name (column ``caveats``), in the descriptor's words."""
    texts = {int(c["id"]): str(c["text"]) for c in metadata("dublin_external").get("caveats", [])}
    numbers = sorted({n for row in obs["caveats"] for n in row})
    return "<ol>" + "".join(f'<li value="{n}">{html.escape(texts[n])}</li>' for n in numbers) + "</ol>"


def chart(rows: list[dict]) -> alt.Chart:
    return (
        charts.base(rows)
        .mark_bar()
        .encode(
            x=alt.X("x:O", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset="series:N",
            y=alt.Y("value:Q", title="overdrachten per 100 verzoeken", axis=alt.Axis(format=",.0f")),
            color=alt.Color("series:N", title=None),
            tooltip=[alt.Tooltip("series:N", title="Land"), alt.Tooltip("x:O", title="Jaar"),
                     alt.Tooltip("value:Q", title="per 100 verzoeken", format=",.1f")],
        )
        .properties(height=charts.HEIGHT)
    )


def dublin_html(figure_id: str = "fig-dublin", chosen: Sequence[str] = DEFAULT_GEOS) -> str:
    """Website face: the report's aggregate with its arithmetic, and the
    Eurostat explorer (countries, years -> requests, transfers, rate)."""
    obs = model.observations()
    geos, years, names = model.geos(obs), model.years(obs), geo_names()
    default = view(chosen, years[0], years[-1], obs)
    sources = sorted(set(zip(obs["source_title"], obs["source_url"])))
    source_list = "".join(f'<li><a href="{html.escape(u)}">{html.escape(t)}</a></li>' for t, u in sources)
    boxes = "".join(checkbox_html(f"{figure_id}-g-{g}", [g], names[g], checked=g in chosen) for g in geos)
    compiled = charts.compile_chart(chart(default.chart), "Staafdiagram: Dublinoverdrachten per 100 uitgaande verzoeken, "
                                    "per land en jaar (Eurostat, niet uit het rapport).")
    return figure_html(
        figure_id=figure_id,
        kind="dublin",
        caption="Dublinoverdrachten: het cijfer uit het rapport en jaarcijfers van Eurostat",
        source=SOURCE_NL,
        view=default,
        table_caption=TABLE_CAPTION,
        chart=compiled,
        chart_label="Staafdiagram: overdrachten per 100 uitgaande Dublinverzoeken per land en jaar; de tabel eronder geeft de aantallen.",
        controls_html=f'<fieldset><legend>Landen</legend>{boxes}</fieldset>' + year_range_html(years),
        intro_html=report_box_html(),
        payload=payload(obs),
        after_html=(f'<p class="bmh-source bmh-key">{NOT_AVAILABLE_KEY_NL}</p><details class="bmh-sources"><summary>Kanttekeningen en bronnen van de jaarcijfers</summary>'
                    f"{caveats_html(obs)}<ul>{source_list}</ul></details>"),
        live_downloads=[("Download wat de tabel toont (CSV)", CSV_NAME, f"../data/figuren/{CSV_NAME}.json")],
        downloads=[("dublin_external.csv (alle bronnen)", "../data/dublin_external.csv"), ("dublin_report.csv", "../data/dublin_report.csv")],
        datasets=["dublin_report", "dublin_external"],
        units="overdrachten per 100 verzoeken",
        share_link=True,
    )


def dublin_figure_html(figure_id: str = "fig-dublin") -> HTML:
    """:func:`dublin_html` for display in a notebook."""
    return HTML(dublin_html(figure_id), summary="Figuur: Dublinoverdrachten")
