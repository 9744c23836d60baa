"""The time-series figures as ipywidgets: choose series and years."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..figures import series as figure
from ..models import series as model
from . import ChoiceError, chart_svg, view_html


class SeriesExplorer:
    """The kernel face of a series figure (``widgets.figures.series`` on the website).

    ``key`` is one of ``widgets.figures.series.FIGURES``. After each change
    ``chosen`` (list of series ids), ``start``, ``end`` (years) and ``field``
    ("count" or "share") hold the choice, and ``table`` the numbers:
    :func:`widgets.models.series.series_table` (index year, a column per series,
    "total" where the series add up). Raises :class:`widgets.kernel.ChoiceError`
    (Dutch) for an unknown figure or series.
    """

    def __init__(self, key: str, chosen: Sequence[str] | None = None):
        import ipywidgets as w

        try:
            self.figure = figure.figure(key)
            self.data = self.figure.data()
            years = self.data.years
            if chosen is not None:
                model.check_request(self.data, chosen, years[0], years[-1])
        except model.SeriesError as exc:
            raise ChoiceError(f"Deze keuze kan niet: {exc}. Figuren: {', '.join(figure.FIGURES)}; "
                              f"reeksen: {', '.join(self.data.series) if hasattr(self, 'data') else '-'}.") from None
        self.key = key
        self._boxes = {
            s: w.Checkbox(value=(s in (chosen or self.data.series)) or s in self.data.always, description=self.data.labels[s],
                          disabled=s in self.data.always, indent=False, layout=w.Layout(width="auto"))
            for s in self.data.series
        }
        self._start = w.Dropdown(options=years, value=years[0], description="van")
        self._end = w.Dropdown(options=years, value=years[-1], description="tot en met")
        self._field = w.ToggleButtons(options=[("aantallen", "count"), ("aandeel (berekend)", "share")], value="count")
        for control in [*self._boxes.values(), self._start, self._end, self._field]:
            control.observe(self._changed, "value")
        self._output = w.Output()
        rows = [w.HBox(list(self._boxes.values()), layout=w.Layout(flex_flow="row wrap")), w.HBox([self._start, self._end])]
        if self.data.reference:
            rows.append(self._field)
        self.widget = w.VBox([self._output] + rows)
        self._changed()

    def _changed(self, *_):
        from IPython.display import HTML, display

        self.chosen = [s for s, b in self._boxes.items() if b.value]
        self.start, self.end, self.field = self._start.value, self._end.value, self._field.value
        view = figure.view(self.key, self.chosen, self.start, self.end, self.field)
        self.table = (model.series_table(self.data, self.chosen, self.start, self.end, self.field)
                      if view.header else pd.DataFrame())
        self._output.clear_output(wait=True)
        with self._output:
            display(HTML(view_html(view, self.figure.caption, f"kernel-{self.key}")))
            if view.chart:
                display(chart_svg(figure.chart(self.figure, self.data, view.chart, self.field)))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
