"""Sphinx extension (listed in ``_config.yml``): a lighter theme, same HTML every build.

pydata-sphinx-theme (under sphinx-book-theme) puts heavy things on every page:

- Font Awesome's ``fontawesome.js`` (1.5 MB raw, 530 KB compressed) and a 156 KB
  icon font, to draw about fifteen icons. The script is left out of the template;
  ``static/bmh-theme.css`` draws exactly the icons the site uses from small SVGs.
- In the theme's stylesheet, a glyph for each of some 2,000 Font Awesome names
  (20 KB compressed). The page links a copy without them.
- Sphinx's search index and search code (40 KB compressed, growing with the book),
  needed only by the theme's optional search-as-you-type (off here: the search box
  opens search.html, which loads them itself). They load only when that is on.

These are edits of the installed theme's own templates and stylesheet, made when
the build starts. If the theme changes so that an edit no longer applies, the build
stops with an error instead of silently shipping the weight again.
"""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import DictLoader
from myst_nb.sphinx_ext import add_global_html_resources
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

THEME_CSS = "styles/pydata-sphinx-theme.css"
LEAN_CSS = "styles/pydata-sphinx-theme.lean.css"
ICON_GLYPHS = re.compile(r'(?<=})\.fa-[a-z0-9-]+:(?:before|after)(?:,\.fa-[a-z0-9-]+:(?:before|after))*\{content:"[^"]*"\}')
SEARCH_SCRIPTS = r"(?:[ \t]*<script src=\"\{\{ pathto\('(?:_static/searchtools|_static/language_data|searchindex)\.js', 1\) \| e \}\}\"></script>\n){3}"
DUTCH = {  # interface strings the book theme writes without offering them for translation
    "toggle-primary-sidebar.html": ('title="Toggle primary sidebar"', 'title="Inhoudsopgave tonen of verbergen"'),
    "toggle-secondary-sidebar.html": ('title="Toggle secondary sidebar"', 'title="Inhoud van deze pagina tonen of verbergen"'),
    "sbt-sidebar-nav.html": ('aria-label="Main"', 'aria-label="Hoofdstukken"'),
    "layout.html": ('<nav aria-label="Page">', '<nav aria-label="Inhoud van deze pagina">'),
}
TEMPLATE_EDITS = [  # (template, pattern, replacement), applied in order; each must match
    ("static/webpack-macros.html", r'[ \t]*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\n?', ""),
    ("static/webpack-macros.html", re.escape(f"'_static/{THEME_CSS}'"), f"'_static/{LEAN_CSS}'"),
    ("pydata_sphinx_theme/layout.html", SEARCH_SCRIPTS,
     lambda m: "{% if theme_search_as_you_type | tobool %}\n" + m.group(0) + "{% endif %}\n"),
] + [(name, re.escape(old), new) for name, (old, new) in DUTCH.items()] + [
    # the search page's own scripts load deferred too (in order, so the index still finds Search)
    ("search.html", r"(<script src=\"\{\{ pathto\('(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)', 1\) \}\}\")></script>",
     r"\1 defer></script>"),
]


def _edit(name: str, text: str, pattern, replacement, count: int = 1) -> str:
    text, found = re.subn(pattern, replacement, text)
    if found < count:
        raise ExtensionError(f"widgets.theme: {name} no longer looks as expected ({found} matches of {pattern!r})")
    return text


def lighten_theme(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    templates = app.builder.templates
    edited: dict[str, str] = {}
    for name, pattern, replacement in TEMPLATE_EDITS:
        source = edited.get(name) or templates.get_source(templates.environment, name)[0]
        edited[name] = _edit(name, source, pattern, replacement)
    templates.loaders.insert(0, DictLoader(edited))
    templates.templatepathlen += 1  # "!name" still starts the search at the theme

    theme_css = next(p for d in app.builder.theme.get_theme_dirs() if (p := Path(d, "static", THEME_CSS)).exists())
    lean = _edit(THEME_CSS, theme_css.read_text(encoding="utf-8"), ICON_GLYPHS, "", count=100)
    target = Path(app.outdir, "_static", LEAN_CSS)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(lean, encoding="utf-8")
    app.add_css_file("bmh-theme.css")


LOCALE = Path(__file__).resolve().parent / "locale" / "nl" / "LC_MESSAGES"


def write_search_translations(app: Sphinx, config) -> None:
    """The search page takes its Dutch from ``sphinx.js``; Sphinx's own Dutch file leaves
    some strings empty (the page then said nothing after finding pages). Write, beside our
    catalog, Sphinx's file with those strings taken from ``sphinx.po``; Sphinx uses the
    first ``sphinx.js`` it finds in ``locale_dirs``. Generated, not committed."""
    import json

    import sphinx
    from babel.messages.pofile import read_po

    if config.language != "nl":
        return
    with open(LOCALE / "sphinx.po", encoding="utf-8") as po:
        ours = {m.id: m.string for m in read_po(po) if m.id and m.string}
    source = Path(sphinx.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "sphinx.js"
    text = source.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1:text.rindex(")")])
    data["messages"].update({k: v for k, v in ours.items() if k in data["messages"]})
    target = LOCALE / "sphinx.js"
    content = "Documentation.addTranslations(" + json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True) + ");\n"
    if not target.exists() or target.read_text(encoding="utf-8") != content:
        target.write_text(content, encoding="utf-8")


def write_mystnb_css_first(app: Sphinx) -> None:
    """myst-nb copies ``_static/mystnb.<hash>.css`` only when the build finishes, and
    Sphinx adds ``?v=<checksum>`` to a stylesheet's link only if the file is already
    there; so a rebuild linked ``mystnb.<hash>.css?v=…`` and a clean build did not.
    Copying it before any page is written gives every build the same HTML."""
    if app.builder.format == "html":
        Path(app.outdir, "_static").mkdir(parents=True, exist_ok=True)
        add_global_html_resources(app, None)


OPTION = re.compile(r"^\s*DOCUMENTATION_OPTIONS\.(\w+) = (.*?);\s*$")


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every script file loads with ``defer``: none blocks the page from being drawn. Deferred
    scripts still run in their order. The theme's inline settings of DOCUMENTATION_OPTIONS
    (which would run before the deferred documentation_options.js) become one deferred
    ``bmh-options.js`` in their place, carrying the values as data."""
    import json

    from sphinx.builders.html._assets import _JavaScript

    scripts, options, options_at = [], {}, None
    for script in context.get("script_files", []):
        attributes = dict(getattr(script, "attributes", {}))
        match = OPTION.match(attributes.get("body", "")) if not getattr(script, "filename", None) else None
        if match:
            value = match[2].strip()
            options[match[1]] = value.strip("'\"") if value[:1] in "'\"" else json.loads(value)
            options_at = len(scripts) if options_at is None else options_at
            continue
        if getattr(script, "filename", None) and not ({"defer", "async"} & set(attributes) or attributes.get("type") == "module"):
            script = _JavaScript(script.filename, priority=script.priority, **{**attributes, "defer": "defer"})
        scripts.append(script)
    if options:
        scripts.insert(options_at, _JavaScript("_static/bmh-options.js", defer="defer",
                                               **{"data-options": json.dumps(options, sort_keys=True)}))
    context["script_files"] = scripts


def setup(app: Sphinx) -> dict:
    # priority 600: after widgets.sphinx_ext, which puts widgets/static on html_static_path
    app.connect("builder-inited", lighten_theme, priority=600)
    app.connect("builder-inited", write_mystnb_css_first)
    app.connect("config-inited", write_search_translations)
    app.connect("html-page-context", defer_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
