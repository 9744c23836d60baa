"""The page "Data en kwaliteit" (widgets/data_page.py): every dataset and every
discrepancy listed exactly once, generated from data/, in Dutch notation.

Expected values are typed from the report text (shared/report, line numbers
given), never read back from the CSV files under test.
"""
from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from widgets.data import dataset_names, load, metadata
from widgets.data.numbers import Marker, format_nl, format_percent_nl, parse_dutch
from widgets.figures import data_page
from widgets.models.dublin import report_figures


@pytest.fixture(scope="module")
def datasets_html() -> str:
    return data_page.datasets_html()


@pytest.fixture(scope="module")
def discrepancies_html() -> str:
    return data_page.discrepancies_html()


def row_of(markup: str, header: str) -> str:
    """The one table row whose row header is ``header``."""
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">(.*?)</th>(.*?)</tr>", markup)
    hits = [cells for head, cells in rows if html.unescape(head) == header]
    assert len(hits) == 1, f"{header!r}: {len(hits)} rows"
    return html.unescape(re.sub(r"<[^>]+>", " ", hits[0]))


def test_every_dataset_is_listed_once_with_its_download(datasets_html):
    links = re.findall(r'href="\.\./data/([a-z0-9_]+)\.csv"', datasets_html)
    assert Counter(links) == Counter(dataset_names())
    assert datasets_html.count('href="../data/datapackage.json"') == 1
    rows = data_page.dataset_rows()
    assert list(rows["name"]) == dataset_names()
    assert rows["name"].is_unique


@pytest.mark.parametrize("name", dataset_names())
def test_dataset_row_shows_title_source_unit_and_size(datasets_html, name):
    meta = metadata(name)
    cells = row_of(datasets_html, meta["title"])
    assert meta["unit"] in cells
    assert f"{name}.csv" in cells
    if meta["from_report"]:
        assert meta["report_section"] in cells and meta["report_lines"] in cells
        assert "niet uit het rapport" not in cells
    else:
        assert "niet uit het rapport" in cells
        for source in meta["sources"]:
            assert source["title"] in cells
    # the row count is the table's, in Dutch notation (1116 -> 1.116)
    count = re.search(r'<td class="num">([0-9.]+)</td>', datasets_html[datasets_html.index(html.escape(meta["title"])):])
    assert int(count.group(1).replace(".", "")) == len(load(name))


def test_row_counts_as_typed_from_the_report():
    rows = data_page.dataset_rows().set_index("name")["rows"]
    assert rows["discrepancies"] == 49  # D1-D49
    assert rows["b9_detention_inflow"] == 10  # Tabel 6.1, 2010-2019 (L11704-11730)
    assert rows["frontex_crossings"] == 11 * 6  # 2009-2019, five routes and a total (L1897-1936)


def test_the_outside_dataset_is_marked():
    rows = data_page.dataset_rows().set_index("name")
    assert rows.loc["dublin_external", "source"].startswith("niet uit het rapport: ")
    assert not rows.loc["dublin_external", "from_report"]
    # the printed title as on report line 9851 ("Tabel 3.1: Asielinstroom totaal en uitgesplitst naar type aanvraag.")
    assert rows.loc["b9_inflow_by_type", "source"] == (
        "rapport, Bijlage 9, Tabel 3.1 ‘Asielinstroom totaal en uitgesplitst naar type aanvraag’; regels L9851-9897"
    )


def test_every_discrepancy_is_listed_once(discrepancies_html):
    ids = re.findall(r'<th scope="row">(D\d+)</th>', discrepancies_html)
    assert Counter(ids) == Counter(f"D{i}" for i in range(1, 50))
    rows = data_page.discrepancy_rows()
    assert list(rows["id"]) == [f"D{i}" for i in range(1, 50)]
    # one table per group, each with its own caption
    assert discrepancies_html.count("<caption>") == len(data_page.DISCREPANCY_GROUPS_NL)


def test_discrepancy_d31_as_printed_in_the_report(discrepancies_html):
    cells = row_of(discrepancies_html, "D31")
    # L3859-3863: "Van de 29.562 Dublin claims ... 7.449 (32%) asielzoekers daadwerkelijk overgedragen."
    for printed in ("29.562", "7.449", "32%"):
        assert printed in cells
    assert "23%" in cells  # L3865, the European average
    assert "25,2%" in cells  # 7.449 / 29.562, the arithmetic
    assert format_percent_nl(report_figures()["computed_share"]) == "25,2%"  # the model's share, from the two counts


