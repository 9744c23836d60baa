"""The Dublin explorer as ipywidgets: choose countries and years."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..figures import dublin as figure
from ..models import dublin as model
from . import ChoiceError, chart_svg, view_html


class DublinExplorer:
    """The kernel face of the Dublin figure. ``table`` holds
    :func:`widgets.models.dublin.rates` for the chosen countries and years
    (columns geo, year, requests, transfers, rate); ``chosen``, ``start`` and
    ``end`` the choice. Raises :class:`widgets.kernel.ChoiceError` (Dutch) for
    an unknown country."""

    def __init__(self, chosen: Sequence[str] = figure.DEFAULT_GEOS):
        import ipywidgets as w

        self.obs = model.observations()
        geos, years, names = model.geos(self.obs), model.years(self.obs), figure.geo_names()
        unknown = [g for g in chosen if g not in geos]
        if unknown:
            raise ChoiceError(f"Onbekend land: {', '.join(unknown)}. Te kiezen: {', '.join(geos)}.")
        self._geos = w.SelectMultiple(options=[(names[g], g) for g in geos], value=tuple(chosen), description="Landen")
        self._years = w.IntRangeSlider(value=(years[0], years[-1]), min=years[0], max=years[-1], description="Jaren")
        self._output = w.Output()
        self._geos.observe(self._changed, "value")
        self._years.observe(self._changed, "value")
        self.widget = w.VBox([w.HTML(figure.report_box_html()), self._output, w.HBox([self._geos, self._years])])
        self._changed()

    def _changed(self, *_):
        from IPython.display import HTML, display

        self.chosen, (self.start, self.end) = list(self._geos.value), self._years.value
        view = figure.view(self.chosen, self.start, self.end, self.obs)
        self.table = model.rates(self.chosen, self.start, self.end, self.obs) if view.header else pd.DataFrame()
        self._output.clear_output(wait=True)
        with self._output:
            display(HTML(view_html(view, figure.TABLE_CAPTION, "kernel-dublin")))
            if view.chart:
                display(chart_svg(figure.chart(view.chart)))

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
