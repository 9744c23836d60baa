"""The budget model against the report's printed budget tables (Bijlage 10 /
chapter 6). Expected values are typed from the report, not computed by the model."""
import pytest

from widgets.models import budget as model


def test_variant_4_efficiency_cuts():
    # 4.12a IND -14 -26 -38 -50 -50 -50; 4.12b COA -19 -35 -50 -65 -65 -65; 4.12c DT&V -3 -6 -17 -17 -17 -17
    totals = model.package_totals(["4.12a", "4.12b", "4.12c"])
    assert list(totals["savings"]) == [-36, -67, -105, -132, -132, -132]
    assert list(totals["extra"]) == [0] * 6
    assert list(totals["saldo"]) == [-36, -67, -105, -132, -132, -132]


def test_mixed_package_splits_extra_and_savings():
    # 4.1 flexpool 0 2,88 4,8 4,8 4,8 4,8 and 4.11 veiligelanders -2,7 -7,7 -7,4 -7,2 -7,2 -7,2
    totals = model.package_totals(["4.1", "4.11"])
    assert list(totals["extra"]) == [0, 2.88, 4.8, 4.8, 4.8, 4.8]
    assert list(totals["savings"]) == [-2.7, -7.7, -7.4, -7.2, -7.2, -7.2]
    assert totals.loc["2022", "saldo"] == pytest.approx(-4.82)
    assert totals.loc["structureel", "saldo"] == pytest.approx(-2.4)


def test_english_decimal_point_cell_is_ten_and_a_half():
    # 2C.1.3.2 complementary pathways: 4,5 7,5 10.5 10,5 10,5 10,5 (the 2023 cell printed with a dot)
    totals = model.package_totals(["2C.1.3.2"])
    assert list(totals["extra"]) == [4.5, 7.5, 10.5, 10.5, 10.5, 10.5]


def test_migratiefonds_2021_uses_bijlage_10():
    # B10 and the summary print 25 for 2021; chapter 6 prints 10 (discrepancy D1)
    assert model.package_totals(["2B.1.2"]).loc["2021", "extra"] == 25


def test_unquantified_cells_are_listed_not_summed():
    # 4.2b: 500 in 2021, then "Afhankelijk van de instroom"; 4.4 Rechtspraak "+" in every column
    totals = model.package_totals(["4.2b", "4.4"])
    assert list(totals["extra"]) == [500, 0, 0, 0, 0, 0]
    open_cells = model.unquantified(["4.2b", "4.4"])
    assert set(open_cells[open_cells["measure"] == "4.4"]["period"]) == set(model.PERIODS)
    assert set(open_cells[open_cells["measure"] == "4.2b"]["period"]) == {"2022", "2023", "2024", "2025", "structureel"}
    assert set(open_cells["marker"]) == {"unquantified_cost", "depends_on_inflow"}


def test_budget_neutral_measure_with_dash_marker():
    # 3.1.3 Vervolgopleidingen: "-" in every column (budgetneutraal per the text)
    assert list(model.package_totals(["3.1.3"])["saldo"]) == [0] * 6
    assert len(model.unquantified(["3.1.3"])) == 6


def test_empty_package_is_zero():
    assert (model.package_totals([]).to_numpy() == 0).all()


def test_alternatives_exclude_each_other():
    with pytest.raises(model.SelectionError, match="one option"):
        model.check_selection(["4.3a", "4.3b"])
    with pytest.raises(model.SelectionError, match="one option"):
        model.check_selection(["2C.1.3.1-quotum1000", "2C.3.3"])
    with pytest.raises(model.SelectionError, match="one option"):
        model.check_selection(["2B.1.1-liaisons", "2B.1.2"])
    # members of one option go together
    assert model.check_selection(["2B.1.1-liaisons", "2B.1.1-diplomatie"]) == ["2B.1.1-diplomatie", "2B.1.1-liaisons"]


def test_unknown_and_sub_row_codes_are_refused():
    with pytest.raises(model.SelectionError, match="unknown measure code '4.13'"):
        model.package_totals(["4.13"])
    with pytest.raises(model.SelectionError, match="sub-row"):
        model.package_totals(["2C.1.3.2-capaciteit"])


def test_double_count_warnings():
    w = model.double_count_warnings(["6.1", "6.2a", "4.1"])
    assert list(zip(w["measure_a"], w["measure_b"])) == [("6.1", "6.2a")]
    w = model.double_count_warnings(["2C.1.1-optie2", "2C.1.2"])
    assert len(w) == 1
    assert model.double_count_warnings(["6.1"]).empty


def test_duplicates_in_selection_count_once():
    assert model.package_totals(["5.5", "5.5"]).loc["structureel", "extra"] == 2


def test_measure_table_for_variant_6_as_printed():
    # Bijlage 10, Variant 6: 6.1 0 -25 ...; 6.2a 0 -25 ...; 6.2b 0 -58 ...; 6.3.1 and 6.3.2 all 0
    table = model.measure_table(["6"]).set_index("measure")
    assert list(table.index) == ["6.1", "6.2a", "6.2b", "6.3.1", "6.3.2"]
    assert list(table.loc["6.2b", list(model.PERIODS)]) == [0, -58, -58, -58, -58, -58]
    with pytest.raises(ValueError, match="unknown variant"):
        model.measure_table(["7"])


def test_all_savings_of_variant_4_and_5():
    # Every saving in variants 4 and 5, structural, as printed in Bijlage 10:
    # 4.6 -6, 4.7 -5, 4.8 -3,5, 4.11 -7,2, 4.12a -50, 4.12b -65, 4.12c -17, 5.1 -0,1, 5.3 -4,6, 5.4.1 -0,6
    codes = ["4.6", "4.7", "4.8", "4.11", "4.12a", "4.12b", "4.12c", "5.1", "5.3", "5.4.1"]
    assert model.package_totals(codes).loc["structureel", "savings"] == pytest.approx(-159.0)


def test_cells_come_in_report_order_not_string_order():
    # a bug found by the parity test: "4.10" sorted before "4.4" in the package's CSV
    assert list(model.package_cells(["4.10", "4.4"])["measure"].unique()) == ["4.4", "4.10"]
    assert list(model.measure_table(["4"])["measure"])[:4] == ["4.1", "4.2a", "4.2b", "4.3a"]
