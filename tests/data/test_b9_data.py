"""Checks for the Bijlage 9 (Cijferbijlage) tables in data/b9_*.

Expected values below are typed from the report text (shared/report, line
numbers given), never read back from the CSV files under test.
"""
from __future__ import annotations

import pandas as pd
import pytest
from tablehelpers import row

from widgets.data import load
from widgets.data.numbers import parse_dutch

B9_NUMERIC = [
    "b9_reception_stay",
    "b9_reception_flows",
    "b9_housing_duration",
    "b9_inflow_by_type",
    "b9_outflow_by_track",
    "b9_duration_by_track",
    "b9_border_procedure",
    "b9_eu_first_applications",
    "b9_appeal_duration_by_track",
    "b9_departures",
    "b9_lp_to_requests",
    "b9_lp_to_by_country",
    "b9_detention_inflow",
    "b9_police_supervision",
]
B9_ALL = B9_NUMERIC + ["b9_lp_to_unplaced", "b9_readmission_agreements"]

ROW_COUNTS = {
    "b9_reception_stay": 7 * 7,
    "b9_reception_flows": 10 * 4,
    "b9_housing_duration": 6,
    "b9_inflow_by_type": 10 * 6,
    "b9_outflow_by_track": 4 * 4,
    "b9_duration_by_track": 4 * 4,
    "b9_border_procedure": 7 * 4,
    "b9_eu_first_applications": 32 * 6 * 2 + 6,
    "b9_appeal_duration_by_track": 4,
    "b9_departures": 12 * 4,
    "b9_lp_to_requests": 3 * 4 * 5,
    "b9_lp_to_by_country": (7 + 5 + 55 + 26) * 5,
    "b9_lp_to_unplaced": 11 + 19 + 58 + 66,
    "b9_detention_inflow": 10,
    "b9_police_supervision": 6 * 6,
    "b9_readmission_agreements": 18 + 19,
}


def text(cell) -> str:
    """A string cell, with a missing cell as ''."""
    return "" if pd.isna(cell) else str(cell)


def value(frame, **keys) -> float:
    """The number in the single row matching ``keys``; fails on a marker."""
    r = row(frame, **keys)
    assert not pd.isna(r["value"]) and text(r["marker"]) == "", keys
    return float(r["value"])


def values_by(frame, key, **keys) -> dict:
    """{frame[key]: value} for the rows matching ``keys`` that carry a number."""
    sub = frame
    for column, wanted in keys.items():
        sub = sub[sub[column] == wanted]
    return {k: float(v) for k, v in zip(sub[key], sub["value"]) if not pd.isna(v)}


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("name", B9_ALL)
def test_loads_and_validates(name):
    frame = load(name)
    assert len(frame) == ROW_COUNTS[name]
    assert frame.attrs["report_section"] == "Bijlage 9"
    assert frame.attrs["from_report"] is True





# --------------------------------------------------------------------------- values typed from the report

