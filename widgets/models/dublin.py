"""Dublin transfers: the report's one aggregate and, from outside the report,
yearly Eurostat counts. The transfer rate is always computed here from its
numerator and denominator, never read from a printed percentage.

Sources: ``data/dublin_report.csv`` (report § 4.4.4, footnote 77: ACVZ 2019)
and ``data/dublin_external.csv`` (Eurostat pages, marked as not from the
report, with caveats per row).
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..data import load

REQUESTS = "eurostat_uitgaande_verzoeken"
TRANSFERS = "eurostat_uitgaande_overdrachten"
ROUND = 6  # decimals kept in computed rates


class DublinError(ValueError):
    """A request the Dublin data cannot answer (unknown country, year outside the data)."""


def report_figures() -> dict[str, float]:
    """The report's aggregate for 2014-2018: ``claims`` and ``transfers``
    (persons), ``printed_share`` and ``eu_average_printed`` (percent as
    printed), ``computed_share`` (transfers / claims x 100, unrounded) and
    ``transfer_term_months``. Source: report § 4.4.4 (ACVZ 2019)."""
    d = load("dublin_report").set_index("key")["value"].astype(float)
    claims, transfers = d["dublin_claims_2014_2018"], d["dublin_transfers_2014_2018"]
    return {
        "claims": claims,
        "transfers": transfers,
        "printed_share": d["dublin_transfer_share_printed"],
        "computed_share": transfers / claims * 100,
        "eu_average_printed": d["dublin_eu_average_share"],
        "transfer_term_months": d["dublin_transfer_term_max_months"],
    }


def observations() -> pd.DataFrame:
    """Plottable Eurostat calendar-year counts of outgoing requests and
    transfers: columns geo, year (int), kind ('requests' or 'transfers'),
    value (float), caveats (tuple of caveat numbers), source_title, source_url."""
    f = load("dublin_external")
    f = f[f["series"].isin([REQUESTS, TRANSFERS]) & f["plot"].fillna(False) & f["value"].notna()]
    f = f[f["period_type"] == "kalenderjaar"]
    return pd.DataFrame(
        {
            "geo": f["geo"].astype(str),
            "year": f["year_start"].astype(int),
            "kind": f["series"].map({REQUESTS: "requests", TRANSFERS: "transfers"}),
            "value": f["value"].astype(float),
            "caveats": f["caveats"].fillna("").map(lambda c: tuple(int(n) for n in str(c).split(";") if n)),
            "source_title": f["source_title"].astype(str),
            "source_url": f["source_url"].astype(str),
        }
    ).reset_index(drop=True)


def geos(obs: pd.DataFrame | None = None) -> list[str]:
    """The countries and groups with plottable counts, in data order."""
    obs = observations() if obs is None else obs
    return list(dict.fromkeys(obs["geo"]))


def years(obs: pd.DataFrame | None = None) -> list[int]:
    """Every calendar year from the first to the last with plottable counts."""
    obs = observations() if obs is None else obs
    return list(range(int(obs["year"].min()), int(obs["year"].max()) + 1))


def rates(chosen: Sequence[str], start: int, end: int, obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Requests, transfers and the rate per country and year.

    DataFrame with columns geo, year, requests, transfers (Float64 or <NA>)
    and rate (transfers per 100 outgoing requests in the same calendar year,
    <NA> unless both counts exist), one row per (geo, year) with at least one
    count, sorted by the order of ``chosen`` then year. Raises DublinError for
    an unknown country or a year outside the data, or start after end.
    """
    obs = observations() if obs is None else obs
    known = geos(obs)
    unknown = [g for g in chosen if g not in known]
    if unknown:
        raise DublinError(f"unknown country {', '.join(unknown)}; known: {', '.join(known)}")
    span = years(obs)
    for year in (start, end):
        if not span[0] <= year <= span[-1]:
            raise DublinError(f"year {year} is outside the data ({span[0]}-{span[-1]})")
    if start > end:
        raise DublinError(f"start year {start} is after end year {end}")
    part = obs[obs["geo"].isin(chosen) & obs["year"].between(start, end)]
    wide = part.pivot_table(index=["geo", "year"], columns="kind", values="value", aggfunc="first")
    wide = wide.reindex(columns=["requests", "transfers"]).astype("Float64").reset_index()
    wide["rate"] = (wide["transfers"] / wide["requests"] * 100).round(ROUND)
    order = {g: i for i, g in enumerate(chosen)}
    wide = wide.sort_values(["geo", "year"], key=lambda s: s.map(order) if s.name == "geo" else s).reset_index(drop=True)
    wide.columns.name = None
    return wide
