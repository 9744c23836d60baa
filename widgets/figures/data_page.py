"""The appendix page "Data en kwaliteit" (``chapters/gegevens.md``), generated from ``data/``.

Every function returns HTML (a string, or :class:`widgets.figure.HTML` for
display in a notebook) or a pandas DataFrame built from the tables and their
descriptors; nothing on the page is typed by hand. Tables are drawn with
:func:`widgets.figure.html_table`. Links point to the copies of ``data/`` that
the site publishes next to the chapters (``../data/<name>.csv`` and
``../data/datapackage.json``, see ``widgets.sphinx_ext.on_build_finished``).

All functions take ``data_dir`` (default: the project's ``data/``) and raise
:class:`widgets.data.DataError` (file, line, column) when a table or its
descriptor is invalid.
"""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from .. import DATA_DIR
from ..data import dataset_names, fields, load, metadata
from ..data.labels import MARKER_LABELS_NL
from ..data.lookup import lookup_row, lookup_text, source_text
from ..data.numbers import Marker
from .html import HTML, html_table

DATA_HREF = "../data"  # from chapters/<page>.html to the published data/ folder
PACKAGE_HREF = f"{DATA_HREF}/datapackage.json"

DISCREPANCY_GROUPS_NL = {
    "samenvatting_h6_b10": "Verschillen tussen de drie budgettabellen (samenvatting, hoofdstuk 6 en Bijlage 10)",
    "tekst_tabel": "Verschillen tussen de lopende tekst en een tabel",
    "proza_bijlagen": "Rekenverschillen in de lopende tekst en de bijlagen",
}

# How the report prints each marker, and what it means, in our own words.
MARKER_PRINTED = {
    Marker.UNQUANTIFIED_COST: "+",
    Marker.UNQUANTIFIED: "-",
    Marker.DEPENDS_ON_INFLOW: "Afhankelijk van de instroom",
    Marker.SUPPRESSED: "<10",
    Marker.NOT_AVAILABLE: "(niets)",
}
MARKER_MEANING_NL = {
    Marker.UNQUANTIFIED_COST: "Er komen kosten bij, maar het rapport noemt geen bedrag.",
    Marker.UNQUANTIFIED: "Er is een effect, maar het rapport rekent het niet uit.",
    Marker.DEPENDS_ON_INFLOW: "Het bedrag hangt af van het aantal asielzoekers dat komt.",
    Marker.SUPPRESSED: "Minder dan tien; het precieze aantal is niet gepubliceerd.",
    Marker.NOT_AVAILABLE: (
        "Geen getal: niet geteld, niet gedrukt, of wel gedrukt maar niet met zekerheid aan een jaar "
        "of kolom te koppelen (dan staat het gedrukte in de toelichting)."
    ),
}

# Figures used as reading examples: a reference (dataset/primary key), never a typed number.
NOTATION_EXAMPLES = (
    "b9_inflow_by_type/2015/totaal",
    "budget_printed/4.1/B10/2022",
    "key_figures/jenv_saving_task",
    "key_figures/grant_rate_2019",
)


def csv_href(name: str) -> str:
    """Site-relative link to the published CSV of a dataset: ``../data/<name>.csv``."""
    return f"{DATA_HREF}/{name}.csv"


def dataset_source(meta: dict) -> str:
    """Where a table comes from, for readers.

    From the report: ``"rapport, Bijlage 9, Tabel 3.1 ‘Asielinstroom totaal en ...’;
    regels L9851-9897"`` (section, table, the title as printed, so the table can be
    found in the PDF, and the lines in the report's text file). From elsewhere:
    ``"niet uit het rapport: <title of each source>"``. Built on
    :func:`widgets.data.lookup.source_text`; ``meta`` is :func:`widgets.data.metadata`.
    """
    text = source_text(meta).split(": ", 1)[1]
    if meta.get("from_report"):
        if meta.get("report_title"):
            text += f" ‘{meta['report_title']}’"
        lines = meta.get("report_lines")
        return f"{text}; regels {lines}" if lines else text
    return f"niet uit het rapport: {text}"


