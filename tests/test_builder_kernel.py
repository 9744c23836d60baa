"""The kernel face of the package builder (ipywidgets) gives the model's numbers
and exposes the selection and totals as DataFrames."""
import pandas as pd
import pytest

from widgets import budget as model
from widgets.builder import BudgetBuilder, budget_builder, builder_html


def test_toggling_widgets_updates_the_dataframes():
    b = BudgetBuilder(["4"])
    assert b.selection == []  # the package starts empty
    b._checkboxes["4.12a"].value = True
    assert b.selection == ["4.12a"]
    assert list(b.totals["savings"]) == [-14, -26, -38, -50, -50, -50]  # 4.12a as printed in Bijlage 10
    b._radios["4.3"].value = "4.3b"  # 4.3 b: 0 8 16 16 16 16
    assert "4.3b" in b.selection
    pd.testing.assert_frame_equal(b.totals, model.package_totals(b.selection))
    assert set(b.cells["measure"]) == set(b.selection)


def test_radio_keeps_one_option():
    b = BudgetBuilder(["2C"])
    b._radios["hervestigingsquotum"].value = "2C.1.3.1-quotum5000"
    b._radios["hervestigingsquotum"].value = "2C.3.3"
    assert "2C.3.3" in b.selection and "2C.1.3.1-quotum5000" not in b.selection
    # quotum to 0: -0,2 in 2021, -0,7 from 2022
    b.set_selection(["2C.3.3"])
    assert list(b.totals["saldo"]) == [-0.2, -0.7, -0.7, -0.7, -0.7, -0.7]


def test_set_selection_refuses_what_the_report_excludes():
    b = BudgetBuilder()
    with pytest.raises(model.SelectionError):
        b.set_selection(["6.2a", "6.2b"])


def test_faces_follow_the_environment(monkeypatch):
    monkeypatch.setenv("BMH_FACE", "static")
    assert "bmh-figure" in budget_builder(["5"])._repr_html_()
    monkeypatch.setenv("BMH_FACE", "")
    assert isinstance(budget_builder(["5"]), BudgetBuilder)


def test_website_face_starts_empty_with_zero_totals():
    html = builder_html(["6"], figure_id="t")._repr_html_()
    assert "\u2212" not in html.split("<tbody>")[-1].split("</tbody>")[0]  # no amount in the totals table
    assert 'value="6.1"' in html and 'value="5.5"' not in html
    with pytest.raises(ValueError):
        builder_html(["9"])


def test_selection_can_be_assigned_and_stays_within_the_variants():
    b = BudgetBuilder(["5"])
    b.selection = ["5.5", "5.2a"]  # 5.5: 0 1 2 2 2 2; 5.2 beperkt: 0 0,48 0,8 0,8 0,8 0,8
    assert list(b.totals["extra"]) == [0, 1.48, 2.8, 2.8, 2.8, 2.8]
    with pytest.raises(model.SelectionError, match="not in variant"):
        b.selection = ["4.1"]
