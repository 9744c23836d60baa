"""Sphinx extension (listed in ``_config.yml``, before ``widgets.site.csp``): a standalone
embed page for every interactive figure, ``insluiten/<page>-<figure id>.html``.

An embed page holds only the figure (controls, chart, table, notes, source and its
downloads), a line naming the edition and a link back to the figure in its chapter, and the
same scripts and style sheets as the site (no theme). It restores the figure's state from its
address like the chapter does. Each figure's "Insluiten" block on its chapter gives the
``<iframe>`` snippet for the reader's current choice and a citation line (filled in by
``widgets/static/bmh-explorer.js``). Embed pages ask search engines not to index them: the
chapter is the page to find.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

from ..edition import REPORT, edition

DIRECTORY = "insluiten"
# the chapter's Open Graph and Twitter tags (widgets.site.preview): a shared embed link previews as its chapter
SHARE_TAGS = re.compile(r'<meta (?:property="og:[^"]+"|name="twitter:[^"]+") content="[^"]*" />')
FIGURE = re.compile(r'<figure class="bmh-figure" id="(?P<id>[^"]+)".*?</figure>', re.S)
CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="robots" content="noindex" />
  <meta name="description" content="{description}" />
  {share}
  <title>{title}</title>
  <link rel="icon" href="../_static/favicon.svg" />
  <link rel="stylesheet" href="../_static/bmh.css" />
  <link rel="stylesheet" href="../_static/bmh-embed.css" />
  <noscript><link rel="stylesheet" href="../_static/bmh-noscript.css" /></noscript>
  <script defer="defer" src="../_static/bmh-explorer.js"></script>
</head>
<body class="bmh-embed-page">
<main>
<article>
{figure}
</article>
<p class="bmh-embed-back">{edition}. <a href="../{chapter}#{figure_id}" target="_top">Deze figuur in de interactieve editie</a></p>
</main>
</body>
</html>
"""


def embed_name(chapter: str, figure_id: str) -> str:
    """``insluiten/maatregelen-fig-pakket.html`` for figure ``fig-pakket`` of ``chapters/maatregelen.html``."""
    return f"{DIRECTORY}/{Path(chapter).stem}-{figure_id}.html"


def embed_page(chapter: str, figure_html: str, figure_id: str, share: str = "") -> str:
    """The standalone page of one figure (see module doc)."""
    caption = CAPTION.search(figure_html)
    title = html.unescape(re.sub(r"<[^>]+>", "", caption.group(1))) if caption else figure_id
    current = edition()
    edition_line = f"Interactieve editie van “{REPORT['title']}” (BMH {REPORT['number']}), {current.label_nl}"
    description = f"{title}: een figuur uit de interactieve editie van {REPORT['title']}, om in te sluiten."
    if len(description) > 160:
        description = description[:157].rsplit(" ", 1)[0] + "…"
    return PAGE.format(share=share, description=html.escape(description), title=html.escape(f"{title} · insluiten"), figure=figure_html,
                       edition=html.escape(edition_line), chapter=chapter, figure_id=html.escape(figure_id))


def write_embed_pages(outdir: Path) -> list[str]:
    """An embed page for every figure of every chapter; returns their paths (relative to ``outdir``)."""
    target = outdir / DIRECTORY
    target.mkdir(exist_ok=True)
    for old in target.glob("*.html"):
        old.unlink()
    written = []
    for page in sorted((outdir / "chapters").glob("*.html")):
        chapter = page.relative_to(outdir).as_posix()
        text = page.read_text(encoding="utf-8")
        share = "\n  ".join(SHARE_TAGS.findall(text))
        for match in FIGURE.finditer(text):
            name = embed_name(chapter, match.group("id"))
            figure = match.group(0).replace('"changes":"wijzigingen.html"', '"changes":"../chapters/wijzigingen.html"')
            (outdir / name).write_text(embed_page(chapter, figure, match.group("id"), share), encoding="utf-8")
            written.append(name)
    return written


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_embed_pages(Path(app.outdir))


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", on_build_finished, priority=800)  # before the content policy (900) hashes every page
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
