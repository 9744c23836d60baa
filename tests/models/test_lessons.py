"""Lesmateriaal: every answer the page shows folded is computed by the model
(``widgets.lessons``); here each is computed again, independently: from the CSV files
of data/ with plain pandas (not the model or the loader), or checked against values
typed from the report with their line numbers in the report's text version."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd
import pytest

from widgets import lessons
from widgets.data.numbers import format_nl

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
PAGE = ROOT / "chapters" / "lesmateriaal.md"


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def number(frame: pd.DataFrame, **where) -> float | None:
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == str(value)]
    assert len(rows) == 1, where
    value = rows["value"].iloc[0]
    return float(value) if value != "" else None


def structural_b10() -> dict[str, float]:
    """Structural amount (canonical) per choosable measure, read from the CSVs."""
    printed, measures = csv("budget_printed"), csv("budget_measures")
    selectable = set(measures[measures["selectable"] == "true"]["measure"])
    rows = printed[(printed["canonical"] == "true") & (printed["period"] == "structureel") & printed["measure"].isin(selectable)]
    return {m: float(v) for m, v in zip(rows["measure"], rows["value"]) if v != ""}


# -- the page and the registry ----------------------------------------------------------

def page_keys() -> list[str]:
    return re.findall(r"^```\{answer\} (\S+)$", PAGE.read_text(encoding="utf-8"), flags=re.M)


def test_every_question_on_the_page_has_a_registered_answer_and_back():
    assert sorted(page_keys()) == sorted(lessons.ANSWERS) and len(page_keys()) == len(set(page_keys()))


def test_three_to_five_questions_per_part_each_with_a_figure():
    parts = re.split(r"^## ", PAGE.read_text(encoding="utf-8"), flags=re.M)[1:]
    with_questions = [p for p in parts if "{answer}" in p]
    assert len(with_questions) >= 4
    for part in with_questions:
        assert 3 <= part.count("```{answer}") <= 5, part.splitlines()[0]
        assert "```{figure-cell}" in part, part.splitlines()[0]


def test_no_number_in_a_question_is_typed():
    """Questions name years and measure codes; amounts come through {value}."""
    text = re.sub(r"\{value\}`[^`]*`", "", PAGE.read_text(encoding="utf-8"))
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"\b[1-6][A-C]?(?:\.\d+)+[a-c]?(?:-\w+)?|\b[1-6][A-C]\b", "", text)  # measure codes, variants, options
    amounts = [n for n in re.findall(r"\d+(?:[.,]\d+)*", text) if not re.fullmatch(r"(19|20)\d\d|[1-5]", n)]
    assert amounts == []


@pytest.mark.parametrize("key", sorted(lessons.ANSWERS))
def test_every_answer_is_dutch_text_with_its_numbers(key):
    answer = lessons.answer(key)
    assert answer.markdown.strip() and answer.values
    assert "<details>" in answer.details_markdown() and "Antwoord" in answer.details_markdown()
    assert "nan" not in answer.markdown.lower().split()


def test_an_unknown_answer_names_the_known_ones():
    with pytest.raises(KeyError, match="known: instroom-2015-2019"):
        lessons.answer("bestaat-niet")


# -- Instroom en opvang -------------------------------------------------------------------

def test_inflow_2015_2019():
    a = lessons.answer("instroom-2015-2019")
    inflow = csv("b9_inflow_by_type")
    for kind in ["eerste", "herhaalde", "nareis", "hervestiging", "herplaatsing"]:
        assert a.values[kind] == (number(inflow, year=2015, type=kind), number(inflow, year=2019, type=kind))
    # Tabel 3.1 Totaal, L9885: ... 59.310 (2015) ... 31.360 (2019)
    assert a.values["total"] == (59310, 31360)
    differences = {k: abs(number(inflow, year=2019, type=k) - number(inflow, year=2015, type=k))
                   for k in ["eerste", "herhaalde", "nareis", "hervestiging"]}
    assert a.values["largest"] == max(differences, key=differences.get) == "eerste"
    assert "−20.560" in a.markdown and "59.310" in a.markdown


def test_reception_more_out_than_in_and_the_peak():
    a = lessons.answer("opvang-uitstroom")
    # Tabel 1.2, L9782-9801: ontvangen, uitgestroomd, bezetting per year
    printed = {2010: (15640, 16650, 20800), 2011: (13760, 18640, 16030), 2012: (13290, 14810, 14540),
               2013: (16470, 15490, 15390), 2014: (29820, 20280, 24850), 2015: (60430, 36860, 46960),
               2016: (35910, 55570, 26930), 2017: (39190, 46090, 20960), 2018: (36600, 35070, 22500),
               2019: (36320, 31380, 27320)}
    assert a.values["more_out"] == [y for y, (i, o, _) in printed.items() if o > i]
    assert a.values["peak"] == max(printed, key=lambda y: printed[y][2]) == 2015
    assert a.values["peak_value"] == 46960


def test_share_of_the_netherlands_in_the_eu():
    a = lessons.answer("eu-aandeel-nl")
    # Tabel 3.5: Netherlands L10035 (43.035 in 2015, 20.640 in 2019); Total L10169 (1.325.460; 648.500)
    for year, count, total in [("2015", 43035, 1325460), ("2019", 20640, 648500)]:
        got_count, got_total, share = a.values[year]
        assert (got_count, got_total) == (count, total)
        assert share == pytest.approx(count / total * 100, abs=1e-5)
    assert "3,2%" in a.markdown


def test_track_duration_2019():
    a = lessons.answer("spoor-duur-2019")
    rows = csv("b9_duration_by_track")
    weeks = {r["track"]: float(r["value"]) for _, r in rows[rows["year"] == "2019"].iterrows()}
    assert a.values["weeks"] == weeks == {"spoor1": 14, "spoor2": 4, "spoor4_aa": 29, "spoor4_va": 48}  # Tabel 3.3, L9928-9931
    assert (a.values["longest"], a.values["shortest"]) == ("spoor4_va", "spoor2")


# -- Dublin -------------------------------------------------------------------------------

def test_dublin_report_share():
    a = lessons.answer("dublin-rapport-aandeel")
    # § 4.4.4: 29.562 claims (L3859), 7.449 transfers "(32%)" (L3863)
    assert (a.values["claims"], a.values["transfers"], a.values["printed"]) == (29562, 7449, 32)
    assert a.values["computed"] == pytest.approx(7449 / 29562 * 100)
    assert "25,2%" in a.markdown and "6,8 procentpunt" in a.markdown


def _eurostat() -> pd.DataFrame:
    f = csv("dublin_external")
    f = f[f["series"].isin(["eurostat_uitgaande_verzoeken", "eurostat_uitgaande_overdrachten"])
          & (f["plot"] == "true") & (f["value"] != "") & (f["period_type"] == "kalenderjaar")]
    wide = f.pivot_table(index=["geo", "year_start"], columns="series", values="value", aggfunc="first")
    wide = wide.apply(pd.to_numeric)
    wide["rate"] = wide["eurostat_uitgaande_overdrachten"] / wide["eurostat_uitgaande_verzoeken"] * 100
    return wide


def test_dublin_highest_rate():
    a = lessons.answer("dublin-hoogste-percentage")
    rates = _eurostat()["rate"].dropna()
    eu, nl = rates.loc["EU"], rates.loc["NL"]
    assert {int(y): v for y, v in eu.items()} == pytest.approx(a.values["eu"])
    assert {int(y): v for y, v in nl.items()} == pytest.approx(a.values["nl"])
    geo, year = rates.idxmax()
    assert a.values["top"][:2] == (geo, int(year)) and a.values["top"][2] == pytest.approx(rates.max())
    assert int(eu.idxmax()) == 2024 and list(nl.index) == ["2023"]


def test_dublin_years_without_a_rate_for_the_netherlands():
    a = lessons.answer("dublin-nl-zonder-percentage")
    nl = _eurostat().loc["NL"]
    assert a.values["years"] == [int(y) for y, r in nl["rate"].items() if pd.isna(r)] == [2018, 2019, 2024]


# -- Variant 4 ------------------------------------------------------------------------------

def test_the_three_cuts_of_4_12():
    a = lessons.answer("v4-kortingen")
    # Bijlage 10: 4.12a -50 (L11972), 4.12b -65 (L11974), 4.12c -17 (L11976), structureel
    assert a.values["per_measure"] == {"4.12a": -50, "4.12b": -65, "4.12c": -17}
    assert a.values["saving"] == 132
    assert a.values["assigned"] == 133  # § 6, L4846: "De overige 133 mln. euro ... maatregelen onder 4.12"
    assert "132" in a.markdown and "133" in a.markdown


def test_the_options_of_4_9():
    a = lessons.answer("v4-opties-4-9")
    printed = csv("budget_printed")
    printed = printed[(printed["source"] == "B10") & (printed["canonical"] == "true")]
    for option in ["4.9-1A", "4.9-1B", "4.9-1C", "4.9-2"]:
        rows = printed[printed["measure"] == option].set_index("period")
        got = a.values["options"][option]
        for period in ("2021", "structureel"):
            value = rows.loc[period, "value"]
            assert got[period] == (float(value) if value else 0.0)
        assert got["not_counted"] == [p for p, m in rows["marker"].items() if m]
    # Bijlage 10, L11964: optie 1C 68 in every column; L11966: optie 2 "+ +" then 0
    assert a.values["moving"] == ["4.9-1C"] and a.values["listed"] == ["4.9-2"] and a.values["zero"] == ["4.9-1A", "4.9-1B"]


def test_two_reserves_warn_and_count_only_numbers():
    a = lessons.answer("v4-reserve")
    warnings = csv("budget_warnings")
    assert a.values["warning"] == warnings[(warnings["measure_a"] == "4.2b") & (warnings["measure_b"] == "4.9-1C")]["reason"].iloc[0]
    # Bijlage 10: 4.2b 500 in 2021 then "Afhankelijk van de instroom" (L11941); 1C 68 a year (L11964)
    assert a.values["saldo_2021"] == 500 + 68 and a.values["saldo_2022"] == 68
    assert a.values["not_counted"] == ["2022", "2023", "2024", "2025", "structureel"]


def test_an_own_package_of_variant_4():
    a = lessons.answer("v4-pakket")
    amounts = structural_b10()
    values = [amounts[c] for c in a.values["codes"]]
    s = a.values["structureel"]
    assert s["extra"] == pytest.approx(sum(v for v in values if v > 0))
    assert s["savings"] == pytest.approx(sum(v for v in values if v < 0))
    assert s["saldo"] == pytest.approx(sum(values)) == pytest.approx(214.3)
    assert a.values["largest"] == max(a.values["codes"], key=amounts.get) == "4.2a"
    assert format_nl(214.3) in a.markdown


# -- Alle varianten -----------------------------------------------------------------------------

def test_the_savings_task_of_jenv():
    """The most a package saves structurally outside 2C without a conflict or a warning,
    found by trying every package of the measures that save (independently of the model)."""
    a = lessons.answer("pakket-237")
    assert a.values["task"] == 237  # § 6, L4840: "De benodigde -20% besparing (-237 mln. euro)"
    measures = csv("budget_measures").set_index("measure")
    saving = {m: -v for m, v in structural_b10().items() if v < 0 and measures.loc[m, "variant"] != "2C"}
    choices, warnings = csv("budget_choices"), csv("budget_warnings")
    group = dict(zip(choices["measure"], choices["option"].str.cat(choices["group"], sep="@")))
    group_of = {m: g.split("@")[1] for m, g in group.items()}
    pairs = {frozenset(p) for p in zip(warnings["measure_a"], warnings["measure_b"])}

    def ok(package, warn=True):
        groups = [group_of[m] for m in package if m in group_of]
        if len(groups) != len(set(groups)):
            return False
        return not warn or not any(frozenset(p) in pairs for p in itertools.combinations(package, 2))

    contested = sorted({m for m in saving if m in group_of and sum(group_of.get(o) == group_of[m] for o in saving) > 1}
                       | {m for p in pairs for m in p if p <= set(saving)})
    fixed = [m for m in saving if m not in contested]
    subsets = [c for n in range(len(contested) + 1) for c in itertools.combinations(contested, n)]
    best = max((fixed + list(c) for c in subsets if ok(fixed + list(c))), key=lambda p: sum(saving[m] for m in p))
    best_warned = max((fixed + list(c) for c in subsets if ok(fixed + list(c), warn=False)), key=lambda p: sum(saving[m] for m in p))
    assert sorted(a.values["codes"]) == sorted(best)
    assert a.values["reached"] == pytest.approx(sum(saving[m] for m in best)) == pytest.approx(236.4)
    assert a.values["with_warning"] == pytest.approx(sum(saving[m] for m in best_warned))
    assert a.values["reached"] < a.values["task"] < a.values["with_warning"]
    assert "236,4" in a.markdown and "wenselijk" in a.markdown


def test_the_largest_amounts():
    a = lessons.answer("grootste-bedragen")
    amounts = structural_b10()
    low, high = min(amounts, key=amounts.get), max(amounts, key=amounts.get)
    assert a.values["lowest"] == (low, amounts[low]) == ("2C.3.1", -74)  # Bijlage 10: humanitaire hulp -20%
    assert a.values["highest"] == (high, amounts[high]) == ("4.2a", 205)


def test_cells_without_an_amount():
    a = lessons.answer("niet-opgeteld")
    printed, measures = csv("budget_printed"), csv("budget_measures")
    selectable = set(measures[measures["selectable"] == "true"]["measure"])
    marked = printed[(printed["canonical"] == "true") & (printed["marker"] != "") & printed["measure"].isin(selectable)]
    assert sorted(a.values["measures"]) == sorted(set(marked["measure"]))
    for marker, codes in a.values["per_marker"].items():
        assert sorted(codes) == sorted(set(marked[marked["marker"] == marker]["measure"]))
    assert f"{len(a.values['measures'])} van de {len(selectable)}" in a.markdown
