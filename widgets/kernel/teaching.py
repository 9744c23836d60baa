"""Teaching notebooks: every page of the book as a real notebook (``.ipynb``) for JupyterLab.

A teacher works in copies, never in the book's sources: ``make lab`` runs

    python -m widgets.kernel.teaching lesnotebooks        # write what is missing or untouched
    python -m widgets.kernel.teaching lesnotebooks --force  # also overwrite notebooks changed since

and opens JupyterLab on that folder (ignored by git). Each page of ``_toc.yml``
becomes ``<page>.ipynb`` with the python3 kernel, so one double-click opens it as
a notebook and saving it changes nothing in ``chapters/``. The copies are made
from the chapters with the same functions the website uses:

- prose roles become the text the website prints: ``{value}`` (:func:`widgets.data.lookup.lookup_text`),
  ``{total}`` (:func:`widgets.book.total_text`), ``{edition}`` and ``{pinned}``
  (``widgets.site.edition``); a role or directive the generator does not know stops it;
- links to pages of the book point to their notebooks, definition lists become lists,
  ``{include}`` is written in, and in Lesmateriaal ``{answer}`` becomes the folded answer
  (``widgets.lessons``) and ``{figure-cell}`` the code cell that shows the figure;
- code cells are kept, visible (the website hides their code), without outputs;
- a first cell says in Dutch what the notebook is, how to run it and which names hold
  the figures (e.g. ``pakket``: ``pakket.selection``, ``pakket.totals``, ``pakket.cells``).

A notebook a teacher changed (its bytes differ from what was written, recorded in
``.lesnotebooks.json``) is never overwritten without ``--force``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from .. import PROJECT_ROOT

DEFAULT_DIR = "lesnotebooks"
MANIFEST = ".lesnotebooks.json"
INDEX = "inhoud"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
ROLE = re.compile(r"\{([A-Za-z][\w:-]*)\}`([^`]*)`")
DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")
LINK = re.compile(r"\]\((?P<target>[\w./-]+?)\.md(?:#[^)]*)?\)")
LABEL = re.compile(r"^\(([\w:-]+)\)=\s*$")
API_NL = {
    "package_builder": "`{n}.selection` (de gekozen maatregelen; wijs een lijst codes toe om te kiezen), "
                       "`{n}.totals` (extra uitgaven, besparingen en saldo per jaar) en `{n}.cells` (de bedragen per maatregel)",
    "series_figure": "`{n}.selection` (de gekozen reeksen; ook toe te wijzen), `{n}.years` (eerste en laatste jaar) "
                     "en `{n}.table` (de getallen)",
    "dublin_figure": "`{n}.selection` (de gekozen landen; ook toe te wijzen), `{n}.years` (eerste en laatste jaar) "
                     "en `{n}.table` (verzoeken, overdrachten en percentage)",
}


class TeachingError(ValueError):
    """A page the generator cannot turn into a notebook faithfully (names page and line)."""


@dataclass(frozen=True)
class Page:
    """A page of the book: its source, its notebook name, its part of the book."""

    source: Path
    part: str

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def notebook(self) -> str:
        return f"{self.name}.ipynb"


def pages(root: Path = PROJECT_ROOT) -> list[Page]:
    """The pages of ``_toc.yml`` in book order (the root page first)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found = [Page(root / f"{toc['root']}.md", "")]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            found.append(Page(root / f"{chapter['file']}.md", part.get("caption", "")))
    return found


def role_text(role: str, target: str) -> str:
    """What the website prints for a role, computed by the same function."""
    if role == "value":
        from ..data.lookup import lookup_text

        return lookup_text(target)[0]
    if role == "total":
        from ..book import total_text

        return total_text(target)
    if role == "edition":
        from ..site.edition import edition_text

        return edition_text(target)
    if role == "pinned":
        from ..site.edition import pinned

        return f"`{pinned(target)}`"
    raise KeyError(f"the role {{{role}}} has no notebook form; add it to widgets/kernel/teaching.py")


@dataclass
class _Cells:
    """Cells under construction: consecutive markdown lines merge into one cell."""

    cells: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def text(self, line: str) -> None:
        self.lines.append(line)

    def flush(self) -> None:
        text = "\n".join(self.lines).strip("\n")
        if text.strip():
            self.cells.append(nbformat.v4.new_markdown_cell(text))
        self.lines = []

    def code(self, source: str) -> None:
        self.flush()
        self.cells.append(nbformat.v4.new_code_cell(source.strip("\n")))


