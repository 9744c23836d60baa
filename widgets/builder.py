"""The budget package builder: compose a package of measures and read its
budgettary effect per year. Two faces on one model (``widgets.budget``):

- website face (:func:`builder_html`): HTML controls, totals table and chart,
  computed in the browser by ``static/bmh-budget.js`` from the payload written
  here; the selection lives in the page URL (``?pakket=4.1,4.3a``);
- kernel face (:class:`BudgetBuilder`): ipywidgets, computed by the Python model,
  with the selection and totals as pandas DataFrames.

:func:`budget_builder` shows the right face: the website face when notebooks
are executed for the site (``BMH_FACE=static``), otherwise ipywidgets.
"""
from __future__ import annotations

import html
from typing import Iterable, Sequence

import altair as alt
import pandas as pd

from . import budget as model
from .figure import HTML, chart_svg, figure_html, format_cell, html_table, static_face

VARIANT_TITLES_NL = {
    "1": "Variant 1: Integrale visie op migratie",
    "2A": "Variant 2A: Grenzen en GEAS",
    "2B": "Variant 2B: Beïnvloeding irreguliere migratie",
    "2C": "Variant 2C: Beïnvloeding vluchtelingenbewegingen",
    "3": "Variant 3: Differentiatie asielinstroom",
    "4": "Variant 4: Flexibele en doelmatige keten",
    "5": "Variant 5: Terugkeer",
    "6": "Variant 6: Effectieve doorstroom naar gemeenten",
}
ROW_LABELS_NL = {"extra": "Extra uitgaven", "savings": "Besparingen", "saldo": "Saldo"}
UNIT_NL = "mln euro; + = saldoverslechterend, − = besparing"
SOURCE_NL = "Bron: rapport, Bijlage 10 (Overzichtstabel maatregelen) en hoofdstuk 6; berekening: deze editie."


def totals_table_html(selection: Iterable[str], table_id: str) -> str:
    """Totals of a package as an HTML table: rows extra/savings/saldo,
    columns the six periods (as in the report's budget tables)."""
    totals = model.package_totals(selection)
    wide = totals.T.rename(index=ROW_LABELS_NL, columns=model.PERIOD_LABELS_NL)
    wide.index.name = "Totaal van het pakket"
    return html_table(
        wide.reset_index(),
        f"Budgettaire gevolgen van het gekozen pakket ({UNIT_NL})",
        row_header="Totaal van het pakket",
        total_rows=["Saldo"],
        table_id=table_id,
    )


