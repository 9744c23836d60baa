"""The data loader: every real table loads; bad input fails loudly, naming file, line and column."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from widgets import DATA_DIR
from widgets.data import DataError, dataset_names, load, metadata


@pytest.mark.parametrize("name", dataset_names())
def test_every_dataset_loads_with_provenance(name):
    frame = load(name)
    assert len(frame) > 0
    meta = metadata(name)
    assert meta["title"] and meta["unit"]
    assert isinstance(meta["from_report"], bool)
    if meta["from_report"]:
        assert meta["report_section"]
    else:
        assert meta.get("sources"), f"{name}: a table from outside the report must name its source"


def test_empty_cells_are_missing_not_zero():
    frame = load("budget_printed")
    plus = frame[(frame["measure"] == "4.4") & (frame["period"] == "2022") & (frame["source"] == "B10")].iloc[0]
    assert pd.isna(plus["value"]) and plus["marker"] == "unquantified_cost"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _replace_line(path: Path, line: int, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = new + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def _line_of(path: Path, startswith: str) -> tuple[int, str]:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.startswith(startswith):
            return number, text
    raise AssertionError(f"no line starting with {startswith!r} in {path}")


def test_missing_column(data_copy):
    csv = data_copy / "budget_printed.csv"
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False).drop(columns=["value"])
    frame.to_csv(csv, index=False)
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    e = info.value
    assert (e.path.name, e.line, e.column) == ("budget_printed.csv", 1, "value")
    assert "missing column" in str(e)


def test_unknown_measure_code(data_copy):
    csv = data_copy / "budget_printed.csv"
    number, text = _line_of(csv, "4.11,B10,2021,")
    _replace_line(csv, number, text.replace("4.11,", "4.13,", 1))
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    e = info.value
    assert (e.path.name, e.line, e.column) == ("budget_printed.csv", number, "measure")
    assert "4.13" in str(e)


def test_dutch_decimal_comma_where_a_number_is_expected(data_copy):
    csv = data_copy / "budget_printed.csv"
    number, text = _line_of(csv, "4.1,B10,2022,")
    assert ",2.88," in text
    _replace_line(csv, number, text.replace(",2.88,", ',"2,88",', 1))
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    e = info.value
    assert (e.path.name, e.line, e.column) == ("budget_printed.csv", number, "value")
    assert "'2,88'" in str(e)


def test_duplicate_row(data_copy):
    csv = data_copy / "budget_printed.csv"
    number, text = _line_of(csv, "5.3,H6,2023,")
    with csv.open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    total = len(csv.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    e = info.value
    assert (e.path.name, e.line) == ("budget_printed.csv", total)
    assert "primary-key" in str(e)


def test_empty_file(data_copy):
    (data_copy / "budget_measures.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load("budget_measures", data_copy)
    assert info.value.path.name == "budget_measures.csv"
    assert "empty" in str(info.value)


def test_value_and_marker_both_empty(data_copy):
    csv = data_copy / "budget_printed.csv"
    number, text = _line_of(csv, "4.12a,B10,2024,")
    _replace_line(csv, number, text.replace(",-50,,", ",,,", 1))
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    assert (info.value.line, info.value.column) == (number, "value")


def test_unknown_marker(data_copy):
    csv = data_copy / "budget_printed.csv"
    number, text = _line_of(csv, "4.4,B10,2022,")
    _replace_line(csv, number, text.replace("unquantified_cost", "zero", 1))
    with pytest.raises(DataError) as info:
        load("budget_printed", data_copy)
    assert (info.value.line, info.value.column) == (number, "marker")


def test_unknown_dataset():
    with pytest.raises(DataError) as info:
        load("no_such_table")
    assert "unknown dataset" in str(info.value)


def test_broken_descriptor(data_copy):
    (data_copy / "budget_warnings.resource.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load("budget_warnings", data_copy)
    assert "YAML" in str(info.value)


def test_value_that_disagrees_with_the_printed_cell(data_copy):
    # Tabel 3.1, eerste asielaanvragen 2015: printed 43.090; a value typed as 43.090 reads as 43,09
    csv = data_copy / "b9_inflow_by_type.csv"
    number, text = _line_of(csv, "2015,eerste,")
    assert ",43090,," in text
    _replace_line(csv, number, text.replace(",43090,,", ",43.090,,", 1))
    with pytest.raises(DataError) as info:
        load("b9_inflow_by_type", data_copy)
    assert (info.value.line, info.value.column) == (number, "value")
    assert "43.090" in str(info.value)