def dataset_rows(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One row per dataset in ``data_dir``, in :func:`widgets.data.dataset_names` order.

    Columns: ``name`` (file stem), ``title``, ``source`` (see
    :func:`dataset_source`), ``unit`` (as in the descriptor, e.g. ``personen``
    or ``mln. euro``), ``from_report`` (bool), ``rows`` (int: number of rows of
    the validated table) and ``href`` (``../data/<name>.csv``). Loads, and so
    validates, every table: raises DataError on the first invalid one.
    """
    records = []
    for name in dataset_names(data_dir):
        meta = metadata(name, data_dir)
        records.append(
            {
                "name": name,
                "title": str(meta["title"]),
                "source": dataset_source(meta),
                "unit": str(meta["unit"]),
                "from_report": bool(meta["from_report"]),
                "rows": len(load(name, data_dir)),
                "href": csv_href(name),
            }
        )
    return pd.DataFrame.from_records(records)


def datasets_html(data_dir: Path = DATA_DIR) -> str:
    """HTML: the table of all datasets (title, source, unit, number of rows, a
    link to the CSV and to the Excel workbook) and a link to ``../data/datapackage.json``."""
    rows = dataset_rows(data_dir)
    shown = pd.DataFrame(
        {
            "Tabel": rows["title"],
            "Bron": rows["source"],
            "Eenheid": rows["unit"],
            "Rijen": rows["rows"],
            "Download (CSV)": rows["name"] + ".csv",
            "Voor Excel": rows["name"] + ".xlsx",
        }
    )
    table = html_table(
        shown,
        f"Alle {len(rows)} tabellen met hun herkomst en omvang",
        row_header="Tabel",
        number_columns=["Rijen"],
        links={"Download (CSV)": lambda row: csv_href(row["Download (CSV)"].removesuffix(".csv")),
               "Voor Excel": lambda row: f"{DATA_HREF}/{row['Voor Excel']}"},
    )
    outside = int((~rows["from_report"]).sum())
    package = (
        f'<p class="bmh-source">Beschrijving van alle tabellen samen (Frictionless Data Package): '
        f'<a href="{html.escape(PACKAGE_HREF)}">datapackage.json</a>. '
        f"{len(rows) - outside} tabellen komen uit het rapport, {outside} van elders.</p>"
    )
    return f'<div class="bmh-data-page">{table}{package}</div>'


def datasets_section(data_dir: Path = DATA_DIR) -> HTML:
    """:func:`datasets_html` for display in a notebook."""
    return HTML(datasets_html(data_dir), summary=f"Tabel: {len(dataset_names(data_dir))} datasets met downloads")


def _discrepancy_number(identifier: str) -> int:
    return int(identifier.lstrip("D"))


def discrepancy_rows(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The validated ``discrepancies`` table sorted by number (D1, D2, ... D49),
    empty cells as ``""``. Columns as in the CSV: ``id``, ``group``, ``topic``,
    ``where``, ``printed``, ``computed``, ``used``, ``dataset``, ``status``,
    ``inventory_correction`` (all text, Dutch notation inside the text)."""
    frame = load("discrepancies", data_dir).fillna("")
    order = frame["id"].map(_discrepancy_number).sort_values(kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def discrepancies_html(data_dir: Path = DATA_DIR) -> str:
    """HTML: a count of the discrepancies and one table per group with number,
    topic, place in the report, what is printed, the arithmetic and the value
    this edition uses. Raises ValueError for a group without a Dutch label in
    :data:`DISCREPANCY_GROUPS_NL`."""
    rows = discrepancy_rows(data_dir)
    titles = _field_titles("discrepancies", data_dir)
    unknown = sorted(set(rows["group"]) - set(DISCREPANCY_GROUPS_NL))
    if unknown:
        raise ValueError(f"discrepancies: no Dutch label for group(s) {', '.join(unknown)}")
    columns = ["id", "topic", "where", "printed", "computed", "used"]
    verified = int((rows["status"] == "verified").sum())
    parts = [
        f"<p>{len(rows)} verschillen, waarvan {verified} opnieuw tegen de tekst van het rapport "
        f"nagerekend. Per soort:</p><ul>"
        + "".join(
            f"<li>{html.escape(label)}: {int((rows['group'] == group).sum())}</li>"
            for group, label in DISCREPANCY_GROUPS_NL.items()
        )
        + "</ul>"
    ]
    for group, label in DISCREPANCY_GROUPS_NL.items():
        part = rows[rows["group"] == group]
        if part.empty:
            continue
        shown = part[columns].rename(columns=titles)
        parts.append(html_table(shown, label, row_header=titles["id"], number_columns=[], attributes={"data-table": "discrepancies"}))
    parts.append(
        f'<p class="bmh-source">{html.escape(source_text(metadata("discrepancies", data_dir)))} · '
        f'<a href="{html.escape(csv_href("discrepancies"))}">discrepancies.csv</a></p>'
    )
    return f'<div class="bmh-data-page">{"".join(parts)}</div>'


def discrepancies_section(data_dir: Path = DATA_DIR) -> HTML:
    """:func:`discrepancies_html` for display in a notebook."""
    return HTML(discrepancies_html(data_dir), summary=f"Tabellen: {len(discrepancy_rows(data_dir))} verschillen")


def lost_content_rows(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The validated ``lost_content`` table, empty cells as ``""``: one row per
    chart, table, annex or layout that did not survive in the report's text
    (columns ``id``, ``kind``, ``status``, ``title``, ``report_section``,
    ``lines``, ``remains``, ``dataset``)."""
    return load("lost_content", data_dir).fillna("")


def lost_content_html(data_dir: Path = DATA_DIR) -> str:
    """HTML: counts per status and a table of every lost or incomplete part of
    the report with what is left of it. Lists only what the data lists; nothing
    is reconstructed."""
    rows = lost_content_rows(data_dir)
    titles = _field_titles("lost_content", data_dir)
    counts = rows["status"].value_counts(sort=False)
    summary = ", ".join(f"{int(n)} {html.escape(status)}" for status, n in counts.items())
    columns = ["title", "kind", "status", "report_section", "lines", "remains", "dataset"]
    table = html_table(
        rows[columns].rename(columns=titles),
        f"Onderdelen van het rapport die in de tekstversie ontbreken of onvolledig zijn ({summary})",
        row_header=titles["title"],
        number_columns=[],
        attributes={"data-table": "lost_content"},
    )
    source = (
        f'<p class="bmh-source">{html.escape(source_text(metadata("lost_content", data_dir)))} · '
        f'<a href="{html.escape(csv_href("lost_content"))}">lost_content.csv</a></p>'
    )
    return f'<div class="bmh-data-page">{table}{source}</div>'


def lost_content_section(data_dir: Path = DATA_DIR) -> HTML:
    """:func:`lost_content_html` for display in a notebook."""
    return HTML(lost_content_html(data_dir), summary=f"Tabel: {len(lost_content_rows(data_dir))} verloren onderdelen")


def _csv_number(value: float) -> str:
    """A number as the CSV files write it: decimal point, no thousands separator."""
    return np.format_float_positional(float(value), trim="-")


def marker_counts(data_dir: Path = DATA_DIR) -> pd.Series:
    """Number of cells per marker over every table with a ``marker`` column,
    indexed by :class:`widgets.numbers.Marker` (all five, zeros included)."""
    counts = dict.fromkeys(Marker, 0)
    for name in dataset_names(data_dir):
        frame = load(name, data_dir)
        if "marker" not in frame.columns:
            continue
        for code, n in frame["marker"].dropna().value_counts().items():
            counts[Marker(code)] += int(n)
    return pd.Series(counts, name="cellen")


def notation_html(data_dir: Path = DATA_DIR) -> str:
    """HTML: two tables. Reading examples (a figure as shown on the site, in
    the CSV, and its source; references in :data:`NOTATION_EXAMPLES`, looked
    up with :mod:`widgets.lookup` in the project's data) and the
    markers (as printed in the report, as shown on the site, the code in the
    ``marker`` column of the downloads, the meaning and the number of cells)."""
    examples = []
    for reference in NOTATION_EXAMPLES:
        row, _meta = lookup_row(reference)
        shown, source = lookup_text(reference)
        examples.append(
            {
                "Op deze site": shown,
                "In de download (kolom value)": _csv_number(row["value"]),
                "Eenheid": str(row["unit"]) if "unit" in row.index else str(_meta["unit"]),
                "Bron": source.split(": ", 1)[1],
            }
        )
    example_table = html_table(
        pd.DataFrame(examples),
        "Hetzelfde getal op de site en in de download",
        row_header="Op deze site",
        number_columns=[],
    )
    counts = marker_counts(data_dir)
    markers = pd.DataFrame(
        {
            "In het rapport": [MARKER_PRINTED[m] for m in Marker],
            "Op deze site": [MARKER_LABELS_NL[m] for m in Marker],
            "In de download (kolom marker)": [m.value for m in Marker],
            "Betekenis": [MARKER_MEANING_NL[m] for m in Marker],
            "Cellen": [int(counts[m]) for m in Marker],
        }
    )
    marker_table = html_table(
        markers,
        "Tekens in plaats van een getal (aantal cellen over alle tabellen)",
        row_header="In het rapport",
        number_columns=["Cellen"],
    )
    return f'<div class="bmh-data-page">{example_table}{marker_table}</div>'


def notation_section(data_dir: Path = DATA_DIR) -> HTML:
    """:func:`notation_html` for display in a notebook."""
    return HTML(notation_html(data_dir), summary="Tabellen: notatie van getallen en tekens")


def external_html(data_dir: Path = DATA_DIR) -> str:
    """HTML: for every dataset from outside the report (``from_report: false``)
    its title, sources (with their addresses), number of values per kind of
    source, the caveats listed in its descriptor (``caveats``) and the values
    that are kept out of charts (``plot`` false) with the reason."""
    parts = []
    for name in dataset_names(data_dir):
        meta = metadata(name, data_dir)
        if meta["from_report"]:
            continue
        frame = load(name, data_dir)
        parts.append(
            f"<p><strong>{html.escape(str(meta['title']))}</strong> ({len(frame)} waarden, "
            f'<a href="{html.escape(csv_href(name))}">{html.escape(name)}.csv</a>). Bronnen:</p><ul>'
        )
        for source in meta.get("sources", []):
            title = html.escape(source.get("title", ""))
            path = source.get("path")
            parts.append(f'<li><a href="{html.escape(path)}">{title}</a></li>' if path else f"<li>{title}</li>")
        parts.append("</ul>")
        if "source_kind" in frame.columns:
            kinds = frame["source_kind"].value_counts().rename_axis("Soort bron").reset_index(name="Waarden")
            parts.append(
                html_table(kinds, f"{meta['title']}: waarden per soort bron", row_header="Soort bron", number_columns=["Waarden"])
            )
        caveats = meta.get("caveats", [])
        if caveats:
            parts.append("<p>Waarschuwingen die bij elk gebruik van deze cijfers horen:</p><ol>")
            parts.extend(f'<li value="{int(c["id"])}">{html.escape(str(c["text"]))}</li>' for c in caveats)
            parts.append("</ol>")
        if "plot" in frame.columns:
            hidden = frame[~frame["plot"].astype(bool)].fillna("")
            if not hidden.empty:
                shown = pd.DataFrame(
                    {
                        "Regel": hidden["id"].astype(str),
                        "Periode": hidden["period"],
                        "Gebied": hidden["geo"],
                        "Indicator": hidden["label"],
                        "Waarde": hidden["value"],
                        "Reden": hidden["plot_reason"],
                    }
                )
                parts.append(
                    html_table(
                        shown,
                        f"{meta['title']}: waarden die niet in grafieken staan",
                        row_header="Regel",
                        number_columns=["Waarde"],
                    )
                )
    return f'<div class="bmh-data-page">{"".join(parts)}</div>'


def external_section(data_dir: Path = DATA_DIR) -> HTML:
    """:func:`external_html` for display in a notebook."""
    outside = [n for n in dataset_names(data_dir) if not metadata(n, data_dir)["from_report"]]
    return HTML(external_html(data_dir), summary=f"Cijfers van buiten het rapport: {', '.join(outside)}")


def _field_titles(name: str, data_dir: Path) -> dict[str, str]:
    """Column name -> the Dutch column title from the table's schema."""
    return {f["name"]: str(f.get("title", f["name"])) for f in fields(name, data_dir)}
