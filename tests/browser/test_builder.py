"""The package builder on the website, in headless Chromium, as a reader uses it:
controls change the table, chart, words and downloads to the model's numbers; the
address keeps the choice; a bad link keeps what is valid and says what it dropped."""
from __future__ import annotations

import csv
import io

from figures import clean, download, drawn, open_figure, table
from playwright.sync_api import expect

from widgets.figures import package
from widgets.models import budget as model

PAGE = "maatregelen.html"


def builder(page, site_url, query=""):
    return open_figure(page, site_url, PAGE, "fig-pakket", query)


def expected(codes) -> list[list[str]]:
    view = package.view(codes)
    return [view.header] + view.rows


def test_toggling_measures_gives_the_model_totals(page, guard, site_url):
    figure = builder(page, site_url)
    assert table(figure) == expected([])
    figure.locator("summary", has_text="Variant 4").click()
    figure.get_by_label("4.12b Doelmatigheidskorting COA").check()
    assert table(figure) == expected(["4.12b"])
    figure.get_by_label("4.1 Flexpool asielketen").check()
    figure.locator("fieldset.bmh-choice", has_text="Reservecapaciteit COA").get_by_label("4.3b", exact=False).check()
    assert table(figure) == expected(["4.12b", "4.1", "4.3b"])
    assert table(figure)[3][2] == "\u221224,12"  # saldo 2022: -35 + 2,88 + 8, from Bijlage 10
    # choosing the other option of the group replaces the first
    figure.locator("fieldset.bmh-choice", has_text="Reservecapaciteit COA").get_by_label("4.3a", exact=False).check()
    assert table(figure) == expected(["4.1", "4.3a", "4.12b"])
    saldo = [r["value"] for r in drawn(page, "fig-pakket") if r["series"] == "Saldo"]
    assert saldo == list(model.package_totals(["4.12b", "4.1", "4.3a"])["saldo"])
    expect(figure.locator(".bmh-words")).to_have_text("Gekozen: 4.1 Flexpool asielketen; 4.3a Reservecapaciteit COA: 5000 extra plekken; "
                                                      "4.12b Doelmatigheidskorting COA")
    clean(guard)


def test_unquantified_and_double_count_notes(page, guard, site_url):
    figure = builder(page, site_url, "?pakket=4.4,6.1,6.2b")
    notes = figure.locator(".bmh-notes")
    expect(notes).to_contain_text("Niet opgeteld: 4.4 Rechtspraak")
    expect(notes).to_contain_text("Let op: 6.1 en 6.2b")
    clean(guard)


def test_the_address_keeps_the_choice(page, guard, site_url):
    figure = builder(page, site_url)
    figure.locator("summary", has_text="Variant 5").click()
    figure.get_by_label("5.5 Illegaliteit strafbaar stellen").check()
    figure.locator("fieldset.bmh-choice", has_text="terugkeerspoor").get_by_label("5.2b", exact=False).check()
    assert "pakket=5.2b%2C5.5" in page.url or "pakket=5.2b,5.5" in page.url
    link = figure.locator("a.bmh-link").get_attribute("href")
    shown = table(figure)
    other = page.context.new_page()
    figure2 = open_figure(other, site_url, "", "fig-pakket", link.removeprefix("/chapters/"))
    assert table(figure2) == shown == expected(["5.2b", "5.5"])
    expect(figure2.get_by_label("5.5 Illegaliteit strafbaar stellen")).to_be_checked()
    clean(guard)


def test_a_bad_link_keeps_what_is_valid_and_names_what_it_drops(page, guard, site_url):
    figure = builder(page, site_url, "?pakket=4.12a,9.9")
    expect(figure.locator(".bmh-message")).to_contain_text("Onbekende maatregel in de link, weggelaten: 9.9")
    assert table(figure) == expected(["4.12a"])
    # two options of one group: the first is kept, the second named and dropped, the rest restored
    figure = builder(page, site_url, "?pakket=4.1,4.3a,4.3b")
    expect(figure.locator(".bmh-message")).to_contain_text("4.3b Reservecapaciteit COA: lager bezettingspercentage gaat niet samen met "
                                                          "4.3a Reservecapaciteit COA: 5000 extra plekken")
    assert table(figure) == expected(["4.1", "4.3a"])
    # a sub-row is explained, not silently widened to its parent
    figure = builder(page, site_url, "?pakket=2C.1.3.2-capaciteit,4.1")
    expect(figure.locator(".bmh-message")).to_contain_text("2C.1.3.2-capaciteit (Complementary pathways: capaciteit) is een onderdeel van")
    assert table(figure) == expected(["4.1"])
    clean(guard)


def test_a_measure_of_another_page_is_named(page, guard, site_url):
    figure = open_figure(page, site_url, "variant-6.html", "fig-pakket-6", "?pakket=6.1,4.1")
    expect(figure.locator(".bmh-message")).to_contain_text("Niet op deze pagina te kiezen (zie Overzicht van de maatregelen): 4.1 Flexpool")
    assert table(figure) == expected(["6.1"])
    clean(guard)


def test_downloads_hold_one_kind_of_row_each_and_numbers_only_in_number_columns(page, guard, site_url):
    figure = builder(page, site_url, "?pakket=4.2b,4.12a,2C.1.3.2")
    measures = list(csv.DictReader(io.StringIO(download(page, figure, package.CSV_MEASURES))))
    totals = list(csv.DictReader(io.StringIO(download(page, figure, package.CSV_TOTALS))))
    want = model.package_totals(["4.2b", "4.12a", "2C.1.3.2"])
    assert [float(r["saldo"]) for r in totals] == list(want["saldo"])
    assert {r["maatregel"] for r in measures} == {"4.2b", "4.12a", "2C.1.3.2"}
    cell = next(r for r in measures if r["maatregel"] == "2C.1.3.2" and r["periode"] == "2023")
    assert cell["waarde"] == "10.5"  # machine-readable decimal point
    cell = next(r for r in measures if r["maatregel"] == "4.2b" and r["periode"] == "2022")
    assert (cell["waarde"], cell["marker"]) == ("", "depends_on_inflow")
    for r in measures:
        assert r["waarde"] == "" or float(r["waarde"]) == float(r["waarde"])
    clean(guard)


def test_keyboard_only(page, guard, site_url):
    figure = builder(page, site_url)
    summary = figure.locator("summary", has_text="Variant 1")
    summary.focus()
    page.keyboard.press("Enter")  # opens the variant
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # 1.3 Planbureau voor migratie: 2 3,5 5 5 5 5
    page.keyboard.press("Space")
    expect(figure.get_by_label("1.3 Planbureau voor migratie")).to_be_checked()
    assert table(figure) == expected(["1.3"])
    clean(guard)
