"""Sphinx extension (listed in ``_config.yml``): a summary and a preview for every page.

- ``<meta name="description">`` in Dutch from the page's front matter (``description:``,
  50-160 characters; a page without one stops the build);
- Open Graph and Twitter card tags: title, description, the edition, and a preview
  image, drawn at build time: the page's first chart (its build-time SVG; not a package
  builder's, which starts empty) with the
  page title, the figure's caption and its source line, or, for a page without a chart,
  a text card with the title and the description. Images go to ``_static/previews/``.
"""
from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import vl_convert
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..edition import edition

WIDTH, HEIGHT = 1200, 630
PREVIEWS = "_static/previews"
SITE_NAME = "Naar een wendbare migratieketen: interactieve editie"
GENERATED_TITLES = {"genindex": "Trefwoordenregister", "search": "Zoeken"}
GENERATED = {  # pages Sphinx writes itself
    "genindex": "Trefwoordenregister van de interactieve editie: alle maatregelen op hun code, met een link naar hun plaats in de tekst.",
    "search": "Zoek in de interactieve editie van het rapport Naar een wendbare migratieketen, ook op de code van een maatregel.",
}
# The first chart of a page, except a package builder's (it starts empty: a text card says more).
CHART = re.compile(r'<figure class="bmh-figure"(?![^>]*data-kind="package")[^>]*>.*?<figcaption>(.*?)</figcaption>.*?(<svg [^>]*class="marks bmh-static".*?</svg>)'
                   r'.*?<p class="bmh-source">(.*?)(?: · <a |</p>)', re.S)


def description(app: Sphinx, pagename: str) -> str:
    """The page's Dutch summary; raises ExtensionError when a page has none or a bad one."""
    text = GENERATED.get(pagename) or app.env.metadata.get(pagename, {}).get("description")
    if not text:
        raise ExtensionError(f"{pagename}: no description in the front matter (a Dutch summary of 50-160 characters)")
    if not 50 <= len(text) <= 160:
        raise ExtensionError(f"{pagename}: the description has {len(text)} characters; write 50-160")
    return text


def _text(x: int, y: int, size: int, content: str, weight: str = "normal", fill: str = "#222") -> str:
    return (f'<text x="{x}" y="{y}" font-family="sans-serif" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill}">{html.escape(content)}</text>')


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width) or [""]


def shorten(text: str, chars: int) -> str:
    """``text`` in at most ``chars`` characters: cut at a space, with "…" when cut."""
    if len(text) <= chars:
        return text
    return text[:chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"


def card_svg(title: str, description_text: str, chart: tuple[str, str, str] | None) -> str:
    """The preview as SVG: the title, then the chart with its caption and source, or the description."""
    current = edition()
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>', f'<rect width="{WIDTH}" height="12" fill="#154273"/>']
    y = 70
    for line in _lines(title, 48)[:2]:
        parts.append(_text(50, y, 40, line, "bold", "#154273"))
        y += 48
    if chart:
        caption, svg, source = chart
        parts.append(_text(50, y + 5, 26, shorten(html.unescape(re.sub("<[^>]+>", "", caption)), 75)))
        inner = re.sub(r"^<svg ", f'<svg x="50" y="{y + 25}" width="1100" height="{HEIGHT - y - 95}" preserveAspectRatio="xMinYMin meet" ',
                       re.sub(r' (?:width|height)="[\d.]+"| preserveAspectRatio="[^"]*"', "", svg, count=3), count=1)
        parts.append(inner)
        parts.append(_text(50, HEIGHT - 45, 20, shorten(html.unescape(re.sub("<[^>]+>", "", source)), 100), fill="#444"))
    else:
        for line in _lines(description_text, 60)[:5]:
            y += 45
            parts.append(_text(50, y + 30, 30, line))
    parts.append(_text(50, HEIGHT - 16, 20, f"{SITE_NAME} · editie {current.number} ({current.date_nl})", fill="#444"))
    parts.append("</svg>")
    return "".join(parts)


def image_path(pagename: str) -> str:
    return f"{PREVIEWS}/{pagename.replace('/', '-')}.png"


def on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html":
        return
    summary = description(app, pagename)
    title = GENERATED_TITLES.get(pagename) or html.unescape(re.sub("<[^>]+>", "", context.get("title") or "")) or SITE_NAME
    match = CHART.search(context.get("body", ""))
    target = Path(app.outdir) / image_path(pagename)
    target.parent.mkdir(parents=True, exist_ok=True)
    png = vl_convert.svg_to_png(card_svg(title, summary, match.groups() if match else None), scale=1.0)
    if not target.exists() or target.read_bytes() != png:
        target.write_bytes(png)
    image = context["pathto"](image_path(pagename), 1)
    base = app.config.html_baseurl.rstrip("/")
    if base:  # Open Graph asks for an absolute address; without a base URL, a relative one
        image = f"{base}/{image_path(pagename)}"
    current = edition()
    tags = {
        "description": summary,
        "og:type": "website", "og:locale": "nl_NL", "og:site_name": SITE_NAME,
        "og:title": title, "og:description": f"{summary} (Editie {current.number}, {current.date_nl}.)",
        "og:image": image, "og:image:width": str(WIDTH), "og:image:height": str(HEIGHT),
        "og:image:alt": f"Voorbeeld van de pagina {title}",
        "twitter:card": "summary_large_image", "twitter:title": title, "twitter:description": summary, "twitter:image": image,
    }
    lines = []
    for key, value in tags.items():
        attribute = "property" if key.startswith("og:") else "name"
        lines.append(f'<meta {attribute}="{key}" content="{html.escape(value)}" />')
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(lines)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", on_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
