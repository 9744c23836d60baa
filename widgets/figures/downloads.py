"""The Table Schema of every CSV a reader can download from a figure.

A figure's download holds what the figure shows for the reader's choice, made
in the browser; its description (a Frictionless resource: fields, unit,
source) is a fixed file beside the site's data, ``data/figuren/<name>.json``,
written by ``widgets.site.sphinx_ext`` when the book is built. The CSV itself
stays plain and machine-readable (UTF-8, comma, decimal point).
"""
from __future__ import annotations

from ..data.tables import DATA_LICENSE
from ..edition import edition
from . import compare, dublin, package, series

STRING, NUMBER, INTEGER = "string", "number", "integer"
MARKER = {"name": "marker", "type": STRING, "title": "Reden dat er geen getal is",
          "description": "Leeg als waarde een getal heeft; anders een code uit de tabel 'Tekens' op de pagina Data en kwaliteit."}


def _field(name: str, type_: str, title: str) -> dict:
    return {"name": name, "type": type_, "title": title}


def _resource(name: str, title: str, fields: list[dict], unit: str, source: str) -> dict:
    current = edition()
    return {
        "name": name.removesuffix(".csv").replace("-", "_"),
        "path": name,
        "title": title,
        "format": "csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "unit": unit,
        "sources": [{"title": source}],
        "licenses": [DATA_LICENSE],
        "version": current.version,
        "edition": current.label_nl,
        "schema": {"fields": fields, "missingValues": [""]},
    }


def resources() -> dict[str, dict]:
    """CSV name -> its resource descriptor, for every figure download."""
    out = {
        package.CSV_MEASURES: _resource(
            package.CSV_MEASURES, "Gekozen pakket: bedragen per maatregel en jaar",
            [_field("maatregel", STRING, "Code van de maatregel"), _field("titel", STRING, "Maatregel"),
             _field("periode", STRING, "Jaar (2021-2025) of structureel"), _field("waarde", NUMBER, "Bedrag (mln euro)"), MARKER],
            "mln euro; + = saldoverslechterend, - = besparing", package.SOURCE_NL),
        package.CSV_TOTALS: _resource(
            package.CSV_TOTALS, "Gekozen pakket: totalen per jaar",
            [_field("periode", STRING, "Jaar (2021-2025) of structureel"), _field("extra", NUMBER, "Extra uitgaven (mln euro)"),
             _field("besparingen", NUMBER, "Besparingen (mln euro)"), _field("saldo", NUMBER, "Saldo (mln euro)")],
            "mln euro", package.SOURCE_NL),
        dublin.CSV_NAME: _resource(
            dublin.CSV_NAME, dublin.TABLE_CAPTION,
            [_field(n, t, title) for n, t, title in zip(dublin.CSV_HEADER, [STRING, STRING, INTEGER, NUMBER, NUMBER, NUMBER],
                                                         ["Landcode", "Land", "Jaar", "Uitgaande verzoeken", "Uitgaande overdrachten",
                                                          "Overdrachten per 100 verzoeken"])],
            "verzoeken; overdrachten; per 100 verzoeken", dublin.SOURCE_NL),
    }
    out[compare.CSV_TOTALS] = _resource(
        compare.CSV_TOTALS, "Vergelijking van pakket A, B en C: totalen per jaar en het verschil met A",
        [_field("periode", STRING, "Jaar (2021-2025) of structureel")]
        + [_field(name, NUMBER, f"{compare.sum_label(p, q)} (mln euro)")
           for name, (p, q) in zip(compare.CSV_HEADER[1:], compare._sum_rows())],
        "mln euro; + = saldoverslechterend, - = besparing", package.SOURCE_NL)
    for key, fig in series.FIGURES.items():
        data = fig.data()
        for field in series.fields(data):
            name = series.csv_name(key, field)
            out[name] = _resource(
                name, f"{fig.caption}: {series.FIELD_NAMES[field]} van de gekozen reeksen en jaren",
                [_field("reeks", STRING, "Code van de reeks"), _field("naam", STRING, "Reeks"), _field("jaar", INTEGER, "Jaar"),
                 _field("waarde", NUMBER, f"Waarde ({series.unit_text(data, field)})"), MARKER],
                series.unit_text(data, field), data.source)
        if data.summable:
            name = f"{key}-totaal.csv"
            out[name] = _resource(name, f"{fig.caption}: {fig.total_label.lower()}",
                                  [_field("jaar", INTEGER, "Jaar"), _field("totaal", NUMBER, fig.total_label)], data.unit, data.source)
    return out


def table_xlsx(name: str) -> bytes:
    """A table of ``data/`` as an Excel workbook: sheet "Gegevens" with the rows (numbers as
    numbers, columns headed by their Dutch titles) and sheet "Over deze tabel" with title,
    source, unit, edition, licence and what each column holds. The same bytes every build."""
    import datetime as dt
    import io

    from openpyxl import Workbook

    from ..data import fields, load, metadata
    from ..data.lookup import source_text

    frame, meta, columns = load(name), metadata(name), fields(name)
    current = edition()
    book = Workbook()
    sheet = book.active
    sheet.title = "Gegevens"
    sheet.append([str(f.get("title") or f["name"]) for f in columns])
    for row in frame.itertuples(index=False):
        sheet.append([None if _missing(v) else _cell(v) for v in row])
    _fit_columns(sheet)
    about = book.create_sheet("Over deze tabel")
    for label, text in (("Tabel", str(meta["title"])), ("Bron", source_text(meta).split(": ", 1)[-1]), ("Eenheid", str(meta["unit"])),
                        ("Editie", f"Interactieve editie {current.number} ({current.date_nl})"),
                        ("Licentie", "CC BY 4.0 (de verzameling gegevens); de getallen komen uit de genoemde bron"),
                        ("Machineleesbaar", f"{name}.csv en {name}.resource.yaml (schema) in dezelfde map")):
        about.append([label, text])
    about.append([])
    about.append(["Kolom", "Naam in de CSV", "Betekenis"])
    for f in columns:
        about.append([str(f.get("title") or f["name"]), f["name"], str(f.get("description") or "")])
    _fit_columns(about)
    moment = dt.datetime.combine(current.date, dt.time())
    book.properties.created = book.properties.modified = moment
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip(raw.getvalue())


def _fit_columns(sheet, widest: int = 60) -> None:
    """Columns as wide as their longest cell (up to ``widest`` characters), so a reader sees the text."""
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(widest, max(8, longest + 2))


def _cell(value):
    """A cell for the workbook: numbers and booleans as themselves, everything else as text."""
    import numbers

    if isinstance(value, (bool, numbers.Number)):
        return value.item() if hasattr(value, "item") else value
    return str(value)


def _missing(value) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _fixed_zip(data: bytes) -> bytes:
    """The workbook re-zipped with fixed dates, so a build writes the same bytes."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()
