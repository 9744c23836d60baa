"""The time-series figures of the book (website face and kernel face), built on
``widgets.series``. Data comes from ``data/`` (Bijlage 9 tables)."""
from __future__ import annotations

import html
from typing import Sequence

import altair as alt
import pandas as pd

from .data import load
from .figure import HTML, chart_svg, figure_html, html_table, static_face, year_range_html
from .lookup import source_text
from .numbers import MARKER_LABELS_NL, Marker, format_nl
from .series import SeriesData, SeriesError, check_request, missing_notes, payload, series_table

NOT_AVAILABLE = MARKER_LABELS_NL[Marker.NOT_AVAILABLE]


def _tidy(name: str, series_col: str, label_col: str, where=None, unit: str | None = None, **kw) -> SeriesData:
    frame = load(name)
    if where is not None:
        frame = frame[where(frame)]
    tidy = pd.DataFrame(
        {
            "year": frame["year"].astype(int),
            "series": frame[series_col].astype(str),
            "label": frame[label_col].astype(str),
            "value": frame["value"].astype("Float64"),
            "marker": frame["marker"],
            "note": frame["note"],
        }
    ).reset_index(drop=True)
    return SeriesData(name=name, frame=tidy, unit=unit or frame.attrs["unit"], source=source_text(frame.attrs), **kw)


def inflow_data() -> SeriesData:
    """Asylum inflow by type of application, 2010-2019 (Bijlage 9, Tabel 3.1),
    without the printed total (the figure adds the chosen types itself)."""
    data = _tidy("b9_inflow_by_type", "type", "type_label", where=lambda f: f["type"] != "totaal")
    frame = data.frame.assign(label=data.frame["label"].str.rstrip("*").str.capitalize())
    return SeriesData(**{**data.__dict__, "frame": frame})


def eu_data() -> SeriesData:
    """First asylum applications in the EU+ by country, 2014-2019 (Bijlage 9,
    Tabel 3.5); shares are computed against the printed EU+ total."""
    frame = load("b9_eu_first_applications")
    counts = frame[(frame["series"] == "aantal") & (frame["geo"] != "TOTAL")]
    total = frame[(frame["series"] == "aantal") & (frame["geo"] == "TOTAL")]
    printed_share = frame[frame["series"] == "aandeel"]
    tidy = pd.DataFrame(
        {
            "year": counts["year"].astype(int),
            "series": counts["geo"].astype(str),
            "label": counts["country_nl"].astype(str),
            "value": counts["value"].astype("Float64"),
            "marker": counts["marker"],
            "note": counts["note"],
        }
    ).reset_index(drop=True)
    return SeriesData(
        name="b9_eu_first_applications",
        frame=tidy,
        unit="eerste asielaanvragen",
        source=source_text(frame.attrs),
        reference={int(y): float(v) for y, v in zip(total["year"], total["value"])},
        reference_label="het totaal van de EU+ zoals gedrukt",
        always=("NL",),
        total_label=None,
        extra={
            "printed_share": {
                f"{g}/{int(y)}": float(v) for g, y, v in zip(printed_share["geo"], printed_share["year"], printed_share["value"])
            },
            "country_sum": counts.groupby("year")["value"].sum().astype(float).to_dict(),
        },
    )


def reception_data() -> SeriesData:
    """COA reception: received, left, occupancy, of whom permit holders, 2010-2019 (Tabel 1.2)."""
    return _tidy("b9_reception_flows", "measure", "measure_label", total_label=None)


def stay_data() -> SeriesData:
    """Length of stay in central reception, share of residents per duration
    class, 2012-2018 (Tabel 1.1; percent, rows as printed, so they need not add to 100)."""
    return _tidy("b9_reception_stay", "category", "category_label", where=lambda f: f["unit"] == "procent",
                 unit="procent van de bewoners", total_label="Som van de gekozen klassen")


SPOOR1 = {"highlight": "spoor1"}  # spoor 1 (Dublin) drawn in colour, the others in grey


def track_outflow_data() -> SeriesData:
    """Outflow of first asylum applications per spoor, 2016-2019 (Tabel 3.2)."""
    return _tidy("b9_outflow_by_track", "track", "track_label", extra=SPOOR1)


def track_duration_data() -> SeriesData:
    """Average processing time at outflow per spoor in weeks, 2016-2019 (Tabel 3.3)."""
    return _tidy("b9_duration_by_track", "track", "track_label", total_label=None, extra=SPOOR1)


