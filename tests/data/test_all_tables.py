"""Every table in data/, checked the same way: printed cells against stored
values, nothing dropped on loading, and one corrupted copy of each kind
(wrong type, unknown code, missing column, broken schema, duplicate key) that
must fail with a DataError naming file, line and column. Finally the whole
datapackage, as the site publishes it, validates with frictionless (all
foreign keys).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from frictionless import Package

from widgets import DATA_DIR
from widgets.data.tables import VALUE_COLUMNS, DataError, dataset_names, fields, load, package_descriptor, primary_key

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")

DATASETS = dataset_names()
VALUE_TABLES = [n for n in DATASETS if set(VALUE_COLUMNS) <= {f["name"] for f in fields(n)}]
TYPED = ("integer", "number", "boolean", "year")
WITH_TYPED_FIELD = [n for n in DATASETS if any(f.get("type", "string") in TYPED for f in fields(n))]


def _descriptor_schema(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / f"{name}.resource.yaml").read_text(encoding="utf-8"))["schema"]


FOREIGN_KEYS = [(n, i) for n in DATASETS for i, _ in enumerate(_descriptor_schema(n).get("foreignKeys", []))]


# ---------------------------------------------------------------- helpers


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the whole data/ folder to corrupt."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def read_records(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def record_line(record: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(record)
    return out.getvalue()


def replace_line(path: Path, line: int, record: list[str]) -> None:
    """Replace 1-based ``line`` of a CSV (no cell spans lines, see
    test_nothing_is_dropped) with ``record``, leaving every other line as is."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = record_line(record) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def load_error(name: str, data_dir: Path) -> DataError:
    """The DataError that loading must raise (any other exception fails the test)."""
    with pytest.raises(DataError) as info:
        load(name, data_dir)
    return info.value


# ---------------------------------------------------------------- the real files


def test_the_lists_are_not_empty():
    assert len(DATASETS) >= 29
    assert len(VALUE_TABLES) >= 20
    assert FOREIGN_KEYS


