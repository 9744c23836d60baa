"""The page "Data en kwaliteit" on the built site: every download link works."""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import urlparse

from playwright.sync_api import expect

from widgets import DATA_DIR
from widgets.data import dataset_names


def _links(page, selector: str) -> list[str]:
    """Absolute URLs of the links matching ``selector`` in the page body."""
    return page.eval_on_selector_all(selector, "els => els.map(e => e.href)")


def test_every_csv_link_serves_its_table(page, guard, site_url):
    page.goto(f"{site_url}/chapters/gegevens.html")
    expect(page.get_by_role("heading", name="Data en kwaliteit", level=1)).to_be_visible()
    urls = _links(page, "article a[href$='.csv']")
    names = {PurePosixPath(urlparse(u).path).stem for u in urls}
    assert names == set(dataset_names())
    for url in sorted(set(urls)):
        assert urlparse(url).hostname == "127.0.0.1" and urlparse(url).path.startswith("/data/"), url
        response = page.request.get(url)
        assert response.status == 200, url
        name = PurePosixPath(urlparse(url).path).stem
        header = (DATA_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert response.text().splitlines()[0] == header, url
    assert guard.foreign == []
    assert guard.page_errors == []
    assert guard.console_errors == []


def test_datapackage_link_serves_every_resource(page, guard, site_url):
    page.goto(f"{site_url}/chapters/gegevens.html")
    urls = _links(page, "article a[href$='datapackage.json']")
    assert len(urls) == 1
    response = page.request.get(urls[0])
    assert response.status == 200
    package = json.loads(response.text())
    assert sorted(r["name"] for r in package["resources"]) == sorted(dataset_names())
    assert guard.foreign == []


def test_tables_are_readable_without_javascript_and_in_dutch_notation(page, guard, site_url):
    page.goto(f"{site_url}/chapters/gegevens.html")
    row = page.locator("table.bmh-table tbody tr", has=page.locator("th", has_text="D31"))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("29.562")
    expect(row).to_contain_text("7.449")
    expect(row).to_contain_text("32%")
    # the row count of the largest table in Dutch notation (1.116 rows of budget_printed)
    budget = page.locator("table.bmh-table tbody tr", has=page.locator("a[href$='budget_printed.csv']"))
    expect(budget.locator("td.num")).to_have_text("1.116")
    assert guard.foreign == []