class Converter:
    """MyST markdown of the book -> notebook cells (see the module doc)."""

    def __init__(self, root: Path = PROJECT_ROOT):
        self.root = root
        self.names = {p.name for p in pages(root)}

    # -- markdown ---------------------------------------------------------------
    def markdown(self, text: str, page: Path, first_line: int = 1) -> list:
        out = _Cells()
        lines = text.splitlines()
        i, fenced = 0, False
        while i < len(lines):
            line, number = lines[i], first_line + i
            if line.lstrip().startswith(("```", "~~~")) and not DIRECTIVE.match(line.strip()):
                fenced = not fenced
            if fenced:
                out.text(line)
                i += 1
                continue
            if line.startswith("#"):
                out.flush()  # one cell per section: easier to read, to change and to add a cell between
            match = DIRECTIVE.match(line.strip())
            if match:
                end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == match["fence"]), None)
                if end is None:
                    raise TeachingError(f"{page.name}:{number}: directive {{{match['name']}}} is not closed")
                self.directive(match["name"], match["arg"].strip(), lines[i + 1:end], out, page, number)
                i = end + 1
                continue
            if LABEL.match(line) or line.lstrip().startswith("% "):
                i += 1
                continue
            if line.startswith(": ") and i > 0 and lines[i - 1].strip() and out.lines:
                # a definition list item: "Term\n: definition" -> "- **Term**: definition"
                term = out.lines.pop()
                out.text(f"- **{term.strip()}**: {self.inline(line[2:], page, number)}")
                i += 1
                while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                    out.text(self.inline(lines[i], page, first_line + i))
                    i += 1
                continue
            out.text(self.inline(line, page, number))
            i += 1
        out.flush()
        return out.cells

    def inline(self, line: str, page: Path, number: int) -> str:
        def replace(match: re.Match) -> str:
            try:
                return role_text(match[1], match[2])
            except KeyError as exc:
                raise TeachingError(f"{page.name}:{number}: cannot write {{{match[1]}}}`{match[2]}` into a notebook: {exc}") from None
            except ValueError as exc:
                raise TeachingError(f"{page.name}:{number}: {{{match[1]}}}`{match[2]}`: {exc}") from None

        line = ROLE.sub(replace, line)
        return LINK.sub(lambda m: f"]({Path(m['target']).name}.ipynb)" if Path(m["target"]).name in self.names else m[0], line)

    def directive(self, name: str, arg: str, body: list[str], out: _Cells, page: Path, number: int) -> None:
        options = {k.strip(): v.strip() for k, _, v in (b[1:].partition(":") for b in body if b.startswith(":"))}
        if name == "include":
            source = (page.parent / arg).resolve()
            text = source.read_text(encoding="utf-8")
            if "start-after" in options:
                text = text.split(options["start-after"], 1)[1]
            for cell in self.markdown(text, source):
                out.text(cell.source)
                out.text("")
            return
        if name == "answer":
            from ..lessons import answer

            out.text("")
            out.text(answer(arg).details_markdown())  # an HTML block: blank lines around it
            out.text("")
            return
        if name == "figure-cell":
            from ..lessons import figure_reference

            chapter, _, variable = arg.partition(" ")
            try:
                figure = figure_reference(chapter, variable.strip(), self.root)
            except KeyError as exc:
                raise TeachingError(f"{page.name}:{number}: {exc}") from None
            out.flush()
            out.text(f"*Figuur bij deze vragen: {figure.label()}, dezelfde als in [{figure.title}]({chapter}.ipynb). "
                     f"Voer de cel hieronder uit; daarna heet de figuur `{figure.name}`.*")
            code = figure.code
            if f"import {figure.kind}" not in code:  # the chapter imported it in an earlier cell
                code = f"from widgets.book import {figure.kind}\n\n{code}"
            out.code(code)
            return
        raise TeachingError(f"{page.name}:{number}: directive {{{name}}} has no notebook form; add it to widgets/kernel/teaching.py")

    # -- pages ------------------------------------------------------------------
    def notebook(self, page: Page) -> nbformat.NotebookNode:
        """The teaching notebook of a page (without outputs)."""
        text = page.source.read_text(encoding="utf-8")
        cells = []
        if _is_notebook(text):
            import jupytext

            source = jupytext.reads(text, fmt="md:myst")
            for cell in source.cells:
                if cell.cell_type == "code":
                    cells.append(nbformat.v4.new_code_cell(cell.source))
                else:
                    at = text.find(cell.source)
                    cells += self.markdown(cell.source, page.source, text[:at].count("\n") + 1 if at >= 0 else 1)
        else:
            body, offset = _strip_front_matter(text)
            cells += self.markdown(body, page.source, offset)
        title = _title(cells) or page.name
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(intro_note(title, page, cells))] + cells)
        return _finish(notebook, page.name)

    def index(self, book: list[Page]) -> nbformat.NotebookNode:
        """``inhoud.ipynb``: the notebooks in book order, by part."""
        from ..site.edition import edition_text

        lines = ["# Lesnotebooks: inhoud", "",
                 f"Lesversies van alle pagina's van *Naar een wendbare migratieketen: interactieve editie* "
                 f"(editie {edition_text('number')}, {edition_text('date')}), in de volgorde van het boek. "
                 "Dubbelklik in de lijst links op een notebook, of klik hieronder op een titel.", ""]
        part = None
        for page in book:
            if page.part != part:
                part = page.part
                lines += ["", f"**{part}**", ""] if part else []
            lines.append(f"- [{_page_title(page)}]({page.notebook})")
        lines += ["", _ABOUT]
        return _finish(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("\n".join(lines))]), INDEX)


