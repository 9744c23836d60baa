"""The report's tables as the report lays them out (widgets/figures/report_tables.py):
cells in Dutch notation in the printed rows and columns, markers and notes, the
caption, unit and source, and a clear error for a display block that does not fit.

Expected values are typed from the report text (shared/report, line numbers
given), never read back from the CSV files under test.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from widgets import DATA_DIR
from widgets.data import DataError, dataset_names, load, metadata
from widgets.figures.report_tables import entries, report_table, report_table_html, shown_tables

SHOWN = [n for n in dataset_names() if "display" in metadata(n)]


def cell(name: str, row: str, column: str, table: str | None = None, block: int = 0) -> str:
    """The text a reader sees in one cell (row by its label), without note marks."""
    shown = shown_tables(name, table)[block]
    frame = shown.frame.set_index(shown.frame.columns[0])
    assert list(frame.index).count(row) == 1, f"{name}: row {row!r} shown {list(frame.index).count(row)} times"
    return str(frame.loc[row, column])


def note_of(name: str, row: str, column: str, table: str | None = None) -> str:
    """The note a cell (or its row) is marked with."""
    shown = shown_tables(name, table)[0]
    position = list(shown.frame.iloc[:, 0]).index(row)
    numbers = shown.marks.get((position, column)) or shown.marks.get((position, shown.frame.columns[0]))
    assert numbers, f"{name}: {row}/{column} has no note mark"
    return shown.notes[numbers[-1] - 1]


# ---------------------------------------------------------------- cells as printed


@pytest.mark.parametrize("name,row,column,printed", [
    ("b9_inflow_by_type", "eerste asielaanvragen", "2015", "43.090"),  # L9859
    ("b9_inflow_by_type", "Totaal", "2019", "31.360"),  # L9885
    ("b9_inflow_by_type", "herplaatsing", "2016", "1.200"),  # L9883 (right-aligned row)
    ("b9_reception_stay", "2016", "1-2 jaar", "37%"),  # L9752
    ("b9_reception_stay", "2018", "Aantallen", "21.800"),  # L9756
    ("b9_reception_flows", "2015", "ontvangen in de opvang", "60.430"),  # L9796
    ("b9_housing_duration", "2018", "Duur in maanden", "5,7"),  # L9835
    ("b9_border_procedure", "2015", "% van eerste aanvragen", "1%"),  # L9954
    ("b9_border_procedure", "2014", "Asielaanvraag", "1.060"),  # L9952
    ("b9_outflow_by_track", "Spoor 4 AA", "2016", "19.068"),  # L9910
    ("b9_appeal_duration_by_track", "Spoor 4 VA", "Eerste helft 2019", "27"),  # L10219 (printed 27119)
    ("b9_departures", "2008", "zelfstandig zonder toezicht", "11.280"),  # L10330
    ("b9_departures", "2019", "Totaal", "25.610"),  # L10352
    ("b9_detention_inflow", "2010", "Aantal", "7.820"),  # L11708
    ("b9_police_supervision", "Totaal", "2018", "4.560"),  # L11782
    ("b9_police_supervision", "Bevelen terugkeerstaat EU lidstaat", "2015", "560"),  # L11780 (4 values, 2015-2018)
    ("frontex_crossings", "2015", "Totaal", "1.822.177"),  # L1926
    ("frontex_crossings", "2011", "Centrale Middellandse Zee", "64.261"),  # L1918
    ("b1_baseline_budget", "Migratie", "2019", "1.299"),  # L9195
    ("b1_baseline_budget", "Totaal BHOS (gedrukt als TOT.)", "2020", "542"),  # L9173
    ("b1_baseline_budget", "Wereldvoedselprogramma", "2024", "36"),  # L9121
])
def test_cells_as_the_report_prints_them(name, row, column, printed):
    assert cell(name, row, column) == printed


@pytest.mark.parametrize("table,row,column,printed", [
    ("tabel-5-1", "Bekend gesteld", "2017", "5.530"),  # L10572
    ("tabel-5-2", "Aanvraag ingetrokken", "2014", "1.410"),  # L10594
    ("tabel-5-3", "Positief antwoord", "2016", "1.270"),  # L10606
])
def test_one_dataset_gives_the_three_tables_5_1_to_5_3(table, row, column, printed):
    assert cell("b9_lp_to_requests", row, column, table) == printed
    shown = shown_tables("b9_lp_to_requests", table)[0]
    # rows in the printed order (L10570-10578), years as columns
    assert list(shown.frame.iloc[:, 0]) == ["Bekend gesteld", "Positief antwoord", "Negatief antwoord", "Aanvraag ingetrokken"]
    assert list(shown.frame.columns[1:]) == ["2014", "2015", "2016", "2017", "2018"]
    assert shown.caption.startswith(table.replace("tabel-", "Tabel ").replace("-", "."))


def test_country_tables_keep_suppressed_cells_and_the_eindtotaal():
    assert cell("b9_lp_to_by_country", "Albanië", "2014", "tabel-5-4") == "<10"  # L10620
    assert cell("b9_lp_to_by_country", "Albanië", "2016", "tabel-5-4") == "20"  # L10620
    assert cell("b9_lp_to_by_country", "Eindtotaal", "2018", "tabel-5-4") == "100"  # L10685
    assert cell("b9_lp_to_by_country", "Irak", "2017", "tabel-5-6") == "310"  # L10946
    shown = shown_tables("b9_lp_to_by_country", "tabel-5-4")[0]
    assert shown.total_rows == {len(shown.frame) - 1}  # Eindtotaal last, as printed
    assert any(k.startswith("<10:") for k in shown.keys)


def test_unplaceable_rows_are_shown_as_printed_without_years():
    shown = shown_tables("b9_lp_to_unplaced", "tabel-5-4-los")[0]
    assert not any(re.fullmatch(r"\d{4}", str(c)) for c in shown.frame.columns)  # no year columns
    assert cell("b9_lp_to_unplaced", "Turkije", "Gedrukte getallen, in de gedrukte volgorde", "tabel-5-4-los") == "<10 <10 30 60"  # L10680-10683
    assert "niet vast te stellen" in note_of("b9_lp_to_unplaced", "Turkije", "Land", "tabel-5-4-los")
    # every unplaced row of the four tables is shown once
    total = sum(len(s.frame) for s in shown_tables("b9_lp_to_unplaced"))
    assert total == len(load("b9_lp_to_unplaced"))


def test_b4_is_shown_in_the_reports_three_blocks_of_eight_years():
    blocks = shown_tables("b4_oda_asylum")
    assert [list(b.frame.columns[1:])[::7] for b in blocks] == [["2001", "2008"], ["2009", "2016"], ["2017", "2024"]]  # L9498-9522
    assert cell("b4_oda_asylum", "Realisatie", "2015", block=1) == "1.186"  # L9509
    assert cell("b4_oda_asylum", "% ODA", "2015", block=1) == "23%"  # L9511
    # 2017-2024: seven percentages for eight years (L9522): no year gets one
    assert {cell("b4_oda_asylum", "% ODA", str(y), block=2) for y in range(2017, 2025)} == {"n.b."}
    notes = blocks[2].notes
    assert any("16% 10% 7% 6% 6% 5% 5%" in n and "niet vast te stellen" in n for n in notes)


def test_b1_follows_the_printed_order_with_its_headings():
    shown = shown_tables("b1_baseline_budget")[0]
    labels = list(shown.frame.iloc[:, 0])
    # L9077-9185: art. 4.1 and 4.2 with their lines, then TOT.; L9189-9236 JenV; L9243 SZW; L9249 OCW
    assert labels.index("Humanitaire hulp") < labels.index("Opvang en bescherming in de regio en migratiesamenwerking") \
        < labels.index("Totaal BHOS (gedrukt als TOT.)") < labels.index("Migratie") < labels.index("COA bijdrage (voorinburgering)")
    headings = [h for hs in shown.groups.values() for h in hs]
    assert headings[:2] == ["Begroting BHOS (Buitenlandse Handel en Ontwikkelingssamenwerking)", "Artikel 4.1"]
    assert headings.count("Subsidies") == 2  # under 4.1 and under 4.2 (L9099, L9151)
    assert labels.index("Migratie") in shown.total_rows and labels.index("IND") in shown.indent_rows
    assert "D42" in note_of("b1_baseline_budget", "Totaal BHOS (gedrukt als TOT.)", "2020")


def test_records_join_qualifier_value_and_unit_and_show_markers_alone():
    assert cell("b5_complementary_pathways", "Totaal capaciteit zoals gedrukt", "Bedrag") == "ca. 4,5 mln. euro"  # L9572
    assert cell("b5_complementary_pathways", "2 fte beleid JenV", "Bedrag") == "300.000 euro"  # L9566
    assert cell("b5_complementary_pathways", "Vangnet als een derde partij zich terugtrekt", "Bedrag") == "n.b."  # L9590
    assert cell("b6_legal_migration", "Begeleiding en selectie van de pilot, per jaar", "Bedrag per jaar") == "500.000 euro"  # L9628


def test_the_readmission_lists_are_lists_in_printed_order():
    (entry,) = entries("b9_readmission_agreements")
    (first, one), (second, two) = entry.items
    assert one[:2] == ["Armenië", "Albanië"] and one[-1] == "Turkije"  # L10413, L10415, L10449
    assert two[0] == "Armenië" and two[-1] == "Zwitserland"  # L10451, L10487
    assert "Bosnië en Herzegovina" in one  # printed over L10419-10421
    assert first == f"Lijst 1 ({len(one)} landen)" and second == f"Lijst 2 ({len(two)} landen)"
    markup = report_table_html("b9_readmission_agreements")
    assert "EU" not in re.sub(r"<[^>]+>", " ", markup).split("Bron:")[0]  # no guess which list is EU or Benelux


# ---------------------------------------------------------------- nothing added, nothing lost


@pytest.mark.parametrize("name", [n for n in SHOWN if metadata(n)["display"][0].get("layout", "pivot") == "pivot"])
def test_every_shown_cell_is_one_data_row(name):
    """A pivot table shows exactly the data rows its entries select: no cell is invented, none dropped."""
    frame = load(name)
    for entry in entries(name):
        part = frame
        for column, wanted in (entry.spec.get("where") or {}).items():
            wanted = wanted if isinstance(wanted, list) else [wanted]
            part = part[part[column].astype("string").isin([str(w) for w in wanted])]
        filled = sum(int((s.frame.iloc[:, 1:] != "").sum().sum()) for s in entry.tables)
        assert filled == len(part), f"{name} {entry.ident}: {filled} cells for {len(part)} data rows"


# ---------------------------------------------------------------- markers and notes


def test_markers_show_their_label_and_a_key():
    assert cell("b9_inflow_by_type", "Nareis*", "2010") == "n.b."  # L9871: nareis only from 2013
    shown = shown_tables("b9_inflow_by_type")[0]
    assert any(k.startswith("n.b. = niet beschikbaar") for k in shown.keys)
    assert "vóór 2013" in note_of("b9_inflow_by_type", "Nareis*", "2010")
    assert "rechts uitgelijnd" in note_of("b9_inflow_by_type", "Nareis*", "2013")


def test_same_note_same_number_and_a_row_wide_note_marks_the_row():
    shown = shown_tables("b9_eu_first_applications", "tabel-3-5-aantallen")[0]
    total = list(shown.frame.iloc[:, 0]).index("Totaal EU+ (zoals gedrukt)")
    # the six printed totals share one note (L10169): one mark on the row label, none on the cells
    assert (total, "Land") in shown.marks and not any((total, str(y)) in shown.marks for y in range(2014, 2020))
    assert "wijkt af van de som" in shown.notes[shown.marks[(total, "Land")][-1] - 1]
    assert shown.header_marks["2019*"]  # the incomplete year (L10173-10175)
    assert len(shown.notes) == len(set(shown.notes))


def test_html_marks_link_to_numbered_notes_and_every_table_is_named():
    markup = report_table_html("b9_police_supervision")
    assert re.search(r'<table class="bmh-table bmh-report" id="tabel-6-3-tabel" data-table="b9_police_supervision">', markup)
    refs = re.findall(r'href="#(tabel-6-3-noot-\d+)"', markup)
    ids = re.findall(r'<li id="(tabel-6-3-noot-\d+)"', markup)
    assert refs and set(refs) == set(ids)
    assert "Voetnoot 121" in markup  # header note on the row label (L11770)
    caption = re.search(r"<caption>(.*?)</caption>", markup).group(1)
    assert caption.startswith("Tabel 6.3: ") and "Eenheid: personen" in caption
    assert "Bron: rapport, Bijlage 9, Tabel 6.3 (het rapport noemt als bron: Nationale Politie" in html.unescape(markup)
    assert 'href="../data/b9_police_supervision.csv"' in markup


@pytest.mark.parametrize("name", SHOWN)
def test_every_display_block_renders_with_data_table(name):
    markup = report_table_html(name)
    tables = re.findall(r"<table [^>]*>", markup)
    assert all(f'data-table="{name}"' in t for t in tables)
    assert tables or f'data-table="{name}"' in markup  # a list carries it on its wrapper
    assert "Bron: " in markup and f"../data/{name}.csv" in markup
    assert repr(report_table(name)).startswith("Tabel: ")


def test_big_tables_fold_into_details_with_a_dutch_summary():
    markup = report_table_html("b9_lp_to_by_country", "tabel-5-6")
    summary = re.search(r"<summary>(.*?)</summary>", markup).group(1)
    n = len(shown_tables("b9_lp_to_by_country", "tabel-5-6")[0].frame) - 1
    assert summary.startswith("Tabel 5.6") and f"de {n} landen" in summary
    assert markup.index("<details") < markup.index("<table") < markup.index("</details>") < markup.index("Bron:")


# ---------------------------------------------------------------- a bad display block


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def set_display(data_dir: Path, name: str, change) -> Path:
    path = data_dir / f"{name}.resource.yaml"
    descriptor = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(descriptor["display"])
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


@pytest.mark.parametrize("change,key,words", [
    (lambda d: d[0].update(rows="jaar"), "rows", "no column 'jaar'"),
    (lambda d: d[0].update(kolommen="year"), "kolommen", "unknown key 'kolommen'"),
    (lambda d: d[0].update(layout="kruistabel"), "layout", "unknown layout 'kruistabel'"),
    (lambda d: d[0].update(where={"type": "gedwongen_vertrek"}), "where", "no value 'gedwongen_vertrek'"),
    (lambda d: d[0].update(row_order=["totaal", "eerste"]), "row_order", "leaves out"),
    (lambda d: d[0].pop("columns"), "rows", "more than one data row"),
    (lambda d: d[0].update(total_rows=["alles"]), "total_rows", "no value 'alles'"),
])
def test_a_bad_display_block_names_file_line_and_key(data_copy, change, key, words):
    path = set_display(data_copy, "b9_inflow_by_type", change)
    with pytest.raises(DataError) as info:
        report_table_html("b9_inflow_by_type", data_dir=data_copy)
    error = info.value
    assert error.path == path and f"display[0].{key}" in error.problem and words in error.problem, str(error)
    if key != "rows" or "jaar" in words:
        assert error.line == line_of(path, f"{key}:")


def test_a_table_without_display_block_or_with_an_unknown_id_is_refused(data_copy):
    set_display(data_copy, "b9_departures", lambda d: d.clear())
    with pytest.raises(DataError, match="display must be a list"):
        report_table_html("b9_departures", data_dir=data_copy)
    with pytest.raises(DataError, match="no entry with id 'tabel-9-9'"):
        report_table_html("b9_inflow_by_type", "tabel-9-9")
    with pytest.raises(DataError, match="no display block"):
        report_table_html("key_figures")


def test_the_renderer_reads_the_data_it_is_given(data_copy):
    """A changed cell in a copy of data/ changes what is shown (the renderer never keeps its own numbers)."""
    csv = data_copy / "b9_detention_inflow.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2010,7820,,7.820,", "2010,7830,,7.830,"), encoding="utf-8")
    shown = shown_tables("b9_detention_inflow", data_dir=data_copy)[0]
    assert shown.frame.set_index("Jaar").loc["2010", "Aantal"] == "7.830"
    assert isinstance(shown.frame, pd.DataFrame)