EXPECTED = [
    # (dataset, keys, printed, value)        report line
    ("b9_reception_stay", {"year": 2012, "category": "minder_dan_1_jaar"}, "52%", 52),  # L9744
    ("b9_reception_stay", {"year": 2016, "category": "1_2_jaar"}, "37%", 37),  # L9752
    ("b9_reception_stay", {"year": 2018, "category": "aantal"}, "21.800", 21800),  # L9756
    ("b9_reception_flows", {"year": 2015, "measure": "ontvangen"}, "60.430", 60430),  # L9796
    ("b9_reception_flows", {"year": 2018, "measure": "bezetting"}, "22.500", 22500),  # L9802
    ("b9_reception_flows", {"year": 2010, "measure": "waarvan_vergunninghouders"}, "5.320", 5320),  # L9786
    ("b9_housing_duration", {"year": 2018}, "5,7", 5.7),  # L9835
    ("b9_housing_duration", {"year": 2014}, "4,8", 4.8),  # L9827
    ("b9_inflow_by_type", {"year": 2015, "type": "eerste"}, "43.090", 43090),  # L9859
    ("b9_inflow_by_type", {"year": 2013, "type": "nareis"}, "3.630", 3630),  # L9871
    ("b9_inflow_by_type", {"year": 2011, "type": "hervestiging"}, "330", 330),  # L9877
    ("b9_inflow_by_type", {"year": 2016, "type": "herplaatsing"}, "1.200", 1200),  # L9883
    ("b9_inflow_by_type", {"year": 2019, "type": "totaal"}, "31.360", 31360),  # L9885
    ("b9_outflow_by_track", {"year": 2016, "track": "spoor4_aa"}, "19.068", 19068),  # L9910
    ("b9_outflow_by_track", {"year": 2019, "track": "spoor1"}, "7.676", 7676),  # L9906
    ("b9_duration_by_track", {"year": 2017, "track": "spoor4_va"}, "60", 60),  # L9932
    ("b9_duration_by_track", {"year": 2016, "track": "spoor1"}, "16", 16),  # L9926
    ("b9_border_procedure", {"year": 2014, "measure": "asielaanvraag"}, "1.060", 1060),  # L9952
    ("b9_border_procedure", {"year": 2015, "measure": "pct_eerste_aanvragen"}, "1%", 1),  # L9954
    ("b9_eu_first_applications", {"geo": "DE", "year": 2016, "series": "aantal"}, "722.270", 722270),  # L9981
    ("b9_eu_first_applications", {"geo": "DE", "year": 2016, "series": "aandeel"}, "60%", 60),  # L9981
    ("b9_eu_first_applications", {"geo": "UK", "year": 2019, "series": "aantal"}, "40.495", 40495),  # L10023
    ("b9_eu_first_applications", {"geo": "UK", "year": 2019, "series": "aandeel"}, "8%", 8),  # L10027
    ("b9_eu_first_applications", {"geo": "EL", "year": 2019, "series": "aandeel"}, "14%", 14),  # L10005
    ("b9_eu_first_applications", {"geo": "NL", "year": 2015, "series": "aantal"}, "43.035", 43035),  # L10035
    ("b9_eu_first_applications", {"geo": "IS", "year": 2014, "series": "aantal"}, "0", 0),  # L10137
    ("b9_eu_first_applications", {"geo": "TOTAL", "year": 2015, "series": "aantal"}, "1.325.460", 1325460),  # L10169
    ("b9_appeal_duration_by_track", {"track": "spoor4_va"}, "27119", 27),  # L10219
    ("b9_appeal_duration_by_track", {"track": "spoor4_aa"}, "9", 9),  # L10217
    ("b9_departures", {"year": 2008, "type": "zelfstandig_zonder_toezicht"}, "11.280", 11280),  # L10330
    ("b9_departures", {"year": 2019, "type": "totaal"}, "25.610", 25610),  # L10352
    ("b9_lp_to_requests", {"scope": "totaal", "outcome": "bekend_gesteld", "year": 2017}, "5.530", 5530),  # L10572
    ("b9_lp_to_requests", {"scope": "lp", "outcome": "ingetrokken", "year": 2014}, "1.410", 1410),  # L10594
    ("b9_lp_to_requests", {"scope": "to", "outcome": "positief", "year": 2016}, "1.270", 1270),  # L10606
    ("b9_lp_to_by_country", {"table": "Tabel 5.6", "country_nl": "Mongolië", "year": 2016}, "190", 190),  # L11033
    ("b9_lp_to_by_country", {"table": "Tabel 5.6", "country_nl": "Irak", "year": 2017}, "310", 310),  # L10946
    ("b9_lp_to_by_country", {"table": "Tabel 5.5", "country_nl": "Russische Federatie", "year": 2015}, "40", 40),  # L10790
    ("b9_lp_to_by_country", {"table": "Tabel 5.9", "country_nl": "Eindtotaal", "year": 2014}, "480", 480),  # L11575
    ("b9_detention_inflow", {"year": 2010}, "7.820", 7820),  # L11708
    ("b9_detention_inflow", {"year": 2015}, "2.180", 2180),  # L11718
    ("b9_police_supervision", {"year": 2013, "category": "overdracht_bewaring_detentie"}, "2.710", 2710),  # L11760
    ("b9_police_supervision", {"year": 2015, "category": "bevel_terugkeer_eu_lidstaat"}, "560", 560),  # L11780
    ("b9_police_supervision", {"year": 2018, "category": "totaal"}, "4.560", 4560),  # L11782
]


