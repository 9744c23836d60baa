"""Stage 4: the figures as ipywidgets, for teaching in JupyterLab.

The same figures as on the website, computed by the same Python model:
``Package`` (the budget package builder), ``SeriesExplorer`` and
``DublinExplorer``. Each shows its figure's view (``widgets.figures``) beside
its controls (:func:`figure_layout`: the table and chart stay in view while the
controls scroll in their own box, and come above them in a narrow window), so a
tick shows its effect at once, and exposes what is chosen and what it gives as
pandas DataFrames that can also be set from code. A wrong choice made from code
raises :class:`ChoiceError`: one Dutch sentence, without a traceback in a notebook.
"""
from __future__ import annotations

import contextlib

import vl_convert

from ..data.numbers import NUMBER_LOCALE
from ..figures.charts import VEGA_LITE_VERSION


class ChoiceError(ValueError):
    """A choice the figure cannot take (unknown code, two options of one group,
    a year outside the data), in Dutch. In IPython only the sentence is shown."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


@contextlib.contextmanager
def one_update(face):
    """Set several controls of a kernel figure from code with one update at the end:
    ``face._changed`` ignores the controls' events while ``face._quiet`` is true, and
    runs once after the block (not when the block raised)."""
    face._quiet = True
    try:
        yield
    finally:
        face._quiet = False
    face._changed()


KERNEL_CLASS = "bmh-kernel"
# ipywidgets draws a checkbox or radio label on one line of fixed height and cuts it off with
# "..."; a radio's input floats beside its label, so wrapped labels of one group overlap and
# cover the next option. These rules (scoped to our figures) let every label wrap on lines of
# its own, keep each input beside the first line of its label, and let the rows grow.
KERNEL_CSS = """<style>
.bmh-kernel .widget-checkbox, .bmh-kernel .jupyter-widget-checkbox { width: auto; height: auto; align-items: flex-start; }
.bmh-kernel .widget-checkbox .widget-label-basic, .bmh-kernel .jupyter-widget-checkbox .jupyter-widget-label-basic {
  display: flex; align-items: flex-start; gap: .4rem; white-space: normal; overflow: visible; text-overflow: clip;
  line-height: 1.35; padding: .2rem 0; cursor: pointer; }
.bmh-kernel .widget-checkbox input[type=checkbox] { flex: none; margin: .15rem 0 0 0; align-self: flex-start; }
.bmh-kernel .widget-radio, .bmh-kernel .jupyter-widget-radio { width: auto; height: auto; }
.bmh-kernel .widget-radio-box, .bmh-kernel .jupyter-widget-radio-box { margin-bottom: 0; }
.bmh-kernel .widget-radio-box label, .bmh-kernel .jupyter-widget-radio-box label {
  display: flex; align-items: flex-start; gap: .4rem; height: auto; line-height: 1.35; white-space: normal;
  margin: .2rem 0; cursor: pointer; }
.bmh-kernel .widget-radio-box input, .bmh-kernel .jupyter-widget-radio-box input {
  order: -1; float: none; flex: none; height: auto; line-height: normal; margin: .15rem 0 0 1px; }
.bmh-kernel .bmh-group { border: 1px solid var(--jp-border-color2, #ccc); border-radius: 4px; padding: .2rem .5rem; margin: .3rem 0; }
.bmh-kernel .bmh-group-title, .bmh-kernel .bmh-heading { font-weight: 600; }
.bmh-kernel .bmh-group-title .widget-html-content, .bmh-kernel .bmh-heading .widget-html-content,
.bmh-kernel .bmh-group-title .jupyter-widget-html-content, .bmh-kernel .bmh-heading .jupyter-widget-html-content {
  line-height: 1.35; white-space: normal; margin: .2rem 0; }
.bmh-kernel .bmh-controls { border-left: 1px solid var(--jp-border-color2, #ccc); padding-left: .6rem; }
.bmh-kernel .bmh-controls .widget-vbox, .bmh-kernel .bmh-controls .jupyter-widget-vbox,
.bmh-kernel .bmh-controls .widget-box > *, .bmh-kernel .bmh-controls .jupyter-widget-box > * { flex-shrink: 0; }
.bmh-kernel table.bmh-table td.num, .bmh-kernel table.bmh-table th.num { text-align: right; }
</style>"""


def figure_layout(output, controls, *, head=()):
    """The kernel face of a figure: the view (``output``: table, notes, chart) beside
    the controls, which scroll in a box of their own; in a narrow window the
    controls wrap below the view, so the totals never move out of sight. ``head``:
    widgets shown above both (e.g. a note that is not part of the view)."""
    import ipywidgets as w

    view = w.Box([output], layout=w.Layout(flex="1 1 30rem", min_width="min-content"))  # never narrower than its table and chart
    panel = w.VBox(list(controls), layout=w.Layout(flex="1 1 18rem", min_width="15rem", max_height="34rem", overflow="auto"))
    panel.add_class("bmh-controls")
    box = w.VBox([w.HTML(KERNEL_CSS), *head, w.HBox([view, panel], layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))])
    box.add_class(KERNEL_CLASS)
    return box


def chart_svg(chart, width: int = 360) -> str:
    """An Altair chart drawn to SVG in Python (vl-convert, Dutch numbers): no
    JavaScript and no request to another host (Altair's default renderer in
    JupyterLab would load Vega from a CDN)."""
    spec = chart.properties(width=width).to_dict()
    return vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION, format_locale=NUMBER_LOCALE)


def show(output, html: str, svg: str | None = None) -> None:
    """Put a view (HTML) and its chart (SVG) in an ipywidgets ``Output`` in one step: the
    old view stays until the new one is complete, so the figure never flickers or
    changes height between a tick and its result."""
    outputs = [{"output_type": "display_data", "metadata": {}, "data": {"text/html": html, "text/plain": "(tabel)"}}]
    if svg:
        outputs.append({"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": svg, "text/plain": "(grafiek)"}})
    output.outputs = tuple(outputs)


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