_ABOUT = ("Deze notebooks zijn kopieën: wat u hier verandert of bewaart, blijft in deze map en verandert niets aan het "
          "boek. Een nieuwe kopie maken van de pagina's die u niet hebt veranderd: `make lab` of `make lesnotebooks`; "
          "ook uw eigen wijzigingen overschrijven: `make lesnotebooks FORCE=1`.")


def intro_note(title: str, page: Page, cells: list) -> str:
    """The Dutch note at the top of a teaching notebook."""
    from ..site.edition import edition_text

    note = [f"**Lesversie van de pagina ‘{title}’** uit *Naar een wendbare migratieketen: interactieve editie* "
            f"(editie {edition_text('number')}, {edition_text('date')}). De getallen in de tekst zijn bij het maken "
            "van deze kopie uit de gegevens van de editie ingevuld, met dezelfde functies als op de website.", ""]
    from ..lessons import FIGURE_CALL

    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    figures = [(m["name"], m["kind"]) for m in FIGURE_CALL.finditer(code)]
    if code:
        note.append("Kies *Run → Run All Cells* om de cellen uit te voeren."
                    + (" De figuren worden dan knoppen die met hetzelfde Python-model rekenen als de website; wat een "
                       "figuur laat zien, staat naast (of boven) de knoppen." if figures else ""))
        note.append("")
    for name, kind in figures:
        note.append(f"- De figuur `{name}`: {API_NL[kind].format(n=name)}.")
    note += ["", _ABOUT, "", f"Inhoud van alle lesnotebooks: [inhoud]({INDEX}.ipynb)."]
    return "\n".join(note)


def _is_notebook(text: str) -> bool:
    return "kernelspec:" in text[:600]


def _strip_front_matter(text: str) -> tuple[str, int]:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[end + 5:], text[:end + 5].count("\n") + 1
    return text, 1


def _title(cells: list) -> str | None:
    for cell in cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


def _page_title(page: Page) -> str:
    text, _ = _strip_front_matter(page.source.read_text(encoding="utf-8"))
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.name)


def language_info() -> dict:
    """What ipykernel reports for this Python. Written into each notebook so that opening it
    in JupyterLab changes nothing (JupyterLab copies the kernel's report into the notebook,
    and a difference would mark the tab unsaved at once)."""
    return {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py", "mimetype": "text/x-python",
            "name": "python", "nbconvert_exporter": "python", "pygments_lexer": "ipython3", "version": platform.python_version()}


def _finish(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    notebook.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": language_info()}
    for number, cell in enumerate(notebook.cells):
        cell.id = f"{name}-{number}"  # stable ids: the same page gives the same bytes
    return notebook


# -- writing, without overwriting a teacher's work -----------------------------------

@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by the teacher: left alone
    overwritten: list[str] = field(default_factory=list)  # changed by the teacher, --force

    def dutch(self, folder: Path) -> str:
        parts = [f"{len(self.written)} nieuw", f"{len(self.updated)} bijgewerkt", f"{len(self.unchanged)} ongewijzigd"]
        text = f"Lesnotebooks in {folder}: " + ", ".join(parts) + "."
        if self.kept:
            text += (f" Niet overschreven omdat u ze hebt veranderd: {', '.join(self.kept)}"
                     " (overschrijven: make lesnotebooks FORCE=1, of --force).")
        if self.overwritten:
            text += f" Overschreven op verzoek (--force): {', '.join(self.overwritten)}."
        return text


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generate(folder: Path, force: bool = False, root: Path = PROJECT_ROOT) -> Report:
    """Write the teaching notebooks into ``folder`` (see the module doc)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    converter, book = Converter(root), pages(root)
    notebooks = {page.notebook: converter.notebook(page) for page in book}
    notebooks[f"{INDEX}.ipynb"] = converter.index(book)
    report = Report()
    for name, notebook in notebooks.items():
        data = (nbformat.writes(notebook) + "\n").encode("utf-8")
        target = folder / name
        if target.exists():
            current = target.read_bytes()
            if current == data:
                report.unchanged.append(name)
                manifest[name] = _digest(data)
                continue
            if manifest.get(name) != _digest(current):
                if not force:
                    report.kept.append(name)
                    continue
                report.overwritten.append(name)
            else:
                report.updated.append(name)
        else:
            report.written.append(name)
        target.write_bytes(data)
        manifest[name] = _digest(data)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.kernel.teaching",
                                     description="Maakt de lesnotebooks: elke pagina van het boek als notebook.")
    parser.add_argument("folder", nargs="?", default=str(PROJECT_ROOT / DEFAULT_DIR), help="map voor de notebooks")
    parser.add_argument("--force", action="store_true", help="ook notebooks overschrijven die u hebt veranderd")
    args = parser.parse_args(argv)
    folder = Path(args.folder).resolve()
    if folder == (PROJECT_ROOT / "chapters").resolve() or (PROJECT_ROOT / "chapters").resolve() in folder.parents:
        parser.error("de lesnotebooks horen niet in chapters/: kies een andere map")
    try:
        report = generate(folder, force=args.force)
    except TeachingError as exc:
        print(f"Kan de lesnotebooks niet maken: {exc}", file=sys.stderr)
        return 1
    print(report.dutch(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