@pytest.mark.parametrize("name,keys,printed,expected", EXPECTED, ids=[f"{e[0]}-{'-'.join(map(str, e[1].values()))}" for e in EXPECTED])
def test_value_as_printed_in_report(name, keys, printed, expected):
    r = row(load(name), **keys)
    assert r["printed"] == printed
    assert float(r["value"]) == expected


SUPPRESSED = [
    ("Tabel 5.4", "Albanië", 2014),  # L10620 "<10 <10 20 <10 10"
    ("Tabel 5.6", "Zuid Korea", 2015),  # L11181 "20 <10 <10 <10 <10"
    ("Tabel 5.9", "Vietnam", 2014),  # L11549 "<10 20 20 20 10"
]


@pytest.mark.parametrize("table,country,year", SUPPRESSED)
def test_suppressed_cells(table, country, year):
    r = row(load("b9_lp_to_by_country"), table=table, country_nl=country, year=year)
    assert r["printed"] == "<10" and r["marker"] == "suppressed"
    assert pd.isna(r["value"])


# --------------------------------------------------------------------------- consistency checks


def test_inflow_totals_reconcile_all_years():
    frame = load("b9_inflow_by_type")
    for year in range(2010, 2020):
        parts = values_by(frame[frame["type"] != "totaal"], "type", year=year)
        assert sum(parts.values()) == value(frame, year=year, type="totaal"), year


def test_inflow_cells_not_printed():
    frame = load("b9_inflow_by_type")
    missing = {(int(y), t) for y, t, m in zip(frame["year"], frame["type"], frame["marker"]) if text(m) == "not_available"}
    expected = {(y, "nareis") for y in (2010, 2011, 2012)} | {(2010, "hervestiging")}
    expected |= {(y, "herplaatsing") for y in range(2010, 2016)}
    assert missing == expected
    assert all(text(n) for n, m in zip(frame["note"], frame["marker"]) if text(m) == "not_available")


def test_departure_totals_reconcile_all_years():
    frame = load("b9_departures")
    for year in range(2008, 2020):
        parts = values_by(frame[frame["type"] != "totaal"], "type", year=year)
        assert len(parts) == 3
        assert sum(parts.values()) == value(frame, year=year, type="totaal"), year


def test_police_supervision_totals_reconcile():
    frame = load("b9_police_supervision")
    for year in range(2013, 2019):
        parts = values_by(frame[frame["category"] != "totaal"], "category", year=year)
        assert sum(parts.values()) == value(frame, year=year, category="totaal"), year
    bevel = frame[frame["category"] == "bevel_terugkeer_eu_lidstaat"]
    assert {int(y) for y, m in zip(bevel["year"], bevel["marker"]) if text(m) == "not_available"} == {2013, 2014}
    assert all(text(n) for n in bevel["note"])


def test_police_labels_have_no_glued_footnotes():
    frame = load("b9_police_supervision")
    assert not frame["category_label"].str.contains(r"\d$").any()
    footnotes = dict(zip(frame["category"], frame["footnote"]))
    assert footnotes["overdracht_zonder_meldplicht"] == 121
    assert footnotes["terugkeerbesluit_zonder_overdracht"] == 122
    assert footnotes["bevel_terugkeer_eu_lidstaat"] == 123


