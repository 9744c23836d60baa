"""The budget package builder as ipywidgets: tick measures, read the totals."""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

from ..figures import package as figure
from ..models import budget as model
from . import ChoiceError, chart_svg, view_html


class Package:
    """The kernel face of the package builder (``widgets.figures.package`` on the website).

    ``selection``: DataFrame of the chosen measures (index ``measure``, columns
    ``variant`` and ``title``), in report order; assign a list of codes to
    choose them (an option of a group is chosen when one of its measures is
    named). ``totals``: :func:`widgets.models.budget.package_totals` of the
    choice (index period, columns extra, savings, saldo; EUR million).
    ``cells``: the chosen measures' canonical cells (measure, variant, title,
    period, value, marker). ``codes``: the chosen codes as a list.
    Raises :class:`widgets.kernel.ChoiceError` (Dutch) for codes the report
    does not allow together, does not know, or that are not on this builder.
    """

    def __init__(self, variants: Sequence[str] | None = None):
        import ipywidgets as w

        self.variants = model.check_variants(variants) if variants else model.variant_ids()
        data = model.budget()
        self._checkboxes: dict[str, w.Checkbox] = {}
        self._radios: dict[str, w.RadioButtons] = {}
        sections = []
        wide = w.Layout(width="auto")
        for variant in self.variants:
            items, seen = [], set()
            for code in [m for m in model.selectable_measures() if data.measures.loc[m, "variant"] == variant]:
                group = data.choices.loc[data.choices["measure"] == code, "group"]
                if group.empty:
                    box = w.Checkbox(value=False, description=figure.measure_label(code), indent=False, layout=wide)
                    box.observe(self._changed, "value")
                    self._checkboxes[code] = box
                    items.append(box)
                elif group.iloc[0] not in seen:
                    g = group.iloc[0]
                    seen.add(g)
                    options = data.choices[data.choices["group"] == g].drop_duplicates("option")
                    radio = w.RadioButtons(
                        options=[("geen keuze", "")] + [(f"{o} {t}", o) for o, t in zip(options["option"], options["option_label"])],
                        value="", layout=w.Layout(width="auto"),
                    )
                    radio.add_class("bmh-radio")
                    radio.observe(self._changed, "value")
                    self._radios[g] = radio
                    items.append(w.VBox([w.HTML(f"<b>Kies één optie: {html.escape(options['group_title'].iloc[0])}</b>"), radio]))
            sections.append(w.VBox(items))
        self._accordion = w.Accordion(children=sections, titles=tuple(figure.variant_label(v) for v in self.variants))
        self._accordion.selected_index = 0
        self._output = w.Output()
        style = w.HTML("<style>.bmh-radio .widget-radio-box label{height:auto;line-height:1.3;white-space:normal;"
                       "margin:.15rem 0}.bmh-radio .widget-radio-box{flex-wrap:nowrap}</style>")
        self.widget = w.VBox([style, self._output, self._accordion])
        self._codes: list[str] = []
        self._quiet = False
        self._show()

    @property
    def codes(self) -> list[str]:
        return list(self._codes)

    @property
    def selection(self) -> pd.DataFrame:
        measures = model.budget().measures
        return measures.loc[self._codes, ["variant", "title"]].astype("string")

    @selection.setter
    def selection(self, codes: Iterable[str]) -> None:
        self.set_selection(codes)

    @property
    def totals(self) -> pd.DataFrame:
        return model.package_totals(self._codes)

    @property
    def cells(self) -> pd.DataFrame:
        return model.package_cells(self._codes)

    def set_selection(self, codes: Iterable[str]) -> None:
        """Choose exactly these measures (see the class doc)."""
        codes = list(codes)
        try:
            codes = model.check_selection(codes)
        except model.SelectionError as exc:
            raise ChoiceError(_dutch(exc)) from None
        outside = [c for c in codes if model.budget().measures.loc[c, "variant"] not in self.variants]
        if outside:
            raise ChoiceError(f"Niet in deze figuur te kiezen ({', '.join(self.variants)}): {', '.join(outside)}.")
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
        chosen = [c for c, b in self._checkboxes.items() if b.value]
        choices = model.budget().choices
        for group, radio in self._radios.items():
            if radio.value:
                chosen += list(choices[(choices["group"] == group) & (choices["option"] == radio.value)]["measure"])
        self._codes = model.check_selection(chosen)
        self._show()

    def _show(self):
        from IPython.display import HTML, display

        view = figure.view(self._codes)
        self._output.clear_output(wait=True)
        with self._output:
            display(HTML(view_html(view, f"Budgettaire gevolgen van het gekozen pakket ({figure.UNIT_NL})", "kernel-pakket")))
            display(chart_svg(figure.totals_chart(view.chart)))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _dutch(exc: model.SelectionError) -> str:
    """The model's refusal as one Dutch sentence naming the code and what is allowed."""
    codes = ", ".join(exc.codes)
    if exc.kind == "unknown":
        return (f"Onbekende maatregel: {codes}. Te kiezen zijn de codes uit de tabellen van de varianten, "
                f"bijvoorbeeld {', '.join(model.selectable_measures()[:3])}.")
    if exc.kind == "sub_row":
        return f"{codes} is een onderdeel van een andere maatregel en niet apart te kiezen; kies de maatregel zelf."
    return f"De opties {codes} horen bij één groep en gaan niet samen: kies er één."
