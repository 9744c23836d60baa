"""Sphinx extension (listed in ``_config.yml``; last of the build): a strict
Content-Security-Policy on every page, written at build time as
``<meta http-equiv="Content-Security-Policy">``.

Scripts only from the site itself (``'self'``), no ``eval`` (Vega runs with its expression
interpreter), and each inline script the theme still writes allowed by its own sha256,
computed here from the page as written. ``object-src 'none'``, ``base-uri 'self'``,
``form-action 'self'``. Images may be ``data:`` (the theme's icons are small SVGs in the
style sheet) or ``blob:`` (a chart being exported as PNG). Styles: see STYLE_SRC.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from sphinx.application import Sphinx

META = '<meta http-equiv="Content-Security-Policy" content="{policy}" />'
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
# Styles only from the site's own style sheets: no <style> element and no style="..." attribute
# in the written pages (Vega and our scripts set styles through the DOM, which the policy allows).
STYLE_SRC = "'self'"


def _is_executable(attrs: str) -> bool:
    kind = re.search(r'\btype="([^"]*)"', attrs)
    return kind is None or kind.group(1) in ("text/javascript", "module", "application/javascript")


def script_hashes(page: str) -> list[str]:
    """``'sha256-...'`` of every inline script a browser would run."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(page):
        if _is_executable(match.group("attrs")):
            digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode("ascii")
            hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy(page: str) -> str:
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *script_hashes(page)]),
        f"style-src {STYLE_SRC}",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(path: Path) -> None:
    """Write the page's policy as the first element of its ``<head>`` (before any script)."""
    page = path.read_text(encoding="utf-8")
    page = re.sub(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*" />', "", page)
    head = page.find("<head>")
    if head < 0:
        return  # not a page (a fragment)
    tag = META.format(policy=policy(page))
    path.write_text(page[:head + len("<head>")] + "\n  " + tag + page[head + len("<head>"):], encoding="utf-8")


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted(Path(app.outdir).rglob("*.html")):
        if "_static" not in path.relative_to(app.outdir).parts:
            add_policy(path)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", on_build_finished, priority=900)  # after every page and embed page is written
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
