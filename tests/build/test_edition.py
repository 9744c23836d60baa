"""The edition is citable and checkable from the site alone: CITATION.cff is valid and
names this edition; the built site carries the edition on every page, an archive of
the project, every chapter as an executed notebook and the licences."""
from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import jsonschema
import nbformat
import pytest
import yaml

from widgets.book import is_notebook_page
from widgets.data import package_descriptor
from widgets.edition import edition

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")
SCHEMA = Path(__file__).parent / "fixtures" / "citation-file-format-1.2.0.schema.json"  # from cffconvert 2.0.0 (PyPI)
NOTEBOOK_PAGES = sorted(p.stem for p in (ROOT / "chapters").glob("*.md") if is_notebook_page(p.read_text(encoding="utf-8")))


def test_citation_file_is_valid_and_names_this_edition():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(citation)
    assert citation["version"] == edition().version
    assert citation["date-released"] == edition().date.isoformat()
    assert set(citation["license"]) == {"EUPL-1.2", "CC-BY-4.0"}


def test_an_invalid_citation_file_fails_the_check():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    del citation["authors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(citation)


def test_the_datapackage_and_every_download_description_name_the_edition():
    assert package_descriptor()["version"] == edition().version
    for description in (SITE / "data" / "figuren").glob("*.json"):
        assert json.loads(description.read_text(encoding="utf-8"))["version"] == edition().version, description.name


def test_every_page_shows_the_edition_and_its_date():
    footer = f"Interactieve editie {edition().number}</strong> van {edition().date_nl}"
    embedded = f"{edition().label_nl}. <a href="  # an embed page has no footer: its line above the back link
    pages = [p for p in SITE.rglob("*.html") if p.relative_to(SITE).parts[0] not in ("_static", "_sources") and p.name != "index.html"]
    assert pages and any(p.parent.name == "insluiten" for p in pages)
    missing = [str(p.relative_to(SITE)) for p in pages
               if (embedded if p.parent.name == "insluiten" else footer) not in p.read_text(encoding="utf-8")]
    assert not missing, missing


def test_the_archive_holds_the_project_and_its_lock_files():
    archives = list((SITE / "downloads").glob("naar-een-wendbare-migratieketen-*.zip"))
    assert len(archives) == 1
    assert re.fullmatch(rf"naar-een-wendbare-migratieketen-{re.escape(edition().number)}-[0-9a-f]{{12}}\.zip", archives[0].name)
    names = zipfile.ZipFile(archives[0]).namelist()
    prefix = archives[0].stem + "/"
    for needed in ("requirements.lock", "package-lock.json", "pyproject.toml", "Makefile", "README.md", "CITATION.cff",
                   "data/budget_printed.csv", "data/budget_printed.resource.yaml", "chapters/variant-4.md", "widgets/book.py"):
        assert prefix + needed in names, needed
    assert not [n for n in names if "/.venv/" in n or "/_build/" in n or "/node_modules/" in n]


def test_every_chapter_notebook_can_be_downloaded_executed():
    for page in NOTEBOOK_PAGES:
        notebook = nbformat.read(SITE / "downloads" / "notebooks" / f"{page}.ipynb", as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert code and all(c.outputs for c in code), page


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_downloaded_notebooks_carry_the_published_outputs(page):
    """What a reviewer downloads is what nbval checked: the executed notebook's outputs equal the
    published baseline (nbval itself runs the downloaded notebooks: see the Makefile)."""
    def outputs(path):
        notebook = nbformat.read(path, as_version=4)
        return [[o.get("data", {}).get("text/html", o.get("text")) for o in c.outputs] for c in notebook.cells if c.cell_type == "code"]

    assert outputs(SITE / "downloads" / "notebooks" / f"{page}.ipynb") == outputs(ROOT / "tests" / "published" / f"{page}.ipynb")


def test_the_licence_texts_are_on_the_site():
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (SITE / "downloads" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International" in (SITE / "downloads" / "LICENSE-DATA.txt").read_text(encoding="utf-8")
