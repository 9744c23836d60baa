"""The one payload shape and the one view shape of every interactive figure.

A figure on the website carries a **payload**: everything that does not depend
on the reader's choice, computed here from the models (numbers per item and
column, the Dutch text of every cell, notes, messages, CSV headers, number
format). ``widgets/static/bmh-explorer.js`` applies a reader's **state** to it
with three operations only, the same for every figure kind:

- *filter*: the chosen items (plus the ``fixed`` ones) and the columns from
  ``start`` to ``end``;
- *null-aware sum*: per column over the chosen items, optionally only the
  positive or the negative values; a column without any number gives the
  sum's ``empty`` value (0 or null, never a silent 0 where null is meant);
- *pick*: the precomputed cell texts and notes of what was chosen.

It returns a **view**: what the reader sees (table header and rows, notes, a
message, the selection in words, chart rows, CSV texts). Each figure kind also
computes the view in Python from its model (``view()`` in its module); the
parity tests compare the two for many states, so the browser can never drift
from the model.

Payload keys (JSON, numbers with a decimal point)::

    layout    "sums"  : rows are the sums, columns the periods (budget package)
              "years" : rows are the columns (years), one table column per chosen item, then the sums
              "pairs" : one row per chosen item and column that has a number in any table field
    columns   [{"id", "label"}]             the x dimension: periods or years
    items     [{"id", "label", "name", "fixed"}]  what a reader can choose, in display order
              (name: the label without a code, for downloads)
    fields    {field: {"values": {item: [number|null per column]},
                       "cells":  {item: [Dutch text per column]},
                       "markers": {item: [marker code|null per column]}}}
    table     {"corner": header of the first column, "fields": [fields shown as table columns],
               "header": [fixed header, for "pairs"]}
    sums      [{"id", "label", "field", "sign": 1|-1|0, "empty": 0|null, "groups": {group: weight}}]
              (groups, optional: only items of these groups, each value times its group's weight,
              e.g. {"B": 1, "A": -1} for B minus A; the sign filter applies before the weight)
    chart     {"rows": "sums"|"items", "field": field or null (= the state's field),
               "sums": [sum ids drawn] (optional; default all)}
    groups    [{"id", "label"}] (optional): items carry "group" and "base" (the item they are a
              copy of); the view's words name each group's items, and ``members`` lists per base
              item chosen in any group whether each group holds it
    members   {"corner", "yes", "no"}: the header and cell texts of that table
    notes     [{"items": [all must be chosen], "columns": [column indexes]|null, "text": "... {columns} ..."}]
    messages  {"noItems": ..., "range": ..., "emptyChart": ...} (Dutch sentences; absent = not applicable)
    words     the choice in one sentence (shown, and printed in place of the controls), or null:
              {"prefix", "empty", "named": {labels joined by "; ": a shorter name},
               "range": "... {start} ... {end}", "single": "... {start}" (when start = end),
               "fields": {field: text added for that field}}
    csv       [{"name", "rows": "items"|"sums", "header": [...], "fields": [...], "marker": field|null,
                "excel": {"name", "about": [[label, text]...], "numbers": [column indexes]}}]
              each download twice: machine-readable (comma, decimal point) and for a spreadsheet
              with Dutch settings (byte order mark, semicolons, decimal commas, a block naming
              source, unit and edition above the table)
    notAvailable  the Dutch text of a sum without a number
    round     decimals kept in sums (as in the model)
    locale    the Dutch number format (widgets.data.numbers.NUMBER_LOCALE)
    url       {"key": URL parameter of the figure, "field": the default field, "explain": {code: sentence}}
    edition   {"number": "1.1", "first": "1.0", "label": "editie 1.1 van ..."}: share links carry
              ``v=<number>``; a link of another edition (no ``v``: the first) gets a Dutch note

A state is ``{"items": [ids], "start": column index, "end": column index, "field": field}``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from ..data.labels import NOT_AVAILABLE_SHORT_NL
from ..data.numbers import NUMBER_LOCALE, format_nl
from ..edition import edition

ROUND = 6
CHANGES_HREF = "wijzigingen.html"  # the changelog page, beside the figure pages in chapters/
COMMON_MESSAGES = {
    "edition": "Deze link is gemaakt met editie {made}; u ziet {label}. Wat er sindsdien veranderde:",
}


@dataclass
class View:
    """What a reader sees for one state of a figure (see module doc).

    ``header``: table header cells; ``rows``: table rows of cell texts (the
    first cell of a row is its header); ``notes``: Dutch sentences;
    ``message``: a Dutch sentence when the state cannot be shown (then the
    rest is empty) or when the chart would be empty; ``words``: the selection
    in words or None; ``chart``: rows ``{"x", "series", "value"}``;
    ``csv``: download name -> CSV text; ``members``: rows of the table of which
    group holds which item (payload ``groups``; empty for other figures).
    """

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    message: str | None = None
    words: str | None = None
    chart: list[dict] = field(default_factory=list)
    csv: dict[str, str] = field(default_factory=dict)
    members: list[list[str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def state(items: Iterable[str] = (), start: int = 0, end: int | None = None, field: str | None = None) -> dict:
    """A state as the browser keeps it (see module doc)."""
    return {"items": list(items), "start": start, "end": end, "field": field}


def number_text(value) -> str:
    """A computed number (a sum) as the browser prints it, or the "niet beschikbaar" text."""
    return NOT_AVAILABLE_SHORT_NL if value is None else format_nl(float(value))


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """Machine-readable CSV: comma, decimal point, empty for a missing value,
    quotes only where needed, "\\n" line ends (as the browser writes it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _csv_cell(v) for v in row])
    return out.getvalue()


