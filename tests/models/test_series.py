"""The time-series model against Bijlage 9 as printed (values typed from the report)."""
import pandas as pd
import pytest

from widgets.figures import series as figures
from widgets.kernel import ChoiceError
from widgets.kernel.series import SeriesExplorer
from widgets.models.series import SeriesError, missing_notes, series_table
from widgets.models.series import eu_first_applications as eu_data
from widgets.models.series import inflow as inflow_data
from widgets.models.series import reception as reception_data
from widgets.models.series import reception_stay as stay_data
from widgets.models.series import track_outflow as track_outflow_data


def test_inflow_total_of_all_types_equals_the_printed_totaal():
    # Tabel 3.1 Totaal: 15.150 14.960 13.600 21.130 30.440 59.310 33.570 35.030 31.780 31.360
    d = inflow_data()
    table = series_table(d, d.series, 2010, 2019)
    assert list(table["total"]) == [15150, 14960, 13600, 21130, 30440, 59310, 33570, 35030, 31780, 31360]


def test_inflow_selection_and_years():
    d = inflow_data()
    table = series_table(d, ["nareis", "hervestiging"], 2015, 2017)
    # nareis 13.850 11.810 14.490; hervestiging 430 730 2.270
    assert list(table.index) == [2015, 2016, 2017]
    assert list(table["total"]) == [14280, 12540, 16760]


def test_not_counted_is_missing_with_its_reason_not_zero():
    d = inflow_data()
    table = series_table(d, ["nareis"], 2010, 2013)
    assert table["nareis"].isna().tolist() == [True, True, True, False]
    assert table.loc[2013, "nareis"] == 3630
    # the total of nareis alone is missing too where nareis is, never 0
    assert table["total"].isna().tolist() == [True, True, True, False]
    notes = missing_notes(d, ["nareis"], 2010, 2013)
    assert notes[0][1] == [2010, 2011, 2012] and "2013" in notes[0][2]


@pytest.mark.parametrize(
    "series, start, end, message",
    [
        (["asiel"], 2010, 2019, "unknown series asiel"),
        (["eerste"], 2009, 2019, r"year 2009 is outside the data \(2010-2019\)"),
        (["eerste"], 2010, 2020, "year 2020 is outside"),
        (["eerste"], 2016, 2012, "after end year"),
        ([], 2010, 2019, "at least one series"),
    ],
)
def test_bad_requests_give_clear_errors(series, start, end, message):
    with pytest.raises(SeriesError, match=message):
        series_table(inflow_data(), series, start, end)


def test_eu_netherlands_is_always_shown_and_shares_use_the_printed_total():
    d = eu_data()
    table = series_table(d, ["DE"], 2014, 2019, mode="share")
    assert list(table.columns) == ["DE", "NL"]
    # Germany 2014: 172.935 of 595.525 = 29,04% (printed: 31%, D37); NL 2019: 20.640 / 648.500 = 3,18% (printed 4%)
    assert table.loc[2014, "DE"] == pytest.approx(29.039, abs=1e-3)
    assert table.loc[2019, "NL"] == pytest.approx(3.1827, abs=1e-4)
    assert d.printed_share[("DE", 2014)] == 31
    counts = series_table(d, ["NL"], 2014, 2019)
    assert list(counts["NL"]) == [21775, 43035, 19290, 16090, 20470, 20640]


def test_eu_country_sum_differs_from_printed_total_as_recorded():
    # D36: sum of countries minus printed total: +10, -25, +30, +5, -2.120, -1.945
    d = eu_data()
    sums = d.frame.groupby("year")["value"].sum()
    diffs = [round(float(sums[y]) - d.reference[y]) for y in range(2014, 2020)]
    assert diffs == [10, -25, 30, 5, -2120, -1945]


def test_reception_and_tracks():
    r = series_table(reception_data(), ["bezetting"], 2015, 2015)
    assert r.loc[2015, "bezetting"] == 46960
    t = series_table(track_outflow_data(), ["spoor1"], 2016, 2019)
    assert list(t["spoor1"]) == [7415, 6073, 6331, 7676]


def test_website_face_static_table_and_kernel_face():
    html = figures.series_html("instroom")
    assert "59.310" in html and "niet beschikbaar" in html
    explorer = SeriesExplorer("instroom")
    explorer._boxes["herplaatsing"].value = False
    explorer._start.value = 2016
    assert list(explorer.table.index) == [2016, 2017, 2018, 2019]
    assert "herplaatsing" not in explorer.table.columns
    pd.testing.assert_frame_equal(explorer.table, series_table(explorer.data, explorer.chosen, 2016, 2019))


def test_kernel_face_selection_and_years_can_be_set_from_code():
    explorer = SeriesExplorer("instroom")
    explorer.selection = ["eerste", "nareis"]
    explorer.years = (2015, 2019)
    assert explorer.selection == ["eerste", "nareis"] and explorer.years == (2015, 2019)
    assert list(explorer.table.loc[2015, ["eerste", "nareis"]]) == [43090, 13850]  # Tabel 3.1, 2015
    with pytest.raises(ChoiceError, match="^Onbekende reeks in deze figuur: spoor1. Te kiezen: eerste, herhaalde"):
        explorer.selection = ["spoor1"]
    with pytest.raises(ChoiceError, match="^Deze jaren kunnen niet: 2009-2019. Te kiezen: 2010 tot en met 2019"):
        explorer.years = (2009, 2019)


def test_kernel_face_refuses_unknown_figures_and_series_in_dutch():
    with pytest.raises(ChoiceError, match="Figuren: instroom"):
        SeriesExplorer("foo")
    with pytest.raises(ChoiceError, match="bogus"):
        SeriesExplorer("instroom", ["bogus"])
    with pytest.raises(SeriesError, match="unknown figure"):
        figures.figure("foo")


def test_length_of_stay_as_printed():
    # Tabel 1.1, 2016: 53% 37% 4% 1% 1% 3% (sums to 99, D38); 2018 "< 1 jaar" 76%
    d = stay_data()
    t = series_table(d, d.series, 2016, 2018)
    assert list(t.loc[2016, d.series]) == [53, 37, 4, 1, 1, 3]
    assert t.loc[2016, "total"] == 99
    assert t.loc[2018, "minder_dan_1_jaar"] == 76


def test_spoor_1_is_highlighted():
    d = track_outflow_data()
    rows = figures.view("spoor-uitstroom", d.series, 2016, 2019).chart
    spec = figures.chart(figures.figure("spoor-uitstroom"), d, rows).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"]))
    assert colours["Spoor 1"] == "#b2182b"
    assert all(c != "#b2182b" for label, c in colours.items() if label != "Spoor 1")
