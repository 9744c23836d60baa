"""The overview of measures in a real browser (headless Debian Chromium)."""
from __future__ import annotations

from playwright.sync_api import expect

from widgets import budget


def test_page_renders_chart_and_table_without_third_party_requests(page, guard, site_url):
    page.goto(f"{site_url}/chapters/maatregelen.html")
    figure = page.locator("#fig-maatregelen")
    expect(figure).to_have_attribute("data-rendered", "1")
    expect(figure.locator("svg")).to_have_count(1)
    # the whole table is there as real HTML, in Dutch notation
    table = figure.locator("table.bmh-table")
    expect(table.locator("caption")).to_contain_text("saldoverslechterend")
    expect(table.locator("tbody tr")).to_have_count(len(budget.budget().measures))
    row = table.locator("tbody tr", has=page.locator("th", has_text="2C.1.3.2-stimulering"))
    expect(row.locator("td").nth(2)).to_have_text("0")
    expect(table.locator("tbody tr", has=page.locator("th", has_text="4.1")).first.locator("td").nth(3)).to_have_text("2,88")
    assert guard.foreign == []
    assert guard.page_errors == []
    assert guard.console_errors == []


def test_choosing_a_variant_changes_the_chart(page, guard, site_url):
    page.goto(f"{site_url}/chapters/maatregelen.html")
    figure = page.locator("#fig-maatregelen")
    expect(figure).to_have_attribute("data-rendered", "1")
    select = figure.locator("select[name=variant]")
    expect(select).to_have_value("4")

    def drawn_amounts():
        # one <path> per bar; Vega's aria-label carries the datum, but the view is exact
        return page.evaluate(
            """() => {
            const view = document.querySelector('#fig-maatregelen').vegaView;
            const out = [];
            (function walk(node) {
                if (node.marktype === 'rect' && node.role === 'mark') {
                    node.items.forEach(it => out.push([String(it.datum.period), String(it.datum.measure), Number(it.datum.sum_value)]));
                    return;
                }
                (node.items || []).forEach(walk);
            })(view.scenegraph().root);
            return out;
        }"""
        )

    before = drawn_amounts()
    select.select_option("2C")
    page.wait_for_function(
        "() => document.querySelector('#fig-maatregelen').vegaView.signal('variant') === '2C'"
    )
    page.evaluate("() => document.querySelector('#fig-maatregelen').vegaView.runAsync().then(() => true)")
    after = drawn_amounts()
    assert before != after
    # what is drawn for 2C equals the model's amounts for 2C
    table = budget.measure_table(["2C"])
    expected = {
        (budget.PERIOD_LABELS_NL[p], m): float(v)
        for m, row in table.set_index("measure").iterrows()
        for p in budget.PERIODS
        if isinstance((v := row[p]), float)
    }
    drawn = {(p, m): v for p, m, v in after}
    assert drawn == expected
    assert guard.foreign == []
