"""Sphinx extension of the book (listed in ``_config.yml``).

- Serves Vega, Vega-Lite and Vega-Embed from the site itself: the bundle is
  taken at build time from the pinned ``vl-convert-python`` package (never a CDN,
  never committed) and loaded only on pages that hold a figure.
- Serves the project's own figure script and stylesheet (``widgets/static``).
- Publishes every table of ``data/`` as CSV plus ``datapackage.json`` under
  ``_build/html/data/`` so download links work on the static site.
- Adds the role ``{value}`dataset/key``` that prints a figure from ``data/``
  in Dutch notation, so prose never types a number by hand.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import vl_convert
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from . import DATA_DIR
from .data import dataset_names, package_descriptor
from .figure import VEGA_LITE_VERSION
from .lookup import LookupError_, lookup_text

VENDOR_FILE = "vendor/vega-bundle.js"
FIGURE_MARKER = 'class="bmh-figure'
STATIC_DIR = Path(__file__).parent / "static"


def _vendor_dir(app: Sphinx) -> Path:
    return Path(app.outdir).parent / ".vendor"


def write_vega_bundle(app: Sphinx) -> None:
    """Write the Vega bundle once per vl-convert version into ``_build/.vendor``."""
    target = _vendor_dir(app) / VENDOR_FILE
    stamp = target.with_suffix(".version")
    version = f"vl-convert {vl_convert.__version__ if hasattr(vl_convert, '__version__') else ''} vl {VEGA_LITE_VERSION}"
    if not (target.exists() and stamp.exists() and stamp.read_text() == version):
        target.parent.mkdir(parents=True, exist_ok=True)
        bundle = vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION)
        # Wrapped so the bundle's top-level names (e.g. `_`) do not clash with Sphinx's.
        target.write_text("(function(){\n" + bundle + "\n})();\n", encoding="utf-8")
        stamp.write_text(version)


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    write_vega_bundle(app)
    app.config.html_static_path.extend([str(_vendor_dir(app)), str(STATIC_DIR)])
    app.add_css_file("bmh.css")
    app.add_js_file("bmh-page.js", priority=900)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """A notebook page depends on data/ and on the widgets package: when any of
    them changes, Sphinx re-reads the page and myst-nb executes it again (with
    ``execute_notebooks: force``), so a page never shows stale numbers."""
    if "kernelspec:" not in source[0][:600]:
        return
    package = Path(__file__).parent
    for path in sorted([*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.resource.yaml"), *package.glob("*.py")]):
        app.env.note_dependency(str(path))


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Vega and the figure scripts only on pages that hold a figure; a figure
    kind with its own script (``static/bmh-<kind>.js``) gets it too."""
    body = context.get("body", "")
    if FIGURE_MARKER not in body:
        return
    app.add_js_file(VENDOR_FILE, priority=100, defer="defer")
    for kind in sorted(set(re.findall(r'data-kind="([a-z-]+)"', body))):
        script = STATIC_DIR / f"bmh-{kind}.js"
        if script.exists():
            app.add_js_file(script.name, priority=101, defer="defer")
    app.add_js_file("bmh-figures.js", priority=102, defer="defer")


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / "data"
    out.mkdir(exist_ok=True)
    for name in dataset_names():
        shutil.copyfile(DATA_DIR / f"{name}.csv", out / f"{name}.csv")
    (out / "datapackage.json").write_text(
        json.dumps(package_descriptor(), ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )


class ValueRole(SphinxRole):
    """``{value}`b9_inflow_by_type/2015/totaal``` -> ``59.310`` (with its source
    as a tooltip). The key is the dataset name followed by the values of its
    primary key. An unknown dataset or key is a build error."""

    def run(self):
        try:
            text, source = lookup_text(self.text)
        except LookupError_ as exc:
            msg = self.inliner.reporter.error(f"{{value}}`{self.text}`: {exc}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        node = nodes.abbreviation(text, text, explanation=source, classes=["bmh-value"])
        return [node], []


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read)
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", on_build_finished)
    app.add_role("value", ValueRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
