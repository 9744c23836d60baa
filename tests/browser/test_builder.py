"""The package builder on the website, in headless Chromium: controls change the
table to the model's numbers, the URL round-trips, the CSV matches the table."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import expect

from widgets import budget as model
from widgets.numbers import format_nl

PAGE = "/chapters/maatregelen.html"
ROWS = {"extra": "Extra uitgaven", "savings": "Besparingen", "saldo": "Saldo"}


def table_numbers(figure) -> dict[str, list[str]]:
    rows = {}
    for tr in figure.locator("table.bmh-table tbody tr").all():
        rows[tr.locator("th").inner_text()] = [td.inner_text() for td in tr.locator("td").all()]
    return rows


def expected_numbers(selection) -> dict[str, list[str]]:
    totals = model.package_totals(selection)
    return {label: [format_nl(v) for v in totals[key]] for key, label in ROWS.items()}


def open_builder(page, site_url, query=""):
    page.goto(f"{site_url}{PAGE}{query}")
    figure = page.locator("#fig-pakket")
    expect(figure).to_have_attribute("data-rendered", "1")
    return figure


def test_toggling_measures_gives_the_model_totals(page, guard, site_url):
    figure = open_builder(page, site_url)
    assert table_numbers(figure) == expected_numbers([])
    figure.locator("summary", has_text="Variant 4").click()
    figure.get_by_label("4.12b Doelmatigheidskorting COA").check()
    assert table_numbers(figure) == expected_numbers(["4.12b"])
    figure.get_by_label("4.1 Flexpool asielketen").check()
    figure.locator("fieldset.bmh-choice", has_text="Reservecapaciteit COA").get_by_label("4.3b", exact=False).check()
    assert table_numbers(figure) == expected_numbers(["4.12b", "4.1", "4.3b"])
    assert table_numbers(figure)["Saldo"][1] == "\u221224,12"  # 2022: -35 + 2,88 + 8
    # choosing the other option of the group replaces the first
    figure.locator("fieldset.bmh-choice", has_text="Reservecapaciteit COA").get_by_label("4.3a", exact=False).check()
    assert table_numbers(figure) == expected_numbers(["4.12b", "4.1", "4.3a"])
    # the chart shows the same saldo
    saldo = page.evaluate(
        "() => document.querySelector('#fig-pakket').vegaView.data('totals').filter(r => r.soort === 'Saldo').map(r => r.bedrag)"
    )
    assert saldo == list(model.package_totals(["4.12b", "4.1", "4.3a"])["saldo"])
    assert guard.foreign == [] and guard.page_errors == [] and guard.console_errors == []


def test_unquantified_and_double_count_notes(page, guard, site_url):
    figure = open_builder(page, site_url, "?pakket=4.4,6.1,6.2b")
    notes = figure.locator(".bmh-notes")
    expect(notes).to_contain_text("Niet opgeteld: 4.4")
    expect(notes).to_contain_text("Let op: 6.1 en 6.2b")


def test_url_round_trip(page, guard, site_url):
    figure = open_builder(page, site_url)
    figure.locator("summary", has_text="Variant 5").click()
    figure.get_by_label("5.5 Illegaliteit strafbaar stellen").check()
    figure.locator("fieldset.bmh-choice", has_text="terugkeerspoor").get_by_label("5.2b", exact=False).check()
    assert "pakket=5.2b%2C5.5" in page.url or "pakket=5.2b,5.5" in page.url
    link = figure.locator("a.bmh-link").get_attribute("href")
    shown = table_numbers(figure)
    page2 = page.context.new_page()
    page2.goto(f"{site_url}{link}")
    figure2 = page2.locator("#fig-pakket")
    expect(figure2).to_have_attribute("data-rendered", "1")
    assert table_numbers(figure2) == shown == expected_numbers(["5.2b", "5.5"])
    expect(figure2.get_by_label("5.5 Illegaliteit strafbaar stellen")).to_be_checked()


def test_bad_link_gives_a_clear_message(page, guard, site_url):
    figure = open_builder(page, site_url, "?pakket=4.12a,9.9")
    expect(figure.locator(".bmh-error")).to_contain_text("9.9")
    assert table_numbers(figure) == expected_numbers(["4.12a"])
    figure = open_builder(page, site_url, "?pakket=4.3a,4.3b")
    expect(figure.locator(".bmh-error")).to_contain_text("niet samengaat")
    assert table_numbers(figure) == expected_numbers([])


def test_csv_download_matches_the_table(page, guard, site_url, tmp_path: Path):
    figure = open_builder(page, site_url, "?pakket=4.2b,4.12a,2C.1.3.2")
    with page.expect_download() as info:
        figure.locator("a.bmh-csv").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = {r["maatregel"]: r for r in csv.DictReader(io.StringIO(text))}
    totals = model.package_totals(["4.2b", "4.12a", "2C.1.3.2"])
    for key, name in (("extra", "totaal_extra"), ("savings", "totaal_besparingen"), ("saldo", "saldo")):
        assert [float(rows[name][p]) for p in model.PERIODS] == list(totals[key])
    assert rows["2C.1.3.2"]["2023"] == "10.5"  # machine-readable decimal point
    assert rows["4.2b"]["2022"] == "depends_on_inflow"


def test_keyboard_only(page, guard, site_url):
    figure = open_builder(page, site_url)
    summary = figure.locator("summary", has_text="Variant 1")
    summary.focus()
    page.keyboard.press("Enter")  # opens the variant
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # 1.3 Planbureau voor migratie: 2 3,5 5 5 5 5
    page.keyboard.press("Space")
    expect(figure.get_by_label("1.3 Planbureau voor migratie")).to_be_checked()
    assert table_numbers(figure) == expected_numbers(["1.3"])