def notes_html(selection: Iterable[str]) -> str:
    """Unquantified cells and double-count warnings of a package, in Dutch."""
    selection = list(selection)
    items = []
    open_cells = model.unquantified(selection)
    for (code, title, marker), rows in open_cells.groupby(["measure", "title", "marker"], sort=False):
        periods = ", ".join(model.PERIOD_LABELS_NL[p] for p in rows["period"])
        items.append(f"<li>Niet opgeteld: {html.escape(code)} {html.escape(title)}: {format_cell(marker)} ({periods})</li>")
    for _, w in model.double_count_warnings(selection).iterrows():
        items.append(f"<li>Let op: {html.escape(w['measure_a'])} en {html.escape(w['measure_b'])}: {html.escape(w['reason'])}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def controls_html(variants: Sequence[str], figure_id: str) -> str:
    """Checkbox per measure, radio group per group of alternatives, grouped by variant."""
    data = model.budget()
    measures = data.measures
    choices = data.choices
    parts = []
    for variant in variants:
        codes = [m for m in model.selectable_measures() if measures.loc[m, "variant"] == variant]
        rows, seen_groups = [], set()
        for code in codes:
            group_rows = choices[choices["measure"] == code]
            if group_rows.empty:
                ident = f"{figure_id}-m-{code}"
                rows.append(
                    f'<label for="{ident}"><input type="checkbox" id="{ident}" name="measure" value="{html.escape(code)}"> '
                    f"{html.escape(code)} {html.escape(measures.loc[code, 'title'])}</label>"
                )
                continue
            group = group_rows["group"].iloc[0]
            if group in seen_groups:
                continue
            seen_groups.add(group)
            options = choices[choices["group"] == group].drop_duplicates("option")
            name = f"{figure_id}-g-{group}"
            radios = [f'<label><input type="radio" name="{html.escape(name)}" data-group="{html.escape(group)}" value="" checked> geen keuze</label>']
            for _, o in options.iterrows():
                radios.append(
                    f'<label><input type="radio" name="{html.escape(name)}" data-group="{html.escape(group)}" value="{html.escape(o["option"])}"> '
                    f"{html.escape(o['option'])} {html.escape(o['option_label'])}</label>"
                )
            title = html.escape(group_rows["group_title"].iloc[0])
            rows.append(f'<fieldset class="bmh-choice"><legend>Kies één optie: {title}</legend>{"".join(radios)}</fieldset>')
        is_open = " open" if len(variants) <= 3 else ""
        parts.append(
            f'<details class="bmh-variant"{is_open}><summary>{html.escape(VARIANT_TITLES_NL[variant])}</summary>'
            f'<fieldset><legend class="visually-hidden">Maatregelen van {html.escape(VARIANT_TITLES_NL[variant])}</legend>{"".join(rows)}</fieldset></details>'
        )
    buttons = '<p><button type="button" data-action="clear">Alles uitzetten</button></p>'
    return "".join(parts) + buttons


def payload(variants: Sequence[str]) -> dict:
    """What the browser needs: measures with canonical cells, choice groups,
    warnings, periods and the variants whose controls are shown. Numbers are
    EUR million, decimal point."""
    data = model.budget()
    cells = data.values
    measures = []
    for code in model.selectable_measures():
        rows = cells[cells["measure"] == code]
        measures.append(
            {
                "code": code,
                "title": str(data.measures.loc[code, "title"]),
                "variant": str(data.measures.loc[code, "variant"]),
                "values": [None if pd.isna(v) else float(v) for v in rows["value"]],
                "markers": [None if pd.isna(m) else str(m) for m in rows["marker"]],
            }
        )
    groups = {}
    for _, row in data.choices.iterrows():
        groups.setdefault(row["group"], {}).setdefault(row["option"], []).append(row["measure"])
    return {
        "periods": list(model.PERIODS),
        "periodLabels": list(model.PERIOD_LABELS_NL.values()),
        "variants": list(variants),
        "measures": measures,
        "groups": groups,
        "warnings": data.warnings[["measure_a", "measure_b", "reason"]].to_dict("records"),
    }


def totals_chart(selection: Iterable[str]) -> alt.LayerChart:
    """Extra spending and savings as bars per period, the saldo as a point.
    The data set is named ``totals`` so the browser can replace it."""
    totals = model.package_totals(selection)
    rows = totals_rows(totals)
    data = alt.Data(name="totals", values=rows)
    order = list(model.PERIOD_LABELS_NL.values())
    base = alt.Chart(data).encode(x=alt.X("periode:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.transform_filter("datum.soort != 'Saldo'").mark_bar().encode(
        y=alt.Y("bedrag:Q", title="mln euro", axis=alt.Axis(format=",.2~f")),
        color=alt.Color(
            "soort:N",
            title=None,
            scale=alt.Scale(domain=["Extra uitgaven", "Besparingen"], range=["#b2182b", "#2166ac"]),
        ),
        tooltip=[alt.Tooltip("periode:N", title="Jaar"), alt.Tooltip("soort:N"), alt.Tooltip("bedrag:Q", title="mln euro", format=",.2~f")],
    )
    saldo = base.transform_filter("datum.soort == 'Saldo'").mark_point(filled=True, color="black", size=70, shape="diamond").encode(
        y="bedrag:Q",
        tooltip=[alt.Tooltip("periode:N", title="Jaar"), alt.Tooltip("bedrag:Q", title="Saldo, mln euro", format=",.2~f")],
    )
    return alt.layer(bars, saldo).properties(width=520, height=240)


def totals_rows(totals: pd.DataFrame) -> list[dict]:
    """Chart rows (periode, soort, bedrag) from :func:`widgets.budget.package_totals`."""
    rows = []
    for period, row in totals.iterrows():
        for key, label in ROW_LABELS_NL.items():
            rows.append({"periode": model.PERIOD_LABELS_NL[period], "soort": label, "bedrag": float(row[key])})
    return rows


def builder_html(variants: Sequence[str] | None = None, figure_id: str = "fig-pakket") -> HTML:
    """The website face. ``variants`` limits the controls to those variants;
    None shows all variants. The package starts empty: the edition does not
    choose measures for the reader (the report does not judge them either).
    Raises ValueError for an unknown variant."""
    shown = list(variants) if variants else list(model.VARIANTS)
    unknown = sorted(set(shown) - set(model.VARIANTS))
    if unknown:
        raise ValueError(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(model.VARIANTS)}")
    preset: list[str] = []
    caption = "Stel een pakket samen: budgettaire gevolgen per jaar"
    if variants:
        caption += " (" + ", ".join(VARIANT_TITLES_NL[v].split(":")[0] for v in variants) + ")"
    markup = figure_html(
        figure_id=figure_id,
        kind="budget-builder",
        caption=caption,
        chart=totals_chart(preset),
        chart_label="Staafdiagram: extra uitgaven en besparingen van het gekozen pakket per jaar, met het saldo als ruit; de tabel eronder geeft dezelfde bedragen.",
        controls_html=controls_html(shown, figure_id),
        table_html=totals_table_html(preset, f"{figure_id}-tabel"),
        extra_html=f'<div class="bmh-notes" aria-live="polite">{notes_html(preset)}</div>'
        '<p class="bmh-share" data-needs-js hidden><a class="bmh-link" href="">Link naar dit pakket</a> · '
        '<a class="bmh-csv" href="" download="pakket.csv">Download dit pakket (CSV)</a></p>',
        payload=payload(shown),
        source=SOURCE_NL,
    )
    return HTML(markup, summary=f"Pakketbouwer ({caption})")


def budget_builder(variants: Sequence[str] | None = None, figure_id: str = "fig-pakket"):
    """The builder in the face that fits where the notebook runs: the website
    face for the book (``BMH_FACE=static``), the ipywidgets face in a kernel."""
    if static_face():
        return builder_html(variants, figure_id)
    return BudgetBuilder(variants)


class BudgetBuilder:
    """The kernel face: ipywidgets controls driving the Python model.

    Attributes after each change: ``selection`` (list of measure codes),
    ``totals`` (DataFrame of :func:`widgets.budget.package_totals`) and
    ``cells`` (the selected measures' canonical cells). Display the object (or
    ``.widget``) in JupyterLab; set ``.selection`` from code to change it.
    """

    def __init__(self, variants: Sequence[str] | None = None):
        import ipywidgets as w

        self._w = w
        self.variants = list(variants) if variants else list(model.VARIANTS)
        data = model.budget()
        self._checkboxes: dict[str, w.Checkbox] = {}
        self._radios: dict[str, w.RadioButtons] = {}
        sections = []
        for variant in self.variants:
            items = []
            for code in model.selectable_measures():
                if data.measures.loc[code, "variant"] != variant:
                    continue
                group = data.choices.loc[data.choices["measure"] == code, "group"]
                if group.empty:
                    box = w.Checkbox(value=False, description=f"{code} {data.measures.loc[code, 'title']}", indent=False)
                    box.observe(self._changed, "value")
                    self._checkboxes[code] = box
                    items.append(box)
                elif group.iloc[0] not in self._radios:
                    g = group.iloc[0]
                    options = data.choices[data.choices["group"] == g].drop_duplicates("option")
                    radio = w.RadioButtons(
                        options=[("geen keuze", "")] + [(f"{o} {l}", o) for o, l in zip(options["option"], options["option_label"])],
                        value="",
                        description="",
                    )
                    radio.observe(self._changed, "value")
                    self._radios[g] = radio
                    items.append(w.VBox([w.HTML(f"<b>Kies één optie: {html.escape(options['group_title'].iloc[0])}</b>"), radio]))
            sections.append(w.VBox(items))
        self._accordion = w.Accordion(children=sections, titles=tuple(VARIANT_TITLES_NL[v] for v in self.variants))
        if variants:  # a variant page: open its (first) variant, as the website face does
            self._accordion.selected_index = 0
        self._output = w.Output()
        self.widget = w.VBox([self._accordion, self._output])
        self._selection: list[str] = []
        self.totals = model.package_totals([])
        self.cells = model.package_cells([])
        self._quiet = False
        self.set_selection([])

    def _option_measures(self, group: str, option: str) -> list[str]:
        c = model.budget().choices
        return list(c[(c["group"] == group) & (c["option"] == option)]["measure"])

    @property
    def selection(self) -> list[str]:
        """The selected measure codes (report order); assigning a list selects them."""
        return self._selection

    @selection.setter
    def selection(self, codes: Iterable[str]) -> None:
        self.set_selection(codes)

    def set_selection(self, codes: Iterable[str]) -> None:
        """Select exactly these measures (an option of a group is selected
        when one of its measures is named). Raises SelectionError for codes
        the report does not allow together or does not know, and for measures
        of variants this builder does not show."""
        codes = model.check_selection(codes)
        outside = [c for c in codes if model.budget().measures.loc[c, "variant"] not in self.variants]
        if outside:
            raise model.SelectionError(f"not in variant(s) {', '.join(self.variants)}: {', '.join(outside)}")
        choices = model.budget().choices
        self._quiet = True
        try:
            for code, box in self._checkboxes.items():
                box.value = code in codes
            for group, radio in self._radios.items():
                hit = choices[(choices["group"] == group) & choices["measure"].isin(codes)]
                radio.value = hit["option"].iloc[0] if len(hit) else ""
        finally:
            self._quiet = False
        self._changed()

    def _changed(self, *_):
        if self._quiet:
            return
        selected = [c for c, b in self._checkboxes.items() if b.value]
        for group, radio in self._radios.items():
            if radio.value:
                selected += self._option_measures(group, radio.value)
        self._selection = model.check_selection(selected)
        self.totals = model.package_totals(self.selection)
        self.cells = model.package_cells(self.selection)
        self._output.clear_output(wait=True)
        with self._output:
            from IPython.display import HTML as IPyHTML, display

            display(IPyHTML(totals_table_html(self.selection, "kernel-tabel") + notes_html(self.selection)))
            display(chart_svg(totals_chart(self.selection)))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
