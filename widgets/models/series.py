"""Time series: choose series and a range of years, read the numbers.

One model for several tables of Bijlage 9 (asylum inflow by type, EU+
applications by country, COA reception, length of stay, outflow and duration
per spoor). Each is read from ``data/`` into a :class:`SeriesData`: a tidy
frame with columns ``year`` (int), ``series`` (id), ``label`` (Dutch, from the
data), ``value`` (Float64, <NA> where the report has no number), ``marker``
(why a value is missing, or <NA>) and ``note`` (the data file's note on a
missing value, or <NA>).

Missing values stay missing: a type that was not counted separately in a year
is <NA>, never 0, with the data file's note on why; a total adds the chosen
series that have a number (as the report's own totals do: before 2013 nareis
is inside the first applications) and is <NA> when none has.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..data import load
from ..data.lookup import source_text

ROUND = 6  # decimals kept in computed numbers (sums, shares)


class SeriesError(ValueError):
    """A request the data cannot answer: unknown series, years outside the
    data, start after end, an empty choice, or shares without a reference."""


@dataclass(frozen=True)
class SeriesData:
    """A tidy series table with its provenance.

    ``frame``: see the module doc. ``unit``: Dutch unit from the descriptor.
    ``source``: "Bron: rapport, Bijlage 9, Tabel 3.1". ``summable``: a total
    of the chosen series means something. ``reference``: per-year denominator
    for shares (year -> value), e.g. the printed EU+ total; ``always``: series
    that are always chosen (e.g. the Netherlands); ``printed_share``: shares as
    printed in the report, (series, year) -> percent.
    """

    name: str
    frame: pd.DataFrame
    unit: str
    source: str
    summable: bool = True
    reference: dict[int, float] | None = None
    always: tuple[str, ...] = ()
    printed_share: dict[tuple[str, int], float] = field(default_factory=dict)

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
    (Float64, <NA> where the data has no number) and, for summable data in
    count mode, column ``"total"`` (sum of the chosen series that have a
    number; <NA> when none has). With ``mode="share"`` values are percentages
    of ``data.reference`` for that year (no total). Rounded to 6 decimals.
    Raises SeriesError (see :func:`check_request`), for an unknown mode or
    for shares of data without a reference.
    """
    chosen = check_request(data, series, start, end)
    frame = data.frame[(data.frame["year"] >= start) & (data.frame["year"] <= end) & data.frame["series"].isin(chosen)]
    wide = frame.pivot(index="year", columns="series", values="value").reindex(columns=chosen)
    wide = wide.reindex(range(start, end + 1)).astype("Float64")
    if mode == "share":
        wide = shares(data, wide)
    elif mode != "count":
        raise SeriesError(f"unknown mode {mode!r}; use 'count' or 'share'")
    elif data.summable:
        wide["total"] = wide[chosen].sum(axis=1, skipna=True, min_count=1)  # no number at all: missing, not 0
    wide.index.name = "year"
    return wide.round(ROUND)


def shares(data: SeriesData, wide: pd.DataFrame) -> pd.DataFrame:
    """``wide`` (years x series, counts) as percentages of ``data.reference``."""
    if not data.reference:
        raise SeriesError(f"{data.name}: no reference total for shares")
    reference = pd.Series({y: data.reference[y] for y in wide.index}, dtype="Float64")
    return wide.div(reference, axis=0) * 100


def missing_notes(data: SeriesData, series: Sequence[str], start: int, end: int) -> list[tuple[str, list[int], str]]:
    """Why cells of the request have no number: (series id, years, note) per
    series and distinct note, in data order."""
    chosen = check_request(data, series, start, end)
    f = data.frame
    rows = f[f["series"].isin(chosen) & f["value"].isna() & (f["year"] >= start) & (f["year"] <= end)]
    out: dict[tuple[str, str], list[int]] = {}
    for _, r in rows.iterrows():
        note = "" if pd.isna(r["note"]) else str(r["note"])
        out.setdefault((str(r["series"]), note), []).append(int(r["year"]))
    return [(series_id, years, note) for (series_id, note), years in out.items()]


# --- the tables of Bijlage 9 as series --------------------------------------------------

def _tidy(name: str, series_col: str, label_col: str, where: Callable | None = None, unit: str | None = None, **kw) -> SeriesData:
    frame = load(name)
    if where is not None:
        frame = frame[where(frame)]
    tidy = pd.DataFrame(
        {
            "year": frame["year"].astype(int),
            "series": frame[series_col].astype(str),
            "label": frame[label_col].astype(str),
            "value": frame["value"].astype("Float64"),
            "marker": frame["marker"],
            "note": frame["note"],
        }
    ).reset_index(drop=True)
    return SeriesData(name=name, frame=tidy, unit=unit or frame.attrs["unit"], source=source_text(frame.attrs), **kw)


def inflow() -> SeriesData:
    """Asylum inflow by type of application, 2010-2019 (Bijlage 9, Tabel 3.1),
    without the printed total (a total adds the chosen types). Labels as
    printed, without footnote stars."""
    data = _tidy("b9_inflow_by_type", "type", "type_label", where=lambda f: f["type"] != "totaal")
    frame = data.frame.assign(label=data.frame["label"].str.rstrip("*").str.capitalize())
    return SeriesData(**{**data.__dict__, "frame": frame})


def eu_first_applications() -> SeriesData:
    """First asylum applications in the EU+ by country, 2014-2019 (Bijlage 9,
    Tabel 3.5); country names from ``geo_names``; shares are computed against
    the printed EU+ total, the printed shares kept beside them."""
    frame = load("b9_eu_first_applications")
    names = load("geo_names").set_index("geo")["name_nl"]
    counts = frame[(frame["series"] == "aantal") & (frame["geo"] != "TOTAL")]
    total = frame[(frame["series"] == "aantal") & (frame["geo"] == "TOTAL")]
    printed = frame[frame["series"] == "aandeel"]
    tidy = pd.DataFrame(
        {
            "year": counts["year"].astype(int),
            "series": counts["geo"].astype(str),
            "label": counts["geo"].map(names).astype(str),
            "value": counts["value"].astype("Float64"),
            "marker": counts["marker"],
            "note": counts["note"],
        }
    ).reset_index(drop=True)
    return SeriesData(
        name="b9_eu_first_applications",
        frame=tidy,
        unit="eerste asielaanvragen",
        source=source_text(frame.attrs),
        summable=False,
        reference={int(y): float(v) for y, v in zip(total["year"], total["value"])},
        always=("NL",),
        printed_share={(str(g), int(y)): float(v) for g, y, v in zip(printed["geo"], printed["year"], printed["value"])},
    )


def reception() -> SeriesData:
    """COA reception: received, left, occupancy, of whom permit holders, 2010-2019 (Tabel 1.2)."""
    return _tidy("b9_reception_flows", "measure", "measure_label", summable=False)


def reception_stay() -> SeriesData:
    """Length of stay in central reception, share of residents per duration
    class, 2012-2018 (Tabel 1.1; percent, rows as printed, so they need not add to 100)."""
    return _tidy("b9_reception_stay", "category", "category_label", where=lambda f: f["unit"] == "procent",
                 unit="procent van de bewoners")


def track_outflow() -> SeriesData:
    """Outflow of first asylum applications per spoor, 2016-2019 (Tabel 3.2)."""
    return _tidy("b9_outflow_by_track", "track", "track_label")


def track_duration() -> SeriesData:
    """Average processing time at outflow per spoor in weeks, 2016-2019 (Tabel 3.3)."""
    return _tidy("b9_duration_by_track", "track", "track_label", summable=False)
