"""Checks of the budget tables (data/budget_*.csv) against the report as printed.

Every expected number below was typed from the report text
(shared/report/naar-een-wendbare-migratieketen.txt, line numbers in the
comments), never computed from the CSV files themselves.
"""
from __future__ import annotations

import math
import re

import pandas as pd
import pytest
import report  # tests/report.py: the report text, pinned by sha256

from widgets.data import load
from widgets.data.numbers import Marker

PERIODS = ["2021", "2022", "2023", "2024", "2025", "structureel"]
ID_PATTERN = re.compile(r"^[1-6][ABC]?(\.\d+)*[a-c]?(-[0-9A-Za-z]+)?$")

# Budget lines printed only in chapter 6 (H6); everything else is also in Bijlage 10.
ONLY_H6 = {"2A.1.1", "2A.1.2", "2C.1.3.2-capaciteit", "2C.1.3.2-stimulering"}
# 2A.1 is printed only in the summary (S) and Bijlage 10 (B10).
NOT_IN_H6 = {"2A.1"}


@pytest.fixture(scope="module")
def measures() -> pd.DataFrame:
    return load("budget_measures")


@pytest.fixture(scope="module")
def printed() -> pd.DataFrame:
    return load("budget_printed")


@pytest.fixture(scope="module")
def choices() -> pd.DataFrame:
    return load("budget_choices")


@pytest.fixture(scope="module")
def warnings_() -> pd.DataFrame:
    return load("budget_warnings")


def blank(x) -> bool:
    """Empty cell, whether the loader gives <NA> or an empty string."""
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) or x == ""


def filled(x) -> bool:
    return not blank(x)


def cell(printed: pd.DataFrame, measure: str, source: str, period: str) -> pd.Series:
    rows = printed[(printed.measure == measure) & (printed.source == source) & (printed.period == period)]
    assert len(rows) == 1, f"{measure} {source} {period}: {len(rows)} rows"
    return rows.iloc[0]


def canonical(printed: pd.DataFrame, measure: str, period: str) -> pd.Series:
    rows = printed[(printed.measure == measure) & (printed.period == period) & printed.canonical]
    assert len(rows) == 1, f"{measure} {period}: {len(rows)} canonical rows"
    return rows.iloc[0]


# (measure, source, period, line, printed, expected value or marker), typed from the report text.
CELLS = [
    ("1.3", "B10", "2022", 11853, "3,5", 3.5),
    ("2A.2", "S", "2021", 810, "25", 25),
    ("2A.2", "H6", "2024", 5716, "50", 50),
    ("2B.1.1-liaisons", "S", "2021", 889, "3,8", 3.8),
    ("2B.1.1-liaisons", "B10", "structureel", 11871, "3,75", 3.75),
    ("2B.1.1.1", "S", "2021", 891, "1,2", 1.2),
    ("2B.1.1.1", "S", "2022", 891, "1,3", 1.3),
    ("2B.1.1.1", "H6", "2021", 6242, "1,25", 1.25),
    ("2B.1.2", "S", "2021", 893, "25", 25),
    ("2B.1.2", "H6", "2021", 6244, "10", 10),
    ("2B.1.2", "B10", "2021", 11875, "25", 25),
    ("2B.2.2", "S", "2021", 901, "4,2", 4.2),
    ("2C.1.1-optie2", "B10", "2025", 11893, "100", 100),
    ("2C.1.3.1-quotum1000", "H6", "2021", 6774, "0,7", 0.7),
    ("2C.1.3.2", "S", "2023", 994, "10.5", 10.5),
    ("2C.1.3.2", "H6", "2023", 6778, "10.5", 10.5),
    ("2C.1.3.2", "B10", "2023", 11901, "10.5", 10.5),
    ("2C.1.3.2-stimulering", "H6", "2022", 6782, "3", 3),
    ("2C.3.1", "H6", "2021", 6790, "0", 0),
    ("2C.3.3", "H6", "2021", 6794, "-0,2", -0.2),
    ("3.1.1", "S", "2022", 1092, "-1,9", -1.9),
    ("3.1.1", "H6", "2022", 7149, "-1,85", -1.85),
    ("3.1.3", "B10", "2021", 11921, "-", Marker.UNQUANTIFIED),
    ("3.2.2", "B10", "2023", 11927, "0,59", 0.59),
    ("3.2.2", "S", "structureel", 1102, "0,2", 0.2),
    ("3.2.3", "H6", "2021", 7165, "0111", 0),
    ("4.1", "H6", "2022", 8086, "2,88", 2.88),
    ("4.2a", "B10", "2023", 11939, "210", 210),
    ("4.2b", "B10", "2021", 11941, "500", 500),
    ("4.2b", "H6", "2022", 8098, "Afhankelijk van de instroom", Marker.DEPENDS_ON_INFLOW),
    ("4.2b", "S", "structureel", 1228, "Afhankelijk van de instroom", Marker.DEPENDS_ON_INFLOW),
    ("4.3a", "H6", "2022", 8102, "8,5", 8.5),
    ("4.4", "S", "2024", 1236, "`+", Marker.UNQUANTIFIED_COST),
    ("4.4", "H6", "2024", 8108, "+", Marker.UNQUANTIFIED_COST),
    ("4.5", "B10", "2025", 11950, "-", Marker.UNQUANTIFIED),
    ("4.9-1C", "B10", "structureel", 11964, "68", 68),
    ("4.9-2", "B10", "2022", 11966, "+", Marker.UNQUANTIFIED_COST),
    ("4.9-2", "B10", "2023", 11966, "0", 0),
    ("4.11", "B10", "2021", 11970, "-2,7", -2.7),
    ("4.12b", "B10", "2024", 11974, "-65", -65),
    ("4.12c", "H6", "2023", 8167, "-17", -17),
    ("5.1", "S", "2022", 1367, "-0,1", -0.1),
    ("5.2b", "H6", "2022", 8548, "0,84", 0.84),
    ("5.6", "H6", "2021", 8560, "+", Marker.UNQUANTIFIED_COST),
    ("6.2b", "B10", "structureel", 12010, "-58", -58),
]