def test_discrepancy_d42_bhos_total(discrepancies_html):
    cells = row_of(discrepancies_html, "D42")
    # Bijlage 1, L9169-9181: TOT. 552, then 542 in the later years
    assert "552" in cells and "542" in cells
    assert "532" in cells  # 370 + 162, the sum of the articles
    b1 = load("b1_baseline_budget")
    articles = b1[b1["row_id"].isin(["bhos_4_1", "bhos_4_2"]) & (b1["year"] == 2020)]["value"].astype(float).sum()
    assert format_nl(articles) == "532"


def test_discrepancy_d20_complementary_pathways(discrepancies_html):
    cells = row_of(discrepancies_html, "D20")
    # Bijlage 5, L9560-9572: 300.000 + 1,5 mln. + 300.000 + 1,2 mln. + 1 mln.; "ca. 4,5 mln. euro"
    assert "4,5" in cells and "4,3" in cells
    b5 = load("b5_complementary_pathways")
    posts = b5[(b5["block"] == "capaciteit") & (b5["row_type"] == "post")]
    in_mln = [v / 1e6 if u == "euro" else v for v, u in zip(posts["value"].astype(float), posts["unit"])]
    assert format_nl(sum(in_mln), decimals=1) == "4,3"  # the five posts as stored in data/


def test_discrepancy_d45_seven_values_for_eight_years(discrepancies_html):
    cells = row_of(discrepancies_html, "D45")
    assert "16% 10% 7% 6% 6% 5% 5%" in cells  # Bijlage 4, L9522


def test_every_lost_part_is_listed_and_nothing_else():
    markup = data_page.lost_content_html()
    frame = load("lost_content")
    titles = [html.unescape(t) for t in re.findall(r'<th scope="row">(.*?)</th>', markup)]
    assert Counter(titles) == Counter(frame["title"])
    assert "Bijlage 8: meerjarige demografische trends (CBS)" in titles  # L9729: only the heading is left
    assert 'href="../data/lost_content.csv"' in markup


def test_notation_examples_in_both_notations():
    markup = data_page.notation_html()
    # Bijlage 9, Tabel 3.1 (L9851-9897): total asylum inflow 2015 printed as 59.310
    cells = row_of(markup, "59.310")
    assert "59310" in cells
    cells = row_of(markup, "2,88")  # Bijlage 10, maatregel 4.1 in 2022
    assert "2.88" in cells
    for marker in Marker:
        assert f"<td>{marker.value}</td>" in markup


@pytest.mark.parametrize("marker", [m for m in Marker if m is not Marker.NOT_AVAILABLE])
def test_marker_printed_forms_parse_to_their_marker(marker):
    assert parse_dutch(data_page.MARKER_PRINTED[marker]) is marker


def test_marker_counts_cover_every_table():
    counts = data_page.marker_counts()
    expected = Counter()
    for name in dataset_names():
        frame = load(name)
        if "marker" in frame.columns:
            expected.update(frame["marker"].dropna())
    assert {m.value: int(counts[m]) for m in Marker if counts[m]} == dict(expected)


def test_external_section_lists_sources_and_caveats():
    markup = data_page.external_html()
    meta = metadata("dublin_external")
    assert meta["from_report"] is False
    for caveat in meta["caveats"]:
        assert html.escape(caveat["text"]) in markup
    assert markup.count("<li value=") == len(meta["caveats"]) == 8
    for source in meta["sources"]:
        assert html.escape(source["title"]) in markup
    assert 'href="../data/dublin_external.csv"' in markup
    # the figure the cited letter itself corrected (caveat 7) is listed as kept out of charts
    cells = row_of(markup, "2")
    assert "3.840" in cells and "2014" in cells


def test_sections_have_deterministic_plain_text():
    for section in (
        data_page.datasets_section,
        data_page.discrepancies_section,
        data_page.lost_content_section,
        data_page.notation_section,
        data_page.external_section,
    ):
        first, second = section(), section()
        assert repr(first) == repr(second) and first._repr_html_() == second._repr_html_()
