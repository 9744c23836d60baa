"""The budget package builder as ipywidgets: tick measures, read the totals."""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

from ..figures import package as figure
from ..models import budget as model
from . import ChoiceError, chart_svg, figure_layout, one_update, show, view_html


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

        variants = [str(v) for v in ([variants] if isinstance(variants, str) else variants or [])]
        try:
            self.variants = model.check_variants(variants) if variants else model.variant_ids()
        except ValueError:
            unknown = [v for v in variants if v not in model.variant_ids()]
            raise ChoiceError(f"Onbekende variant: {', '.join(map(str, unknown))}. "
                              f"Te kiezen: {', '.join(model.variant_ids())}.") from None
        data = model.budget()
        self._checkboxes: dict[str, w.Checkbox] = {}
        self._radios: dict[str, w.RadioButtons] = {}
        sections = []
        for variant in self.variants:
            items, seen = [], set()
            for code in self.choosable:
                if data.measures.loc[code, "variant"] != variant:
                    continue
                group = data.choices.loc[data.choices["measure"] == code, "group"]
                if group.empty:
                    box = w.Checkbox(value=False, description=figure.measure_label(code), indent=False,
                                     layout=w.Layout(width="auto"))
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
                    radio.observe(self._changed, "value")
                    self._radios[g] = radio
                    title = w.HTML(f"Kies één optie: {html.escape(options['group_title'].iloc[0])}")
                    title.add_class("bmh-group-title")
                    group_box = w.VBox([title, radio])
                    group_box.add_class("bmh-group")
                    items.append(group_box)
            sections.append(w.VBox(items))
        if len(self.variants) == 1:
            heading = w.HTML(html.escape(figure.variant_label(self.variants[0])))
            heading.add_class("bmh-heading")
            controls = [heading, sections[0]]
        else:
            self._accordion = w.Accordion(children=sections, titles=tuple(figure.variant_label(v) for v in self.variants))
            self._accordion.selected_index = 0
            controls = [self._accordion]
        self._output = w.Output()
        self.widget = figure_layout(self._output, controls)
        self._codes: list[str] = []
        self._quiet = False
        self._listeners: list = []
        self._show()

    def on_change(self, callback) -> None:
        """Call ``callback(package)`` after every change of the choice (used by the comparison)."""
        self._listeners.append(callback)

    @property
    def choosable(self) -> list[str]:
        """The codes this builder offers (its variants' choosable measures), in report order."""
        measures = model.budget().measures
        return [c for c in model.selectable_measures() if measures.loc[c, "variant"] in self.variants]

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
        if isinstance(codes, str):
            codes = [codes]
        codes = [str(c) for c in codes]
        try:
            codes = model.check_selection(codes)
        except model.SelectionError as exc:
            raise ChoiceError(_dutch(exc, self.choosable)) from None
        outside = [c for c in codes if model.budget().measures.loc[c, "variant"] not in self.variants]
        if outside:
            raise ChoiceError(f"Niet in deze figuur te kiezen (variant {', '.join(self.variants)}): {', '.join(outside)}. "
                              f"Te kiezen: {', '.join(self.choosable)}.")
        choices = model.budget().choices
        with one_update(self):
            for code, box in self._checkboxes.items():
                box.value = code in codes
            for group, radio in self._radios.items():
                hit = choices[(choices["group"] == group) & choices["measure"].isin(codes)]
                radio.value = hit["option"].iloc[0] if len(hit) else ""

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
        for callback in self._listeners:
            callback(self)

    def _show(self):
        view = figure.view(self._codes)
        show(self._output, view_html(view, f"Budgettaire gevolgen van het gekozen pakket ({figure.UNIT_NL})", "kernel-pakket"),
             chart_svg(figure.totals_chart(view.chart)))

    def __repr__(self) -> str:
        return f"<Pakketbouwer, variant {', '.join(self.variants)}; gekozen: {', '.join(self._codes) or 'niets'}>"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def _dutch(exc: model.SelectionError, allowed: Sequence[str]) -> str:
    """The model's refusal as one Dutch sentence naming the code and what is allowed."""
    codes = ", ".join(exc.codes)
    if exc.kind == "unknown":
        return f"Onbekende maatregel: {codes}. Te kiezen in deze figuur: {', '.join(allowed)}."
    if exc.kind == "sub_row":
        parent = model.budget().measures.loc[exc.codes[0], "parent"]
        return f"{codes} is een onderdeel van maatregel {parent} en niet apart te kiezen; kies {parent} zelf."
    return f"De opties {codes} horen bij één groep en gaan niet samen: kies er één."
