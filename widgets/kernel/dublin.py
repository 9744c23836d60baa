"""The Dublin explorer as ipywidgets: choose countries and years."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..figures import dublin as figure
from ..models import dublin as model
from . import ChoiceError, chart_svg, figure_layout, show, view_html


class DublinExplorer:
    """The kernel face of the Dublin figure. ``table`` holds
    :func:`widgets.models.dublin.rates` for the chosen countries and years
    (columns geo, year, requests, transfers, rate); ``chosen``, ``start`` and
    ``end`` the choice. ``selection`` (country codes) and ``years`` (first and
    last year) can be assigned from code. Raises :class:`widgets.kernel.ChoiceError`
    (Dutch) for an unknown country or year."""

    def __init__(self, chosen: Sequence[str] = figure.DEFAULT_GEOS):
        import ipywidgets as w

        self.obs = model.observations()
        self._known, self._span, names = model.geos(self.obs), model.years(self.obs), figure.geo_names()
        chosen = self._check_geos(chosen)
        self._geos = w.SelectMultiple(options=[(names[g], g) for g in self._known], value=tuple(chosen), description="Landen",
                                      rows=min(len(self._known), 10))
        self._years = w.IntRangeSlider(value=(self._span[0], self._span[-1]), min=self._span[0], max=self._span[-1],
                                       description="Jaren")
        self._output = w.Output()
        self._geos.observe(self._changed, "value")
        self._years.observe(self._changed, "value")
        self.widget = figure_layout(self._output, [self._geos, self._years], head=[w.HTML(figure.report_box_html())])
        self._changed()

    def _check_geos(self, chosen: Iterable[str]) -> list[str]:
        chosen = [chosen] if isinstance(chosen, str) else [str(g) for g in chosen]
        unknown = [g for g in chosen if g not in self._known]
        if unknown:
            raise ChoiceError(f"Onbekend land: {', '.join(unknown)}. Te kiezen: {', '.join(self._known)}.")
        return chosen

    @property
    def selection(self) -> list[str]:
        """The chosen countries (codes); assign a list to choose."""
        return list(self.chosen)

    @selection.setter
    def selection(self, chosen: Iterable[str]) -> None:
        self._geos.value = tuple(self._check_geos(chosen))

    @property
    def years(self) -> tuple[int, int]:
        """First and last year shown; assign a pair (or one year) to change them."""
        return self.start, self.end

    @years.setter
    def years(self, span) -> None:
        start, end = (span, span) if isinstance(span, int) else span
        if not (self._span[0] <= start <= end <= self._span[-1]):
            raise ChoiceError(f"Deze jaren kunnen niet: {start}-{end}. Te kiezen: {self._span[0]} tot en met "
                              f"{self._span[-1]}, het eerste jaar niet na het laatste.")
        self._years.value = (start, end)

    def _changed(self, *_):
        self.chosen, (self.start, self.end) = list(self._geos.value), self._years.value
        view = figure.view(self.chosen, self.start, self.end, self.obs)
        self.table = model.rates(self.chosen, self.start, self.end, self.obs) if view.header else pd.DataFrame()
        show(self._output, view_html(view, figure.TABLE_CAPTION, "kernel-dublin"),
             chart_svg(figure.chart(view.chart)) if view.chart else None)

    def __repr__(self) -> str:
        return f"<Dublinoverdrachten; gekozen: {', '.join(self.chosen) or 'niets'}; jaren {self.start}-{self.end}>"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
