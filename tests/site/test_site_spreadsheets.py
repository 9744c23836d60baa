"""Downloads that open in Excel with Dutch settings: every table as a workbook, every figure's
current choice as a CSV with a byte order mark, semicolons and decimal commas, each naming
source, unit and edition; read back, every number equals the data or the model."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from sitecheck import SITE

from widgets.data import dataset_names, fields, load
from widgets.edition import edition
from widgets.models import budget
from widgets.models import series as series_model

NUMERIC = ("integer", "number", "year")


@pytest.mark.parametrize("name", dataset_names())
def test_every_table_is_a_workbook_with_the_same_numbers(name):
    book = openpyxl.load_workbook(SITE / "data" / f"{name}.xlsx")
    rows = list(book["Gegevens"].iter_rows(values_only=True))
    frame = load(name)
    columns = fields(name)
    assert rows[0] == tuple(str(f.get("title") or f["name"]) for f in columns)
    assert len(rows) - 1 == len(frame)
    for f_index, field in enumerate(columns):
        if field.get("type") in NUMERIC:
            got = [r[f_index] for r in rows[1:]]
            want = [None if v is None or v != v else float(v) for v in frame[field["name"]].astype(object).where(frame[field["name"]].notna(), None)]
            assert [None if g is None else float(g) for g in got] == want, (name, field["name"])
    about = {r[0]: r[1] for r in book["Over deze tabel"].iter_rows(values_only=True) if r and r[0]}
    assert about["Editie"].startswith(f"Interactieve editie {edition().number}")
    assert about["Bron"] and about["Eenheid"]


def read_excel_csv(text: str) -> tuple[dict, list[dict]]:
    """(the block above the table, the rows as dicts); checks the form Excel with Dutch settings needs."""
    assert text.startswith("\ufeff"), "no byte order mark"
    assert "\r\n" in text, "Excel expects CRLF line ends"
    lines = text[1:].split("\r\n")
    blank = lines.index("")
    about = dict(line.split(";", 1) for line in lines[:blank])
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[blank + 1:])), delimiter=";"))
    return about, rows


def dutch(text: str) -> float:
    assert "." not in text, f"{text!r}: a decimal point in a spreadsheet download"
    return float(text.replace(",", "."))


def test_the_package_download_for_excel(page, site_url):
    page.goto(f"{site_url}/chapters/maatregelen.html?pakket=4.1,4.3b,2C.1.3.2&v=1.1")
    figure = page.locator("#fig-pakket")
    page.wait_for_function("() => document.querySelector('#fig-pakket').dataset.rendered === '1'")
    with page.expect_download() as info:
        figure.locator('a[data-csv="pakket-totalen-excel.csv"]').click()
    about, rows = read_excel_csv(Path(info.value.path()).read_bytes().decode("utf-8"))
    assert {"Bron", "Eenheid", "Editie"} <= set(about) and about["Eenheid"] == "mln euro"
    want = budget.package_totals(["4.1", "4.3b", "2C.1.3.2"])
    assert [dutch(r["saldo"]) for r in rows] == list(want["saldo"])
    assert any("," in r["saldo"] for r in rows)  # 2,88 + 8 + 7,5 in 2022: a decimal comma


def test_a_series_download_for_excel(page, site_url):
    page.goto(f"{site_url}/chapters/instroom.html?eu=DE&eu-weergave=share&v=1.1")
    page.wait_for_function("() => document.querySelector('#fig-eu').dataset.rendered === '1'")
    with page.expect_download() as info:
        page.locator('#fig-eu a[data-csv="eu-aandelen-excel.csv"]').click()
    about, rows = read_excel_csv(Path(info.value.path()).read_bytes().decode("utf-8"))
    assert about["Eenheid"] == "procent"
    data = series_model.eu_first_applications()
    table = series_model.series_table(data, ["DE"], data.years[0], data.years[-1], "share")
    got = {(r["reeks"], int(r["jaar"])): dutch(r["waarde"]) for r in rows}
    assert got == {(s, int(y)): float(table.loc[y, s]) for s in table.columns for y in table.index}