@pytest.mark.parametrize("measure,source,period,line,printed_text,expected", CELLS)
def test_cell_as_printed(printed, measure, source, period, line, printed_text, expected):
    row = cell(printed, measure, source, period)
    assert row.printed == printed_text
    assert row.line == line
    if isinstance(expected, Marker):
        assert blank(row.value)
        assert row.marker == expected.value
    else:
        assert blank(row.marker)
        assert row.value == pytest.approx(expected)


def test_row_counts(measures, printed):
    assert len(measures) == 65
    # 61 lines in S and B10, 64 in H6 (all but 2A.1), six periods each.
    assert len(printed) == (61 + 64 + 61) * 6
    assert (printed.source == "S").sum() == 61 * 6
    assert (printed.source == "H6").sum() == 64 * 6
    assert (printed.source == "B10").sum() == 61 * 6


def test_sources_per_measure(measures, printed):
    for measure in measures.measure:
        got = set(printed.loc[printed.measure == measure, "source"])
        if measure in ONLY_H6:
            assert got == {"H6"}, measure
        elif measure in NOT_IN_H6:
            assert got == {"S", "B10"}, measure
        else:
            assert got == {"S", "H6", "B10"}, measure
        for source in got:
            periods = printed.loc[(printed.measure == measure) & (printed.source == source), "period"]
            assert sorted(periods) == sorted(PERIODS), (measure, source)


def test_english_decimal_point_noted(printed):
    rows = printed[printed.printed == "10.5"]
    # 2C.1.3.2, 2023, in all three sources (L994, L6778, L11901).
    assert set(zip(rows.measure, rows.source, rows.period)) == {
        ("2C.1.3.2", "S", "2023"), ("2C.1.3.2", "H6", "2023"), ("2C.1.3.2", "B10", "2023")
    }
    for _, row in rows.iterrows():
        assert row.value == 10.5
        assert "10.5" in row.note and "10,5" in row.note


def test_footnote_glued_noted(printed):
    row = cell(printed, "3.2.3", "H6", "2021")
    assert row.value == 0 and "111" in row.note


def test_backtick_noted(printed):
    row = cell(printed, "4.4", "S", "2024")
    assert filled(row.note) and "backtick" in row.note


def test_3_1_3_dash_is_budget_neutral(printed):
    rows = printed[printed.measure == "3.1.3"]
    assert len(rows) == 18
    assert (rows.marker == "unquantified").all()
    assert rows.note.str.contains("budgetneutraal").all()


def test_4_9_optie_2_plus_plus_then_zero(printed):
    row_markers = [canonical(printed, "4.9-2", p) for p in PERIODS]
    assert [r.marker for r in row_markers[:2]] == ["unquantified_cost", "unquantified_cost"]
    assert [r.value for r in row_markers[2:]] == [0, 0, 0, 0]