def test_reception_stay_vs_flows():
    stay, flows = load("b9_reception_stay"), load("b9_reception_flows")
    for year in range(2012, 2018):
        assert value(stay, year=year, category="aantal") == value(flows, year=year, measure="bezetting"), year
    # 2018: Tabel 1.1 prints 21.800 (L9756), Tabel 1.2 prints 22.500 (L9802)
    assert value(flows, year=2018, measure="bezetting") - value(stay, year=2018, category="aantal") == 700
    assert "22.500" in row(stay, year=2018, category="aantal")["note"]


def test_reception_stay_percentages_sum():
    frame = load("b9_reception_stay")
    pct = frame[frame["unit"] == "procent"]
    sums = {int(y): s for y, s in pct.groupby("year")["value"].sum().items()}
    assert sums == {2012: 100, 2013: 100, 2014: 100, 2015: 100, 2016: 99, 2017: 100, 2018: 100}


def test_border_share_matches_first_applications():
    border, inflow = load("b9_border_procedure"), load("b9_inflow_by_type")
    for year in range(2012, 2019):
        share = 100 * value(border, year=year, measure="asielaanvraag") / value(inflow, year=year, type="eerste")
        assert round(share) == value(border, year=year, measure="pct_eerste_aanvragen"), year


def test_eu_country_sum_minus_printed_total():
    frame = load("b9_eu_first_applications")
    counts = frame[frame["series"] == "aantal"]
    expected = {2014: 10, 2015: -25, 2016: 30, 2017: 5, 2018: -2120, 2019: -1945}
    for year, diff in expected.items():
        countries = counts[(counts["year"] == year) & (counts["geo"] != "TOTAL")]
        assert len(countries) == 32
        total = value(counts, year=year, geo="TOTAL")
        assert countries["value"].sum() - total == diff, year


def test_eu_printed_shares_column_sums():
    frame = load("b9_eu_first_applications")
    shares = frame[frame["series"] == "aandeel"]
    sums = {int(y): s for y, s in shares.groupby("year")["value"].sum().items()}
    assert sums == {2014: 104, 2015: 105, 2016: 100, 2017: 100, 2018: 100, 2019: 116}
    assert "TOTAL" not in set(shares["geo"])


def test_eu_codes_and_incomplete_year():
    frame = load("b9_eu_first_applications")
    codes = dict(zip(frame["country_printed"], frame["geo"]))
    assert codes["Greece"] == "EL" and codes["United Kingdom"] == "UK" and codes["Total"] == "TOTAL"
    iso = dict(zip(load("geo_names")["geo"], load("geo_names")["iso_alpha2"]))
    assert iso["EL"] == "GR" and iso["UK"] == "GB"
    assert set(frame.loc[frame["year_incomplete"], "year"]) == {2019}
    assert not frame.loc[frame["year"] != 2019, "year_incomplete"].any()


def test_lp_to_total_vs_parts_differs_only_in_recorded_cells():
    frame = load("b9_lp_to_requests")
    diffs = {}
    for outcome in ("bekend_gesteld", "positief", "negatief", "ingetrokken"):
        for year in range(2014, 2019):
            total = value(frame, scope="totaal", outcome=outcome, year=year)
            parts = value(frame, scope="lp", outcome=outcome, year=year) + value(frame, scope="to", outcome=outcome, year=year)
            if total != parts:
                diffs[(outcome, year)] = total - parts
    # Tabel 5.1 vs 5.2 + 5.3: 1.890 vs 770 + 1.130; 570 vs 480 + 80; 1.390 vs 1.350 + 50
    assert diffs == {("positief", 2017): -10, ("negatief", 2014): 10, ("ingetrokken", 2016): -10}
    for (outcome, year) in diffs:
        assert row(frame, scope="totaal", outcome=outcome, year=year)["note"]


def _eindtotaal(frame, table):
    sub = frame[(frame["table"] == table) & (frame["row_type"] == "eindtotaal")]
    return {int(y): float(v) for y, v in zip(sub["year"], sub["value"])}


