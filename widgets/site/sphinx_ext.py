"""Sphinx extension of the book (listed in ``_config.yml``).

- Serves the Vega runtime from the site itself: ``vega.min.js`` from the npm
  package pinned in ``package-lock.json`` (the version vl-convert draws with),
  copied at build time, never a CDN, never committed. The figure script loads
  it only when a figure needs it.
- Serves the project's own figure script and stylesheets (``widgets/static``),
  the script only on pages that hold a figure.
- Publishes every table of ``data/`` as CSV (with its descriptor) and as an Excel
  workbook, plus ``datapackage.json``, under ``_build/html/data/``, and the description
  of every figure download under ``data/figuren/``.
- Adds the role ``{value}`dataset/key``` that prints a figure from ``data/``
  in Dutch notation, so prose never types a number by hand.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxRole

from .. import DATA_DIR, PROJECT_ROOT
from ..book import is_notebook_page
from ..data import dataset_names, package_descriptor
from ..data.lookup import LookupError_, lookup_text

VEGA_SOURCE = PROJECT_ROOT / "node_modules" / "vega" / "build" / "vega.min.js"
INTERPRETER_SOURCE = PROJECT_ROOT / "node_modules" / "vega-interpreter" / "build" / "vega-interpreter.js"
VENDOR_FILE = "vendor/vega.min.js"  # beside bmh-explorer.js in _static, which loads it from there
INTERPRETER_FILE = "vendor/vega-interpreter.js"
FIGURE_MARKER = 'class="bmh-figure'
PACKAGE = Path(__file__).resolve().parent.parent
STATIC_DIR = PACKAGE / "static"


def _vendor_dir(app: Sphinx) -> Path:
    return Path(app.outdir).parent / ".vendor"


def interpreter_script() -> str:
    """Vega's expression interpreter (an ES module importing vega-util) as a classic script that
    takes those functions from the Vega runtime (``window.vega`` exports them) and sets
    ``window.vegaInterpreter``. With it Vega evaluates expressions without ``eval`` or
    ``new Function``, so pages can forbid both (Content-Security-Policy without 'unsafe-eval')."""
    source = INTERPRETER_SOURCE.read_text(encoding="utf-8")
    imports = re.findall(r"^import \{([^}]*)\} from 'vega-util';\n", source, re.M)
    exports = re.findall(r"^export \{ expression as expressionInterpreter \};\n", source, re.M)
    if len(imports) != 1 or len(exports) != 1 or "import " in re.sub(r"^import .*\n", "", source, count=1, flags=re.M):
        raise ExtensionError(f"{INTERPRETER_SOURCE} no longer looks as expected (one import from vega-util, one export)")
    body = re.sub(r"^import .*\n", "", source, count=1, flags=re.M).replace(exports[0], "")
    body = re.sub(r"^//# sourceMappingURL=.*$", "", body, flags=re.M)  # the map is not served
    return (f"/* vega-interpreter, made a classic script by widgets/site/sphinx_ext.py */\n(function () {{\n"
            f"const {{{imports[0]}}} = window.vega;\n{body}\nwindow.vegaInterpreter = {{ expressionInterpreter: expression }};\n}})();\n")


def copy_vega(app: Sphinx) -> None:
    """Put the Vega runtime and its expression interpreter where Sphinx copies static files from."""
    for source in (VEGA_SOURCE, INTERPRETER_SOURCE):
        if not source.exists():
            raise ExtensionError(f"{source} is missing: run `make setup` (npm ci installs it from package-lock.json)")
    for name, content in ((VENDOR_FILE, VEGA_SOURCE.read_bytes()), (INTERPRETER_FILE, interpreter_script().encode("utf-8"))):
        target = _vendor_dir(app) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)


def copy_own_static(app: Sphinx) -> None:
    """Put the project's own scripts and styles in ``_static`` before any page is
    written. Sphinx 7.4 never overwrites a file that is already there, so without
    this a changed script would not reach the site until ``_build`` is removed, and
    pages would link it with the old checksum (``?v=``)."""
    target = Path(app.outdir) / "_static"
    vendored = {Path(name).name: name for name in (VENDOR_FILE, INTERPRETER_FILE)}
    for source in [*STATIC_DIR.iterdir(), *(_vendor_dir(app) / name for name in vendored.values())]:
        destination = target / vendored.get(source.name, source.name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if not destination.exists() or destination.read_bytes() != source.read_bytes():
            shutil.copyfile(source, destination)


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    copy_vega(app)
    copy_own_static(app)
    app.config.html_static_path.extend([str(_vendor_dir(app)), str(STATIC_DIR)])
    app.add_css_file("bmh.css")
    app.add_js_file("bmh-buttons.js", defer="defer")


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Every page depends on the project's scripts and styles (it links them with
    their checksum) and on the site extensions. A notebook page also depends on data/ and on the widgets
    package: when any of them changes, Sphinx re-reads the page and myst-nb
    executes it again (with ``execute_notebooks: force``), so a page never shows
    stale numbers."""
    site = Path(__file__).resolve().parent  # the extensions, templates and Dutch catalog shape every page
    for path in sorted([*STATIC_DIR.iterdir(), *site.rglob("*.py"), *site.rglob("*.html"), *site.rglob("*.po")]):
        app.env.note_dependency(str(path))
    if not is_notebook_page(source[0]):
        return
    for path in sorted([*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.resource.yaml"), *PACKAGE.rglob("*.py")]):
        app.env.note_dependency(str(path))


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The figure script only on pages that hold a figure."""
    if FIGURE_MARKER in context.get("body", ""):
        app.add_js_file("bmh-explorer.js", priority=500, defer="defer")


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from ..figures.downloads import resources, table_xlsx

    out = Path(app.outdir) / "data"
    (out / "figuren").mkdir(parents=True, exist_ok=True)
    for name in dataset_names():
        shutil.copyfile(DATA_DIR / f"{name}.csv", out / f"{name}.csv")
        shutil.copyfile(DATA_DIR / f"{name}.resource.yaml", out / f"{name}.resource.yaml")
        workbook = table_xlsx(name)
        if not (out / f"{name}.xlsx").exists() or (out / f"{name}.xlsx").read_bytes() != workbook:
            (out / f"{name}.xlsx").write_bytes(workbook)
    _write_json(out / "datapackage.json", package_descriptor())
    for name, descriptor in resources().items():
        _write_json(out / "figuren" / f"{name}.json", descriptor)


ROOT_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta http-equiv="Refresh" content="0; url={first}" />
  <title>{title}</title>
  <link rel="icon" href="_static/favicon.svg" />
  <link rel="canonical" href="{first}" />
</head>
<body>
<p><a href="{first}">Naar de eerste pagina van {title}</a></p>
</body>
</html>
"""


def write_root_page(app: Sphinx, exception) -> None:
    """``index.html``: sends readers on to the book's first page, as Jupyter Book's stub
    does, but as a real page (language, title, icon, a link without the redirect). The
    stub had no ``<link rel="icon">``, so a browser asked for ``/favicon.ico``: a 404."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    first = f"{app.config.root_doc}.html"
    page = ROOT_PAGE.format(first=first, title=html.escape(app.config.html_title or app.config.project))
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


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


class TotalRole(SphinxRole):
    """``{total}`4.1 4.3b 4.12a/2022/saldo``` -> the package's total computed by the
    model (``widgets.book.total_text``), so prose never types a computed number."""

    def run(self):
        from ..book import total_text
        from ..models.budget import SelectionError

        try:
            text = total_text(self.text)
        except (ValueError, SelectionError) as exc:
            msg = self.inliner.reporter.error(f"{{total}}`{self.text}`: {exc}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.abbreviation(text, text, explanation="Berekend met het model van deze editie uit Bijlage 10",
                                   classes=["bmh-value"])], []


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read)
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", on_build_finished)
    app.connect("build-finished", write_root_page, priority=400)  # before sphinx_external_toc writes its stub
    app.add_role("value", ValueRole())
    app.add_role("total", TotalRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
