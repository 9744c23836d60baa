"""The budget model: packages of measures and their budgettary effect.

Source: the report's budget tables (summary pages, chapter 6, Bijlage 10) as
tidy data in ``data/budget_*.csv``. Amounts are EUR million per year for
2021-2025 plus the structural level, sign convention of the report:
+ = saldoverslechterend (extra spending), - = saving. Only the canonical
printed value of each cell is used (see ``budget_printed.canonical``).
Cells the report leaves unquantified (``+``, ``-``, "Afhankelijk van de
instroom") are never summed; they are listed beside the totals.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..data import load

PERIODS = ("2021", "2022", "2023", "2024", "2025", "structureel")
ROUND = 6  # decimals kept in sums (the report prints at most 2)


class SelectionError(ValueError):
    """A package the report does not allow. ``kind`` says why: "unknown" (a
    code the data does not have), "sub_row" (a row that cannot be chosen on its
    own) or "conflict" (two options of one group); ``codes`` names them."""

    def __init__(self, message: str, kind: str = "", codes: Iterable[str] = ()):
        super().__init__(message)
        self.kind, self.codes = kind, list(codes)


@dataclass(frozen=True)
class Budget:
    """All budget data needed by the model (read once from ``data/``).

    ``values``: canonical cells, columns measure, variant, title, period,
    value (Float64, <NA> when marker is set), marker (string or <NA>).
    ``measures``: budget_measures indexed by measure. ``choices``: budget_choices.
    ``warnings``: budget_warnings. ``variants``: budget_variants indexed by variant.
    """

    values: pd.DataFrame
    measures: pd.DataFrame
    choices: pd.DataFrame
    warnings: pd.DataFrame
    variants: pd.DataFrame


# The tables of data/ the budget model reads (figures on the budget name them, see widgets.figures.html).
DATASETS = ("budget_measures", "budget_printed", "budget_choices", "budget_warnings", "budget_variants")


@lru_cache(maxsize=1)
def budget() -> Budget:
    """The budget data, validated (raises widgets.data.DataError if invalid)."""
    measures = load("budget_measures").set_index("measure")
    printed = load("budget_printed")
    canonical = printed[printed["canonical"].fillna(False)]
    values = canonical[["measure", "period", "value", "marker"]].merge(
        measures[["variant", "title"]], left_on="measure", right_index=True
    )
    values["period"] = pd.Categorical(values["period"], categories=PERIODS, ordered=True)
    order = {code: i for i, code in enumerate(measures.index)}  # report order, not string order ("4.4" before "4.10")
    values = values.sort_values(["measure", "period"], key=lambda s: s.map(order) if s.name == "measure" else s).reset_index(drop=True)
    values["marker"] = values["marker"].replace("", pd.NA)
    variants = load("budget_variants").set_index("variant")
    return Budget(values, measures, load("budget_choices"), load("budget_warnings"), variants)


def variant_ids() -> list[str]:
    """The variants in report order: 1, 2A, 2B, 2C, 3, 4, 5, 6."""
    return list(budget().variants.index)


def selectable_measures() -> list[str]:
    """Codes a reader can put in a package, in report order."""
    m = budget().measures
    return [code for code in m.index if bool(m.loc[code, "selectable"])]


def check_selection(selection: Iterable[str]) -> list[str]:
    """The selection as a sorted, de-duplicated list of codes.

    Raises SelectionError for an unknown code (with the nearest known codes),
    a code that cannot be selected on its own (a sub-row), or two alternatives
    of one choice group."""
    data = budget()
    codes = sorted(set(selection), key=_report_order)
    allowed = set(selectable_measures())
    for code in codes:
        if code not in data.measures.index:
            near = difflib.get_close_matches(code, data.measures.index, n=3)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise SelectionError(f"unknown measure code {code!r}{hint}", "unknown", [code])
        if code not in allowed:
            raise SelectionError(f"measure {code!r} is a sub-row of {data.measures.loc[code, 'parent']!r} and cannot be selected on its own",
                                 "sub_row", [code])
    chosen = data.choices[data.choices["measure"].isin(codes)]
    for group, rows in chosen.groupby("group"):
        options = sorted(rows["option"].unique())
        if len(options) > 1:
            title = rows["group_title"].iloc[0]
            raise SelectionError(f"group {group!r} ({title}) allows one option; got {', '.join(options)}", "conflict", options)
    return codes


def _report_order(code: str) -> int:
    index = list(budget().measures.index)
    return index.index(code) if code in index else len(index)


def package_cells(selection: Iterable[str]) -> pd.DataFrame:
    """The canonical cells of the selected measures (see Budget.values)."""
    codes = check_selection(selection)
    values = budget().values
    return values[values["measure"].isin(codes)].reset_index(drop=True)


def package_totals(selection: Iterable[str]) -> pd.DataFrame:
    """Totals of a package per period.

    DataFrame indexed by period ('2021'..'2025', 'structureel'), columns
    'extra' (sum of positive amounts, saldoverslechterend), 'savings' (sum of
    negative amounts) and 'saldo' (their sum), EUR million, rounded to 6
    decimals. Unquantified cells are left out of the sums; see
    :func:`unquantified`. Raises SelectionError for a package the report does
    not allow.
    """
    cells = package_cells(selection)
    numbers = cells.dropna(subset=["value"])
    value = numbers["value"].astype(float)
    frame = pd.DataFrame({"period": numbers["period"].astype(str), "extra": value.clip(lower=0), "savings": value.clip(upper=0)})
    totals = frame.groupby("period").sum().reindex(list(PERIODS), fill_value=0.0)
    totals["saldo"] = totals["extra"] + totals["savings"]
    totals.index.name = "period"
    return totals.round(ROUND) + 0.0  # + 0.0 turns -0.0 into 0.0


def unquantified(selection: Iterable[str]) -> pd.DataFrame:
    """Cells of the package that the report does not quantify: columns
    measure, title, period, marker ('unquantified_cost', 'unquantified',
    'depends_on_inflow')."""
    cells = package_cells(selection)
    rows = cells[cells["marker"].notna()]
    return rows[["measure", "title", "period", "marker"]].astype({"period": str}).reset_index(drop=True)


def double_count_warnings(selection: Iterable[str]) -> pd.DataFrame:
    """Pairs in the package that may double-count (budget_warnings): columns
    measure_a, measure_b, reason."""
    codes = set(check_selection(selection))
    w = budget().warnings
    hits = w[w["measure_a"].isin(codes) & w["measure_b"].isin(codes)]
    return hits[["measure_a", "measure_b", "reason"]].reset_index(drop=True)


def check_variants(variants: Iterable[str]) -> list[str]:
    """The variants as a list; raises ValueError naming any unknown variant."""
    variants = list(variants)
    unknown = sorted(set(variants) - set(variant_ids()))
    if unknown:
        raise ValueError(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(variant_ids())}")
    return variants


def measure_table(variants: Iterable[str] | None = None) -> pd.DataFrame:
    """Canonical amounts as a wide table: one row per measure (report order),
    columns 'variant', 'measure', 'title', then the six periods; each period
    cell is a float or a marker string. Filtered to ``variants`` if given.
    Raises ValueError for an unknown variant."""
    values = budget().values
    if variants is not None:
        variants = list(variants)
        check_variants(variants)
        values = values[values["variant"].isin(variants)]
    cell = values["value"].astype(object).where(values["value"].notna(), values["marker"])
    wide = (
        values.assign(cell=cell, period=values["period"].astype(str))
        .pivot(index=["variant", "measure", "title"], columns="period", values="cell")
        .reindex(columns=list(PERIODS))
        .reset_index()
    )
    order = {code: i for i, code in enumerate(budget().measures.index)}
    wide = wide.sort_values("measure", key=lambda s: s.map(order)).reset_index(drop=True)
    wide.columns.name = None
    return wide


PACKAGE_IDS = ("A", "B", "C")


def variant_package(variant: str) -> list[str]:
    """The measures of a report variant as a package to start from: every choosable
    measure of the variant that is not one of a group's alternatives (the report
    leaves those to a choice). Codes in report order; raises ValueError for an
    unknown variant."""
    check_variants([variant])
    data = budget()
    alternatives = set(data.choices["measure"])
    return [c for c in selectable_measures() if data.measures.loc[c, "variant"] == variant and c not in alternatives]


def compare_packages(packages: dict[str, Iterable[str]]) -> pd.DataFrame:
    """Up to three packages side by side, as the comparison on the builder page shows them.

    ``packages``: package id ("A", "B", "C"; A first) -> measure codes (may be empty).
    Returns a DataFrame with index (package, quantity) and columns '2021'..'2025',
    'structureel', EUR million, rounded to 6 decimals: per package the quantities
    'extra', 'savings' and 'saldo' (see :func:`package_totals`), then per package
    after A the quantity 'saldo_minus_A' (its saldo minus A's, per year).
    Unquantified cells are never summed (see :func:`unquantified`). Raises ValueError
    for an unknown package id or more than three, SelectionError (naming the codes)
    for a package the report does not allow."""
    unknown = [p for p in packages if p not in PACKAGE_IDS]
    if unknown:
        raise ValueError(f"unknown package id(s) {', '.join(map(repr, unknown))}; known: {', '.join(PACKAGE_IDS)}")
    ids = [p for p in PACKAGE_IDS if p in packages]
    if "A" not in ids:
        raise ValueError("a comparison needs package 'A' (the others are compared with it)")
    totals = {p: package_totals(packages[p]) for p in ids}
    rows = {}
    for p in ids:
        for quantity in ("extra", "savings", "saldo"):
            rows[(p, quantity)] = totals[p][quantity]
    for p in ids[1:]:
        rows[(p, "saldo_minus_A")] = (totals[p]["saldo"] - totals["A"]["saldo"]).round(ROUND) + 0.0
    frame = pd.DataFrame(rows).T
    frame.index = pd.MultiIndex.from_tuples(frame.index, names=["package", "quantity"])
    frame.columns = list(PERIODS)
    return frame.astype(float)
