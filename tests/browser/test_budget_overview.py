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


def test_choosing_a_variant_and_year_changes_the_chart(page, guard, site_url):
    page.goto(f"{site_url}/chapters/maatregelen.html")
    figure = page.locator("#fig-maatregelen")
    expect(figure).to_have_attribute("data-rendered", "1")
    expect(figure.locator("select[name=variant]")).to_have_value("4")

    def drawn_bars():
        # one bar per measure: (measure, period, value) of every drawn rect, read from Vega's scenegraph
        return page.evaluate(
            """() => {
            const view = document.querySelector('#fig-maatregelen').vegaView;
            const out = [];
            (function walk(node) {
                if (node.marktype === 'rect' && node.role === 'mark') {
                    node.items.forEach(it => out.push([String(it.datum.measure), String(it.datum.period), Number(it.datum.value)]));
                    return;
                }
                (node.items || []).forEach(walk);
            })(view.scenegraph().root);
            return out;
        }"""
        )

    before = drawn_bars()
    figure.locator("select[name=variant]").select_option("2C")
    figure.locator("select[name=periode]").select_option("2021")
    page.wait_for_function(
        "() => { const v = document.querySelector('#fig-maatregelen').vegaView; return v.signal('variant') === '2C' && v.signal('periode') === '2021'; }"
    )
    page.evaluate("() => document.querySelector('#fig-maatregelen').vegaView.runAsync().then(() => true)")
    after = drawn_bars()
    assert before != after
    # every selectable 2C measure once, with its own 2021 amount; sub-rows are not drawn
    table = budget.measure_table(["2C"]).set_index("measure")
    expected = sorted((m, "2021", float(table.loc[m, "2021"])) for m in budget.selectable_measures() if m in table.index)
    assert sorted(map(tuple, after)) == expected
    assert ["2C.1.1-optie2", "2021", 100] in after
    assert not any(m.startswith("2C.1.3.2-") for m, _, _ in after)
    assert guard.foreign == []
