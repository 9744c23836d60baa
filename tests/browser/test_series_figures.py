"""Inflow, EU, reception, Dublin and overview figures in Chromium, as readers use them:
controls change table and chart to the model's numbers; a choice the data cannot
show gives a Dutch sentence, never an empty chart or a console error."""
from __future__ import annotations

import csv
import io

from figures import clean, column, download, drawn, open_figure, table
from playwright.sync_api import expect

from widgets.figures import series
from widgets.models import budget


def test_inflow_controls_change_table_and_chart(page, guard, site_url):
    figure = open_figure(page, site_url, "instroom.html", "fig-instroom")
    assert column(figure, "Totaal van de gekozen reeksen")[5] == "59.310"  # Tabel 3.1, 2015
    figure.locator(".bmh-controls").get_by_label("Eerste asielaanvragen").uncheck()
    figure.locator(".bmh-controls").get_by_label("Herhaalde aanvragen").uncheck()
    figure.locator("select[name=van]").select_option("2012")
    figure.locator("select[name=tot]").select_option("2016")
    assert column(figure, "Jaar") == ["2012", "2013", "2014", "2015", "2016"]
    assert column(figure, "Nareis")[0] == "n.b."
    # nareis + hervestiging + herplaatsing, 2015: 13.850 + 430 = 14.280 (herplaatsing not available)
    assert column(figure, "Totaal van de gekozen reeksen")[3] == "14.280"
    expect(figure.locator(".bmh-notes")).to_contain_text("Nareis, 2012")
    assert sorted(r["value"] for r in drawn(page, "fig-instroom") if r["x"] == "2015") == [430, 13850]
    assert "instroom-van=2012" in page.url and "instroom-tot=2016" in page.url
    clean(guard)


def test_the_live_chart_writes_numbers_in_dutch(page, guard, site_url):
    # a bug: the live chart printed "60,000" on its axis after taking over from the drawing
    figure = open_figure(page, site_url, "instroom.html", "fig-instroom")
    figure.scroll_into_view_if_needed()
    drawn(page, "fig-instroom")
    ticks = figure.locator(".bmh-chart svg text").all_text_contents()
    assert "60.000" in ticks and "60,000" not in ticks
    clean(guard)


def test_start_after_end_gives_a_sentence_and_keeps_the_last_view(page, guard, site_url):
    figure = open_figure(page, site_url, "instroom.html", "fig-instroom")
    figure.locator("select[name=van]").select_option("2018")
    figure.locator("select[name=tot]").select_option("2012")
    expect(figure.locator(".bmh-message")).to_have_text(series.MESSAGES["range"])
    expect(figure).to_have_class("bmh-figure bmh-stale")  # the previous choice is shown greyed out
    figure.locator("select[name=tot]").select_option("2019")
    assert column(figure, "Jaar") == ["2018", "2019"]
    expect(figure).to_have_class("bmh-figure")
    clean(guard)


def test_years_without_numbers_give_a_sentence_not_an_empty_chart(page, guard, site_url):
    figure = open_figure(page, site_url, "instroom.html", "fig-instroom")
    for label in ("Eerste asielaanvragen", "Herhaalde aanvragen", "Hervestiging", "Herplaatsing"):
        figure.locator(".bmh-controls").get_by_label(label).uncheck()
    figure.locator("select[name=tot]").select_option("2012")  # nareis is not counted before 2013
    expect(figure.locator(".bmh-message")).to_have_text(series.MESSAGES["emptyChart"])
    expect(figure.locator(".bmh-notes")).to_contain_text("Nareis, 2010, 2011, 2012: niet beschikbaar")
    clean(guard)


def test_eu_share_view_shows_computed_and_printed_shares_with_a_percent_axis(page, guard, site_url):
    figure = open_figure(page, site_url, "instroom.html", "fig-eu")
    expect(figure.locator(".bmh-controls").get_by_label("Nederland (altijd getoond)")).to_be_disabled()
    figure.locator(".bmh-controls").get_by_label("aandeel in", exact=False).check()
    assert column(figure, "Nederland")[-1] == "3,2% (gedrukt: 4%)"  # 20.640 / 648.500 (Tabel 3.5, 2019)
    drawn(page, "fig-eu")
    expect(figure.locator(".bmh-chart svg")).to_contain_text("procent")
    shares = list(csv.DictReader(io.StringIO(download(page, figure, "eu-aandelen.csv"))))
    counts = list(csv.DictReader(io.StringIO(download(page, figure, "eu.csv"))))
    assert {r["reeks"] for r in shares} == {r["reeks"] for r in counts}
    nl_2019 = next(r for r in counts if r["reeks"] == "NL" and r["jaar"] == "2019")
    assert nl_2019["waarde"] == "20640"
    clean(guard)


def test_dublin_figure(page, guard, site_url):
    figure = open_figure(page, site_url, "dublin.html", "fig-dublin")
    expect(figure.locator(".bmh-callout")).to_contain_text("25,2%")
    expect(figure.locator(".bmh-callout")).to_contain_text("32%")
    for label in ("Frankrijk", "Duitsland", "EU (lidstaten)"):
        figure.locator(".bmh-controls").get_by_label(label).uncheck()
    figure.locator("select[name=van]").select_option("2023")
    # Eurostat NL 2023: 9.955 requests, 1.807 transfers; 2024: transfers only
    assert table(figure)[1:] == [["Nederland", "2023", "9.955", "1.807", "18,2%"],
                                 ["Nederland", "2024", "n.b.", "2.245", "n.b."]]
    figure.locator("select[name=van]").select_option("2024")
    expect(figure.locator(".bmh-message")).to_contain_text("Voor deze landen en jaren is er geen overdrachtspercentage")
    figure.locator(".bmh-controls").get_by_label("Nederland").uncheck()
    expect(figure.locator(".bmh-message")).to_have_text("Kies ten minste één land.")
    clean(guard)


def test_overview_variant_and_year(page, guard, site_url):
    figure = open_figure(page, site_url, "maatregelen.html", "fig-maatregelen")
    expect(figure.locator("select[name=variant]")).to_have_value("4")
    figure.locator("select[name=variant]").select_option("2C")
    figure.locator("select[name=jaar]").select_option("2021")
    rows = drawn(page, "fig-maatregelen")
    data = budget.measure_table(["2C"]).set_index("measure")
    want = sorted((f"{m} {data.loc[m, 'title']}", float(data.loc[m, "2021"])) for m in budget.selectable_measures()
                  if m in data.index and not isinstance(data.loc[m, "2021"], str))
    assert sorted((r["series"], r["value"]) for r in rows) == want
    assert any(r["series"].startswith("2C.1.1-optie2 ") and r["value"] == 100 for r in rows)  # Bijlage 10, L11893
    assert not any(r["series"].startswith("2C.1.3.2-") for r in rows)  # sub-rows are not drawn
    assert "overzicht-variant=2C" in page.url
    # the whole table stays, in Dutch notation
    measures = figure.locator("table.bmh-measures")
    expect(measures.locator("tbody tr:not(.bmh-group)")).to_have_count(len(budget.budget().measures))
    expect(measures.locator("tbody tr", has=page.locator("th", has_text="4.1 Flexpool")).first.locator("td").nth(1)).to_have_text("2,88")
    clean(guard)
