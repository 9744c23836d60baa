"""The built site and the teaching material agree: every number a page prints
through a role is, in the same order, in that page's teaching notebook; and on the
page Lesmateriaal every answer is folded (closed until a reader opens it) and holds
the text the model computes. Needs the built site (make site; make test builds it)."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import nbformat
import pytest

from widgets import lessons
from widgets.kernel import teaching

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")
PAGES = [p for p in teaching.pages() if p.source.parent.name == "chapters"]
ABBR = re.compile(r'<abbr class="bmh-value"[^>]*>([^<]*)</abbr>')


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lesnotebooks")
    teaching.generate(out)
    return out


def built(page: str) -> str:
    path = SITE / "chapters" / f"{page}.html"
    if not path.exists():
        pytest.fail(f"{path} missing: build the site first (make site)")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_teaching_notebook_shows_every_number_the_page_prints(page, folder):
    article = built(page.name).split('<article class="bd-article">', 1)[-1].split("</article>", 1)[0]
    shown = [html.unescape(t) for t in ABBR.findall(article)]
    if page.name == "variant-4":
        assert len(shown) >= 31  # the issue counted 31 raw roles in the old notebook face of this page
    notebook = nbformat.read(folder / page.notebook, as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    position = 0
    for number in shown:
        found = text.find(number, position)
        assert found >= 0, f"{page.name}: the site prints {number!r} (role {shown.index(number) + 1} of {len(shown)}); the notebook does not, after {text[max(0, position - 80):position]!r}"
        position = found + len(number)


def test_every_answer_on_the_page_is_folded_and_computed():
    page = built("lesmateriaal")
    blocks = re.findall(r'<details class="[^"]*sd-dropdown[^"]*bmh-answer[^"]*"([^>]*)>(.*?)</details>', page, flags=re.S)
    assert len(blocks) == len(lessons.ANSWERS)
    for (attributes, body), key in zip(blocks, re.findall(r"^```\{answer\} (\S+)$", (ROOT / "chapters" / "lesmateriaal.md").read_text(encoding="utf-8"), flags=re.M)):
        assert "open" not in attributes  # folded until the reader opens it
        assert "Antwoord" in body
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        numbers = re.findall(r"[−+]?\d[\d.]*(?:,\d+)?%?", lessons.answer(key).markdown)
        for number in numbers:
            assert number in text, f"{key}: {number} computed but not on the page"


CODE_PAGES = [p for p in teaching.pages() if "kernelspec:" in p.source.read_text(encoding="utf-8")[:600]] + \
    [p for p in teaching.pages() if p.name == "lesmateriaal"]


@pytest.mark.parametrize("page", CODE_PAGES, ids=lambda p: p.name)
def test_run_all_works_in_a_teachers_kernel(page, folder, monkeypatch):
    """Every teaching notebook with code runs from top to bottom in the kernel face
    (no BMH_FACE), as Run All Cells does in JupyterLab, without an error."""
    from nbclient import NotebookClient

    monkeypatch.delenv("BMH_FACE", raising=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    notebook = nbformat.read(folder / page.notebook, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    if any("_builder(" in c.source or "_figure(" in c.source for c in notebook.cells if c.cell_type == "code"):
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)  # ipywidgets, not HTML
