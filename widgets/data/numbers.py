"""Reading and writing numbers in Dutch notation.

The report prints ``1.410`` for one thousand four hundred and ten and ``2,88``
for two point eight eight. Readers of the book see the same notation; data files
and downloads use a decimal point. This module converts in both directions and
refuses anything ambiguous instead of guessing.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

MINUS = "\u2212"  # the typographic minus, also used by Vega's number format


class Marker(StrEnum):
    """A printed cell that is deliberately not a number."""

    UNQUANTIFIED_COST = "unquantified_cost"  # printed "+"
    UNQUANTIFIED = "unquantified"  # printed "-"
    DEPENDS_ON_INFLOW = "depends_on_inflow"  # printed "Afhankelijk van de instroom"
    SUPPRESSED = "suppressed"  # printed "<10"
    NOT_AVAILABLE = "not_available"  # nothing printed / not counted


_PRINTED_MARKERS = {
    "+": Marker.UNQUANTIFIED_COST,
    "-": Marker.UNQUANTIFIED,
    "afhankelijk van de instroom": Marker.DEPENDS_ON_INFLOW,
    "<10": Marker.SUPPRESSED,
}

_THOUSANDS = re.compile(r"^(?P<sign>[-\u2212]?)(?P<int>[1-9]\d{0,2}(?:\.\d{3})+)(?:,(?P<frac>\d+))?(?P<pct>\s?%)?$")
_PLAIN = re.compile(r"^(?P<sign>[-\u2212]?)(?P<int>0|[1-9]\d*)(?:,(?P<frac>\d+))?(?P<pct>\s?%)?$")


class DutchNumberError(ValueError):
    """A printed cell that is not a plain number in Dutch notation."""


def parse_dutch(printed: str) -> float | Marker:
    """Parse one cell as printed in the report.

    Returns a float (percentages as percent numbers: ``"32%"`` -> 32.0) or a
    :class:`Marker` for ``+``, ``-``, ``<10`` and "Afhankelijk van de instroom".

    Raises DutchNumberError for an empty cell (missing is not zero), for a dot
    that is not a thousands separator (``"10.5"``), for a number with leading
    zeros (``"0111"``, typically a glued footnote) and for anything else that is
    not Dutch notation.
    """
    text = printed.strip()
    if not text:
        raise DutchNumberError("empty cell: a missing value is not a number (and not zero)")
    marker = _PRINTED_MARKERS.get(text.lower())
    if marker is not None:
        return marker
    for pattern in (_THOUSANDS, _PLAIN):
        m = pattern.match(text)
        if m:
            number = float(m["int"].replace(".", "") + ("." + m["frac"] if m["frac"] else ""))
            return -number if m["sign"] else number
    if re.fullmatch(r"[-\u2212]?\d+\.\d{1,2}", text):
        raise DutchNumberError(
            f"{printed!r}: a dot followed by {len(text.split('.')[1])} digit(s) is not a Dutch "
            "thousands separator; is it an English decimal point?"
        )
    if re.fullmatch(r"0\d+", text):
        raise DutchNumberError(f"{printed!r}: leading zero; is a footnote number glued to the value?")
    raise DutchNumberError(f"{printed!r} is not a number in Dutch notation")


# The one definition of Dutch number notation: format_nl below, Vega's charts (vl-convert
# at build time, the Vega runtime in the browser) and the browser's table cells all use it.
NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""], "minus": MINUS}


def format_nl(value: float, decimals: int = 2, trim: bool = True) -> str:
    """Format a number in Dutch notation for readers: ``59310`` -> ``"59.310"``,
    ``3.5`` -> ``"3,5"``, ``-74`` -> ``"−74"`` (typographic minus).

    ``decimals`` is the maximum number of decimals; with ``trim`` trailing
    zeros are dropped (as Vega's ``",.2~f"`` does). A tie is rounded away from
    zero on the exact binary value, as JavaScript's ``toFixed`` does, so the
    browser prints the same text. Raises ValueError for NaN.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError("cannot format a missing value as a number")
    exact = Decimal(abs(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    loc = NUMBER_LOCALE
    text = text.replace(",", "_").replace(".", loc["decimal"]).replace("_", loc["thousands"])
    if text.strip("0,.") == "":
        return "0" if trim else text
    return (loc["minus"] if value < 0 else "") + text


def format_percent_nl(value: float, decimals: int = 1) -> str:
    """``25.198`` -> ``"25,2%"``; value is a percent number."""
    return format_nl(value, decimals=decimals, trim=False) + "%"
