"""Checks for the report tables outside Bijlage 9 and 10: the Frontex table (3.1),
Bijlage 1, 4, 5 and 6, the key figures from the prose, the Dublin figures (report
and external sources), the discrepancy list and the list of lost content.

Expected values below are typed from the report text (shared/report, line numbers
given), never read back from the CSV files under test.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
import report  # tests/report.py: the report text, pinned by sha256
import yaml
from tablehelpers import row

from widgets import DATA_DIR
from widgets.data import load

NUMERIC = [
    "frontex_crossings",
    "b1_baseline_budget",
    "b4_oda_asylum",
    "b5_complementary_pathways",
    "b6_legal_migration",
    "key_figures",
    "dublin_report",
    "dublin_external",
]
ALL = NUMERIC + ["discrepancies", "lost_content"]
FROM_REPORT = [n for n in ALL if n != "dublin_external"]

ROW_COUNTS = {
    "frontex_crossings": 11 * 6,
    "b1_baseline_budget": 23 * 6,
    "b4_oda_asylum": 24 * 3,
    "b5_complementary_pathways": 12,
    "b6_legal_migration": 7,
    "dublin_report": 7,
    "dublin_external": 114,
    "discrepancies": 49,
    "lost_content": 19,
}


def val(frame, **keys) -> float:
    value = row(frame, **keys)["value"]
    assert not pd.isna(value), f"{keys}: no value"
    return float(value)


def descriptor(name):
    return yaml.safe_load((Path(DATA_DIR) / f"{name}.resource.yaml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- all files


@pytest.mark.parametrize("name", ALL)
def test_loads_and_validates(name):
    frame = load(name)
    assert len(frame) > 0
    if name in ROW_COUNTS:
        assert len(frame) == ROW_COUNTS[name]


@pytest.mark.parametrize("name", ALL)
def test_provenance(name):
    d = descriptor(name)
    assert d["name"] == name and d["path"] == f"{name}.csv"
    assert d["from_report"] is (name in FROM_REPORT)
    for key in ("title", "description", "unit", "licenses", "sources", "schema"):
        assert d.get(key), f"{name}: {key} missing"
    if d["from_report"]:
        assert d.get("report_section") and d.get("report_lines")
    assert d["schema"].get("primaryKey")


@pytest.mark.parametrize("name", ["frontex_crossings", "b1_baseline_budget", "key_figures", "dublin_report"])
def test_printed_stands_on_its_line(name):
    lines = report.lines()
    frame = load(name)
    for _, r in frame.iterrows():
        assert str(r["printed"]) in lines[int(r["line"]) - 1], f"{name}: {r['printed']!r} not on L{r['line']}"


# ---------------------------------------------------------------- Frontex (3.1, L1914-1934)

FRONTEX_PRINTED = {  # (year, route): value as printed
    (2009, "totaal"): 104503,  # L1914
    (2010, "oost_mediterraan"): 55688,  # L1916
    (2011, "centraal_mediterraan"): 64261,  # L1918
    (2014, "centraal_mediterraan"): 170664,  # L1924
    (2015, "oost_mediterraan"): 885386,  # L1926
    (2015, "west_balkan"): 764033,  # L1926
    (2015, "totaal"): 1822177,  # L1926
    (2016, "centraal_mediterraan"): 181376,  # L1928
    (2018, "west_mediterraan"): 56245,  # L1932
    (2019, "overig"): 5309,  # L1934
    (2019, "totaal"): 141741,  # L1934
}


@pytest.mark.parametrize("key,expected", FRONTEX_PRINTED.items())
def test_frontex_values(key, expected):
    assert val(load("frontex_crossings"), year=key[0], route=key[1]) == expected


def test_frontex_routes_sum_to_total_every_year():
    frame = load("frontex_crossings")
    assert sorted(frame["year"].unique()) == list(range(2009, 2020))
    for year in range(2009, 2020):
        part = frame[frame["year"] == year]
        routes = part[part["route"] != "totaal"]["value"].astype(float).sum()
        assert routes == val(frame, year=year, route="totaal"), year


def test_frontex_mediterranean_arrivals_match_prose_order_of_magnitude():
    frame = load("frontex_crossings")
    med = ["centraal_mediterraan", "oost_mediterraan", "west_mediterraan"]
    y2015 = sum(val(frame, year=2015, route=r) for r in med)
    y2019 = sum(val(frame, year=2019, route=r) for r in med)
    assert y2015 == 1_046_336  # 153.946 + 885.386 + 7.004 as printed on L1926; text L1852: "ruim een miljoen"
    assert y2019 == 121305  # text L1852-1854: "circa 125.000"


# ---------------------------------------------------------------- Bijlage 1 (L9071-9257)

B1_PRINTED = {
    ("jenv_37", 2019): 1299,  # L9195
    ("jenv_37", 2021): 1187,  # L9203
    ("jenv_37", 2024): 1076,  # L9211, "1.091  1.076"
    ("jenv_37_coa", 2021): 544,  # L9213
    ("jenv_37_ind", 2022): 364,  # L9217
    ("jenv_37_dtv", 2021): 86,  # L9218
    ("bhos_4_1", 2019): 380,  # L9081
    ("bhos_4_1", 2024): 370,  # L9097, "370  370"
    ("bhos_4_1_noodhulp_bijdragen", 2019): 210,  # L9109
    ("bhos_4_1_noodhulp_bijdragen", 2020): 200,  # L9109
    ("bhos_4_2_oidr_bijdragen", 2019): 133,  # L9161
    ("bhos_4_2_oidr_bijdragen", 2024): 123,  # L9161
    ("bhos_tot", 2019): 552,  # L9169
    ("bhos_tot", 2022): 542,  # L9181
    ("jenv_oda_toerekening", 2024): 295,  # L9236
    ("ocw_oda_toerekening", 2019): 46,  # L9257
    ("szw_coa_voorinburgering", 2019): 14,  # L9247
    ("jenv_32_rechtspraak", 2020): 39,  # L9224
}


@pytest.mark.parametrize("key,expected", B1_PRINTED.items())
def test_b1_values(key, expected):
    assert val(load("b1_baseline_budget"), row_id=key[0], year=key[1]) == expected


def test_b1_sublines_sum_to_totals_with_recorded_differences():
    frame = load("b1_baseline_budget")
    # (parent, year): sum of the sub-lines minus the printed total
    expected_diff = {
        ("bhos_tot", 2020): -10, ("bhos_tot", 2021): -10, ("bhos_tot", 2022): -10,  # D42: 532 vs 542
        ("bhos_tot", 2023): -10, ("bhos_tot", 2024): -10,
        ("jenv_37", 2020): -1,  # D43: 1.277 vs 1.278
        ("jenv_37", 2021): 1,  # D43: 1.188 vs 1.187
    }
    parents = frame[frame["level"].isin(["totaal", "artikel"])]
    checked = 0
    for _, p in parents.iterrows():
        kids = frame[(frame["parent"] == p["row_id"]) & (frame["year"] == p["year"])]
        if kids.empty:
            continue
        diff = kids["value"].astype(float).sum() - float(p["value"])
        assert diff == expected_diff.get((p["row_id"], int(p["year"])), 0), (p["row_id"], p["year"], diff)
        checked += 1
    assert checked == 4 * 6  # BHOS TOT., art. 4.1, art. 4.2, JenV art. 37
    # D42 spelled out
    assert sum(val(frame, row_id=r, year=2020) for r in ("bhos_4_1", "bhos_4_2")) == 532
    assert val(frame, row_id="bhos_tot", year=2020) == 542
    # D43 spelled out: the sub-lines of JenV art. 37 as stored, against the totals computed by hand from L9199-9221
    jenv = frame[frame["parent"] == "jenv_37"]
    assert jenv[jenv["year"] == 2020]["value"].astype(float).sum() == 1277  # printed total 1.278
    assert jenv[jenv["year"] == 2021]["value"].astype(float).sum() == 1188  # printed total 1.187


def test_b1_jenv_saving_task_base():
    # 6 (L4840): -237 = 20% of the 2021 JenV art. 37 grondslag
    assert round(0.2 * val(load("b1_baseline_budget"), row_id="jenv_37", year=2021), 1) == 237.4


# ---------------------------------------------------------------- Bijlage 4 (L9498-9528)

B4_PRINTED = {
    (2001, "begroting"): 172,  # L9500
    (2008, "realisatie"): 174,  # L9502
    (2001, "pct_oda"): 4,  # L9504
    (2015, "begroting"): 297,  # L9507
    (2015, "realisatie"): 1186,  # L9509 "1.186"
    (2015, "pct_oda"): 23,  # L9511
    (2017, "begroting"): 900,  # L9515
    (2017, "realisatie"): 737,  # L9517
    (2018, "realisatie"): 482,  # L9517
    (2024, "begroting"): 330,  # L9515
}


@pytest.mark.parametrize("key,expected", B4_PRINTED.items())
def test_b4_values(key, expected):
    assert val(load("b4_oda_asylum"), year=key[0], measure=key[1]) == expected


def test_b4_unplaceable_cells_are_markers_not_guesses():
    frame = load("b4_oda_asylum")
    for year in range(2017, 2025):
        r = row(frame, year=year, measure="pct_oda")
        assert pd.isna(r["value"]) and r["marker"] == "not_available"
        assert "16% 10% 7% 6% 6% 5% 5%" in r["note"]  # L9522, seven values for eight years (D45)
    for year in range(2019, 2025):
        assert row(frame, year=year, measure="realisatie")["marker"] == "not_available"
    unplaced = descriptor("b4_oda_asylum")["unplaced"][0]
    assert unplaced["printed"] == ["16%", "10%", "7%", "6%", "6%", "5%", "5%"] and unplaced["line"] == 9522


def test_b4_begroting_vs_b1_toerekening():
    # D44: Bijlage 4 begroting vs JenV + OCW toerekening in Bijlage 1
    b4, b1 = load("b4_oda_asylum"), load("b1_baseline_budget")
    expected_diff = {2019: -1, 2020: 0, 2021: 1, 2022: 1, 2023: 0, 2024: 0}  # Bijlage 4 minus Bijlage 1
    for year, diff in expected_diff.items():
        b1_sum = val(b1, row_id="jenv_oda_toerekening", year=year) + val(b1, row_id="ocw_oda_toerekening", year=year)
        assert val(b4, year=year, measure="begroting") - b1_sum == diff, year


# ---------------------------------------------------------------- Bijlage 5 and 6


def to_mln(r) -> float:
    return float(r["value"]) / 1e6 if r["unit"] == "euro" else float(r["value"])


def test_b5_items_sum_to_4_3_against_printed_4_5():
    frame = load("b5_complementary_pathways")
    items = frame[(frame["block"] == "capaciteit") & (frame["row_type"] == "post")]
    assert len(items) == 5
    total_items = round(sum(to_mln(r) for _, r in items.iterrows()), 2)
    assert total_items == round(0.3 + 1.5 + 0.3 + 1.2 + 1, 2) == 4.3  # L9562-9570
    printed = row(frame, item_id="cap_totaal")
    assert float(printed["value"]) == 4.5 and printed["qualifier"] == "ca"  # L9572 "ca. 4,5 mln."
    assert round(float(printed["value"]) - total_items, 2) == 0.2
    assert val(frame, item_id="ov_totaal") == 6  # L9592 "ca. 6 mln."
    assert val(frame, item_id="cap_relaties") == 300000  # L9562 "300.000 euro"


def test_b6_items_sum_to_1_10_to_1_15_against_1_25():
    frame = load("b6_legal_migration")
    items = frame[frame["row_type"] == "post"]
    low = sum(to_mln(r) for _, r in items[items["bound"].isin(["punt", "laag"])].iterrows())
    high = sum(to_mln(r) for _, r in items[items["bound"].isin(["punt", "hoog"])].iterrows())
    assert (round(low, 2), round(high, 2)) == (1.10, 1.15)  # L9624-9628
    assert val(frame, item_id="totaal_2b_1_1_1", bound="punt") == 1.25  # L5971
    assert val(frame, item_id="begeleiding_selectie", bound="punt") == 500000  # L9628


# ---------------------------------------------------------------- Dublin


def test_dublin_report_printed_values():
    frame = load("dublin_report")
    assert val(frame, key="dublin_claims_2014_2018") == 29562  # L3859
    assert val(frame, key="dublin_transfers_2014_2018") == 7449  # L3863
    assert val(frame, key="dublin_transfer_share_printed") == 32  # L3863 "(32%)"
    assert val(frame, key="dublin_eu_average_share") == 23  # L3865
    assert val(frame, key="decision_weeks_spoor2") == 4  # L7977
    assert val(frame, key="decision_weeks_spoor1_dublin") == 13  # L7979
    r = row(frame, key="dublin_transfer_term_max_months")
    assert float(r["value"]) == 18 and r["qualifier"] == "maximaal"  # L8457


def test_dublin_computed_share_is_not_the_printed_32():
    frame = load("dublin_report")
    computed = 100 * val(frame, key="dublin_transfers_2014_2018") / val(frame, key="dublin_claims_2014_2018")
    assert round(computed, 1) == 25.2
    assert round(computed) != val(frame, key="dublin_transfer_share_printed")
    # the computed rate is derived by code, never stored as data
    assert not any(frame["value"].astype(float).round(1) == 25.2)


def test_dublin_external_follows_the_readme():
    frame = load("dublin_external")
    d = descriptor("dublin_external")
    assert d["from_report"] is False
    assert "quote" not in frame.columns
    assert len(d["caveats"]) == 8
    for needle in ("Dublin III", "3.840", "EU+", "11.770", "39.160"):
        assert needle in d["description"]
    r = row(frame, geo="NL", period="2014", indicator="outgoing_requests_national_IND")
    assert float(r["value"]) == 3840 and not r["plot"] and r["plot_reason"]
    # comparable Eurostat points named in the README
    eu = frame[frame["series"] == "eurostat_uitgaande_verzoeken"]
    assert float(row(eu, geo="NL", period="2018")["value"]) == 8619
    assert float(row(eu, geo="NL", period="2019")["value"]) == 9267
    assert float(row(eu, geo="NL", period="2023")["value"]) == 9955
    assert float(row(eu, geo="EU", period="2023")["value"]) == 186910
    tr = frame[(frame["series"] == "eurostat_uitgaande_overdrachten") & frame["plot"]]
    assert float(row(tr, geo="NL", period="2023")["value"]) == 1807
    assert float(row(tr, geo="NL", period="2024")["value"]) == 2245
    assert float(row(tr, geo="EU", period="2024")["value"]) == 16455
    # at most one plotted point per series, area and period
    plotted = frame[frame["plot"] & (frame["series"] != "")]
    assert not plotted.duplicated(["series", "geo", "period"]).any()


# ---------------------------------------------------------------- key figures

KEY_PRINTED = {
    "asylum_applications_2015_text": 60000,  # L2012 "ongeveer 60.000"
    "asylum_applications_2019_text": 29000,  # L2014 "ruim 29.000"
    "grant_rate_2015": 80,  # L2020
    "grant_rate_2019": 25,  # L2020
    "cost_per_asylum_seeker_per_year": 25,  # L3719 "circa 25 duizend euro"
    "coa_stay_months": 8,  # L3300
    "aa_days": 8,  # L3344 "acht dagen"
    "va_max_months": 6,  # L3348 "maximaal zes maanden"
    "jenv_saving_task": -237,  # L4840
    "jenv_saving_measures": 104,  # L4842
    "jenv_saving_4_12": 133,  # L4846
    "refugees_registered_world": 25.9,  # L2139
    "displaced_world": 70.8,  # L2135
    "population_2010": 16.6,  # L2302
    "population_2019": 17.3,  # L2302
    "housed_permit_holders_2015_2019": 125000,  # L4218
    "taakstelling_per_half_year": 6000,  # L4228
    "demonstrable_departure_share_2019": 45,  # L3923
    "resettlement_quota": 500,  # L2682
    "mediterranean_arrivals_2015": 1,  # L1852 "ruim een miljoen"
    "mediterranean_arrivals_2019": 125000,  # L1852 "circa 125.000"
    "eu_first_applications_2019": 648500,  # L1942
    "eu_first_applications_2015": 1.3,  # L1940
    # added with the reading pages (chapters/*.md)
    "humanitarian_funding_met_2019": 54,  # L926 "ca. 54%"
    "world_population_2050": 9.7,  # L2104 "9,7 miljard"
    "internally_displaced_world": 41.3,  # L2137 "41,3 miljoen"
    "low_middle_income_hosting_share": 85,  # L2165 "(85%)"
    "syrian_refugees_total": 5.6,  # L2290 "5,6 miljoen"
    "concern_housing_identity_2017": 59,  # L2392
    "concern_housing_identity_2019": 63,  # L2392
    "reception_modalities": 11,  # L3756 "11 type opvangmodaliteiten"
    "social_housing_turnover": 200000,  # L4282 "rond de 200.000"
    "intensification_task_pct": 20,  # L4832 "+20%"
    "iom_returns_2b23_per_year": 2500,  # L6227 "ongeveer 2.500"
    "resettlement_quota_option_1000": 1000,  # L6508
    "resettlement_quota_option_5000": 5000,  # L6510
    "school_access_max_months": 3,  # L6922 "binnen 3 maanden"
    "school_access_current_months": 1,  # L6922 "binnen 1 maand"
    "nareis_stay_months": 3.5,  # L7018 "ca. 3,5 maanden"
    "nareis_per_year": 2200,  # L7020 "ca. 2.200 nareizigers"
    "mpp_margin_pct": 20,  # L7427 "20%"
    "coa_core_capacity_current": 14000,  # L7510
    "coa_core_capacity_target": 20000,  # L7510
    "coa_temporary_extra_places": 2500,  # L7512
    "coa_occupancy_target": 85,  # L7522
    "coa_occupancy_current": 91,  # L7524
    "coa_reserve_places_option2": 1500,  # L7534
    "va_appeal_weeks_current": 4,  # L7737 "4 weken"
    "va_appeal_weeks_proposed": 1,  # L7753 "één week"
    "jenv_share_reception_costs": 50,  # L7787 "ca. 50%"
    "oda_asylum_structural_4_9": 340,  # L7818
    "oda_attribution_overrun_pct": 13,  # L7850
    "oda_attribution_overrun_mln": 44,  # L7852
    "efficiency_cut_pct": 14,  # L8032
    "efficiency_cut_step_pct": 3.5,  # L8032 "3,5%"
    "housing_term_weeks": 14,  # L8689 "14 weken"
    "housing_process_months": 3.5,  # L8711 "3,5 maand"
    "bonus_share_pct": 50,  # L8749
    "malus_per_month_euro": 2000,  # L8790 "ca. 2000 euro per maand"
    "statushouder_reception_limit_months": 3,  # L8820
}


@pytest.mark.parametrize("key,expected", KEY_PRINTED.items())
def test_key_figures(key, expected):
    assert val(load("key_figures"), key=key) == expected


def test_key_figures_qualifiers_and_consistency():
    frame = load("key_figures")
    assert len(frame) == 210  # every figure the prose quotes; a dropped row fails here and in the build
    assert row(frame, key="mediterranean_arrivals_2015")["qualifier"] == "ruim"
    assert row(frame, key="mediterranean_arrivals_2015")["unit"] == "miljoen personen"
    assert row(frame, key="va_max_months")["qualifier"] == "maximaal"
    assert row(frame, key="asylum_applications_2019_summary")["qualifier"] == "ca"
    assert set(frame["report_section"]) >= {"Samenvatting", "2", "3.1", "4.4.3", "6"}
    assert row(frame, key="malus_per_month_euro")["qualifier"] == "ca"
    assert row(frame, key="social_housing_turnover")["qualifier"] == "rond"
    # D14: the text's 14.000 -> 20.000 (+ 2.500) is not the tables' "5000 extra plekken"
    assert val(frame, key="coa_core_capacity_target") - val(frame, key="coa_core_capacity_current") == 6000
    # 6 (L4840-4848): 237 = 104 + 133
    assert val(frame, key="jenv_saving_measures") + val(frame, key="jenv_saving_4_12") == -val(frame, key="jenv_saving_task")
    # 3.2.3 (L2318-2320): growth 2019 = migration balance + natural increase 17.244
    assert val(frame, key="population_growth_2019") - val(frame, key="net_migration_2019") == 17244
    # D32: the three countries are 45,2% of 25,9 mln, not the printed 57%
    three = sum(val(frame, key=k) for k in ("refugees_syria", "refugees_afghanistan", "refugees_south_sudan"))
    assert round(100 * three / val(frame, key="refugees_registered_world"), 1) == 45.2
    assert round(100 * three / val(frame, key="refugees_unhcr_mandate")) == val(frame, key="refugees_top3_share") == 57


# ---------------------------------------------------------------- discrepancies and lost content


def test_every_discrepancy_once():
    frame = load("discrepancies")
    ids = list(frame["id"])
    assert sorted(ids, key=lambda s: int(s[1:])) == [f"D{i}" for i in range(1, 50)]
    assert len(set(ids)) == 49
    assert set(frame["status"]) <= {"verified", "not_verified"}
    assert "7.449 / 29.562 = 25,2%" in row(frame, id="D31")["computed"]
    assert "532" in row(frame, id="D42")["computed"]
    assert "4,3" in row(frame, id="D20")["computed"]
    known = set(n.name.removesuffix(".resource.yaml") for n in Path(DATA_DIR).glob("*.resource.yaml"))
    for _, r in frame.iterrows():
        datasets = "" if pd.isna(r["dataset"]) else r["dataset"]
        for name in filter(None, (s.strip() for s in datasets.split(";"))):
            assert name in known, f"{r['id']}: unknown dataset {name}"


def test_lost_content():
    frame = load("lost_content")
    for needle in ("Grafiek 3.6", "Grafiek 3.8", "Grafiek 3.9", "Grafiek 4.1", "Grafiek 6.2", "Tabel 4.2", "Tabel 7.1", "Tabel 7.2", "Bijlage 8"):
        assert frame["title"].str.contains(needle, regex=False).any(), needle
    assert set(frame["status"]) == {"verloren", "gedeeltelijk", "afwezig"}
    assert not frame["remains"].isna().any()


def test_no_nan_or_inf_values():
    for name in NUMERIC:
        values = load(name)["value"].dropna().astype(float)
        assert all(math.isfinite(v) for v in values), name
