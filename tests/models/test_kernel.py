"""The kernel face of the package builder (ipywidgets) gives the model's numbers
and exposes the selection, totals and cells as DataFrames."""
import pandas as pd
import pytest

from widgets import book
from widgets.figures.package import builder_html
from widgets.kernel import ChoiceError
from widgets.kernel.package import Package
from widgets.models import budget as model


def test_toggling_widgets_updates_the_dataframes():
    b = Package(["4"])
    assert b.codes == [] and b.selection.empty  # the package starts empty
    b._checkboxes["4.12a"].value = True
    assert list(b.selection.index) == ["4.12a"]
    assert b.selection.loc["4.12a", "title"] == "Doelmatigheidskorting IND"
    assert list(b.totals["savings"]) == [-14, -26, -38, -50, -50, -50]  # 4.12a as printed in Bijlage 10
    b._radios["4.3"].value = "4.3b"  # 4.3 b: 0 8 16 16 16 16
    assert "4.3b" in b.codes
    pd.testing.assert_frame_equal(b.totals, model.package_totals(b.codes))
    assert set(b.cells["measure"]) == set(b.codes)


def test_radio_keeps_one_option():
    b = Package(["2C"])
    b._radios["hervestigingsquotum"].value = "2C.1.3.1-quotum5000"
    b._radios["hervestigingsquotum"].value = "2C.3.3"
    assert "2C.3.3" in b.codes and "2C.1.3.1-quotum5000" not in b.codes
    # quotum to 0: -0,2 in 2021, -0,7 from 2022
    b.set_selection(["2C.3.3"])
    assert list(b.totals["saldo"]) == [-0.2, -0.7, -0.7, -0.7, -0.7, -0.7]


@pytest.mark.parametrize("codes, words", [
    (["6.2a", "6.2b"], "6.2a, 6.2b horen bij één groep"),
    (["9.9"], "Onbekende maatregel: 9.9"),
    (["2C.1.3.2-capaciteit"], "2C.1.3.2-capaciteit is een onderdeel"),
])
def test_a_wrong_choice_from_code_is_one_dutch_sentence(codes, words):
    b = Package()
    with pytest.raises(ChoiceError, match=words) as info:
        b.selection = codes
    assert info.value._render_traceback_() == [f"ChoiceError: {info.value}"]  # IPython shows no traceback


def test_faces_follow_the_environment(monkeypatch):
    monkeypatch.setenv("BMH_FACE", "static")
    assert "bmh-figure" in book.package_builder(["5"])._repr_html_()
    monkeypatch.setenv("BMH_FACE", "")
    assert isinstance(book.package_builder(["5"]), Package)


def test_website_face_starts_empty_with_zero_totals():
    html = builder_html(["6"], figure_id="t")
    table = html.split('<table class="bmh-table bmh-live"')[1].split("<tbody>")[1].split("</tbody>")[0]
    assert "\u2212" not in table  # no amount in the totals table
    assert 'data-items="6.1"' in html and 'data-items="5.5"' not in html
    with pytest.raises(ValueError):
        builder_html(["9"])


def test_selection_can_be_assigned_and_stays_within_the_variants():
    b = Package(["5"])
    b.selection = ["5.5", "5.2a"]  # 5.5: 0 1 2 2 2 2; 5.2 beperkt: 0 0,48 0,8 0,8 0,8 0,8
    assert list(b.totals["extra"]) == [0, 1.48, 2.8, 2.8, 2.8, 2.8]
    with pytest.raises(ChoiceError, match="Niet in deze figuur"):
        b.selection = ["4.1"]


def test_a_wrong_code_names_what_this_builder_allows():
    b = Package(["4"])
    with pytest.raises(ChoiceError) as info:
        b.selection = ["4.99"]
    message = str(info.value)
    assert message.startswith("Onbekende maatregel: 4.99. Te kiezen in deze figuur: 4.1, 4.2a,")
    assert message.endswith("4.12c.") and "5.1" not in message and "\n" not in message
    with pytest.raises(ChoiceError, match=r"^Onbekende variant: 9\. Te kiezen: 1, 2A, "):
        Package(["9"])


def test_one_code_as_a_string_is_a_selection_of_one():
    b = Package(["4"])
    b.selection = "4.1"
    assert b.codes == ["4.1"]


def test_the_view_comes_before_the_controls_which_scroll_on_their_own():
    from widgets.kernel import KERNEL_CLASS

    b = Package(["4"])
    assert KERNEL_CLASS in b.widget._dom_classes
    row = b.widget.children[-1]
    view, panel = row.children
    assert view.children == (b._output,)  # the totals first (left, or above when the window is narrow)
    assert "bmh-controls" in panel._dom_classes and panel.layout.max_height and panel.layout.overflow == "auto"
    assert row.layout.flex_flow == "row wrap"


def test_a_tick_replaces_table_and_chart_in_one_step():
    b = Package(["4"])
    b._checkboxes["4.1"].value = True
    html, chart = b._output.outputs  # one update: the view and its chart together, never half
    assert "Gekozen: 4.1 Flexpool asielketen" in html["data"]["text/html"] and "2,88" in html["data"]["text/html"]
    assert chart["data"]["image/svg+xml"].startswith("<svg")
