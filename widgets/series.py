"""Time-series explorers: choose series and a range of years, read the numbers.

One model for several figures (asylum inflow by type, EU+ applications by
country, COA reception, outflow and duration per spoor). The input is a tidy
frame with columns ``year`` (int), ``series`` (id), ``label`` (Dutch),
``value`` (float or <NA>), ``marker`` (why a value is missing, or <NA>) and
``note`` (the data file's note on a missing value, or <NA>).
:func:`series_table` is the computation; ``static/bmh-series.js`` mirrors it in
the browser (parity is tested in Chromium).

Missing values stay missing: a type that was not counted separately in a year
shows as "niet beschikbaar", never as 0, with the data file's note on why;
a total adds the chosen series that have a number (as the report's own
totals do: before 2013 nareis is inside the first applications).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

ROUND = 6


class SeriesError(ValueError):
    """A request the data cannot answer: unknown series, years outside the data,
    an empty choice."""


@dataclass(frozen=True)
class SeriesData:
    """A tidy series table with its provenance.

    ``frame``: columns year, series, label, value, marker, note (see module doc).
    ``unit``: Dutch unit for readers. ``reference``: optional per-year
    denominator (dict year -> value) for shares, e.g. the EU+ total.
    ``always``: series that are always shown (e.g. the Netherlands).
    """

    name: str
    frame: pd.DataFrame
    unit: str
    source: str
    reference: dict[int, float] | None = None
    reference_label: str = ""
    always: tuple[str, ...] = ()
    total_label: str | None = "Totaal van de gekozen reeksen"
    extra: dict = field(default_factory=dict)

    @property
    def series(self) -> list[str]:
        return list(dict.fromkeys(self.frame["series"]))

    @property
    def labels(self) -> dict[str, str]:
        return dict(zip(self.frame["series"], self.frame["label"]))

    @property
    def years(self) -> list[int]:
        return sorted(set(int(y) for y in self.frame["year"]))


def check_request(data: SeriesData, series: Sequence[str], start: int, end: int) -> list[str]:
    """The chosen series (with ``always`` added, in data order). Raises
    SeriesError for an unknown series, a year outside the data, start > end
    or an empty choice."""
    known = data.series
    unknown = [s for s in series if s not in known]
    if unknown:
        raise SeriesError(f"{data.name}: unknown series {', '.join(unknown)}; known: {', '.join(known)}")
    first, last = data.years[0], data.years[-1]
    for year in (start, end):
        if not first <= year <= last:
            raise SeriesError(f"{data.name}: year {year} is outside the data ({first}-{last})")
    if start > end:
        raise SeriesError(f"{data.name}: start year {start} is after end year {end}")
    chosen = [s for s in known if s in set(series) | set(data.always)]
    if not chosen:
        raise SeriesError(f"{data.name}: choose at least one series")
    return chosen


def series_table(data: SeriesData, series: Sequence[str], start: int, end: int, mode: str = "count") -> pd.DataFrame:
    """The numbers a reader asked for.

    DataFrame indexed by year (start..end), one column per chosen series id
    (float, <NA> where the data has no number) and, when the data defines a
    total, column ``"total"`` (sum of the chosen series that have a number;
    <NA> when none has). With
    ``mode="share"`` values are percentages of ``data.reference`` for that year
    (and no total). Rounded to 6 decimals. Raises SeriesError (see
    :func:`check_request`) or for a share request on data without reference.
    """
    chosen = check_request(data, series, start, end)
    frame = data.frame[(data.frame["year"] >= start) & (data.frame["year"] <= end) & data.frame["series"].isin(chosen)]
    wide = frame.pivot(index="year", columns="series", values="value").reindex(columns=chosen)
    wide = wide.reindex(range(start, end + 1)).astype("Float64")
    if mode == "share":
        if not data.reference:
            raise SeriesError(f"{data.name}: no reference total for shares")
        ref = pd.Series({y: data.reference[y] for y in wide.index}, dtype="Float64")
        wide = wide.div(ref, axis=0) * 100
    elif mode != "count":
        raise SeriesError(f"unknown mode {mode!r}; use 'count' or 'share'")
    elif data.total_label:
        wide["total"] = wide[chosen].sum(axis=1, skipna=True, min_count=1)  # no number at all: missing, not 0
    wide.index.name = "year"
    return wide.round(ROUND)


def missing_notes(data: SeriesData, series: Sequence[str], start: int, end: int) -> list[tuple[str, list[int], str]]:
    """Why cells of the request have no number: (series label, years, note)
    per distinct note, in data order."""
    chosen = check_request(data, series, start, end)
    f = data.frame
    rows = f[f["series"].isin(chosen) & f["value"].isna() & (f["year"] >= start) & (f["year"] <= end)]
    out: dict[tuple[str, str], list[int]] = {}
    for _, r in rows.iterrows():
        note = "" if pd.isna(r["note"]) else str(r["note"])
        out.setdefault((str(r["label"]), note), []).append(int(r["year"]))
    return [(label, years, note) for (label, note), years in out.items()]


def payload(data: SeriesData) -> dict:
    """What the browser needs (JSON): years, series ids/labels, values as
    {series: [value per year or null]}, notes on missing values
    {series: [note or null per year]}, reference, always."""
    years = data.years
    values, notes = {}, {}
    for s in data.series:
        part = data.frame[data.frame["series"] == s].set_index("year")
        values[s] = [None if (y not in part.index or pd.isna(part.loc[y, "value"])) else float(part.loc[y, "value"]) for y in years]
        notes[s] = [None if v is not None or pd.isna(part.loc[y, "note"]) else str(part.loc[y, "note"]) for y, v in zip(years, values[s])]
    return {
        "name": data.name,
        "years": years,
        "series": data.series,
        "labels": data.labels,
        "values": values,
        "notes": notes,
        "reference": {str(y): v for y, v in (data.reference or {}).items()},
        "always": list(data.always),
        "totalLabel": data.total_label,
        "unit": data.unit,
    }
