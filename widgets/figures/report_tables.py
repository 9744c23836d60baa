"""The report's tables as the report lays them out, read from ``data/``.

Any table of ``data/`` can be shown as the report prints it: rows and columns
as in the report (e.g. rows = categories, columns = years), numbers in Dutch
notation, a cell without a number as its marker's label, with the table's
caption, its unit, a source line and the notes of its cells as a numbered list
under the table (the cell marked). How a table is laid out is data about the
table, not code: the ``display`` block of its descriptor
(``data/<name>.resource.yaml``, documented in ``data/README.md``). Nothing in
this module is written for one table.

Three layouts:

- ``pivot`` (the default): one table cell per data row; one column of the data
  gives the table's rows, another its columns (or there is one value column);
- ``records``: one table row per data row, the columns named in ``fields``;
- ``list``: the values of one column as a list (e.g. country names), in groups.

:func:`report_table_html` returns the HTML (each ``<table>`` carries
``data-table="<dataset>"``); :func:`report_table` wraps it for a notebook;
:func:`shown_tables` returns what a reader sees as data (for tests). A
``display`` block that does not fit its table raises
:class:`widgets.data.DataError` naming the descriptor, the line and the problem.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from .. import DATA_DIR
from ..data import fields as schema_fields
from ..data import load, metadata
from ..data.labels import MARKER_LABELS_NL, NOT_AVAILABLE_KEY_NL, NOT_AVAILABLE_SHORT_NL
from ..data.lookup import source_text
from ..data.numbers import Marker, format_nl
from ..data.tables import DataError, yaml_line
from .data_page import MARKER_MEANING_NL, csv_href
from .html import HTML, html_table

LAYOUTS = ("pivot", "records", "list")
COMMON_KEYS = {"id", "layout", "title", "report_table", "where", "unit", "report_source", "details", "intro",
               "header_notes", "group_by", "group_labels"}
LAYOUT_KEYS = {
    "pivot": {"rows", "row_label", "row_labels", "row_label_lookup", "row_header", "row_order", "columns", "column_label",
              "column_labels", "column_order", "value_title", "total_rows", "total_columns", "indent_rows",
              "column_blocks"},
    "records": {"fields", "row_order", "total_rows", "indent_rows"},
    "list": {"item"},
}
PERCENT_UNITS = ("procent", "%")
WIDE = 9  # a table with more columns than this is set in a smaller type (class bmh-wide) to fit a laptop


@dataclass
class Shown:
    """One table as a reader sees it. ``frame``: the cell texts, the first
    column holding the row headers; ``notes``: the numbered notes (note i is
    ``notes[i - 1]``); ``marks``: (row position, column) -> note numbers;
    ``header_marks``: column -> note numbers; ``keys``: lines explaining the
    markers used; ``groups``: row position -> headings of groups starting there."""

    caption: str
    unit: str
    frame: pd.DataFrame
    number_columns: list[str]
    notes: list[str] = field(default_factory=list)
    marks: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    header_marks: dict[str, list[int]] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    groups: dict[int, list[str]] = field(default_factory=dict)
    total_rows: set[int] = field(default_factory=set)
    indent_rows: set[int] = field(default_factory=set)
    total_columns: set[str] = field(default_factory=set)


@dataclass
class Entry:
    """One entry of a ``display`` block, rendered as one or more tables (or a list)."""

    name: str
    index: int
    spec: dict
    meta: dict
    descriptor: Path
    tables: list[Shown] = field(default_factory=list)
    items: list[tuple[str, list[str]]] = field(default_factory=list)  # list layout: (heading, items)

    @property
    def ident(self) -> str:
        return str(self.spec.get("id") or f"{self.name}-{self.index + 1}")


# --- the display block -------------------------------------------------------------


class _Problem(Exception):
    """A problem with one key of a display entry; turned into a DataError."""

    def __init__(self, key: str, problem: str):
        super().__init__(problem)
        self.key, self.problem = key, problem


def _entries(name: str, data_dir: Path) -> tuple[list[dict], dict, Path]:
    meta = metadata(name, data_dir)
    descriptor = Path(data_dir) / f"{name}.resource.yaml"
    display = meta.get("display")
    if display is None:
        raise DataError(descriptor, "no display block: add one to show this table (see data/README.md)")
    if not isinstance(display, list) or not display or not all(isinstance(e, dict) for e in display):
        raise DataError(descriptor, "display must be a list of mappings (one per table shown)", line=yaml_line(descriptor, ("display",)))
    return display, meta, descriptor


def _key_line(descriptor: Path, index: int, key: str) -> int | None:
    """1-based line of ``key`` in entry ``index`` of the display block (of the entry when the key is absent)."""
    try:
        entry = yaml.compose(descriptor.read_text(encoding="utf-8"))
        entry = next(v for k, v in entry.value if k.value == "display").value[index]
    except (OSError, yaml.YAMLError, StopIteration, AttributeError, IndexError):
        return yaml_line(descriptor, ("display",))
    found = [k for k, _ in entry.value if k.value == key] if isinstance(entry, yaml.MappingNode) else []
    return (found[0] if found else entry).start_mark.line + 1


def _error(descriptor: Path, index: int, key: str, problem: str) -> DataError:
    return DataError(descriptor, f"display[{index}]{'.' + key if key else ''}: {problem}", line=_key_line(descriptor, index, key))


def _as_list(value) -> list:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _check_keys(spec: dict) -> str:
    layout = spec.get("layout", "pivot")
    if layout not in LAYOUTS:
        raise _Problem("layout", f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    unknown = sorted(set(spec) - COMMON_KEYS - LAYOUT_KEYS[layout])
    if unknown:
        known = ", ".join(sorted(COMMON_KEYS | LAYOUT_KEYS[layout]))
        raise _Problem(unknown[0], f"unknown key {unknown[0]!r} for layout {layout}; known keys: {known}")
    return layout


def _column(frame: pd.DataFrame, key: str, column) -> str:
    if not isinstance(column, str) or column not in frame.columns:
        raise _Problem(key, f"no column {column!r} in the table; columns: {', '.join(frame.columns)}")
    return column


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].astype("string").fillna("")


def _where(frame: pd.DataFrame, spec: dict) -> pd.DataFrame:
    where = spec.get("where") or {}
    if not isinstance(where, dict):
        raise _Problem("where", "where must map a column to a value or a list of values")
    for column, wanted in where.items():
        _column(frame, "where", column)
        values = _as_list(wanted)
        missing = [v for v in values if v not in set(_text(frame, column))]
        if missing:
            raise _Problem("where", f"column {column!r} has no value {missing[0]!r}")
        frame = frame[_text(frame, column).isin(values)]
    if frame.empty:
        raise _Problem("where", "no rows left")
    return frame


def _rule(frame: pd.DataFrame, spec: dict, key: str, default_column: str | None) -> dict[str, list[str]]:
    """``total_rows`` / ``indent_rows``: a mapping column -> values, or a list of values of ``default_column``."""
    rule = spec.get(key)
    if rule is None:
        return {}
    if isinstance(rule, list):
        if default_column is None:
            raise _Problem(key, "give a mapping column -> values")
        rule = {default_column: rule}
    if not isinstance(rule, dict):
        raise _Problem(key, "must map a column to a list of values")
    out = {}
    for column, values in rule.items():
        _column(frame, key, column)
        values = _as_list(values)
        unknown = [v for v in values if v not in set(_text(frame, column))]
        if unknown:
            raise _Problem(key, f"column {column!r} has no value {unknown[0]!r}")
        out[column] = values
    return out


def _matches(row: pd.Series, rule: dict[str, list[str]]) -> bool:
    return any(("" if pd.isna(row[c]) else str(row[c])) in values for c, values in rule.items())


def _order(key: str, present: list[str], wanted) -> list[str]:
    if wanted is None:
        return present
    wanted = _as_list(wanted)
    unknown = [v for v in wanted if v not in present]
    if unknown:
        raise _Problem(key, f"{unknown[0]!r} is not in the table; values: {', '.join(present)}")
    left = [v for v in present if v not in wanted]
    if left:
        raise _Problem(key, f"leaves out {', '.join(left)}: list every value (use where to leave rows out)")
    return wanted


def _labels(spec: dict, key: str) -> dict:
    """A mapping of the spec with text keys (YAML reads ``2019:`` as a number); nested mappings too."""
    labels = spec.get(key) or {}
    if not isinstance(labels, dict):
        raise _Problem(key, "must be a mapping")
    return {str(k): ({str(i): w for i, w in v.items()} if isinstance(v, dict) else v) for k, v in labels.items()}


# --- cells -------------------------------------------------------------------------


def _is_percent(row: pd.Series, meta: dict) -> bool:
    unit = row["unit"] if "unit" in row.index and not pd.isna(row["unit"]) else meta.get("unit", "")
    return str(unit).strip().lower() in PERCENT_UNITS


def _number_text(row: pd.Series, percent: bool) -> tuple[str, str | None]:
    """The cell text of a value-model row and its marker (or None)."""
    marker = row.get("marker")
    if marker is not None and not pd.isna(marker) and str(marker):
        marker = Marker(str(marker))
        return (NOT_AVAILABLE_SHORT_NL if marker is Marker.NOT_AVAILABLE else MARKER_LABELS_NL[marker]), marker
    value = row.get("value")
    if value is None or pd.isna(value):
        return "", None
    return format_nl(float(value)) + ("%" if percent else ""), None


def _marker_keys(markers: set) -> list[str]:
    keys = []
    for marker in Marker:
        if marker in markers:
            keys.append(NOT_AVAILABLE_KEY_NL if marker is Marker.NOT_AVAILABLE
                        else f"{MARKER_LABELS_NL[marker]}: {MARKER_MEANING_NL[marker]}")
    return keys


def _clean(text) -> str | None:
    """A note as text, or None for an empty one."""
    if text is None or pd.isna(text) or not str(text).strip():
        return None
    return str(text).strip()


class _Notes:
    """Numbered notes of one entry: the same text gets the same number."""

    def __init__(self):
        self.texts: list[str] = []

    def number(self, text) -> int | None:
        text = _clean(text)
        if text is None:
            return None
        if text not in self.texts:
            self.texts.append(text)
        return self.texts.index(text) + 1


def _group_headings(rows: list[pd.Series], spec: dict) -> dict[int, list[str]]:
    by = _as_list(spec.get("group_by"))
    labels = _labels(spec, "group_labels")
    for column in by:
        if rows and column not in rows[0].index:
            raise _Problem("group_by", f"no column {column!r} in the table")
    groups: dict[int, list[str]] = {}
    previous: list[str] = [""] * len(by)
    for position, row in enumerate(rows):
        current = ["" if pd.isna(row[c]) else str(row[c]) for c in by]
        for level, column in enumerate(by):
            if current[level] != previous[level] or any(current[k] != previous[k] for k in range(level)):
                if current[level]:
                    names = labels.get(column, {}) or {}
                    groups.setdefault(position, []).append(str(names.get(current[level], current[level])))
        previous = current
    return groups


def _field_titles(name: str, data_dir: Path) -> dict[str, str]:
    return {f["name"]: str(f.get("title", f["name"])) for f in schema_fields(name, data_dir)}


def _caption(spec: dict, meta: dict) -> str:
    number = str(spec.get("report_table") or meta.get("report_table") or "")
    title = str(spec.get("title") or meta["title"])
    if number.startswith("Tabel ") and "," not in number and not title.startswith(number):
        return f"{number}: {title}"
    return title


# --- layouts -----------------------------------------------------------------------


def _pivot(entry: Entry, frame: pd.DataFrame, data_dir: Path) -> list[Shown]:
    spec, meta = entry.spec, entry.meta
    titles = _field_titles(entry.name, data_dir)
    rows_col = _column(frame, "rows", spec.get("rows"))
    cols_col = _column(frame, "columns", spec["columns"]) if spec.get("columns") is not None else None
    row_keys = list(dict.fromkeys(_text(frame, rows_col)))
    row_keys = _order("row_order", row_keys, spec.get("row_order"))
    if cols_col:
        present = list(dict.fromkeys(_text(frame, cols_col)))
        if all(k.isdigit() for k in present):
            present = sorted(present, key=int)
        col_keys = _order("column_order", present, spec.get("column_order"))
        duplicated = frame.duplicated([rows_col, cols_col], keep=False)
    else:
        col_keys = ["value"]
        duplicated = frame.duplicated([rows_col], keep=False)
    if duplicated.any():
        first = frame[duplicated].iloc[0]
        where = f"row {first[rows_col]!r}" + (f", column {first[cols_col]!r}" if cols_col else "")
        raise _Problem("rows", f"more than one data row for {where}: add a where (or columns) to pick one")
    label_cols = [_column(frame, "row_label", c) for c in (_as_list(spec.get("row_label")) or [rows_col])]
    lookup = spec.get("row_label_lookup")
    names: dict[str, str] = {}
    if lookup is not None:
        if not isinstance(lookup, dict) or set(lookup) != {"dataset", "key", "label"}:
            raise _Problem("row_label_lookup", "give dataset, key and label (a column of that dataset)")
        try:
            other = load(str(lookup["dataset"]), data_dir)
        except DataError as exc:
            raise _Problem("row_label_lookup", str(exc)) from exc
        for column in (lookup["key"], lookup["label"]):
            if column not in other.columns:
                raise _Problem("row_label_lookup", f"no column {column!r} in {lookup['dataset']}")
        names = dict(zip(_text(other, lookup["key"]), _text(other, lookup["label"])))
    row_labels = _labels(spec, "row_labels")
    unknown = [k for k in row_labels if k not in row_keys]
    if unknown:
        raise _Problem("row_labels", f"{unknown[0]!r} is not a row of the table")
    column_labels = _labels(spec, "column_labels")
    if cols_col and spec.get("column_label") is not None:
        label_col = _column(frame, "column_label", spec["column_label"])
        firsts = frame.drop_duplicates(cols_col)
        column_labels = {**dict(zip(_text(firsts, cols_col), _text(firsts, label_col))), **column_labels}
    header = {k: str(column_labels.get(k, k)) for k in col_keys}
    if not cols_col:
        header = {"value": str(spec.get("value_title") or titles.get("value", "Waarde"))}
    if len(set(header.values())) < len(header):
        raise _Problem("column_labels", "two columns would get the same header")
    corner = str(spec.get("row_header") or titles.get(label_cols[0], label_cols[0]))
    if corner in header.values():
        raise _Problem("row_header", f"the first column's header {corner!r} is also a column's header")
    totals = _rule(frame, spec, "total_rows", rows_col)
    indents = _rule(frame, spec, "indent_rows", rows_col)
    total_columns = _as_list(spec.get("total_columns"))
    unknown = [c for c in total_columns if c not in col_keys]
    if unknown:
        raise _Problem("total_columns", f"{unknown[0]!r} is not a column; columns: {', '.join(col_keys)}")
    header_notes = _labels(spec, "header_notes")
    unknown = [k for k in header_notes if str(k) not in row_keys and str(k) not in col_keys]
    if unknown:
        raise _Problem("header_notes", f"{unknown[0]!r} is neither a row nor a column of the table")
    blocks = spec.get("column_blocks")
    if blocks is not None and (not isinstance(blocks, int) or blocks < 1):
        raise _Problem("column_blocks", "must be a whole number of columns per table, at least 1")
    chunks = [col_keys[i:i + blocks] for i in range(0, len(col_keys), blocks)] if blocks else [col_keys]

    cells = {}
    for _, row in frame.iterrows():
        cells[(str(row[rows_col]), str(row[cols_col]) if cols_col else "value")] = row
    first_rows = [frame[_text(frame, rows_col) == key].iloc[0] for key in row_keys]
    notes = _Notes()
    out = []
    caption, unit = _caption(spec, meta), str(spec.get("unit") or meta.get("unit", ""))
    for chunk in chunks:
        records, marks, markers = [], {}, set()
        header_marks = {header[c]: [n] for c in chunk if (n := notes.number(header_notes.get(c)))}
        for position, (key, first) in enumerate(zip(row_keys, first_rows)):
            label = " ".join(v for v in (("" if pd.isna(first[c]) else str(first[c])) for c in label_cols) if v)
            label = row_labels.get(key, names.get(key, label))
            record = {corner: label}
            row_notes, valued = {}, []
            for column in chunk:
                row = cells.get((key, column))
                if row is None:
                    record[header[column]] = ""
                    continue
                text, marker = _number_text(row, _is_percent(row, meta))
                record[header[column]] = text
                if marker is not None:
                    markers.add(marker)
                else:
                    valued.append(header[column])
                row_notes[header[column]] = _clean(row["note"]) if "note" in row.index else None
            # A note that every cell of the row has, or every cell with a number, is a note on the
            # row: its label carries the mark (after the row's own note); other cells keep theirs.
            shared = None
            if len(chunk) > 1 and len(row_notes) == len(chunk) and len(set(row_notes.values())) == 1:
                shared = next(iter(row_notes.values()))
            elif len(valued) > 1 and len({row_notes[c] for c in valued}) == 1:
                shared = row_notes[valued[0]]
            row_marks = [n for n in (notes.number(header_notes.get(key)), notes.number(shared)) if n]
            if row_marks:
                marks[(position, corner)] = row_marks
            for column, text in row_notes.items():
                if text and text != shared:
                    marks[(position, column)] = [notes.number(text)]
            records.append(record)
        shown_caption = caption if len(chunks) == 1 else f"{caption} ({header[chunk[0]]}-{header[chunk[-1]]})"
        out.append(Shown(
            caption=shown_caption, unit=unit, frame=pd.DataFrame.from_records(records, columns=[corner] + [header[c] for c in chunk]),
            number_columns=[header[c] for c in chunk], marks=marks, header_marks=header_marks, keys=_marker_keys(markers),
            groups=_group_headings(first_rows, spec),
            total_rows={i for i, r in enumerate(first_rows) if totals and _matches(r, totals)},
            indent_rows={i for i, r in enumerate(first_rows) if indents and _matches(r, indents)},
            total_columns={header[c] for c in chunk if c in total_columns},
        ))
    for shown in out:
        shown.notes = notes.texts
    return out


def _records(entry: Entry, frame: pd.DataFrame, data_dir: Path) -> list[Shown]:
    spec, meta = entry.spec, entry.meta
    titles = _field_titles(entry.name, data_dir)
    columns = spec.get("fields")
    if not isinstance(columns, list) or not columns or not all(isinstance(c, dict) for c in columns):
        raise _Problem("fields", "give a list of columns, each with field (or fields) and optionally title and labels")
    specs = []
    for column in columns:
        names = _as_list(column.get("fields", column.get("field")))
        if not names or set(column) - {"field", "fields", "title", "labels"}:
            raise _Problem("fields", f"a column needs field or fields (and may have title, labels): {column}")
        for name in names:
            _column(frame, "fields", name)
        labels = _labels(column, "labels")
        if len(names) == 1 and labels and not all(isinstance(v, dict) for v in labels.values()):
            labels = {names[0]: labels}
        title = str(column.get("title") or titles.get(names[0], names[0]))
        specs.append((title, names, labels))
    headers = [t for t, _, _ in specs]
    if len(set(headers)) < len(headers):
        raise _Problem("fields", "two columns have the same title")
    if spec.get("row_order") is not None:
        key = specs[0][1][0]
        order = _order("row_order", list(dict.fromkeys(_text(frame, key))), spec["row_order"])
        frame = frame.set_index(_text(frame, key)).loc[order].reset_index(drop=True)
    totals = _rule(frame, spec, "total_rows", specs[0][1][0])
    indents = _rule(frame, spec, "indent_rows", specs[0][1][0])
    shown_fields = {n for _, names, _ in specs for n in names}
    notes = _Notes()
    records, marks, markers = [], {}, set()
    rows = [r for _, r in frame.iterrows()]
    for position, row in enumerate(rows):
        record = {}
        for title, names, labels in specs:
            parts = []
            for name in names:
                if name == "value":
                    text, marker = _number_text(row, _is_percent(row, meta) and "unit" not in names)
                    if marker is not None:  # a cell without a number shows only why (no qualifier, no unit)
                        markers.add(marker)
                        parts = [text]
                        break
                else:
                    raw = "" if pd.isna(row[name]) else str(row[name])
                    text = str((labels.get(name) or {}).get(raw, raw))
                if text:
                    parts.append(text)
            record[title] = " ".join(parts)
        if "note" in row.index and "note" not in shown_fields:
            number = notes.number(row["note"])
            if number:
                marks[(position, headers[0])] = [number]
        records.append(record)
    return [Shown(
        caption=_caption(spec, meta), unit=str(spec.get("unit") or meta.get("unit", "")),
        frame=pd.DataFrame.from_records(records, columns=headers),
        number_columns=[t for t, names, _ in specs if "value" in names], notes=notes.texts, marks=marks,
        keys=_marker_keys(markers), groups=_group_headings(rows, spec),
        total_rows={i for i, r in enumerate(rows) if totals and _matches(r, totals)},
        indent_rows={i for i, r in enumerate(rows) if indents and _matches(r, indents)},
    )]


def _list(entry: Entry, frame: pd.DataFrame) -> list[tuple[str, list[str]]]:
    item = _column(frame, "item", entry.spec.get("item"))
    by = _as_list(entry.spec.get("group_by"))
    if len(by) > 1:
        raise _Problem("group_by", "a list has one level of groups")
    if not by:
        return [("", list(_text(frame, item)))]
    column = _column(frame, "group_by", by[0])
    labels = (_labels(entry.spec, "group_labels").get(column)) or {}
    out = []
    for group in dict.fromkeys(_text(frame, column)):
        items = list(_text(frame[_text(frame, column) == group], item))
        out.append((str(labels.get(group, group)).replace("{n}", str(len(items))), items))
    return out


def entries(name: str, table: str | None = None, data_dir: Path | str = DATA_DIR) -> list[Entry]:
    """The display entries of a dataset (only the one with ``id`` ``table``
    when given), each with what it shows. Raises DataError for a dataset
    without a display block, an unknown ``table`` or an entry that does not fit
    the table (naming the descriptor, line and key)."""
    data_dir = Path(data_dir)
    display, meta, descriptor = _entries(name, data_dir)
    ids = [str(e.get("id") or f"{name}-{i + 1}") for i, e in enumerate(display)]
    if len(set(ids)) < len(ids):
        raise DataError(descriptor, "display: two entries have the same id", line=yaml_line(descriptor, ("display",)))
    if table is not None and table not in ids:
        raise DataError(descriptor, f"display has no entry with id {table!r}; ids: {', '.join(ids)}",
                        line=yaml_line(descriptor, ("display",)))
    frame = load(name, data_dir)
    out = []
    for index, spec in enumerate(display):
        if table is not None and ids[index] != table:
            continue
        entry = Entry(name, index, spec, meta, descriptor)
        try:
            layout = _check_keys(spec)
            part = _where(frame, spec)
            if layout == "pivot":
                entry.tables = _pivot(entry, part, data_dir)
            elif layout == "records":
                entry.tables = _records(entry, part, data_dir)
            else:
                entry.items = _list(entry, part)
            details = spec.get("details")
            if details is not None and not isinstance(details, str):
                raise _Problem("details", "must be the Dutch text of the summary line")
            for key in ("title", "unit", "report_source", "report_table"):
                if spec.get(key) is not None and not isinstance(spec[key], str):
                    raise _Problem(key, "must be text")
            if spec.get("intro") not in (None, True, False):
                raise _Problem("intro", "true shows the table's description above it")
        except _Problem as problem:
            raise _error(descriptor, index, problem.key, problem.problem) from None
        out.append(entry)
    return out


def shown_tables(name: str, table: str | None = None, data_dir: Path | str = DATA_DIR) -> list[Shown]:
    """What a reader sees of a dataset's tables (see :class:`Shown`), for tests and the kernel."""
    return [shown for entry in entries(name, table, data_dir) for shown in entry.tables]