@pytest.mark.parametrize("name", DATASETS)
def test_nothing_is_dropped(name):
    text = (DATA_DIR / f"{name}.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    records = read_records(DATA_DIR / f"{name}.csv")
    assert text.endswith("\n") and all(line.strip() for line in lines), f"{name}: blank line"
    assert len(records) == len(lines), f"{name}: a cell spans lines"
    assert len(load(name)) == len(lines) - 1


# ---------------------------------------------------------------- corrupted copies


PRINTED_TABLES = [n for n in VALUE_TABLES if (pd.read_csv(DATA_DIR / f"{n}.csv", dtype=str, keep_default_na=False)["printed"] != "").any()]


@pytest.mark.parametrize("name", PRINTED_TABLES)
def test_a_value_that_differs_from_its_printed_cell_is_refused(data_copy, name):
    """load() enforces the value model: a number changed without a note fails,
    naming the file, line and column (the rule itself lives in widgets.data.tables)."""
    csv_path = data_copy / f"{name}.csv"
    records = read_records(csv_path)
    header = records[0]
    col = {c: header.index(c) for c in ("value", "printed", "note")}
    line = next(i for i, r in enumerate(records[1:], start=2) if r[col["value"]] and r[col["printed"]] and not r[col["note"]])
    record = list(records[line - 1])
    record[col["value"]] = str(float(record[col["value"]]) + 1)
    replace_line(csv_path, line, record)
    e = load_error(name, data_copy)
    assert (e.path.name, e.line, e.column) == (f"{name}.csv", line, "value")
    assert "differs from printed" in e.problem


@pytest.mark.parametrize("name", WITH_TYPED_FIELD)
def test_wrong_type(data_copy, name):
    field = next(f["name"] for f in fields(name) if f.get("type", "string") in TYPED)
    csv_path = data_copy / f"{name}.csv"
    records = read_records(csv_path)
    record = records[1]
    record[records[0].index(field)] = "tekst"
    replace_line(csv_path, 2, record)
    e = load_error(name, data_copy)
    assert (e.path.name, e.line, e.column) == (f"{name}.csv", 2, field)
    assert "type" in e.problem and "'tekst'" in str(e)


def _unknown_code(field: dict, existing: set[str]) -> str:
    pattern = field.get("constraints", {}).get("pattern")
    for candidate in ("6.99.99", "onbekend_99", "ZZ"):
        if candidate not in existing and (pattern is None or re.fullmatch(pattern, candidate)):
            return candidate
    raise AssertionError(f"no unknown code fits {field['name']}")


@pytest.mark.parametrize("name,index", FOREIGN_KEYS, ids=[f"{n}-{i}" for n, i in FOREIGN_KEYS])
def test_unknown_code(data_copy, name, index):
    key = _descriptor_schema(name)["foreignKeys"][index]
    field = key["fields"][0] if isinstance(key["fields"], list) else key["fields"]
    target = key["reference"]["resource"] or name
    target_field = key["reference"]["fields"]
    target_field = target_field[0] if isinstance(target_field, list) else target_field
    existing = set(pd.read_csv(DATA_DIR / f"{target}.csv", dtype=str, keep_default_na=False)[target_field])
    csv_path = data_copy / f"{name}.csv"
    records = read_records(csv_path)
    column = records[0].index(field)
    line = next(number for number, r in enumerate(records[1:], start=2) if r[column] != "")
    record = records[line - 1]
    code = _unknown_code(next(f for f in fields(name) if f["name"] == field), existing)
    record[column] = code
    replace_line(csv_path, line, record)
    e = load_error(name, data_copy)
    assert (e.path.name, e.line, e.column) == (f"{name}.csv", line, field)
    assert "foreign-key" in e.problem and code in str(e)


@pytest.mark.parametrize("name", DATASETS)
def test_missing_required_column(data_copy, name):
    required = next(f["name"] for f in fields(name) if f.get("constraints", {}).get("required"))
    csv_path = data_copy / f"{name}.csv"
    records = read_records(csv_path)
    column = records[0].index(required)
    csv_path.write_text("".join(record_line(r[:column] + r[column + 1:]) + "\n" for r in records), encoding="utf-8")
    e = load_error(name, data_copy)
    assert (e.path.name, e.line, e.column) == (f"{name}.csv", 1, required)
    assert "missing column" in e.problem


@pytest.mark.parametrize("name", DATASETS)
def test_broken_schema(data_copy, name):
    descriptor = data_copy / f"{name}.resource.yaml"
    lines = descriptor.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, text in enumerate(lines, start=1) if re.fullmatch(r"\s+type: [a-z]+\s*", text))
    field = next(
        m.group(1) for text in reversed(lines[: number - 1]) if (m := re.fullmatch(r"\s*- name: (\S+)\s*", text))
    )
    lines[number - 1] = re.sub(r"type: [a-z]+", "type: numbr", lines[number - 1])
    descriptor.write_text("".join(lines), encoding="utf-8")
    e = load_error(name, data_copy)  # a DataError, not frictionless' own exception
    assert (e.path.name, e.line, e.column) == (f"{name}.resource.yaml", number, field)
    assert "numbr" in e.problem


@pytest.mark.parametrize("name", DATASETS)
def test_duplicate_primary_key(data_copy, name):
    csv_path = data_copy / f"{name}.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    csv_path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    e = load_error(name, data_copy)
    assert (e.path.name, e.line) == (f"{name}.csv", len(lines) + 1)
    assert e.column and set(e.column.split(", ")) <= set(primary_key(name))
    assert "primary-key" in e.problem or "unique" in e.problem


# ---------------------------------------------------------------- the datapackage


def _problems(report) -> list[str]:
    return [f"{task.name}: {e.type} {e.note}" for task in report.tasks for e in task.errors] + [
        f"package: {e.type} {e.note}" for e in report.errors
    ]


def test_datapackage_validates_as_a_whole():
    published = json.loads(json.dumps(package_descriptor(), ensure_ascii=False, sort_keys=True))
    report = Package(published, basepath=str(DATA_DIR)).validate()
    assert report.valid, _problems(report)[:10]
    assert sorted(task.name for task in report.tasks) == sorted(DATASETS)


@pytest.mark.skipif(not (SITE / "data" / "datapackage.json").exists(), reason="site not built")
def test_datapackage_on_the_site_validates():
    folder = SITE / "data"
    report = Package(json.loads((folder / "datapackage.json").read_text(encoding="utf-8")), basepath=str(folder)).validate()
    assert report.valid, _problems(report)[:10]
    assert sorted(task.name for task in report.tasks) == sorted(DATASETS)
