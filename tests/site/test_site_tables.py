"""Every table of the report that data/ holds is on the built site: as a table laid out
as the report prints it (``<table data-table="<name>">``, widgets/figures/report_tables.py)
or in an explorable figure that names it (``<figure class="bmh-figure" data-table="...">``).
The tables of the annexes are on the page Bijlagen, and at laptop width their columns fit."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitecheck import LAPTOP, SITE, open_page, site_pages

from widgets.data import dataset_names, metadata

# Tables of data/ marked from_report that need no table of their own, each with the reason.
EXEMPT = {
    "key_figures": (
        "not a table of the report but single figures from its prose; each one appears in the chapter "
        "text where it is discussed, through the {value} role, with its source as a tooltip"
    ),
}
# The annex page shows every table of the annexes (Bijlage 1, 4, 5, 6 and 9 § 1-7).
ANNEX_PAGE = "chapters/bijlagen.html"
ANNEX_SECTIONS = ("Bijlage 1", "Bijlage 4", "Bijlage 5", "Bijlage 6", "Bijlage 9")
# Tables that belong to a chapter of the report, and the page of that chapter.
CHAPTER_PAGES = {
    "frontex_crossings": "chapters/context.html",  # § 3.1, the table without a number (Bron: Frontex)
}

REPORT_TABLES = sorted(n for n in dataset_names() if metadata(n)["from_report"] and n not in EXEMPT)


class _Marks(HTMLParser):
    """The dataset names in ``data-table`` attributes of a page (space-separated lists)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get("data-table")
        if value:
            self.names.update(value.split())


def shown_on(root: Path) -> dict[str, set[str]]:
    """Dataset name -> the pages of the built site (relative paths) that show it."""
    out: dict[str, set[str]] = {}
    for page in site_pages(root):
        parser = _Marks()
        parser.feed((root / page).read_text(encoding="utf-8"))
        for name in parser.names:
            out.setdefault(name, set()).add(page)
    return out


@pytest.fixture(scope="module")
def shown() -> dict[str, set[str]]:
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make site` first (make test does)")
    return shown_on(SITE)


def test_the_lists_are_not_empty_and_exemptions_are_real():
    assert len(REPORT_TABLES) >= 25
    for name, reason in EXEMPT.items():
        assert metadata(name)["from_report"] and len(reason) > 40
        assert "display" not in metadata(name), f"{name} has a display block: show it instead of exempting it"


@pytest.mark.parametrize("name", REPORT_TABLES)
def test_every_report_table_is_on_a_page(name, shown):
    assert shown.get(name), f"{name} ({metadata(name)['title']}) is on no page of the site: add report_table({name!r}) to its chapter"


@pytest.mark.parametrize("name", [n for n in REPORT_TABLES if metadata(n).get("report_section") in ANNEX_SECTIONS])
def test_annex_tables_are_on_the_annex_page(name, shown):
    assert ANNEX_PAGE in shown.get(name, set()), f"{name} is not on {ANNEX_PAGE}"


@pytest.mark.parametrize("name,page", CHAPTER_PAGES.items())
def test_chapter_tables_are_in_their_chapter(name, page, shown):
    assert page in shown.get(name, set())


def test_the_check_finds_a_table_that_no_page_shows(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "a.html").write_text(
        '<figure class="bmh-figure" data-table="b9_inflow_by_type geo_names"></figure>'
        '<table data-table="frontex_crossings"></table><p data-tabel="b9_departures"></p>', encoding="utf-8")
    found = shown_on(tmp_path)
    assert set(found) == {"b9_inflow_by_type", "geo_names", "frontex_crossings"}
    assert "b9_departures" not in found


def test_report_tables_fit_a_laptop(browser, site_url, shown):
    """At 1280 x 800 every column of every report table is visible without scrolling its box
    (folded tables opened first); the report splits its widest table into blocks, so do we."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    hidden = []
    for path in sorted({p for pages in shown.values() for p in pages}):
        open_page(page, site_url, path)
        hidden += page.evaluate("""path => {
            document.querySelectorAll('details.bmh-details').forEach(d => { d.open = true; });
            return [...document.querySelectorAll('table.bmh-report')].flatMap(t => {
                const box = t.closest('.bmh-table-wrap').getBoundingClientRect();
                return [...t.querySelectorAll('thead th')].filter(th => th.getBoundingClientRect().right > box.right + 1)
                    .map(th => `${path}: ${t.querySelector('caption').textContent.slice(0, 60)}: column ${th.textContent}`);
            }); }""", path)
    context.close()
    assert not hidden, "\n".join(hidden)


def test_folded_tables_open_and_notes_are_reachable(page, site_url):
    """On the annex page a folded table opens on a click, and every note mark points to a note."""
    open_page(page, site_url, ANNEX_PAGE)
    details = page.locator("#tabel-5-6 details.bmh-details")
    assert not details.locator("table").is_visible()
    details.locator("summary").click()
    assert details.locator("table[data-table=b9_lp_to_by_country]").is_visible()
    broken = page.evaluate("""() => [...document.querySelectorAll('sup.bmh-note-ref a')]
        .filter(a => !document.getElementById(a.hash.slice(1))).map(a => a.hash)""")
    assert page.locator("sup.bmh-note-ref a").count() > 20 and not broken, broken
