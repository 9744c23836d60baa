"""Dutch number notation: parsing cells as printed, formatting for readers."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.data.numbers import DutchNumberError, Marker, format_nl, format_percent_nl, parse_dutch


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("1.410", 1410),
        ("29.562", 29562),
        ("1.822.177", 1822177),
        ("2,88", 2.88),
        ("-1,85", -1.85),
        ("\u22121,85", -1.85),
        ("0", 0),
        ("500", 500),
        ("32%", 32),
        ("9,2 %", 9.2),
        ("+", Marker.UNQUANTIFIED_COST),
        ("-", Marker.UNQUANTIFIED),
        ("Afhankelijk van de instroom", Marker.DEPENDS_ON_INFLOW),
        ("<10", Marker.SUPPRESSED),
    ],
)
def test_parse_dutch(printed, expected):
    assert parse_dutch(printed) == expected


@pytest.mark.parametrize(
    "printed, reason",
    [
        ("10.5", "English decimal point"),
        ("0111", "footnote"),
        ("", "missing"),
        ("   ", "missing"),
        ("1.41", "English decimal point"),
        ("12.3456", "not a number"),
        ("ca. 5", "not a number"),
        ("VK (6.00)", "not a number"),
    ],
)
def test_parse_dutch_refuses_ambiguous_cells(printed, reason):
    with pytest.raises(DutchNumberError) as info:
        parse_dutch(printed)
    assert reason.split()[0].lower() in str(info.value).lower() or reason == "not a number"


@pytest.mark.parametrize(
    "value, text",
    [
        (59310, "59.310"),
        (3.5, "3,5"),
        (-74, "\u221274"),
        (2.88, "2,88"),
        (1822177, "1.822.177"),
        (0.0, "0"),
        (-0.0, "0"),
        (3.75, "3,75"),
        (10.50, "10,5"),
        (0.001, "0"),
    ],
)
def test_format_nl(value, text):
    assert format_nl(value) == text


def test_format_percent():
    assert format_percent_nl(7449 / 29562 * 100) == "25,2%"


def test_format_refuses_nan():
    with pytest.raises(ValueError):
        format_nl(math.nan)


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_round_trip(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    assert parse_dutch(format_nl(value)) == pytest.approx(value)
