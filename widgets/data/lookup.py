"""Looking up one figure in ``data/`` by dataset name and primary key, for prose.

A reference is ``"<dataset>/<key 1>/<key 2>..."``: the dataset name, then the
values of its primary-key columns in schema order, e.g.
``"b9_inflow_by_type/2015/totaal"`` or ``"key_figures/grant_rate_2019"``.
"""
from __future__ import annotations

import pandas as pd

from .labels import MARKER_LABELS_NL
from .numbers import Marker, format_nl
from .tables import DataError, load, metadata, primary_key


class LookupError_(KeyError):
    """A reference names no dataset, or no row of it."""

    def __str__(self) -> str:  # KeyError quotes its message; we do not want that
        return str(self.args[0])


def lookup_row(reference: str) -> tuple[pd.Series, dict]:
    """The row a reference points to and the dataset's provenance.
    Raises LookupError_ for an unknown dataset, a key of the wrong length or
    a key that matches no row."""
    name, *key = reference.strip().split("/")
    try:
        frame = load(name)
        meta = metadata(name)
    except DataError as exc:
        raise LookupError_(str(exc)) from exc
    primary = primary_key(name)
    if len(key) != len(primary):
        raise LookupError_(f"{name} is keyed by {'/'.join(primary)}; got {'/'.join(key) or 'no key'}")
    mask = pd.Series(True, index=frame.index)
    for column, wanted in zip(primary, key):
        mask &= frame[column].astype("string") == wanted
    rows = frame[mask]
    if len(rows) != 1:
        raise LookupError_(f"no row {'/'.join(key)} in {name}")
    return rows.iloc[0], meta


def source_text(meta: dict, row: pd.Series | None = None) -> str:
    """``"Bron: rapport, Bijlage 9, Tabel 3.1"``, the row's own report section
    where the table has one (``"Bron: rapport, § 4.4.3"``), or the outside
    source's title."""
    if meta.get("from_report"):
        if row is not None and "report_section" in row.index and not pd.isna(row["report_section"]):
            section = str(row["report_section"])
            return "Bron: rapport, " + (f"§ {section}" if section[:1].isdigit() else section)
        parts = [meta.get("report_section"), meta.get("report_table")]
        return "Bron: rapport, " + ", ".join(str(p) for p in parts if p)
    titles = [s.get("title", "") for s in meta.get("sources", [])]
    return "Bron (buiten het rapport): " + "; ".join(titles)


def lookup_text(reference: str) -> tuple[str, str]:
    """The figure in Dutch notation and its source line, e.g. ``("59.310",
    "Bron: rapport, Bijlage 9, Tabel 3.1")``. Percent units get a ``%`` sign;
    a marker cell gives its Dutch label."""
    row, meta = lookup_row(reference)
    unit = str(row["unit"]) if "unit" in row.index else str(meta.get("unit", ""))
    if "marker" in row.index and not pd.isna(row["marker"]) and row["marker"] != "":
        return MARKER_LABELS_NL[Marker(row["marker"])], source_text(meta, row)
    text = format_nl(float(row["value"]))
    if unit.strip().lower() in ("procent", "%", "percent"):
        text += "%"
    return text, source_text(meta, row)