FIGURES = {
    "instroom": (inflow_data, "bar", "Asielinstroom naar type aanvraag"),
    "eu": (eu_data, "line", "Eerste asielaanvragen in de EU+ per land"),
    "opvang": (reception_data, "line", "Centrale opvang van het COA: instroom, uitstroom en bezetting"),
    "verblijfsduur": (stay_data, "bar", "Verblijfsduur in de centrale opvang (aandeel van de bewoners)"),
    "spoor-uitstroom": (track_outflow_data, "bar", "Uitstroom van eerste asielaanvragen per spoor"),
    "spoor-duur": (track_duration_data, "line", "Gemiddelde doorlooptijd per spoor (weken)"),
}


def table_frame(data: SeriesData, table: pd.DataFrame, mode: str = "count") -> pd.DataFrame:
    """Reader-facing table: 'Jaar' then one column per series label (and the
    total), cells as Dutch text ("niet beschikbaar" where missing)."""
    labels = data.labels
    out = pd.DataFrame({"Jaar": [str(y) for y in table.index]})
    for s in [c for c in table.columns if c != "total"]:
        cells = []
        for year, v in table[s].items():
            if pd.isna(v):
                cells.append(NOT_AVAILABLE)
            elif mode == "share":
                printed = data.extra.get("printed_share", {}).get(f"{s}/{year}")
                text = format_nl(float(v), decimals=1, trim=False) + "%"
                cells.append(text + (f" (gedrukt: {format_nl(printed)}%)" if printed is not None else ""))
            else:
                cells.append(format_nl(float(v)))
        out[labels[s]] = cells
    if "total" in table.columns:
        out[data.total_label] = [NOT_AVAILABLE if pd.isna(t) else format_nl(float(t)) for t in table["total"]]
    return out


