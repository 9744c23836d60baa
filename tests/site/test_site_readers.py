"""Every number readable, as readers get the pages: on a laptop (1280 px), on a phone
(390 px), on paper, and in Dutch. (The controls: test_site_controls.py.)"""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader
from sitecheck import LAPTOP, open_page, settle
from wordfreq import zipf_frequency

MIN_CHART_TEXT_PX = 11
# Words in the interface that are English words too but belong to this site: names and
# Dutch words that English shares.
NAMES = {"dublin", "frontex", "geas", "bmh", "coa", "ind", "iom", "unhcr", "eu", "pdf", "csv", "json", "ctrl", "k"}
# Terms the report itself uses in English (its headings and measure titles).
REPORT_TERMS = ("External processing", "complementary pathways", "CC BY")  # and a licence's name
ENGLISH_STRINGS_JS = """() => {
  const out = [], skip = el => !el || el.closest('[aria-hidden="true"], script, style, noscript');
  document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [data-bs-title]').forEach(el => {
    if (skip(el)) return;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-bs-title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement, text = walker.currentNode.textContent.trim();
    if (text && !skip(el) && !el.closest('article') && el.getClientRects().length) out.push(text);
  }
  document.querySelectorAll('article :is(button, legend, summary, .bmh-share, .bmh-permalink, .bmh-message, .bmh-noscript)').forEach(el => {
    if (!skip(el) && el.textContent.trim()) out.push(el.textContent.trim());
  });
  return [...new Set(out)];
}"""


def english_words(text: str) -> list[str]:
    """Words that are common in English and much rarer in Dutch (wordfreq's frequency lists)."""
    for term in REPORT_TERMS:
        text = re.sub(re.escape(term), " ", text, flags=re.I)
    words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)} - NAMES
    return sorted(w for w in words if zipf_frequency(w, "en") >= 3.0 and zipf_frequency(w, "en") - zipf_frequency(w, "nl") >= 1.0)


def test_the_english_word_check_can_fail():
    assert {"back", "main", "toggle", "sidebar"} <= set(english_words("Skip to main content; Back to top; Toggle primary sidebar"))
    assert english_words("Direct naar de inhoud; Terug naar boven; Link naar deze kop") == []


def test_the_interface_is_dutch(page_path, page, site_url):
    """Every string a reader sees or hears outside the prose (buttons, menus, labels, tooltips, aria-labels)."""
    open_page(page, site_url, page_path)
    strings = page.evaluate(ENGLISH_STRINGS_JS)
    page.emulate_media(color_scheme="dark")
    settle(page)
    strings += page.evaluate(ENGLISH_STRINGS_JS)
    found = sorted({f"{s!r}: {', '.join(english_words(s))}" for s in strings if english_words(s)})
    assert not found, "\n".join(found)


def test_every_budget_and_figure_table_fits_a_laptop(figure_page, browser, site_url):
    """At 1280 x 800 every column of every table in a figure or budget section is visible without scrolling."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    open_page(page, site_url, figure_page)
    hidden = page.evaluate("""() => [...document.querySelectorAll('.bmh-figure table.bmh-table, table.bmh-measures')].flatMap(t => {
        const box = t.closest('.bmh-table-wrap').getBoundingClientRect();
        return [...t.querySelectorAll('thead th')].filter(th => th.getBoundingClientRect().right > box.right + 1)
            .map(th => `${t.querySelector('caption').textContent.slice(0, 50)}: column ${th.textContent}`);
    })""")
    context.close()
    assert not hidden, "\n".join(hidden)


def test_charts_on_a_phone_have_readable_text(figure_page, phone, site_url):
    """At 390 px every drawn chart's smallest text is at least 11 px on screen."""
    open_page(phone, site_url, figure_page)
    figures = phone.locator(".bmh-figure:not(.bmh-nochart):has(.bmh-chart)")
    small = []
    for i in range(figures.count()):
        figure = figures.nth(i)
        figure.scroll_into_view_if_needed()
        phone.wait_for_function("f => f.dataset.drawn === '1'", arg=figure.element_handle())
        small += phone.evaluate("""([f, min]) => { const svg = f.querySelector('.bmh-chart svg');
            const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
            return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
                .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale])
                .filter(([, px]) => px < min).map(([text, px]) => `${f.id}: "${text}" ${px.toFixed(1)} px`); }""",
                                 [figure.element_handle(), MIN_CHART_TEXT_PX])
    assert not small, "\n".join(small[:20])


def pdf_text(page) -> str:
    """The PDF's text layer, ligatures (ﬁ, ﬂ) written out."""
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    return unicodedata.normalize("NFKC", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", ["chapters/variant-4.html?pakket=4.1,4.3b,4.12a", "chapters/instroom.html"])
def test_printed_pages_keep_every_column_and_state_the_choice(path, page, site_url):
    open_page(page, site_url, path)
    page.emulate_media(media="print")
    tables = page.evaluate("""() => [...document.querySelectorAll('table.bmh-table')].map(t =>
        [...t.querySelectorAll('tr')].map(tr => tr.lastElementChild.textContent.trim()))""")
    words = page.evaluate("() => [...document.querySelectorAll('.bmh-words')].map(w => w.textContent)")
    links = page.evaluate("() => [...document.querySelectorAll('.bmh-link')].map(a => a.href)")
    printed = squeeze(pdf_text(page))
    missing = [cell for cells in tables for cell in cells if cell and squeeze(cell) not in printed]
    assert not missing, f"last-column cells not on paper: {missing[:10]}"
    assert words and all(squeeze(w) in printed for w in words), words
    assert "geenkeuze" not in printed.lower() and "Allesuitzetten" not in printed  # no controls on paper
    assert all(squeeze(link) in printed for link in links), links  # share links print their address


def test_on_paper_a_figures_caption_and_choice_stand_on_the_page_of_its_chart(figure_page, page, site_url):
    """A page break never falls between a chart and the caption and "Gekozen: ..." line
    that say what it shows (it did: the caption at the foot of page 1, the chart on page 2)."""
    open_page(page, site_url, figure_page)
    page.emulate_media(media="print")
    figures = page.evaluate("""() => [...document.querySelectorAll('.bmh-figure')]
        .filter(f => f.querySelector('.bmh-chart svg') && getComputedStyle(f).display !== 'none')
        .map(f => [f.id, f.querySelector('figcaption').textContent, f.querySelector('.bmh-words')?.textContent || '',
                   [...f.querySelector('.bmh-chart svg').querySelectorAll('text')].map(t => t.textContent).filter(t => t.trim())])""")
    sheets = [squeeze(unicodedata.normalize("NFKC", p.extract_text()))
              for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    apart = []
    for figure_id, caption, words, chart_texts in figures:
        first = next(i for i, sheet in enumerate(sheets) if squeeze(caption) in sheet)
        on_sheet = sum(squeeze(t) in sheets[first] for t in chart_texts)
        if squeeze(words) not in sheets[first] or on_sheet < len(chart_texts) / 2:
            apart.append(f"{figure_id}: caption on page {first + 1}, chart texts there {on_sheet}/{len(chart_texts)}")
    assert figures and not apart, apart
