"""Every chart is drawn before any script runs, and is the same chart the script draws;
every page has a Dutch summary and a preview when it is shared; no script blocks drawing."""
from __future__ import annotations

import copy
import html
import posixpath
import re
from html.parser import HTMLParser

import vl_convert
from sitecheck import SITE, figure_pages, open_page, site_pages

from widgets.data.numbers import NUMBER_LOCALE
from widgets.figures import charts


class _Head(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.meta, self.scripts = {}, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property")] = a.get("content") or ""
        if tag == "script" and a.get("src"):
            self.scripts.append(a)


def test_without_javascript_every_figure_shows_its_chart_with_a_text_alternative(figure_page, nojs, site_url):
    nojs.goto(f"{site_url}/{figure_page}")
    found = nojs.evaluate("""() => [...document.querySelectorAll('.bmh-figure')].map(f => {
        const box = f.querySelector('.bmh-chart');
        return {id: f.id, chart: Boolean(box), drawn: box ? box.querySelectorAll('svg .mark-rect, svg .mark-symbol, svg .mark-line, svg path').length : 0,
                visible: box ? box.getBoundingClientRect().height > 100 : false, label: box ? box.getAttribute('aria-label') : null,
                role: box ? box.getAttribute('role') : null}; })""")
    charts_ = [f for f in found if f["chart"]]
    assert charts_, figure_page
    problems = [f for f in charts_ if not (f["drawn"] and f["visible"] and f["role"] == "img" and len(f["label"] or "") > 40)]
    assert not problems, problems


def test_the_drawing_in_the_page_is_the_chart_the_script_draws(figure_page, page, site_url):
    """The build-time SVG equals the embedded Vega spec drawn with the rows the script shows
    in the default state (which the parity tests tie to the model)."""
    open_page(page, site_url, figure_page)
    figures = page.evaluate("""() => [...document.querySelectorAll('.bmh-figure:has(.bmh-chart svg.bmh-static)')].map(f => ({
        id: f.id, svg: f.querySelector('svg.bmh-static').outerHTML, rows: f.bmhViewData.chart,
        spec: JSON.parse(f.querySelector('script.bmh-spec').textContent), field: f.bmhState.field}))""")
    html = (SITE / figure_page).read_text(encoding="utf-8")
    for f in figures:
        spec = copy.deepcopy(f["spec"][f["field"]] if f["field"] in f["spec"] else next(iter(f["spec"].values())))
        for data in spec["data"]:
            if data.get("name") == "rows":
                data["values"] = f["rows"]
        drawn = charts._mark_static(vl_convert.vega_to_svg(charts._static_width(spec), format_locale=NUMBER_LOCALE))
        page_svg = re.search(r'<div class="bmh-chart"[^>]*>(<svg.*?</svg>)</div>', html[html.index(f'id="{f["id"]}"'):], re.S).group(1)
        assert drawn == page_svg, f["id"]


def test_every_page_has_a_dutch_summary_and_a_preview():
    problems = []
    for path in site_pages(SITE):
        if path == "index.html":  # the redirect to intro.html
            continue
        head = _Head((SITE / path).read_text(encoding="utf-8"))
        description = head.meta.get("description", "")
        if not 50 <= len(description) <= 160:
            problems.append(f"{path}: description of {len(description)} characters")
        for key in ("og:title", "og:description", "og:image", "twitter:card", "twitter:image"):
            if not head.meta.get(key):
                problems.append(f"{path}: no {key}")
        image = head.meta.get("og:image", "")
        if image and not (SITE / posixpath.normpath(posixpath.join(posixpath.dirname(path), image))).is_file():
            problems.append(f"{path}: og:image {image} is not in the site")
        if head.meta.get("og:locale") != "nl_NL":
            problems.append(f"{path}: og:locale")
    assert not problems, problems


def test_no_script_blocks_the_page():
    blocking = []
    for path in site_pages(SITE):
        for script in _Head((SITE / path).read_text(encoding="utf-8")).scripts:
            if not ({"defer", "async"} & set(script) or script.get("type") == "module"):
                blocking.append(f"{path}: {script['src']}")
    assert not blocking, blocking[:10]


def test_figure_pages_have_previews_with_their_chart():
    for path in figure_pages(SITE):
        image = _Head((SITE / path).read_text(encoding="utf-8")).meta["og:image"]
        png = (SITE / posixpath.normpath(posixpath.join(posixpath.dirname(path), image))).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000, path


def test_a_long_source_line_is_shortened_with_an_ellipsis_not_cut_at_the_edge():
    """The Dublin card's source line ran off the image ("... (bronnen hierond")."""
    from widgets.site import preview

    source = ("Bron: rapport § 4.4.4 (ACVZ 2019) voor 2014-2018; jaarcijfers: Eurostat, niet uit het rapport "
              "(bronnen hieronder). · dublin_external.csv (alle bronnen)")
    card = preview.card_svg("Dublinoverdrachten", "", ("Een bijschrift", '<svg class="marks bmh-static"></svg>', source))
    shown = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", card) if t.startswith("Bron")]
    assert len(shown) == 1 and shown[0].endswith("…") and len(shown[0]) <= 100, shown
    assert source.startswith(shown[0][:-1].rstrip())
    text = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", card)]
    assert all(len(html.unescape(t)) <= 100 for t in text), text
