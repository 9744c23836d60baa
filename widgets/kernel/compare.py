"""Up to three packages side by side as ipywidgets (``widgets.figures.compare`` on the website)."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..figures import compare as figure
from ..models import budget as model
from . import ChoiceError, chart_svg, show, view_html
from .package import Package


class Comparison:
    """Packages A, B and C, each a :class:`widgets.kernel.package.Package` (one tab each),
    with the comparison above them: per package and year extra spending, savings and saldo,
    B and C minus A, the saldo chart and which package holds which measure.

    ``frame``: :func:`widgets.models.budget.compare_packages` of the current packages
    (index (package, quantity), columns '2021'..'2025', 'structureel'; EUR million).
    ``packages``: package id -> its :class:`Package`. ``set_package("B", codes)`` or
    ``start_from("B", "4")`` (a report variant without the choices between options)
    choose from code; a wrong code or package raises :class:`widgets.kernel.ChoiceError`.
    """

    def __init__(self):
        import ipywidgets as w

        self.packages = {p: Package() for p in figure.PACKAGES}
        for package in self.packages.values():
            package.on_change(self._show)
        tabs = w.Tab(children=[p.widget for p in self.packages.values()])
        for i, p in enumerate(figure.PACKAGES):
            tabs.set_title(i, figure.package_name(p))
        self._output = w.Output()
        self.widget = w.VBox([self._output, tabs])
        self._show()

    def _package(self, package: str) -> Package:
        if package not in self.packages:
            raise ChoiceError(f"Onbekend pakket: {package}. Te kiezen: {', '.join(figure.PACKAGES)}.")
        return self.packages[package]

    def set_package(self, package: str, codes: Iterable[str]) -> None:
        """Choose exactly these measures in ``package`` ("A", "B" or "C")."""
        self._package(package).set_selection(codes)

    def start_from(self, package: str, variant: str) -> None:
        """Set ``package`` to a report variant's measures (without the choices between options)."""
        if str(variant) not in model.variant_ids():
            raise ChoiceError(f"Onbekende variant: {variant}. Te kiezen: {', '.join(model.variant_ids())}.")
        self.set_package(package, model.variant_package(str(variant)))

    @property
    def codes(self) -> dict[str, list[str]]:
        return {p: package.codes for p, package in self.packages.items()}

    @property
    def frame(self) -> pd.DataFrame:
        return model.compare_packages(self.codes)

    def _show(self, *_):
        view = figure.view(self.codes)
        show(self._output, view_html(view, "Budgettaire gevolgen van pakket A, B en C, en het verschil met A", "kernel-vergelijking")
             + figure.members_html(view, "kernel-vergelijking"), chart_svg(figure.saldo_chart(view.chart)))

    def __repr__(self) -> str:
        return "<Vergelijking: " + "; ".join(f"{p}: {', '.join(c) or 'niets'}" for p, c in self.codes.items()) + ">"

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