def notes_html(data: SeriesData, chosen: Sequence[str], start: int, end: int) -> str:
    """A list explaining each "niet beschikbaar" in the request."""
    items = [
        f"<li>{html.escape(label)}, {', '.join(map(str, years))}: {NOT_AVAILABLE}. {html.escape(note)}</li>"
        for label, years, note in missing_notes(data, chosen, start, end)
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def chart(data: SeriesData, mark: str, rows: list[dict]) -> alt.Chart:
    """The chart of a series figure; its data set is named ``rows`` (jaar,
    reeks, waarde) so the browser can replace it."""
    base = alt.Chart(alt.Data(name="rows", values=rows))
    labels = [data.labels[s] for s in data.series]
    highlight = data.extra.get("highlight")
    scale = (
        alt.Scale(domain=labels, range=["#b2182b" if s == highlight else grey for s, grey in zip(data.series, ["#4d4d4d", "#878787", "#bababa", "#d9d9d9"] * 3)])
        if highlight
        else alt.Undefined
    )
    enc = dict(
        x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
        color=alt.Color("reeks:N", title=None, sort=labels, scale=scale),
        tooltip=[alt.Tooltip("jaar:O", title="Jaar"), alt.Tooltip("reeks:N", title="Reeks"), alt.Tooltip("waarde:Q", title="Waarde", format=",.1~f")],
    )
    y = alt.Y("waarde:Q", title=None, axis=alt.Axis(format=",.2~f"))
    if mark == "bar":
        return base.mark_bar().encode(y=y, **enc).properties(width=520, height=260)
    return base.mark_line(point=True).encode(y=y, **enc).properties(width=520, height=260)


def chart_rows(data: SeriesData, table: pd.DataFrame) -> list[dict]:
    rows = []
    for s in [c for c in table.columns if c != "total"]:
        for year, v in table[s].items():
            if not pd.isna(v):
                rows.append({"jaar": int(year), "reeks": data.labels[s], "waarde": float(v)})
    return rows


def controls_html(data: SeriesData, figure_id: str, chosen: Sequence[str], has_modes: bool) -> str:
    boxes = []
    for s in data.series:
        ident = f"{figure_id}-s-{s}"
        fixed = s in data.always
        state = (" checked" if s in chosen or fixed else "") + (" disabled" if fixed else "")
        note = " (altijd getoond)" if fixed else ""
        boxes.append(f'<label for="{ident}"><input type="checkbox" id="{ident}" name="series" value="{html.escape(s)}"{state}> {html.escape(data.labels[s])}{note}</label>')
    parts = [f'<fieldset><legend>Reeksen</legend>{"".join(boxes)}</fieldset>', year_range_html(data.years)]
    if has_modes:
        parts.append(
            '<fieldset><legend>Weergave</legend>'
            '<label><input type="radio" name="mode" value="count" checked> aantallen</label>'
            f'<label><input type="radio" name="mode" value="share"> aandeel in {html.escape(data.reference_label)} (berekend)</label></fieldset>'
        )
    return "".join(parts)


def series_figure(key: str, chosen: Sequence[str] | None = None, figure_id: str | None = None, note_html: str = ""):
    """A series figure in the face that fits: website HTML for the book
    (``BMH_FACE=static``), ipywidgets in a kernel. ``key`` is one of FIGURES."""
    if static_face():
        return series_html(key, chosen, figure_id, note_html)
    return SeriesExplorer(key, chosen)


def series_html(key: str, chosen: Sequence[str] | None = None, figure_id: str | None = None, note_html: str = "") -> HTML:
    """The website face of a series figure (default state: ``chosen`` or all
    series, all years, counts). Raises KeyError for an unknown key."""
    make, mark, caption = FIGURES[key]
    data = make()
    figure_id = figure_id or f"fig-{key}"
    chosen = check_request(data, list(chosen or data.series), data.years[0], data.years[-1])
    table = series_table(data, chosen, data.years[0], data.years[-1])
    has_modes = data.reference is not None
    pay = payload(data)
    pay.update({"chosen": chosen, "mark": mark, "printedShare": data.extra.get("printed_share", {})})
    markup = figure_html(
        figure_id=figure_id,
        kind="series",
        caption=caption,
        chart=chart(data, mark, chart_rows(data, table)),
        chart_label=f"{caption}: {'staafdiagram' if mark == 'bar' else 'lijndiagram'} per jaar; de tabel eronder geeft dezelfde getallen.",
        controls_html=controls_html(data, figure_id, chosen, has_modes),
        table_html=html_table(table_frame(data, table), f"{caption} ({data.unit})", row_header="Jaar", table_id=f"{figure_id}-tabel"),
        payload=pay,
        source=data.source,
        extra_html=(f'<div class="bmh-notes" aria-live="polite">{notes_html(data, chosen, data.years[0], data.years[-1])}</div>'
                    + note_html + '<p class="bmh-share" data-needs-js hidden><a class="bmh-csv" href="" download="'
                    f'{html.escape(figure_id)}.csv">Download wat de figuur toont (CSV)</a></p>'),
        downloads=[(f"{data.name}.csv (volledige tabel)", f"../data/{data.name}.csv")],
    )
    return HTML(markup, summary=f"Figuur: {caption}")


class SeriesExplorer:
    """Kernel face of a series figure (ipywidgets). After each change:
    ``table`` holds :func:`widgets.series.series_table` for the current choice,
    ``chosen``, ``start``, ``end`` and ``mode`` the choice itself."""

    def __init__(self, key: str, chosen: Sequence[str] | None = None):
        import ipywidgets as w

        if key not in FIGURES:
            raise SeriesError(f"unknown figure {key!r}; known: {', '.join(FIGURES)}")
        make, self.mark, self.caption = FIGURES[key]
        self.data = make()
        if chosen is not None:
            check_request(self.data, chosen, self.data.years[0], self.data.years[-1])
        years = self.data.years
        self._boxes = {
            s: w.Checkbox(value=(s in (chosen or self.data.series)) or s in self.data.always, description=self.data.labels[s],
                          disabled=s in self.data.always, indent=False)
            for s in self.data.series
        }
        self._start = w.Dropdown(options=years, value=years[0], description="van")
        self._end = w.Dropdown(options=years, value=years[-1], description="tot en met")
        self._mode = w.ToggleButtons(options=[("aantallen", "count"), ("aandeel (berekend)", "share")], value="count")
        for control in [*self._boxes.values(), self._start, self._end, self._mode]:
            control.observe(self._changed, "value")
        self._output = w.Output()
        rows = [w.HBox(list(self._boxes.values()), layout=w.Layout(flex_flow="row wrap")), w.HBox([self._start, self._end])]
        if self.data.reference:
            rows.append(self._mode)
        self.widget = w.VBox(rows + [self._output])
        self._changed()

    def _changed(self, *_):
        self.chosen = [s for s, b in self._boxes.items() if b.value]
        self.start, self.end, self.mode = self._start.value, self._end.value, self._mode.value
        self._output.clear_output(wait=True)
        with self._output:
            from IPython.display import HTML as IPyHTML, display

            try:
                self.table = series_table(self.data, self.chosen, self.start, self.end, self.mode)
            except Exception as exc:  # shown to the teacher, not swallowed
                display(IPyHTML(f"<p><b>{html.escape(str(exc))}</b></p>"))
                return
            display(IPyHTML(html_table(table_frame(self.data, self.table, self.mode), self.caption, row_header="Jaar")
                            + notes_html(self.data, self.chosen, self.start, self.end)))
            display(chart_svg(chart(self.data, self.mark, chart_rows(self.data, self.table))))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