# --- HTML --------------------------------------------------------------------------


def _mark_html(ident: str, numbers: list[int]) -> str:
    return "".join(f'<sup class="bmh-note-ref"><a href="#{ident}-noot-{n}" aria-label="toelichting {n}">{n}</a></sup>'
                   for n in numbers)


def _source_html(entry: Entry) -> str:
    meta = {**entry.meta, **({"report_table": entry.spec["report_table"]} if entry.spec.get("report_table") else {})}
    source = source_text(meta)
    if entry.spec.get("report_source"):
        source += f" (het rapport noemt als bron: {entry.spec['report_source']})"
    return (f'<p class="bmh-source">{html.escape(source)} · <a href="{html.escape(csv_href(entry.name))}" download>'
            f"{html.escape(entry.name)}.csv</a> (de hele tabel)</p>")


def _table_html(entry: Entry, shown: Shown, number: int) -> str:
    ident = entry.ident
    table_id = f"{ident}-tabel" + (f"-{number}" if len(entry.tables) > 1 else "")
    unit = f'<span class="bmh-caption-unit">Eenheid: {html.escape(shown.unit)}</span>' if shown.unit else ""
    row_classes = {i: " ".join(c for c in ("bmh-total" if i in shown.total_rows else "",
                                            "bmh-indent" if i in shown.indent_rows else "") if c)
                   for i in range(len(shown.frame))}
    return html_table(
        shown.frame, shown.caption, row_header=shown.frame.columns[0], number_columns=shown.number_columns,
        formatter=str, table_id=table_id, extra_class="bmh-report" + (" bmh-wide" if len(shown.frame.columns) > WIDE else ""),
        attributes={"data-table": entry.name}, caption_html=unit,
        marks={k: _mark_html(ident, v) for k, v in shown.marks.items()},
        header_marks={k: _mark_html(ident, v) for k, v in shown.header_marks.items()},
        row_classes={i: c for i, c in row_classes.items() if c},
        column_classes={c: "bmh-total-col" for c in shown.total_columns}, groups=shown.groups,
    )


