"""The book build treats warnings as errors, so a notebook cell that raises fails it.

Each test builds a one-page book with the project's own _config.yml in a
temporary folder (about 10 s each)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JB = Path(sys.executable).parent / "jupyter-book"

PAGE = """---
description: "Een proefpagina met één codecel, om te zien of een fout in een cel het bouwen stopt."
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
# Proef

```{{code-cell}} ipython3
{code}
```
"""


def _build(tmp_path: Path, code: str) -> subprocess.CompletedProcess:
    book = tmp_path / "book"
    book.mkdir()
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    config = config.replace("widgets/static/favicon.svg", str(ROOT / "widgets" / "static" / "favicon.svg"))
    (book / "_config.yml").write_text(config, encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (book / "index.md").write_text(PAGE.format(code=code), encoding="utf-8")
    return subprocess.run(
        [str(JB), "build", str(book), "--builder", "html", "-n", "-W", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_cell_that_raises_fails_the_build(tmp_path):
    result = _build(tmp_path, "from widgets.models.budget import check_selection\ncheck_selection(['4.13'])")
    assert result.returncode != 0
    assert "CellExecutionError" in result.stdout + result.stderr
    assert "SelectionError" in result.stdout + result.stderr  # the cell's own error, not a broken import


def test_the_same_book_without_the_error_builds(tmp_path):
    result = _build(tmp_path, "from widgets.models.budget import check_selection\ncheck_selection(['4.12a'])")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (tmp_path / "book" / "_build" / "html" / "index.html").exists()


def test_changed_scripts_and_styles_reach_the_site(tmp_path):
    """A bug: Sphinx 7.4 keeps a file already in _static, so a changed script stayed
    stale until _build was removed. copy_own_static overwrites it before pages are written."""
    from types import SimpleNamespace

    from widgets.site import sphinx_ext

    outdir = tmp_path / "html"
    (outdir / "_static" / "vendor").mkdir(parents=True)
    (outdir / "_static" / "bmh-explorer.js").write_text("// an older script\n", encoding="utf-8")
    app = SimpleNamespace(outdir=str(outdir))
    sphinx_ext.copy_vega(app)
    sphinx_ext.copy_own_static(app)
    for source in sphinx_ext.STATIC_DIR.iterdir():
        assert (outdir / "_static" / source.name).read_bytes() == source.read_bytes(), source.name
    assert (outdir / "_static" / sphinx_ext.VENDOR_FILE).read_bytes() == sphinx_ext.VEGA_SOURCE.read_bytes()
