"""Loading the tables in ``data/``, validated against their Table Schema.

Each table is ``data/<name>.csv`` with a Frictionless resource descriptor
``data/<name>.resource.yaml`` (schema and provenance). :func:`load` validates
the file with the ``frictionless`` library (types, constraints, primary and
foreign keys) and with the project's value-model rule, then returns a
pandas DataFrame. Anything wrong raises :class:`DataError` naming the file,
the line and the column; nothing is coerced to 0 or NaN silently.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import pandas as pd
import yaml
from frictionless import FrictionlessException, Package, Resource, system

from .. import DATA_DIR
from .numbers import DutchNumberError, Marker, parse_dutch

VALUE_COLUMNS = ("value", "marker", "printed", "note")
PROVENANCE_KEYS = ("title", "from_report", "unit")


class DataError(ValueError):
    """A data file does not match its schema or the value model.

    Attributes: ``path`` (the CSV or its descriptor), ``line`` (1-based line
    in that file: in a CSV the header is line 1; None when the problem is not
    on one line), ``column`` (field name, or the key fields joined by ", " for
    a key problem; None when no field is concerned) and ``problem`` (what is
    wrong).
    """

    def __init__(self, path: Path | str, problem: str, line: int | None = None, column: str | None = None):
        self.path, self.problem, self.line, self.column = Path(path), problem, line, column
        where = [str(path)]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + problem)


def descriptor_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """All resource descriptors in ``data_dir``, sorted by name."""
    return sorted(Path(data_dir).glob("*.resource.yaml"))


def read_descriptor(path: Path) -> dict:
    """The descriptor as a dict; raises DataError if it is not valid YAML,
    lacks provenance, or names a CSV other than its own stem."""
    try:
        descriptor = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(path, f"descriptor is not valid YAML: {exc}") from exc
    if not isinstance(descriptor, dict):
        raise DataError(path, "descriptor is not a mapping")
    stem = Path(path).name.removesuffix(".resource.yaml")
    if descriptor.get("name") != stem or descriptor.get("path") != f"{stem}.csv":
        raise DataError(path, f"descriptor must have name {stem!r} and path '{stem}.csv'")
    missing = [key for key in PROVENANCE_KEYS if key not in descriptor]
    if descriptor.get("from_report") and "report_section" not in descriptor:
        missing.append("report_section")
    if "schema" not in descriptor:
        missing.append("schema")
    if missing:
        raise DataError(path, f"descriptor lacks {', '.join(missing)}")
    _check_schema(path, descriptor)
    return descriptor


def _check_schema(path: Path, descriptor: dict) -> None:
    """Raise DataError naming the descriptor (line and field where known) when
    frictionless rejects the resource descriptor, e.g. ``type: numbr``; without
    this check frictionless raises its own exception later, inside validation."""
    try:
        report = Resource.validate_descriptor(descriptor)
    except FrictionlessException as exc:  # defensive: some versions raise instead of reporting
        raise DataError(path, f"invalid resource descriptor: {exc}") from exc
    if report.valid:
        return
    error = report.errors[0]
    fields = descriptor["schema"].get("fields") if isinstance(descriptor["schema"], dict) else None
    for index, field in enumerate(fields if isinstance(fields, list) else []):
        if isinstance(field, dict) and not Resource.validate_descriptor(
            {"name": "field_check", "path": "field_check.csv", "schema": {"fields": [field]}}
        ).valid:
            name = field.get("name")
            raise DataError(
                path,
                f"invalid schema: {error.type}: {error.note or error.message}",
                line=yaml_line(path, ("schema", "fields", index, "type")),
                column=str(name) if name is not None else None,
            )
    raise DataError(path, f"invalid schema: {error.type}: {error.note or error.message}")


def yaml_line(path: Path, keys: tuple) -> int | None:
    """1-based line in a YAML file of the value at ``keys`` (mapping keys and
    list indexes), falling back to the deepest node found; None if unreadable."""
    try:
        node = yaml.compose(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if k.value == key]
            if not found:
                break
            node = found[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


@functools.lru_cache(maxsize=4)
def _descriptors(data_dir: Path) -> dict[str, dict]:
    return {p.name.removesuffix(".resource.yaml"): read_descriptor(p) for p in descriptor_paths(data_dir)}


DATA_LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/"}


def package_descriptor(data_dir: Path = DATA_DIR) -> dict:
    """A Frictionless Data Package descriptor holding every resource in
    ``data_dir``, with the edition it belongs to (``version``, ``created``)."""
    from ..edition import edition, report_reference_nl

    current = edition()
    return {
        "name": "naar-een-wendbare-migratieketen",
        "title": "Naar een wendbare migratieketen (BMH 14, 2020): cijfers in tabelvorm",
        "version": current.version,
        "created": f"{current.date.isoformat()}T00:00:00Z",  # RFC 3339, as the Data Package spec asks
        "description": f"De tabellen van de interactieve editie, {current.label_nl}.",
        "licenses": [DATA_LICENSE],
        "sources": [{"title": report_reference_nl()}],
        "resources": list(_descriptors(Path(data_dir)).values()),
    }


def metadata(name: str, data_dir: Path = DATA_DIR) -> dict:
    """Provenance of one table: title, report_section, report_table, unit, ...
    (the descriptor without its schema). Raises DataError for an unknown name."""
    descriptors = _descriptors(Path(data_dir))
    if name not in descriptors:
        raise DataError(Path(data_dir) / f"{name}.csv", f"unknown dataset; known: {', '.join(sorted(descriptors))}")
    return {k: v for k, v in descriptors[name].items() if k != "schema"}


def fields(name: str, data_dir: Path = DATA_DIR) -> list[dict]:
    """The Table Schema fields of a table (name, type, title, description,
    constraints), in column order. Raises DataError for an unknown name."""
    metadata(name, data_dir)
    return [dict(f) for f in _descriptors(Path(data_dir))[name]["schema"]["fields"]]


def primary_key(name: str, data_dir: Path = DATA_DIR) -> list[str]:
    """The primary-key columns of a table, in schema order."""
    metadata(name, data_dir)
    key = _descriptors(Path(data_dir))[name]["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def validate(name: str, data_dir: Path = DATA_DIR) -> None:
    """Validate ``data/<name>.csv`` against its schema (types, constraints,
    primary and foreign keys) and the value model. Raises DataError on the
    first problem found."""
    data_dir = Path(data_dir)
    metadata(name, data_dir)  # unknown name -> DataError
    csv_path = data_dir / f"{name}.csv"
    if not csv_path.exists():
        raise DataError(csv_path, "file not found")
    text = csv_path.read_text(encoding="utf-8")
    if not text.strip():
        raise DataError(csv_path, "file is empty (no header, no rows)")
    _check_header(csv_path, text, _descriptors(data_dir)[name])
    descriptors = _descriptors(data_dir)
    # Only this table and the tables its foreign keys point to (validating them all is slow).
    needed = [name] + sorted(
        {fk["reference"].get("resource") or name for fk in descriptors[name]["schema"].get("foreignKeys", [])} - {name}
    )
    missing = [n for n in needed if n not in descriptors]
    if missing:
        raise DataError(data_dir / f"{name}.resource.yaml", f"foreign key points to unknown table(s) {', '.join(missing)}")
    with system.use_context(trusted=True):
        package = Package({"resources": [descriptors[n] for n in needed]}, basepath=str(data_dir))
        resource: Resource = package.get_resource(name)
        report = resource.validate()
    if not report.valid:
        raise _first_error(csv_path, report, resource.schema.primary_key)
    _check_value_model(name, csv_path, data_dir)


def _check_header(csv_path: Path, text: str, descriptor: dict) -> None:
    header = next(csv.reader(io.StringIO(text)))
    expected = [f["name"] for f in descriptor["schema"]["fields"]]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing:
        raise DataError(csv_path, f"missing column(s) {', '.join(missing)}", line=1, column=missing[0])
    if extra:
        raise DataError(csv_path, f"column(s) not in the schema: {', '.join(extra)}", line=1, column=extra[0])
    if header != expected:
        raise DataError(csv_path, f"columns must be in schema order: {', '.join(expected)}", line=1)


def _first_error(csv_path: Path, report, primary_key: list[str] = ()) -> DataError:
    task = report.tasks[0] if report.tasks else None
    errors = task.errors if task else report.errors
    if not errors:
        return DataError(csv_path, "invalid (no detail given by the validator)")
    error = errors[0]
    line = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if column is None and error.type == "foreign-key":
        column = ", ".join(error.field_names)
    if column is None and error.type == "primary-key" and primary_key:
        column = ", ".join(primary_key)  # frictionless names no field for a duplicate key
    detail = f"{error.type}: {error.note or error.message}"
    if cell is not None:
        detail = f"{error.type}: value {cell!r} does not fit ({error.note or error.message})"
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return DataError(csv_path, detail + more, line=line, column=column)


def _check_value_model(name: str, csv_path: Path, data_dir: Path) -> None:
    fields = [f["name"] for f in _descriptors(data_dir)[name]["schema"]["fields"]]
    if not set(VALUE_COLUMNS) <= set(fields):
        return
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    markers = {m.value for m in Marker}
    for index, row in frame.iterrows():
        line = index + 2
        has_value, has_marker = row["value"] != "", row["marker"] != ""
        if has_value == has_marker:
            raise DataError(csv_path, "exactly one of 'value' and 'marker' must be filled", line, "value")
        if has_marker and row["marker"] not in markers:
            raise DataError(csv_path, f"unknown marker {row['marker']!r}", line, "marker")
        if row["printed"] and not row["note"]:
            _check_printed(csv_path, line, row)


def _check_printed(csv_path: Path, line: int, row) -> None:
    """A cell without a note must say what the report prints: ``printed`` read
    as Dutch notation equals ``value`` (or ``marker``). Catches e.g. a value
    typed as ``43.090`` (read as 43,09) for a printed ``43.090``."""
    try:
        parsed = parse_dutch(row["printed"])
    except DutchNumberError as exc:
        raise DataError(csv_path, f"printed {row['printed']!r} is not plain Dutch notation and has no note ({exc})", line, "note") from exc
    if isinstance(parsed, Marker):
        if row["marker"] != parsed.value:
            raise DataError(csv_path, f"printed {row['printed']!r} means marker {parsed.value!r}, not {row['marker'] or row['value']!r}", line, "marker")
    elif row["value"] == "" or abs(float(row["value"]) - parsed) > 1e-9:
        raise DataError(csv_path, f"value {row['value']!r} differs from printed {row['printed']!r} (= {parsed:g}) and no note explains why", line, "value")


def _dtypes(descriptor: dict) -> dict[str, str]:
    mapping = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "year": "Int64"}
    return {f["name"]: mapping.get(f.get("type", "string"), "string") for f in descriptor["schema"]["fields"]}


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, data_dir: Path, mtime: float) -> pd.DataFrame:
    validate(name, data_dir)
    descriptor = _descriptors(data_dir)[name]
    dtypes = _dtypes(descriptor)
    raw = pd.read_csv(data_dir / f"{name}.csv", dtype=str, keep_default_na=False)
    frame = pd.DataFrame(index=raw.index)
    for column, dtype in dtypes.items():
        series = raw[column]
        if dtype == "boolean":
            frame[column] = series.map({"true": True, "false": False, "": pd.NA}).astype("boolean")
        elif dtype in ("Int64", "Float64"):
            frame[column] = pd.to_numeric(series.replace("", None), errors="raise").astype(dtype)
        else:
            frame[column] = series.replace("", pd.NA).astype("string")
    frame.attrs.update(metadata(name, data_dir))
    return frame


def load(name: str, data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Validated table ``data/<name>.csv`` as a DataFrame.

    Columns and dtypes follow the Table Schema (integer -> Int64, number ->
    float64, boolean -> boolean, anything else -> string); empty cells are
    <NA>, never 0. ``frame.attrs`` holds the provenance (title, report_section,
    report_table, unit, ...). Raises DataError (file, line, column) when the
    file or its descriptor is invalid or the name is unknown.
    """
    data_dir = Path(data_dir).resolve()
    csv_path = data_dir / f"{name}.csv"
    mtime = csv_path.stat().st_mtime if csv_path.exists() else 0.0
    return _load_cached(name, data_dir, mtime).copy()


def dataset_names(data_dir: Path = DATA_DIR) -> list[str]:
    """Names of all tables in ``data_dir``."""
    return list(_descriptors(Path(data_dir)))