def test_b10_duplicate_row_kept_once(printed):
    rows = printed[(printed.measure == "2C.1.3.2") & (printed.source == "B10")]
    assert len(rows) == 6
    assert set(rows.line) == {11901}
    assert rows.note.str.contains("11905").all()


def test_exactly_one_canonical_per_measure_period(measures, printed):
    counts = printed[printed.canonical].groupby(["measure", "period"]).size()
    assert (counts == 1).all()
    assert len(counts) == len(measures) * 6


def test_canonical_source_rule(printed):
    for _, row in printed[printed.canonical].iterrows():
        assert row.source == ("H6" if row.measure in ONLY_H6 else "B10"), (row.measure, row.period)


def test_every_selectable_measure_has_six_canonical_periods(measures, printed):
    for measure in measures.loc[measures.selectable, "measure"]:
        periods = printed.loc[(printed.measure == measure) & printed.canonical, "period"]
        assert sorted(periods) == sorted(PERIODS), measure


def test_d1_migratiefonds_2021(printed):
    # L6244 prints 10 (H6); L893 (S) and L11875 (B10) print 25; L6025: "25 mln. euro", no phasing.
    row = canonical(printed, "2B.1.2", "2021")
    assert row.source == "B10" and row.value == 25
    assert "10" in row.note and "25" in row.note and "L6025" in row.note
    h6 = cell(printed, "2B.1.2", "H6", "2021")
    assert h6.value == 10 and not h6.canonical and filled(h6.note)


def test_differences_between_sources_are_explained(printed):
    """Where sources print different values, the canonical row says so,
    and every rounded summary value (D2-D5) carries a note."""
    for (measure, period), group in printed.groupby(["measure", "period"]):
        def key(row):
            return (None if blank(row.value) else float(row.value), None if blank(row.marker) else row.marker)

        values = {key(row) for _, row in group.iterrows()}
        if len(values) > 1:
            canon = group[group.canonical].iloc[0]
            assert filled(canon.note), (measure, period)
            for _, other in group[~group.canonical].iterrows():
                if key(other) != key(canon):
                    assert filled(other.note), (measure, period, other.source)
    # the rounded cells D2-D5, typed from L889, L891, L1092, L1102
    rounded = {
        ("2B.1.1-liaisons", p) for p in PERIODS
    } | {("2B.1.1.1", p) for p in PERIODS} | {("3.1.1", "2022")} | {("3.2.2", p) for p in PERIODS[1:]}
    for measure, period in rounded:
        assert filled(cell(printed, measure, "S", period).note), (measure, period)


def test_complementary_pathways_components_sum_in_h6(printed):
    # L6778 = L6780 + L6782 for every column: 4,5 7,5 10.5 10,5 10,5 10,5
    expected_parent = [4.5, 7.5, 10.5, 10.5, 10.5, 10.5]
    for period, parent_value in zip(PERIODS, expected_parent):
        parent = cell(printed, "2C.1.3.2", "H6", period).value
        cap = cell(printed, "2C.1.3.2-capaciteit", "H6", period).value
        stim = cell(printed, "2C.1.3.2-stimulering", "H6", period).value
        assert parent == pytest.approx(parent_value)
        assert cap + stim == pytest.approx(parent)


def test_d18_efficiency_cuts_sum_to_132_not_133(printed):
    # The text (L4846-4848) attributes 133 mln. euro of the -237 to measure 4.12;
    # the tables print -50, -65 and -17 (L11972-11976), which sum to -132.
    text_says = 133
    total = sum(canonical(printed, m, "structureel").value for m in ("4.12a", "4.12b", "4.12c"))
    assert total == pytest.approx(-132)
    assert -total != text_says
    assert text_says - (-total) == 1


def test_optie2_equals_optie1_plus_humanitarian(printed):
    # Basis of the warning 2C.1.1-optie2 + 2C.1.2: 100 = 26 + 74 in every column (L984-988).
    for period in PERIODS:
        o1 = canonical(printed, "2C.1.1-optie1", period).value
        o2 = canonical(printed, "2C.1.1-optie2", period).value
        hh = canonical(printed, "2C.1.2", period).value
        assert (o1, o2, hh) == (26, 100, 74)
        assert o1 + hh == o2


