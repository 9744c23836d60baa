"""Sphinx extension (listed in ``_config.yml``): Dutch search that finds what it indexes.

Two repairs of Sphinx 7.4's Dutch search:

- **One stemmer on both sides.** The search page stems a query with Sphinx's JavaScript
  Dutch stemmer, generated from Snowball before version 3.0. The index was built with the
  Python package ``snowballstemmer``, whose algorithm ``dutch`` changed in Snowball 3.0
  (it stems "gemeenten" to "meen", the JavaScript stemmer to "gemeent"), so most stemmed
  queries never met their stemmed term. Snowball 3.0 keeps the earlier algorithm as
  ``dutch_porter``; the index is built with that one. (Sphinx 8.2 instead ships the
  JavaScript of Snowball 3.0.1; this book stays on Sphinx 7.4, so it uses the Python side
  that matches its JavaScript.)
- **Measure codes are words.** Sphinx splits "4.11" into "4" and "11" and skips numbers,
  so a measure could not be found by its code. Codes and other dotted numbers
  ("2C.1.2", "4.12b", "59.310") are kept as one term, in the index and in the query.
- **A code leads to its measure.** Every section titled "Maatregel <code> ..." and every
  option that starts with its code in bold ("**4.2a** ...") gets an index entry for the
  code. The search page ranks an exact index entry first and links to its place on the
  page; the Trefwoordenregister lists every measure by code.
"""
from __future__ import annotations

import re

import snowballstemmer
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.search import languages
from sphinx.search.nl import SearchDutch as SphinxDutch

# A measure code or dotted number: digits, an optional variant letter, one or more
# ".digits", an optional option letter. The same pattern in Python and JavaScript.
CODE = r"\d+[A-Ca-c]?(?:\.\d+)+[a-c]?"


class SearchDutch(SphinxDutch):
    _word_re = re.compile(rf"{CODE}|\w+")
    js_splitter_code = (
        "function splitQuery(query) {\n"
        f"  return query.match(/{CODE}|[\\p{{Letter}}\\p{{Number}}_\\p{{Emoji_Presentation}}]+/gu) || [];\n"
        "}\n"
    )

    def init(self, options: dict[str, str]) -> None:
        self.stemmer = snowballstemmer.stemmer("dutch_porter")


MEASURE_TITLE = re.compile(rf"^(?:Maatregel\s+)({CODE}(?:-\w+)?)\b\s*(.*)$")
OPTION_START = re.compile(rf"^({CODE}(?:-\w+)?)\b\s*(.*?)\.?$")


def _entry(code: str, title: str, target: str) -> addnodes.index:
    text = f"{code}; {title}" if title else code
    return addnodes.index(entries=[("single", text, target, "main", None)])  # "main": ranked first by the search page


def index_measures(app: Sphinx, doctree: nodes.document) -> None:
    """Index entries for measure codes: sections titled "Maatregel <code> ..." and bold
    options that start a paragraph with their code (see module doc)."""
    for section in doctree.findall(nodes.section):
        match = MEASURE_TITLE.match(section[0].astext()) if section.children else None
        if match and section["ids"]:
            section.insert(1, _entry(match[1], match[2], section["ids"][0]))
    for strong in list(doctree.findall(nodes.strong)):
        paragraph = strong.parent
        match = OPTION_START.match(strong.astext())
        if not match or not isinstance(paragraph, nodes.paragraph):
            continue
        before = paragraph.children[:paragraph.index(strong)]
        if any(not isinstance(c, nodes.Text) or c.astext().strip() for c in before):  # only at the start of a paragraph
            continue
        ident = "maatregel-" + re.sub(r"[^0-9a-z]+", "-", match[1].lower()).strip("-")
        if ident in doctree.ids:
            continue
        target = nodes.target("", "", ids=[ident])
        doctree.ids[ident] = target
        holder = paragraph.parent
        position = holder.index(paragraph)
        holder.insert(position, target)
        holder.insert(position, _entry(match[1], match[2], ident))


def setup(app: Sphinx) -> dict:
    languages["nl"] = SearchDutch
    app.connect("doctree-read", index_measures)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