def test_lp_to_eindtotaal_vs_summary_tables():
    by_country, requests = load("b9_lp_to_by_country"), load("b9_lp_to_requests")

    def summary(scope, outcome):
        return {y: value(requests, scope=scope, outcome=outcome, year=y) for y in range(2014, 2019)}

    assert _eindtotaal(by_country, "Tabel 5.4") == summary("to", "ingetrokken")
    assert _eindtotaal(by_country, "Tabel 5.5") == summary("to", "negatief")
    assert _eindtotaal(by_country, "Tabel 5.9") == summary("lp", "negatief")
    # D41: Tabel 5.6 Eindtotaal 1.410 1.320 1.350 1.780 1.870 vs Tabel 5.2 1.410 1.310 1.350 1.770 1.870
    t56, t52 = _eindtotaal(by_country, "Tabel 5.6"), summary("lp", "ingetrokken")
    assert {y: t56[y] - t52[y] for y in t56 if t56[y] != t52[y]} == {2015: 10, 2017: 10}


def test_lp_to_every_row_is_kept_once():
    by_country, unplaced = load("b9_lp_to_by_country"), load("b9_lp_to_unplaced")
    # country rows per table (without Eindtotaal): 17, 23, 112, 91
    expected = {"Tabel 5.4": 17, "Tabel 5.5": 23, "Tabel 5.6": 112, "Tabel 5.9": 91}
    for table, n in expected.items():
        placed = by_country[(by_country["table"] == table) & (by_country["row_type"] == "land")]
        names_placed = set(placed["country_nl"])
        names_unplaced = set(unplaced.loc[unplaced["table"] == table, "country_nl"])
        assert not names_placed & names_unplaced
        assert len(names_placed) + len(names_unplaced) == n, table
    assert (by_country.groupby(["table", "country_nl"]).size() == 5).all()


def test_lp_to_unplaced_rows_are_consistent():
    unplaced = load("b9_lp_to_unplaced")
    for _, r in unplaced.iterrows():
        tokens = text(r["printed"]).split()
        assert len(tokens) == r["n_printed"] < 5
        assert all(t == "<10" or isinstance(parse_dutch(t), float) for t in tokens)
        assert r["whitespace_pattern"].count("x") == r["n_printed"]
        assert "niet vast te stellen" in r["note"]
    # Tabel 5.4 Turkije (L10680-10683): four values, years unknown
    turkije = row(unplaced, table="Tabel 5.4", country_nl="Turkije")
    assert turkije["printed"] == "<10 <10 30 60"


def test_readmission_agreements_two_lists_as_printed():
    frame = load("b9_readmission_agreements")
    lists = {n: list(frame[frame["list_no"] == n].sort_values("position")["country_nl"]) for n in (1, 2)}
    # L10413-10449: 18 names, "Bosnië en" / "Herzegovina" on L10419-10421
    assert lists[1][:4] == ["Armenië", "Albanië", "Azerbeidzjan", "Bosnië en Herzegovina"]
    assert lists[1][-3:] == ["Servië", "Sri Lanka", "Turkije"] and len(lists[1]) == 18
    # L10451-10487: 19 names
    assert lists[2][:3] == ["Armenië", "Bosnië en Herzegovina", "Bulgarije"]
    assert lists[2][-1] == "Zwitserland" and len(lists[2]) == 19
    # names in both lists (L10413/L10451, L10429/L10467, ...): the lists are kept apart, not merged
    assert set(lists[1]) & set(lists[2]) == {"Armenië", "Bosnië en Herzegovina", "Kosovo", "Macedonië", "Servië"}
    assert row(frame, list_no=2, country_nl="Kazachstan")["line"] == 10465
    # which list is EU and which Benelux is not in the text: nothing in the table says so
    assert "EU" not in " ".join(frame.columns) and not frame["country_nl"].str.contains("EU|Benelux").any()
