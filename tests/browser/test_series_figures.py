"""Inflow, EU, reception and Dublin figures in Chromium: controls change the
figures to the model's numbers; browser and Python agree (parity)."""
from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest
from playwright.sync_api import expect

from widgets.dublin import observations, rates
from widgets.numbers import format_nl
from widgets.series import SeriesError, series_table
from widgets.series_figures import FIGURES


def rendered(page, site_url, path, figure_id):
    page.goto(f"{site_url}/chapters/{path}")
    figure = page.locator(f"#{figure_id}")
    expect(figure).to_have_attribute("data-rendered", "1")
    return figure


def column(figure, header: str) -> list[str]:
    headers = [th.inner_text() for th in figure.locator("table.bmh-table thead th").all()]
    i = headers.index(header)
    return [tr.locator("th, td").nth(i).inner_text() for tr in figure.locator("table.bmh-table tbody tr").all()]


def test_inflow_controls_change_table_and_chart(page, guard, site_url):
    figure = rendered(page, site_url, "instroom.html", "fig-instroom")
    assert column(figure, "Totaal van de gekozen reeksen")[5] == "59.310"
    figure.locator('.bmh-controls').get_by_label("Eerste asielaanvragen").uncheck()
    figure.locator('.bmh-controls').get_by_label("Herhaalde aanvragen").uncheck()
    figure.locator("select[name=start]").select_option("2012")
    figure.locator("select[name=end]").select_option("2016")
    assert column(figure, "Jaar") == ["2012", "2013", "2014", "2015", "2016"]
    assert column(figure, "Nareis")[0] == "niet beschikbaar"
    # nareis + hervestiging + herplaatsing, 2015: 13.850 + 430 = 14.280 (herplaatsing not available)
    assert column(figure, "Totaal van de gekozen reeksen")[3] == "14.280"
    expect(figure.locator(".bmh-notes")).to_contain_text("Nareis, 2012")
    drawn = page.evaluate("() => document.querySelector('#fig-instroom').vegaView.data('rows').filter(r => r.jaar === 2015).map(r => r.waarde).sort((a,b)=>a-b)")
    assert drawn == [430, 13850]
    assert guard.foreign == [] and guard.page_errors == [] and guard.console_errors == []


def test_bad_year_range_gives_a_message_not_an_empty_chart(page, guard, site_url):
    figure = rendered(page, site_url, "instroom.html", "fig-instroom")
    before = column(figure, "Jaar")
    figure.locator("select[name=start]").select_option("2018")
    figure.locator("select[name=end]").select_option("2012")
    expect(figure.locator(".bmh-error")).to_contain_text("beginjaar 2018 ligt na eindjaar 2012")
    expect(figure).to_have_class("bmh-figure bmh-stale")  # the previous choice is shown greyed out
    figure.locator("select[name=end]").select_option("2019")
    assert column(figure, "Jaar") == ["2018", "2019"]
    expect(figure).to_have_class("bmh-figure")


def test_eu_share_mode_shows_computed_and_printed(page, guard, site_url):
    figure = rendered(page, site_url, "instroom.html", "fig-eu")
    expect(figure.locator('.bmh-controls').get_by_label("Nederland (altijd getoond)")).to_be_disabled()
    figure.locator('.bmh-controls').get_by_label("aandeel in", exact=False).check()
    # NL 2019: 20.640 / 648.500 = 3,2% (printed 4%)
    assert column(figure, "Nederland")[-1] == "3,2% (gedrukt: 4%)"


def test_dublin_figure(page, guard, site_url):
    figure = rendered(page, site_url, "dublin.html", "fig-dublin")
    expect(figure.locator(".bmh-callout")).to_contain_text("25,2%")
    expect(figure.locator(".bmh-callout")).to_contain_text("32%")
    figure.locator('.bmh-controls').get_by_label("Frankrijk").uncheck()
    figure.locator('.bmh-controls').get_by_label("Duitsland").uncheck()
    figure.locator('.bmh-controls').get_by_label("EU (lidstaten)").uncheck()
    figure.locator("select[name=start]").select_option("2023")
    rows = [[td.inner_text() for td in tr.locator("th, td").all()] for tr in figure.locator("table.bmh-table tbody tr").all()]
    assert rows == [["Nederland", "2023", "9.955", "1.807", "18,2%"], ["Nederland", "2024", "niet beschikbaar", "2.245", "niet beschikbaar"]]
    assert guard.foreign == []


# ---- parity: the browser's numbers equal the Python model's ----

PAGES = {"instroom": "instroom.html", "eu": "instroom.html", "opvang": "instroom.html", "spoor-uitstroom": "instroom.html", "spoor-duur": "instroom.html"}


@pytest.fixture(scope="module")
def instroom_page(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/chapters/instroom.html")
    page.wait_for_function("() => [...document.querySelectorAll('.bmh-figure')].every(f => f.dataset.rendered === '1')")
    yield page
    page.close()


@pytest.mark.parametrize("key", list(FIGURES))
def test_series_parity(instroom_page, key):
    data = FIGURES[key][0]()
    years = data.years
    rng = random.Random(key)
    requests = []
    for _ in range(60):
        chosen = [s for s in data.series if rng.random() < 0.5]
        start, end = sorted(rng.sample(years, 2)) if len(years) > 1 else (years[0], years[0])
        mode = rng.choice(["count", "share"]) if data.reference else "count"
        requests.append((chosen, start, end, mode))
    results = instroom_page.evaluate(
        """([id, reqs]) => { const p = JSON.parse(document.querySelector('#' + id + ' script.bmh-payload').textContent);
            return reqs.map(([c, s, e, m]) => { try { return BMH.series.table(p, c, s, e, m); } catch (err) { return {error: String(err.message)}; } }); }""",
        [f"fig-{key}", requests],
    )
    for (chosen, start, end, mode), got in zip(requests, results):
        try:
            want = series_table(data, chosen, start, end, mode)
        except SeriesError:
            assert "error" in got, (chosen, start, end, mode)
            continue
        assert got["years"] == list(want.index)
        for s in got["chosen"]:
            assert got["columns"][s] == pytest.approx([None if v is None else v for v in want[s].astype(object).where(want[s].notna(), None)], abs=1e-9, nan_ok=True)
        if "total" in want.columns:
            assert got["total"] == pytest.approx([None if pd.isna(v) else float(v) for v in want["total"]], abs=1e-9, nan_ok=True)


def test_dublin_parity(page, site_url):
    rendered(page, site_url, "dublin.html", "fig-dublin")
    geos = list(dict.fromkeys(observations()["geo"]))
    cases = [(list(c), 2017, 2024) for n in (1, 2, 3) for c in itertools.combinations(geos, n)]
    got = page.evaluate(
        """cases => { const p = JSON.parse(document.querySelector('#fig-dublin script.bmh-payload').textContent);
            return cases.map(([g, s, e]) => BMH.dublin.rates(p, g, s, e)); }""",
        cases,
    )
    for (g, s, e), rows in zip(cases, got):
        want = rates(g, s, e)
        assert [(r["geo"], r["year"]) for r in rows] == list(zip(want["geo"], want["year"]))
        for r, (_, w) in zip(rows, want.iterrows()):
            for key in ("requests", "transfers", "rate"):
                assert (r[key] is None) == bool(w.isna()[key])
                if r[key] is not None:
                    assert r[key] == pytest.approx(float(w[key]), abs=1e-9)
