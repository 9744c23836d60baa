"""The comparison of three packages on the builder page, as a reader uses it: start a
package from a report variant, edit another, read the totals and differences the model
gives, keep all three in the link; without JavaScript, the variants side by side."""
from __future__ import annotations

import re

from widgets.data.numbers import format_nl
from widgets.figures import compare
from widgets.models import budget as model

FIGURE = "#fig-vergelijk"


def open_comparison(page, site_url, query=""):
    page.goto(f"{site_url}/chapters/maatregelen.html{query}")
    page.wait_for_function("() => document.querySelector('#fig-vergelijk').dataset.rendered")
    return page.locator(FIGURE)


def table(figure, selector="table.bmh-live") -> list[list[str]]:
    return figure.locator(selector).evaluate("t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))")


def test_start_from_a_variant_edit_b_and_keep_both_in_the_link(page, guard, site_url):
    figure = open_comparison(page, site_url)
    figure.locator("[data-package=A] select[data-preset-group]").select_option("4")
    figure.evaluate("f => f.bmhPending")
    figure.locator("[data-package=B] > summary").click()
    figure.locator("[data-package=B] details.bmh-variant", has_text="Variant 6").locator("summary").click()
    figure.locator("[data-package=B]").get_by_label("6.1 Bonus bij sneller huisvesten statushouders").click()
    figure.evaluate("f => f.bmhPending")
    frame = model.compare_packages({"A": model.variant_package("4"), "B": ["6.1"], "C": []})
    rows = {r[0]: r[1:] for r in table(figure)}
    for (p, q), values in frame.iterrows():
        assert rows[compare.sum_label(p, q)] == [format_nl(v) for v in values], (p, q)
    assert ["6.1 Bonus bij sneller huisvesten statushouders", "nee", "ja", "nee"] in table(figure, "table.bmh-members")
    link = figure.locator("a.bmh-link").get_attribute("href")
    chosen = re.search(r"vergelijk=([^&#]+)", link).group(1).replace("%2C", ",").split(",")
    assert sorted(chosen) == sorted([compare.item_id("A", c) for c in model.variant_package("4")] + ["B-6.1"])
    again = open_comparison(page, site_url, link[link.index("?"):link.index("#")])
    assert {r[0]: r[1:] for r in table(again)} == rows
    assert guard.foreign == []


def test_starting_again_from_empty_clears_only_that_package(page, guard, site_url):
    figure = open_comparison(page, site_url, "?vergelijk=A-4.1,B-4.1")
    figure.locator("[data-package=B] select[data-preset-group]").select_option("")
    figure.evaluate("f => f.bmhPending")
    assert table(figure, "table.bmh-members") == [["4.1 Flexpool asielketen", "ja", "nee", "nee"]]


def test_without_javascript_the_report_variants_stand_side_by_side(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/chapters/maatregelen.html")
    rows = page.locator("#tabel-saldo-varianten").evaluate(
        "t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))")
    assert len(rows) == len(model.variant_ids())
    v4 = next(r for r in rows if r[0].startswith("Variant 4"))
    assert v4[1:] == [format_nl(x) for x in model.package_totals(model.variant_package("4"))["saldo"]]
    context.close()
