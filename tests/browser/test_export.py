"""Export keeps its context: each figure kind saved as SVG holds its title, the choice in
words, its source line and the edition, and no mark falls outside the image; the PNG button
gives a PNG of the same image."""
from __future__ import annotations

import html
import json

import pytest

from widgets.edition import edition

# (page, figure, a control to move first or None): one figure of every kind
FIGURES = [
    ("maatregelen.html?pakket=4.1,6.1", "fig-pakket"),
    ("maatregelen.html?vergelijk=A-4.1,B-6.1", "fig-vergelijk"),
    ("maatregelen.html", "fig-maatregelen"),
    ("instroom.html", "fig-instroom"),
    ("dublin.html", "fig-dublin"),
]

EXPORT = """f => BMH.exportSvg(f, JSON.parse(f.querySelector('script.bmh-payload').textContent))"""
# every drawn element's box inside the image's box (1 px tolerance for anti-aliasing)
OUTSIDE = """svg => {
  const box = document.createElement('div'); box.innerHTML = svg; document.body.appendChild(box);
  const root = box.querySelector('svg'), r = root.getBoundingClientRect(), out = [];
  root.querySelectorAll('path, rect, text, line, circle, symbol, use').forEach(el => {
    const b = el.getBoundingClientRect();
    if (!b.width && !b.height) return;
    if (b.left < r.left - 1 || b.top < r.top - 1 || b.right > r.right + 1 || b.bottom > r.bottom + 1)
      out.push(el.tagName + ' ' + (el.textContent || el.getAttribute('class') || '').slice(0, 40));
  });
  box.remove();
  return out;
}"""


@pytest.mark.parametrize("path, figure_id", FIGURES)
def test_the_svg_names_title_choice_source_and_edition(page, site_url, path, figure_id):
    page.goto(f"{site_url}/chapters/{path}")
    figure = page.locator(f"#{figure_id}")
    page.wait_for_function(f"() => document.querySelector('#{figure_id}').dataset.rendered")
    info = json.loads(figure.locator("script.bmh-export").text_content())
    svg = figure.evaluate(EXPORT)
    text = " ".join(html.unescape(t) for t in svg.split(">") if t)  # lines of text may wrap: check word by word
    words = " ".join(page.evaluate("s => [...new DOMParser().parseFromString(s, 'image/svg+xml').querySelectorAll(':scope > text')]"
                                   ".map(t => t.textContent)", svg))
    assert words.startswith(info["title"]), (words[:200], info["title"])
    assert info["source"] in words and edition().label_nl in words
    shown = figure.locator(".bmh-words").text_content() if figure.locator(".bmh-words").count() else ""
    assert shown in words
    assert "Link: http" in words
    assert "<script" not in text
    assert page.evaluate(OUTSIDE, svg) == []


def test_the_png_button_saves_a_png(page, site_url):
    """... under the page's Content-Security-Policy (the image goes through a blob: URL and a canvas)."""
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(f"{site_url}/chapters/maatregelen.html?pakket=4.1,6.1")
    page.wait_for_function("() => document.querySelector('#fig-pakket').dataset.rendered")
    with page.expect_download() as download:
        page.locator("#fig-pakket button[data-action=export-png]").click()
    data = open(download.value.path(), "rb").read()
    assert download.value.suggested_filename == "fig-pakket.png"
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert page.evaluate("() => window.__violations") == []
