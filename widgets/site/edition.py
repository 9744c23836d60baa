"""Sphinx extension (listed in ``_config.yml``): the edition on every page and the
edition's own sources on the site, so a reviewer can start from the website.

- The footer (``templates/bmh-edition.html``) names the edition and its date
  (``widgets.edition``), links the changelog, the citation, the licences, the way
  to report an error (``bmh_feedback`` in ``_config.yml``), an archive of the
  project at the built commit and, on notebook pages, the executed notebook.
- ``downloads/`` in the site holds that archive (``git archive`` of HEAD; without
  git, the project's files), every chapter as an executed notebook (myst-nb's
  ``_build/jupyter_execute``) and the licence texts.
- The role ``{pinned}`name``` prints the version a lock file pins: a Python package
  (``requirements.lock``), an npm package (``package-lock.json``) or ``python``
  (``requires-python`` in ``pyproject.toml``), so the re-run page never types one.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from .. import PROJECT_ROOT
from ..book import is_notebook_page
from ..edition import REPORT, edition, report_reference_nl

TEMPLATES = Path(__file__).resolve().parent / "templates"
DOWNLOADS = "downloads"
NOTEBOOKS = f"{DOWNLOADS}/notebooks"
ARCHIVE_SKIP = {".git", ".venv", "_build", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis", ".ipynb_checkpoints", "lesnotebooks"}


def commit() -> str | None:
    """The commit the project is at (12 characters), or None outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def archive_name() -> str:
    """``downloads/naar-een-wendbare-migratieketen-1.1-<commit>.zip``."""
    ident = commit() or "zonder-git"
    return f"{DOWNLOADS}/naar-een-wendbare-migratieketen-{edition().number}-{ident}.zip"


def write_archive(target: Path) -> None:
    """The project at HEAD as a zip (``git archive``: the same bytes for the same
    commit). Outside git: the project's files, sorted, with a fixed date."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = target.stem + "/"
    if commit():
        subprocess.run(["git", "archive", "--format=zip", f"--prefix={prefix}", "-o", str(target), "HEAD"], cwd=PROJECT_ROOT, check=True)
        return
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(PROJECT_ROOT.rglob("*")):
            rel = path.relative_to(PROJECT_ROOT)
            if path.is_file() and not ARCHIVE_SKIP & set(rel.parts) and not path.name.endswith((".mo", ".pyc")):
                info = zipfile.ZipInfo(prefix + rel.as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
                zf.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    target.write_bytes(buffer.getvalue())


def pinned(name: str) -> str:
    """The version of ``name`` in the lock files; raises KeyError naming the files it looked in."""
    if name == "python":
        spec = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
        low = re.search(r">=\s*([\d.]+)", spec)
        if low:
            return low.group(1)
    for line in (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        package, _, version = line.partition("==")
        if package.strip().lower().replace("_", "-") == name.lower().replace("_", "-"):
            return version.strip()
    npm = json.loads((PROJECT_ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    if f"node_modules/{name}" in npm:
        return npm[f"node_modules/{name}"]["version"]
    raise KeyError(f"{name!r} is pinned neither in requirements.lock nor in package-lock.json")


def edition_text(what: str) -> str:
    """``number`` -> "1.1", ``date`` -> "4 december 2026", ``citation`` -> how to cite this edition,
    ``report`` -> how to cite the report. Raises KeyError for anything else."""
    current = edition()
    settings = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["bmh"]
    texts = {
        "number": current.number,
        "date": current.date_nl,
        "citation": (f"Redactie van de interactieve editie ({current.date.year}). Naar een wendbare migratieketen: "
                     f"interactieve editie, editie {current.number} ({current.date_nl}). Gebaseerd op: {report_reference_nl()}"),
        "report": report_reference_nl(),
        "report-text": settings["report-text"],
        "report-text-sha256": settings["report-text-sha256"],
    }
    if what not in texts:
        raise KeyError(f"unknown edition text {what!r}; known: {', '.join(texts)}")
    return texts[what]


class EditionRole(SphinxRole):
    def run(self):
        try:
            text = edition_text(self.text)
        except KeyError as exc:
            msg = self.inliner.reporter.error(f"{{edition}}`{self.text}`: {exc}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.Text(text)], []


class PinnedRole(SphinxRole):
    def run(self):
        try:
            text = pinned(self.text)
        except KeyError as exc:
            msg = self.inliner.reporter.error(f"{{pinned}}`{self.text}`: {exc}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.literal(text, text)], []


def on_env_get_outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Every page again when the commit changed: each footer names the commit's archive."""
    current, previous = commit(), getattr(env, "bmh_commit", None)
    env.bmh_commit = current
    return sorted(env.found_docs) if previous is not None and previous != current else []


def on_config_inited(app: Sphinx, config) -> None:
    config.templates_path.append(str(TEMPLATES))


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_context.update(
        bmh_edition=edition(), bmh_report=REPORT, bmh_archive=archive_name(), bmh_feedback=app.config.bmh_feedback,
    )


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    source = Path(app.srcdir) / f"{pagename}.md"
    is_notebook = source.exists() and is_notebook_page(source.read_text(encoding="utf-8"))
    context["bmh_notebook"] = f"{NOTEBOOKS}/{Path(pagename).name}.ipynb" if is_notebook else None


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for old in (out / DOWNLOADS).glob("naar-een-wendbare-migratieketen-*.zip"):  # archives of earlier commits
        if old.name != Path(archive_name()).name:
            old.unlink()
    write_archive(out / archive_name())
    executed = Path(app.outdir).parent / "jupyter_execute"
    (out / NOTEBOOKS).mkdir(parents=True, exist_ok=True)
    for notebook in sorted(executed.rglob("*.ipynb")):
        shutil.copyfile(notebook, out / NOTEBOOKS / notebook.name)
    shutil.copyfile(PROJECT_ROOT / "LICENSE", out / DOWNLOADS / "LICENSE.txt")
    shutil.copyfile(PROJECT_ROOT / "LICENSE-DATA", out / DOWNLOADS / "LICENSE-DATA.txt")


def setup(app: Sphinx) -> dict:
    app.add_config_value("bmh_feedback", "", "html")
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", on_build_finished)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.add_role("pinned", PinnedRole())
    app.add_role("edition", EditionRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
