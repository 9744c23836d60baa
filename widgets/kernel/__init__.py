"""Stage 4: the figures as ipywidgets, for teaching in JupyterLab.

The same figures as on the website, computed by the same Python model:
``Package`` (the budget package builder), ``SeriesExplorer`` and
``DublinExplorer``. Each shows its figure's view (``widgets.figures``) above its
controls, so a tick shows its effect at once, and exposes what is chosen and
what it gives as pandas DataFrames. A wrong choice made from code raises
:class:`ChoiceError`: one Dutch sentence, without a traceback in a notebook.
"""
from __future__ import annotations

import vl_convert

from ..data.numbers import NUMBER_LOCALE
from ..figures.charts import VEGA_LITE_VERSION


class ChoiceError(ValueError):
    """A choice the figure cannot take (unknown code, two options of one group,
    a year outside the data), in Dutch. In IPython only the sentence is shown."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


def chart_svg(chart):
    """An Altair chart drawn to SVG in Python (vl-convert, Dutch numbers): no
    JavaScript and no request to another host (Altair's default renderer in
    JupyterLab would load Vega from a CDN)."""
    from IPython.display import SVG

    spec = chart.properties(width=560).to_dict()
    return SVG(vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION, format_locale=NUMBER_LOCALE))


def view_html(view, caption: str, table_id: str) -> str:
    """A figure's view (table, notes, message, words) as HTML for the kernel face."""
    import html

    from ..figures.html import list_html, view_table_html

    parts = []
    if view.message:
        parts.append(f'<p class="bmh-message"><strong>{html.escape(view.message)}</strong></p>')
    if view.words:
        parts.append(f'<p class="bmh-words">{html.escape(view.words)}</p>')
    if view.header:
        parts.append(view_table_html(view, caption, table_id))
    parts.append(list_html(view.notes))
    return "".join(parts)
