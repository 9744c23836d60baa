"""The comparison of packages A, B and C (widgets.models.budget.compare_packages and
widgets.figures.compare): numbers re-added from data/budget_printed.csv as read by the
csv module, not by the model; the starting packages from data/budget_choices.csv."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from widgets.figures import compare
from widgets.models import budget as model

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def canonical_cells() -> dict[tuple[str, str], float | None]:
    with open(DATA_DIR / "budget_printed.csv", encoding="utf-8", newline="") as f:
        return {(r["measure"], r["period"]): (float(r["value"]) if r["value"] else None)
                for r in csv.DictReader(f) if r["canonical"] == "true"}


def saldo(codes, period) -> float:
    cells = canonical_cells()
    return round(sum(cells[(c, period)] or 0.0 for c in codes), 6)


def test_variant_4_starts_without_its_alternatives():
    with open(DATA_DIR / "budget_choices.csv", encoding="utf-8", newline="") as f:
        alternatives = {r["measure"] for r in csv.DictReader(f)}
    with open(DATA_DIR / "budget_measures.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["variant"] == "4" and r["selectable"] == "true"]
    start = model.variant_package("4")
    assert start == [r["measure"] for r in rows if r["measure"] not in alternatives]
    assert "4.1" in start and not set(start) & alternatives


def test_each_package_and_its_difference_with_a():
    a, b = model.variant_package("4"), ["4.1", "6.1"]
    frame = model.compare_packages({"A": a, "B": b, "C": []})
    for period in model.PERIODS:
        assert frame.loc[("A", "saldo"), period] == pytest.approx(saldo(a, period))
        assert frame.loc[("B", "saldo"), period] == pytest.approx(saldo(b, period))
        assert frame.loc[("B", "saldo_minus_A"), period] == pytest.approx(saldo(b, period) - saldo(a, period))
        assert frame.loc[("C", "saldo_minus_A"), period] == pytest.approx(-saldo(a, period))
    # 2023, read off the report's rows: 4.1 +4,8 and 6.1 -25 (Bijlage 10)
    assert frame.loc[("B", "saldo"), "2023"] == pytest.approx(4.8 - 25)


def test_unquantified_cells_are_never_summed():
    frame = model.compare_packages({"A": ["4.4"], "B": ["4.4", "4.1"]})
    assert (frame.loc[("A", "saldo")] == 0).all()  # 4.4 Rechtspraak: "+" in every year
    assert frame.loc[("B", "saldo_minus_A"), "2023"] == pytest.approx(4.8)


@pytest.mark.parametrize("packages, error, words", [
    ({"A": [], "D": []}, ValueError, "unknown package id"),
    ({"B": ["4.1"]}, ValueError, "needs package 'A'"),
    ({"A": ["4.99"]}, model.SelectionError, "4.99"),
    ({"A": [], "C": ["2A.1.1", "2A.1.2"]}, model.SelectionError, "2A.1"),
])
def test_a_comparison_the_model_cannot_make_names_why(packages, error, words):
    with pytest.raises(error, match=words.replace(".", r"\.").replace("(", r"\(")):
        model.compare_packages(packages)


def test_the_view_marks_which_package_holds_which_measure():
    view = compare.view({"A": ["4.1"], "C": ["4.1", "6.1"]})
    assert view.members == [["4.1 Flexpool asielketen", "ja", "nee", "ja"],
                            ["6.1 Bonus bij sneller huisvesten statushouders", "nee", "nee", "ja"]]
    assert view.words.startswith("Pakket A: 4.1 Flexpool asielketen. Pakket B: nog geen maatregel. Pakket C: 4.1")
    assert view.rows[-1][0] == "Verschil C − A (saldo)" and view.rows[-1][3] == "−25"  # 2023: (4,8 − 25) − 4,8


def test_the_download_has_a_column_per_sum_and_a_row_per_period():
    text = compare.view({"A": ["4.1"]}).csv[compare.CSV_TOTALS]
    frame = pd.read_csv(pd.io.common.StringIO(text), dtype={"periode": str})
    assert list(frame["periode"]) == list(model.PERIODS)
    assert frame.loc[frame["periode"] == "2023", "A_saldo"].item() == 4.8
    assert frame.loc[frame["periode"] == "2023", "B_saldo_min_A"].item() == -4.8


def test_the_kernel_comparison_gives_the_models_frame():
    from widgets.kernel import ChoiceError
    from widgets.kernel.compare import Comparison

    c = Comparison()
    c.start_from("A", "4")
    c.set_package("B", ["4.1"])
    pd.testing.assert_frame_equal(c.frame, model.compare_packages({"A": model.variant_package("4"), "B": ["4.1"], "C": []}))
    with pytest.raises(ChoiceError, match="Onbekend pakket: D"):
        c.set_package("D", [])
    with pytest.raises(ChoiceError, match="Onbekende variant: 7"):
        c.start_from("A", "7")
