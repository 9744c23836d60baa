"""Writes the published outputs that nbval checks: every notebook page of the
book (a MyST .md with a kernelspec) executed as the site does (BMH_FACE=static)
and saved as ``tests/published/<page>.ipynb``.

Run it (``make published``) only after checking that a changed output is
right; until then nbval fails on any changed number.
    python tests/build/update_published.py            # rewrite the baselines
    python tests/build/update_published.py --check    # exit 1 if a baseline is stale
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from widgets.book import is_notebook_page

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = ROOT / "chapters"
PUBLISHED = ROOT / "tests" / "published"


def notebook_pages() -> list[Path]:
    """Chapter pages that hold code cells (MyST notebooks)."""
    return sorted(p for p in CHAPTERS.glob("*.md") if is_notebook_page(p.read_text(encoding="utf-8")))


def execute(page: Path) -> nbformat.NotebookNode:
    """The page executed in a fresh kernel with the website face, cleaned of
    volatile metadata."""
    os.environ["BMH_FACE"] = "static"
    notebook = jupytext.read(page)
    notebook.metadata.pop("jupytext", None)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(CHAPTERS)}}).execute()
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # jupytext draws random ids; fixed ones keep baselines stable
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    return notebook


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale baselines")
    parser.add_argument("pages", nargs="*", help="page names (default: every notebook page)")
    args = parser.parse_args()
    PUBLISHED.mkdir(exist_ok=True)
    stale = []
    for page in notebook_pages():
        if args.pages and page.stem not in args.pages:
            continue
        target = PUBLISHED / f"{page.stem}.ipynb"
        text = nbformat.writes(execute(page)) + "\n"
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(target.name)
            if not args.check:
                target.write_text(text, encoding="utf-8")
    print(("stale: " if args.check else "updated: ") + (", ".join(stale) or "none"))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
