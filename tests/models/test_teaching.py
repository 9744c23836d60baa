"""The teaching notebooks (``widgets.kernel.teaching``): every page of the book as a real
notebook with a kernel, numbers instead of roles, links to notebooks, a Dutch note
first; regenerated without overwriting a teacher's changes unless asked; and
``make lab`` opens JupyterLab on them (never on chapters/), with the settings a
teacher passes, also as root."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml

from widgets.data.lookup import lookup_text
from widgets.kernel import teaching

ROOT = Path(__file__).resolve().parents[2]
RAW = re.compile(r"\{[A-Za-z][\w:-]*\}`|^\s*(`{3,}|:{3,})\{", re.M)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lesnotebooks")
    report = teaching.generate(out)
    assert report.kept == [] and report.overwritten == []
    return out


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [Path(toc["root"]).name] + [Path(c["file"]).name for p in toc["parts"] for c in p["chapters"]]


def read(folder: Path, name: str) -> nbformat.NotebookNode:
    return nbformat.read(folder / f"{name}.ipynb", as_version=4)


def markdown(notebook) -> str:
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def test_every_page_is_a_notebook_with_the_python_kernel(folder):
    names = sorted(p.stem for p in folder.glob("*.ipynb"))
    assert names == sorted(toc_pages() + [teaching.INDEX])
    for name in names:
        notebook = read(folder, name)
        nbformat.validate(notebook)
        assert notebook.metadata["kernelspec"]["name"] == "python3"  # opens as a notebook, no "Select Kernel"
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_each_starts_with_a_dutch_note_naming_its_figures(folder):
    for name in toc_pages():
        first = read(folder, name).cells[0]
        assert first.cell_type == "markdown" and first.source.startswith("**Lesversie van de pagina ‘"), name
        assert "verandert niets aan het boek" in first.source
    note = read(folder, "variant-4").cells[0].source
    assert "`pakket.selection`" in note and "`pakket.totals`" in note and "`pakket.cells`" in note
    assert "`instroom.years`" in read(folder, "instroom").cells[0].source


def test_no_raw_role_or_directive_in_any_teaching_notebook(folder):
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                assert not RAW.search(cell.source), f"{path.name}: {RAW.search(cell.source)[0]!r}"


def test_roles_print_what_the_website_prints(folder):
    source = (ROOT / "chapters" / "variant-4.md").read_text(encoding="utf-8")
    references = re.findall(r"\{value\}`([^`]+)`", source)
    assert len(references) >= 31
    text = markdown(read(folder, "variant-4"))
    position = 0
    for reference in references:  # every number, in the order of the page
        shown = lookup_text(reference)[0]
        found = text.find(shown, position)
        assert found >= 0, f"{reference} -> {shown} missing after position {position}"
        position = found + len(shown)
    assert "−15,12" in markdown(read(folder, "opnieuw-uitrekenen"))  # {total}`4.1 4.3b 4.12a/2022/saldo`


def test_code_cells_are_kept_and_visible(folder):
    code = [c.source for c in read(folder, "variant-4").cells if c.cell_type == "code"]
    assert any('pakket = package_builder(["4"]' in c for c in code)
    assert all("remove-input" not in c.get("metadata", {}).get("tags", []) for c in read(folder, "variant-4").cells)


def test_links_open_notebooks_and_includes_are_written_in(folder):
    text = markdown(read(folder, "variant-4"))
    assert "](gegevens.ipynb)" in text and "](varianten.ipynb)" in text and ".md)" not in text
    assert "## Editie 1.1" in markdown(read(folder, "wijzigingen"))  # {include} ../CHANGELOG.md
    assert "- **Reguliere migratie**: " in markdown(read(folder, "inleiding"))  # a definition list


def test_lesmateriaal_has_its_figures_as_code_and_its_answers_folded(folder):
    notebook = read(folder, "lesmateriaal")
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    assert any("pakket = package_builder([\"4\"]" in c for c in code)
    assert any(c.startswith("from widgets.book import series_figure") and "opvang = series_figure" in c for c in code)
    text = markdown(notebook)
    assert text.count("<details><summary><strong>Antwoord</strong>") == text.count("</details>") >= 12
    assert "236,4" in text  # the answer of the savings task, computed


def _project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    shutil.copytree(ROOT / "chapters", root / "chapters")
    for name in ("_toc.yml", "intro.md", "CHANGELOG.md"):
        shutil.copyfile(ROOT / name, root / name)
    return root


def test_regenerating_keeps_a_teachers_changes_unless_asked(tmp_path):
    root, out = _project_copy(tmp_path), tmp_path / "les"
    first = teaching.generate(out, root=root)
    assert len(first.written) == len(toc_pages()) + 1
    mine = out / "variant-4.ipynb"
    notebook = nbformat.read(mine, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("pakket.totals  # mijn eigen cel"))
    nbformat.write(notebook, mine)
    chapter = root / "chapters" / "variant-4.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("## Budget", "## Budget van variant 4"), encoding="utf-8")
    intro = root / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")

    again = teaching.generate(out, root=root)
    assert again.kept == ["variant-4.ipynb"] and "intro.ipynb" in again.updated
    assert "mijn eigen cel" in mine.read_text(encoding="utf-8")
    assert "Een nieuwe zin." in (out / "intro.ipynb").read_text(encoding="utf-8")
    assert "niet overschreven" in again.dutch(out).lower() and "variant-4.ipynb" in again.dutch(out)

    forced = teaching.generate(out, force=True, root=root)
    assert forced.overwritten == ["variant-4.ipynb"]
    assert "mijn eigen cel" not in mine.read_text(encoding="utf-8") and "Budget van variant 4" in mine.read_text(encoding="utf-8")
    assert set(teaching.generate(out, root=root).unchanged) == {p.name for p in out.glob("*.ipynb")}


def test_a_role_without_a_notebook_form_stops_the_generator(tmp_path):
    root = _project_copy(tmp_path)
    page = root / "chapters" / "varianten.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie {ref}`ergens`.\n", encoding="utf-8")
    with pytest.raises(teaching.TeachingError, match=r"varianten.md:\d+: cannot write \{ref\}`ergens`"):
        teaching.generate(tmp_path / "les", root=root)
    page.write_text(page.read_text(encoding="utf-8").replace("{ref}`ergens`", "{value}`key_figures/bestaat_niet`"), encoding="utf-8")
    with pytest.raises(teaching.TeachingError, match="bestaat_niet"):
        teaching.generate(tmp_path / "les", root=root)


def test_the_generator_refuses_chapters_as_its_folder(capsys):
    with pytest.raises(SystemExit):
        teaching.main([str(ROOT / "chapters")])
    assert "niet in chapters/" in capsys.readouterr().err


def make_lab(*args: str) -> str:
    out = subprocess.run(["make", "-n", "--no-print-directory", "lab", "SETUP=", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout


def test_make_lab_opens_the_teaching_notebooks_with_the_teachers_settings():
    command = make_lab("LAB_PORT=8931", "LAB_ARGS=--no-browser --ServerApp.token=les")
    assert "-m widgets.kernel.teaching lesnotebooks" in command
    lab = command[command.index("jupyter lab"):]
    assert "--port 8931" in lab and "--no-browser --ServerApp.token=les" in lab
    assert "--ServerApp.root_dir=lesnotebooks" in lab and "chapters" not in command
    assert "env -u BMH_FACE" in command  # the kernel face, not the website's
    assert ("--allow-root" in lab) == (os.geteuid() == 0)
    assert "--force" not in command and "--force" in make_lab("FORCE=1")


def test_the_teaching_notebooks_are_ignored_by_git():
    if not (ROOT / ".git").exists():  # a copy from the site's zip: no git, but its .gitignore must still name them
        assert "lesnotebooks/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
        return
    result = subprocess.run(["git", "check-ignore", "-q", "lesnotebooks/variant-4.ipynb"], cwd=ROOT)
    assert result.returncode == 0
