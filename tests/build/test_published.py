"""The published notebook outputs (tests/published, checked by nbval) are the
ones on the website, come from the current chapter code, and nbval fails as
soon as a number in data/ changes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient
from update_published import PUBLISHED, notebook_pages

from widgets import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")
PAGES = notebook_pages()


def test_every_notebook_page_has_a_baseline():
    assert PAGES, "no notebook pages found"
    assert sorted(p.stem for p in PAGES) == sorted(p.stem for p in PUBLISHED.glob("*.ipynb"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_baseline_runs_the_current_code(page):
    current = [c.source for c in jupytext.read(page).cells if c.cell_type == "code"]
    published = [c.source for c in nbformat.read(PUBLISHED / f"{page.stem}.ipynb", 4).cells if c.cell_type == "code"]
    assert published == current, f"tests/published/{page.stem}.ipynb is stale: run `make published`"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_site_shows_the_published_outputs(page):
    built = (SITE / "chapters" / f"{page.stem}.html").read_text(encoding="utf-8")
    notebook = nbformat.read(PUBLISHED / f"{page.stem}.ipynb", 4)
    outputs = [o["data"]["text/html"] for c in notebook.cells if c.cell_type == "code" for o in c.outputs if "text/html" in o.get("data", {})]
    for html in outputs:
        assert html.strip() in built, f"chapters/{page.stem}.html does not show a published output: rebuild (make site)"


def test_nbval_fails_when_a_number_in_data_changes(tmp_path):
    """The published-output check can fail: a one-cell notebook that shows the
    variant 4 table, published from the real data, fails nbval once 4.1/2022 in a
    copy of data/ changes from 2,88 to 2,89 (the chapters themselves run once in
    the build and once under nbval, not again here)."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('from widgets.book import measures_table\nmeasures_table(["4"])')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    env = {**os.environ, "BMH_FACE": "static"}
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    published = tmp_path / "variant-4-tabel.ipynb"
    nbformat.write(notebook, published)

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    csv = data / "budget_printed.csv"
    text = csv.read_text(encoding="utf-8")
    row = '4.1,B10,2022,2.88,,"2,88",,11937,true'
    assert row in text
    csv.write_text(text.replace(row, '4.1,B10,2022,2.89,,"2,89",,11937,true'), encoding="utf-8")

    def nbval(data_dir: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q", str(published)],
            capture_output=True, text=True, env={**env, "BMH_DATA_DIR": str(data_dir)}, timeout=300, cwd=tmp_path,
        )

    unchanged = nbval(DATA_DIR)
    assert unchanged.returncode == 0, unchanged.stdout[-2000:]
    changed = nbval(data)
    assert changed.returncode == 1, changed.stdout[-2000:]
    assert "Cell outputs differ" in changed.stdout and "2,89" in changed.stdout
