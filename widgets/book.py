"""What the chapters call: each function returns the figure in the face that
fits where the notebook runs. When the book is built (``BMH_FACE=static``,
set by the Makefile and the tests) that is the website face, HTML that works
without a kernel; in a teacher's JupyterLab it is the ipywidgets face, driven
by the same Python model.

In a chapter::

    from widgets.book import package_builder
    pakket = package_builder(["4"], figure_id="fig-pakket-4")
    pakket
"""
from __future__ import annotations

import os
from collections.abc import Sequence

STATIC_ENV = "BMH_FACE"


def is_notebook_page(text: str) -> bool:
    """True for a chapter that is a MyST notebook: its front matter names a kernel."""
    if not text.startswith("---\n"):
        return False
    end = text.find("\n---", 4)
    return end > 0 and "kernelspec:" in text[4:end]


def static_face() -> bool:
    """True when notebooks are executed for the website (``BMH_FACE=static``)."""
    return os.environ.get(STATIC_ENV, "") == "static"


def package_builder(variants: Sequence[str] | None = None, figure_id: str = "fig-pakket"):
    """The budget package builder: website HTML, or :class:`widgets.kernel.package.Package`."""
    if static_face():
        from .figures.package import builder

        return builder(variants, figure_id)
    from .kernel.package import Package

    return Package(variants)


def package_comparison(figure_id: str = "fig-vergelijk"):
    """Up to three packages side by side: website HTML, or
    :class:`widgets.kernel.compare.Comparison` (its ``frame`` is
    :func:`widgets.models.budget.compare_packages` of the chosen packages)."""
    if static_face():
        from .figures.compare import comparison

        return comparison(figure_id)
    from .kernel.compare import Comparison

    return Comparison()


def variants_saldo_table():
    """The saldo per year of each report variant (without the choices between options) as a table."""
    from .figures.compare import variants_table_html
    from .figures.html import HTML

    return HTML(variants_table_html(), summary="Saldo per variant")


def series_figure(key: str, chosen: Sequence[str] | None = None, figure_id: str | None = None):
    """A time-series figure (``key`` in ``widgets.figures.series.FIGURES``): website
    HTML, or :class:`widgets.kernel.series.SeriesExplorer`."""
    if static_face():
        from .figures.series import series_figure_html

        return series_figure_html(key, chosen, figure_id)
    from .kernel.series import SeriesExplorer

    return SeriesExplorer(key, chosen)


def dublin_figure(figure_id: str = "fig-dublin"):
    """The Dublin figure: website HTML, or :class:`widgets.kernel.dublin.DublinExplorer`."""
    if static_face():
        from .figures.dublin import dublin_figure_html

        return dublin_figure_html(figure_id)
    from .kernel.dublin import DublinExplorer

    return DublinExplorer()


def measures_table(variants: Sequence[str] | None = None):
    """The amounts of every measure of ``variants`` (None: all) as a table (the same in both faces)."""
    from .figures.measures import measures_table as table

    return table(variants)


def overview_figure(figure_id: str = "fig-maatregelen"):
    """The overview of measures per variant and year (website HTML in both faces;
    in a kernel its chart shows the default state)."""
    from .figures.measures import overview_figure_html

    return overview_figure_html(figure_id)


def report_table(name: str, table: str | None = None):
    """A table of ``data/`` as the report lays it out (its descriptor's ``display``
    block): caption, unit, the numbers in Dutch notation, notes and source line;
    only the display entry with id ``table`` when given. The same HTML in both
    faces (a table to read, nothing to choose)."""
    from .figures.report_tables import report_table as shown

    return shown(name, table)


def total_text(reference: str) -> str:
    """A package total for prose, computed by the model: ``"4.1 4.3b 4.12a/2022/saldo"``
    -> ``"−15,12"`` (codes separated by spaces, a period, and extra, savings or saldo).
    Raises ValueError naming what is wrong (and SelectionError for a package the report
    does not allow)."""
    from .data.numbers import format_nl
    from .models import budget

    try:
        codes, period, key = reference.strip().split("/")
    except ValueError:
        raise ValueError(f"{reference!r}: write codes/period/total, e.g. '4.1 4.3b/2022/saldo'") from None
    totals = budget.package_totals(codes.split())
    if period not in totals.index or key not in totals.columns:
        raise ValueError(f"{reference!r}: period one of {', '.join(totals.index)}; total one of {', '.join(totals.columns)}")
    return format_nl(float(totals.loc[period, key]))
