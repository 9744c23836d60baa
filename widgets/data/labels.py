"""The one map from the code's English terms to the Dutch words readers see.

Code names a concept once, in English (the glossary in ARCHITECTURE.md):
``period`` (2021..2025 or ``structureel``), ``measure``, ``value``, ``geo``,
``extra``/``savings``/``saldo`` (a package's totals), ``requests``/``transfers``/
``rate`` (Dublin), ``count``/``share`` (how a series is shown). Readers see the
Dutch label from :data:`NL`. Labels that belong to the data itself (variant
titles, measure titles, country names, series names) live in ``data/``.
"""
from __future__ import annotations

from .numbers import Marker

NL: dict[str, str] = {
    # budget packages
    "extra": "Extra uitgaven",
    "savings": "Besparingen",
    "saldo": "Saldo",
    "period": "Jaar",
    "structureel": "Structureel",
    "measure": "Maatregel",
    "variant": "Variant",
    "package_total": "Totaal van het pakket",
    # time series
    "year": "Jaar",
    "series": "Reeks",
    "value": "Waarde",
    "count": "aantallen",
    "share": "aandeel",
    "total": "Totaal van de gekozen reeksen",
    # Dublin
    "geo": "Land",
    "requests": "Uitgaande verzoeken",
    "transfers": "Uitgaande overdrachten",
    "rate": "Overdrachten per 100 verzoeken",
    # cells without a number (see widgets.data.numbers.Marker)
    Marker.UNQUANTIFIED_COST.value: "+ (extra kosten, niet becijferd)",
    Marker.UNQUANTIFIED.value: "- (niet becijferd)",
    Marker.DEPENDS_ON_INFLOW.value: "afhankelijk van de instroom",
    Marker.SUPPRESSED.value: "<10",
    Marker.NOT_AVAILABLE.value: "niet beschikbaar",
    "not_available_short": "n.b.",  # in table cells, explained by NOT_AVAILABLE_KEY_NL under the table
}

MARKER_LABELS_NL = {m: NL[m.value] for m in Marker}
NOT_AVAILABLE_NL = NL[Marker.NOT_AVAILABLE.value]
NOT_AVAILABLE_SHORT_NL = NL["not_available_short"]
NOT_AVAILABLE_KEY_NL = "n.b. = niet beschikbaar: de tabel van het rapport heeft hier geen getal (de toelichting zegt waarom)."


def label(term: str) -> str:
    """The Dutch label of a term; raises KeyError naming the term when it has none."""
    try:
        return NL[term]
    except KeyError:
        raise KeyError(f"no Dutch label for {term!r}; add it to widgets.data.labels.NL") from None


def period_label(period: str) -> str:
    """``"2021"`` -> ``"2021"``, ``"structureel"`` -> ``"Structureel"``."""
    return NL.get(period, period)
