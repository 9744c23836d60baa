"""Sphinx extension (listed in ``_config.yml``): the directives of the page Lesmateriaal.

- ``{answer} key``: the answer computed by ``widgets.lessons.answer(key)``, folded in a
  sphinx-design dropdown ("Antwoord"), so a reader first tries the question.
- ``{figure-cell} chapter name``: on the website a line linking the figure the questions
  use (the figure ``chapters/<chapter>.md`` binds to ``name``); in the teaching notebook
  (``widgets.kernel.teaching``) the code cell itself.

Both make the page depend on ``data/``, ``widgets/lessons.py`` and the chapter, so a
changed number or question re-reads the page. An unknown key or name is a build error.
"""
from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .. import DATA_DIR, PROJECT_ROOT

LESSONS = PROJECT_ROOT / "widgets" / "lessons.py"


class _LessonDirective(SphinxDirective):
    def note_dependencies(self, *extra) -> None:
        for path in [LESSONS, *sorted(DATA_DIR.glob("*.csv")), *extra]:
            self.env.note_dependency(str(path))

    def error(self, message: str) -> list[nodes.Node]:
        return [self.state.document.reporter.error(message, line=self.lineno)]


class AnswerDirective(_LessonDirective):
    """``{answer} key`` -> a dropdown "Antwoord" holding the computed answer."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from ..lessons import answer

        self.note_dependencies()
        try:
            computed = answer(self.arguments[0])
        except KeyError as exc:
            return self.error(f"{{answer}} {self.arguments[0]}: {exc}")
        text = (":::{dropdown} Antwoord\n:class-container: bmh-answer\n:class-title: bmh-answer-title\n\n"
                f"{computed.markdown}\n:::\n")
        holder = nodes.container()
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), self.content_offset, holder)
        return holder.children


class FigureCellDirective(_LessonDirective):
    """``{figure-cell} variant-4 pakket`` -> "Figuur bij deze vragen: de pakketbouwer op de pagina ..."."""

    required_arguments = 2
    has_content = False

    def run(self) -> list[nodes.Node]:
        from ..lessons import figure_reference

        chapter, name = self.arguments
        self.note_dependencies(PROJECT_ROOT / "chapters" / f"{chapter}.md")
        try:
            figure = figure_reference(chapter, name)
        except KeyError as exc:
            return self.error(f"{{figure-cell}} {chapter} {name}: {exc}")
        target = f"{chapter}.html#{figure.figure_id}"  # pages of chapters/ link each other directly
        paragraph = nodes.paragraph(classes=["bmh-lesson-figure"])
        paragraph += nodes.strong(text="Figuur bij deze vragen: ")
        paragraph += nodes.reference("", f"{figure.label()} op de pagina ‘{figure.title}’", refuri=target, internal=True)
        paragraph += nodes.Text(" (in het lesnotebook staat de figuur hieronder en heet ze ")
        paragraph += nodes.literal(text=figure.name)
        paragraph += nodes.Text(").")
        return [paragraph]


def setup(app: Sphinx) -> dict:
    app.add_directive("answer", AnswerDirective)
    app.add_directive("figure-cell", FigureCellDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