def test_printed_text_is_on_its_line(printed):
    lines = report.lines()
    for _, row in printed.iterrows():
        assert row.printed in lines[row.line - 1], (row.measure, row.source, row.period, row.line)
        if row.source == "S":
            assert 647 <= row.line <= 1470
        elif row.source == "H6":
            assert 4828 <= row.line <= 8943
        else:
            assert 11843 <= row.line <= 12014


def test_evidence_lines_exist(choices, warnings_):
    n_lines = len(report.lines())
    for evidence in list(choices.evidence) + list(warnings_.evidence):
        for a, b in re.findall(r"L(\d+)(?:-(\d+))?", evidence):
            assert 1 <= int(a) <= int(b or a) <= n_lines, evidence


def test_measure_ids_and_parents(measures):
    assert measures.measure.map(lambda m: bool(ID_PATTERN.match(m))).all()
    ids = set(measures.measure)
    parents = measures[measures.parent.map(filled)]
    assert dict(zip(parents.measure, parents.parent)) == {
        "2A.1.1": "2A.1",
        "2A.1.2": "2A.1",
        "2C.1.3.2-capaciteit": "2C.1.3.2",
        "2C.1.3.2-stimulering": "2C.1.3.2",
    }
    assert set(parents.parent) <= ids
    assert set(measures.loc[~measures.selectable, "measure"]) == {"2A.1", "2C.1.3.2-capaciteit", "2C.1.3.2-stimulering"}


def test_report_codes_as_printed(measures):
    code = dict(zip(measures.measure, measures.report_code))
    assert code["2C.3.1"] == "2C3.1"  # L6790
    assert code["4.2a"] == "4.2 a:"  # L8094
    assert code["2B.1.1-liaisons"] == "2B.1.1"  # L6240
    assert blank(code["2C.1.3.2-capaciteit"])  # L6780: no code printed


def test_choice_groups(measures, choices):
    assert set(choices.measure) <= set(measures.measure)
    selectable = set(measures.loc[measures.selectable, "measure"])
    assert set(choices.measure) <= selectable
    # a measure belongs to at most one group
    assert choices.groupby("measure").group.nunique().max() == 1
    options = {g: {o: set(d.measure) for o, d in gd.groupby("option")} for g, gd in choices.groupby("group")}
    assert options["2A.1"] == {"2A.1.1": {"2A.1.1"}, "2A.1.2": {"2A.1.2"}}
    assert options["2B.1"] == {
        "2B.1.1": {"2B.1.1-diplomatie", "2B.1.1-liaisons", "2B.1.1.1"},
        "2B.1.2": {"2B.1.2"},
    }
    assert set().union(*options["opvang-in-de-regio"].values()) == {"2C.1.1-optie1", "2C.1.1-optie2", "2C.3.2"}
    assert set().union(*options["humanitaire-hulp"].values()) == {"2C.1.2", "2C.2", "2C.3.1"}
    assert set().union(*options["hervestigingsquotum"].values()) == {
        "2C.1.3.1-quotum1000", "2C.1.3.1-quotum5000", "2C.3.3"
    }
    assert set().union(*options["4.9"].values()) == {"4.9-1A", "4.9-1B", "4.9-1C", "4.9-2"}
    assert len(options["4.9"]) == 4
    for group in ("4.2", "4.3", "5.2", "6.2", "6.3"):
        assert len(options[group]) == 2, group
    # one title per group, one label per option
    assert (choices.groupby("group").group_title.nunique() == 1).all()
    assert (choices.groupby(["group", "option"]).option_label.nunique() == 1).all()


def test_warnings(measures, choices, warnings_):
    ids = set(measures.measure)
    assert set(warnings_.measure_a) <= ids and set(warnings_.measure_b) <= ids
    pairs = {frozenset(p) for p in zip(warnings_.measure_a, warnings_.measure_b)}
    assert {frozenset({"2C.1.1-optie2", "2C.1.2"}), frozenset({"6.1", "6.2a"}), frozenset({"6.1", "6.2b"})} <= pairs
    # a warning within one choice group would be pointless: those cannot be combined
    group_of = dict(zip(choices.measure, choices.group))
    for a, b in zip(warnings_.measure_a, warnings_.measure_b):
        assert a != b
        assert group_of.get(a) is None or group_of.get(a) != group_of.get(b), (a, b)
    optie2 = warnings_[(warnings_.measure_a == "2C.1.1-optie2") & (warnings_.measure_b == "2C.1.2")].iloc[0]
    assert "afgeleid" in optie2.reason.lower()
