"""Dublin figures: the report's aggregate and the Eurostat rates, computed from counts."""
import pandas as pd
import pytest

from widgets.figures.dublin import dublin_html
from widgets.kernel import ChoiceError
from widgets.kernel.dublin import DublinExplorer
from widgets.models.dublin import DublinError, observations, rates, report_figures


def test_report_aggregate_and_the_arithmetic():
    r = report_figures()
    # § 4.4.4: 29.562 claims, 7.449 transfers, printed "(32%)", EU average 23%
    assert (r["claims"], r["transfers"], r["printed_share"], r["eu_average_printed"]) == (29562, 7449, 32, 23)
    assert round(r["computed_share"], 1) == 25.2
    html = dublin_html()
    assert "25,2%" in html and "32%" in html and "29.562" in html


def test_rates_are_computed_only_where_both_counts_exist():
    table = rates(["NL", "EU"], 2018, 2024).set_index(["geo", "year"])
    # Eurostat NL 2023: 9.955 requests, 1.807 transfers; EU 2024: 151.830 and 16.455
    assert table.loc[("NL", 2023), "rate"] == pytest.approx(1807 / 9955 * 100)
    assert table.loc[("EU", 2024), "rate"] == pytest.approx(16455 / 151830 * 100)
    assert pd.isna(table.loc[("NL", 2018), "transfers"]) and pd.isna(table.loc[("NL", 2018), "rate"])
    assert table.loc[("NL", 2018), "requests"] == 8619


def test_not_plotted_rows_are_left_out():
    # the 2014 IND figure (3.840) was being corrected by its source: never shown
    assert 3840 not in set(observations()["value"])
    assert observations()["year"].min() == 2017


@pytest.mark.parametrize("geos, start, end, message", [(["XX"], 2018, 2019, "unknown country XX"), (["NL"], 2010, 2019, "outside"), (["NL"], 2024, 2018, "after")])
def test_bad_requests(geos, start, end, message):
    with pytest.raises(DublinError, match=message):
        rates(geos, start, end)


def test_kernel_face():
    e = DublinExplorer()
    e._geos.value = ("DE",)
    assert set(e.table["geo"]) == {"DE"}
    e._years.value = (2023, 2024)
    assert list(e.table["year"]) == [2023, 2024]


def test_kernel_face_refuses_unknown_country_in_dutch():
    with pytest.raises(ChoiceError, match="Onbekend land: XX"):
        DublinExplorer(["XX"])


def test_kernel_face_selection_and_years_can_be_set_from_code():
    e = DublinExplorer()
    e.selection = ["NL"]
    e.years = (2023, 2023)
    assert e.selection == ["NL"] and e.years == (2023, 2023)
    assert e.table["rate"].iloc[0] == pytest.approx(1807 / 9955 * 100)  # Eurostat NL 2023
    with pytest.raises(ChoiceError, match="^Onbekend land: XX. Te kiezen: NL, EU"):
        e.selection = ["XX"]
    with pytest.raises(ChoiceError, match="^Deze jaren kunnen niet: 2016-2020"):
        e.years = (2016, 2020)
