"""The {value} role's lookup: prose figures come from data/, in Dutch notation, with their source."""
import pytest

from widgets.data.lookup import LookupError_, lookup_text


def test_table_cell_in_dutch_notation_with_source():
    # Bijlage 9, Tabel 3.1: Totaal 2015 = 59.310
    assert lookup_text("b9_inflow_by_type/2015/totaal") == ("59.310", "Bron: rapport, Bijlage 9, Tabel 3.1")


def test_percentages_get_a_percent_sign_and_the_rows_own_section():
    text, source = lookup_text("dublin_report/dublin_transfer_share_printed")
    assert text == "32%"  # printed "(32%)" in § 4.4.4
    assert source == "Bron: rapport, § 4.4.4"


def test_decimal_comma():
    # 4.1 Flexpool asielketen, Bijlage 10, 2022: 2,88
    assert lookup_text("budget_printed/4.1/B10/2022")[0] == "2,88"


def test_marker_cells_read_as_their_label():
    assert lookup_text("budget_printed/4.4/B10/2022")[0] == "+ (extra kosten, niet becijferd)"


@pytest.mark.parametrize(
    "reference, message",
    [
        ("no_such_table/1", "unknown dataset"),
        ("b9_inflow_by_type/2015", "keyed by year/type"),
        ("b9_inflow_by_type/2031/totaal", "no row 2031/totaal"),
    ],
)
def test_bad_references_fail_clearly(reference, message):
    with pytest.raises(LookupError_, match=message):
        lookup_text(reference)
