"""The time-series figures as ipywidgets: choose series and years."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..figures import series as figure
from ..models import series as model
from . import ChoiceError, chart_svg, figure_layout, one_update, show, view_html


class SeriesExplorer:
    """The kernel face of a series figure (``widgets.figures.series`` on the website).

    ``key`` is one of ``widgets.figures.series.FIGURES``. After each change
    ``chosen`` (list of series ids), ``start``, ``end`` (years) and ``field``
    ("count" or "share") hold the choice, and ``table`` the numbers:
    :func:`widgets.models.series.series_table` (index year, a column per series,
    "total" where the series add up). ``selection`` (the chosen series) and
    ``years`` (first and last year) can be assigned from code. Raises
    :class:`widgets.kernel.ChoiceError` (Dutch) for an unknown figure, series
    or year.
    """

    def __init__(self, key: str, chosen: Sequence[str] | None = None):
        import ipywidgets as w

        if key not in figure.FIGURES:
            raise ChoiceError(f"Onbekende figuur: {key}. Figuren: {', '.join(figure.FIGURES)}.")
        self.figure = figure.figure(key)
        self.data = self.figure.data()
        self.key = key
        years = self.data.years
        if chosen is not None:
            self._check_series(chosen)
        self._boxes = {
            s: w.Checkbox(value=(s in (chosen or self.data.series)) or s in self.data.always, description=self.data.labels[s],
                          disabled=s in self.data.always, indent=False, layout=w.Layout(width="auto"))
            for s in self.data.series
        }
        self._start = w.Dropdown(options=years, value=years[0], description="van", layout=w.Layout(width="10rem"))
        self._end = w.Dropdown(options=years, value=years[-1], description="tot en met", layout=w.Layout(width="12rem"))
        self._field = w.ToggleButtons(options=[("aantallen", "count"), ("aandeel (berekend)", "share")], value="count")
        for control in [*self._boxes.values(), self._start, self._end, self._field]:
            control.observe(self._changed, "value")
        self._output = w.Output()
        boxes = w.VBox(list(self._boxes.values())) if len(self._boxes) <= 8 else \
            w.HBox(list(self._boxes.values()), layout=w.Layout(flex_flow="row wrap", column_gap="1rem"))
        heading = w.HTML("Reeksen")
        heading.add_class("bmh-heading")
        rows = [heading, boxes, w.VBox([self._start, self._end])]
        if self.data.reference:
            rows.append(self._field)
        self._quiet = False
        self.widget = figure_layout(self._output, rows)
        self._changed()

    def _check_series(self, chosen: Iterable[str]) -> list[str]:
        chosen = [chosen] if isinstance(chosen, str) else [str(s) for s in chosen]
        unknown = [s for s in chosen if s not in self.data.series]
        if unknown:
            raise ChoiceError(f"Onbekende reeks in deze figuur: {', '.join(unknown)}. "
                              f"Te kiezen: {', '.join(self.data.series)}.")
        return chosen

    @property
    def selection(self) -> list[str]:
        """The chosen series (ids, in the figure's order); assign a list to choose."""
        return list(self.chosen)

    @selection.setter
    def selection(self, chosen: Iterable[str]) -> None:
        chosen = self._check_series(chosen)
        with one_update(self):
            for s, box in self._boxes.items():
                if s not in self.data.always:
                    box.value = s in chosen

    @property
    def years(self) -> tuple[int, int]:
        """First and last year shown; assign a pair (or one year) to change them."""
        return self.start, self.end

    @years.setter
    def years(self, span) -> None:
        start, end = (span, span) if isinstance(span, int) else span
        known = self.data.years
        bad = [y for y in (start, end) if y not in known]
        if bad or start > end:
            raise ChoiceError(f"Deze jaren kunnen niet: {start}-{end}. Te kiezen: {known[0]} tot en met {known[-1]}, "
                              "het eerste jaar niet na het laatste.")
        with one_update(self):
            self._start.value, self._end.value = start, end

    def _changed(self, *_):
        if self._quiet:
            return
        self.chosen = [s for s, b in self._boxes.items() if b.value]
        self.start, self.end, self.field = self._start.value, self._end.value, self._field.value
        view = figure.view(self.key, self.chosen, self.start, self.end, self.field)
        self.table = (model.series_table(self.data, self.chosen, self.start, self.end, self.field)
                      if view.header else pd.DataFrame())
        show(self._output, view_html(view, self.figure.caption, f"kernel-{self.key}"),
             chart_svg(figure.chart(self.figure, self.data, view.chart, self.field)) if view.chart else None)

    def __repr__(self) -> str:
        return f"<{self.figure.caption}; gekozen: {', '.join(self.chosen) or 'niets'}; jaren {self.start}-{self.end}>"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