def _notes_html(entry: Entry, notes: list[str], keys: list[str]) -> str:
    parts = [f'<p class="bmh-source bmh-key">{html.escape(k)}</p>' for k in keys]
    if notes:
        items = "".join(f'<li id="{entry.ident}-noot-{i}">{html.escape(t)}</li>' for i, t in enumerate(notes, start=1))
        parts.append(f'<ol class="bmh-table-notes" aria-label="Toelichting bij de tabel">{items}</ol>')
    return "".join(parts)


def entry_html(entry: Entry) -> str:
    """One display entry: its table(s) or list, notes and source line."""
    spec = entry.spec
    parts = []
    if spec.get("intro"):
        parts.append(f'<p class="bmh-table-intro">{html.escape(str(entry.meta.get("description", "")))}</p>')
    if entry.tables:
        body = "".join(_table_html(entry, shown, i) for i, shown in enumerate(entry.tables, start=1))
        keys = list(dict.fromkeys(k for shown in entry.tables for k in shown.keys))
        body += _notes_html(entry, entry.tables[0].notes, keys)
        rows = sum(len(s.frame) - len(s.total_rows) for s in entry.tables[:1])
    else:
        caption = _caption(spec, entry.meta)
        lists = "".join(
            "<div>" + (f'<p class="bmh-list-heading">{html.escape(heading)}</p>' if heading else "")
            + f"<ul>{''.join(f'<li>{html.escape(i)}</li>' for i in items)}</ul></div>"
            for heading, items in entry.items
        )
        body = (f'<div class="bmh-report-list" data-table="{html.escape(entry.name)}" role="group" '
                f'aria-label="{html.escape(caption)}"><p class="bmh-list-caption">{html.escape(caption)}</p>'
                f'<div class="bmh-list-columns">{lists}</div></div>')
        rows = sum(len(items) for _, items in entry.items)
    if spec.get("details"):
        summary = str(spec["details"]).replace("{n}", str(rows))
        body = f'<details class="bmh-details"><summary>{html.escape(summary)}</summary>{body}</details>'
    parts.append(body)
    parts.append(_source_html(entry))
    return f'<div class="bmh-report-table" id="{html.escape(entry.ident)}">{"".join(parts)}</div>'


def report_table_html(name: str, table: str | None = None, data_dir: Path | str = DATA_DIR) -> str:
    """The tables of dataset ``name`` laid out as its ``display`` block says
    (only the entry with id ``table`` when given), as an HTML string. Raises
    DataError for a missing or wrong display block (descriptor, line, key)."""
    return "".join(entry_html(entry) for entry in entries(name, table, data_dir))


def report_table(name: str, table: str | None = None, data_dir: Path | str = DATA_DIR) -> HTML:
    """:func:`report_table_html` for display in a notebook."""
    shown = entries(name, table, data_dir)
    captions = "; ".join(_caption(e.spec, e.meta) for e in shown)
    return HTML("".join(entry_html(e) for e in shown), summary=f"Tabel: {captions}")


__all__ = ["Entry", "Shown", "entries", "entry_html", "report_table", "report_table_html", "shown_tables"]