def _csv_cell(value) -> str:
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


EXCEL_SUFFIX = "-excel.csv"


def excel_def(name: str, header: Sequence[str], numbers: Sequence[int], source: str, unit: str) -> dict:
    """The spreadsheet twin of a download: its name, the block above the table, numeric columns."""
    current = edition()
    about = [["Bron", source], ["Eenheid", unit], ["Editie", f"Interactieve editie {current.number} ({current.date_nl})"],
             ["Licentie", "CC BY 4.0 (de verzameling gegevens); de getallen komen uit de genoemde bron"]]
    return {"name": name.removesuffix(".csv") + EXCEL_SUFFIX, "about": about, "numbers": list(numbers), "header": list(header)}


def excel_text(excel: dict, plain: str) -> str:
    """The spreadsheet twin of a machine-readable CSV (see ``csv`` above), as the browser writes it."""
    rows = list(csv.reader(io.StringIO(plain)))[1:]

    def cell(text: str) -> str:
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ';"\n') else text

    lines = [list(r) for r in excel["about"]] + [[]] + [excel["header"]]
    for row in rows:
        lines.append([v.replace(".", ",") if i in excel["numbers"] else v for i, v in enumerate(row)])
    return "\ufeff" + "".join(";".join(cell(v) for v in line) + "\r\n" for line in lines)


def with_excel(view: View, defs: Sequence[dict]) -> View:
    """The view with the spreadsheet twin of each download added."""
    for d in defs:
        if d.get("excel") and d["name"] in view.csv:
            view.csv[d["excel"]["name"]] = excel_text(d["excel"], view.csv[d["name"]])
    return view


def words_text(words: dict, labels: Sequence[str], start: str, end: str, field: str | None) -> str:
    """The choice in one sentence, as the browser writes it (see ``words`` above)."""
    key = "; ".join(labels)
    text = words["prefix"] + words.get("named", {}).get(key, key) if labels else words["empty"]
    template = words.get("single") if start == end else words.get("range")
    if template:
        text += template.replace("{start}", start).replace("{end}", end)
    return text + words.get("fields", {}).get(field, "")


def fill_columns(text: str, labels: Sequence[str]) -> str:
    """A note template with its ``{columns}`` filled in (labels joined by ", ")."""
    return text.replace("{columns}", ", ".join(labels))


def base_payload(layout: str, columns: Sequence[tuple[str, str]], items: Sequence[dict], **parts) -> dict:
    """The parts every payload has; ``parts`` adds or overrides the others."""
    current = edition()
    payload = {
        "layout": layout,
        "columns": [{"id": str(c), "label": str(label)} for c, label in columns],
        "items": [{**it, "name": it.get("name", it["label"]), "fixed": bool(it.get("fixed", False))} for it in items],
        "fields": {},
        "table": {},
        "sums": [],
        "chart": {"rows": "items", "field": None},
        "notes": [],
        "messages": {},
        "words": None,
        "csv": [],
        "notAvailable": NOT_AVAILABLE_SHORT_NL,
        "round": ROUND,
        "locale": NUMBER_LOCALE,
        "url": {},
        "edition": {"number": current.number, "first": current.first, "label": current.label_nl, "changes": CHANGES_HREF},
    }
    payload.update(parts)
    payload["messages"] = {**COMMON_MESSAGES, **payload["messages"]}
    return payload
