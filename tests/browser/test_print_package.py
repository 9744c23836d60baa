""""Afdrukken" on the builder: a package of ten measures on one A4 page, with the choice
in words, every year column of the totals, the notes, the source, the edition and the link;
nothing else of the page. The same for a comparison of three packages."""
from __future__ import annotations

import io

from pypdf import PdfReader

from widgets.data.labels import period_label
from widgets.data.numbers import format_nl
from widgets.edition import edition
from widgets.figures import package
from widgets.models import budget as model

TEN = ["4.1", "4.4", "4.5", "4.6", "4.7", "4.8", "4.10", "4.11", "6.1", "3.1.1"]


def printed(page, site_url, query, figure_id):
    page.goto(f"{site_url}/chapters/maatregelen.html{query}")
    page.wait_for_function(f"() => document.querySelector('#{figure_id}').dataset.rendered")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.locator(f"#{figure_id} button[data-action=print-figure]").click()
    assert page.evaluate("() => window.__printed") == 1
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True))).pages


def test_a_ten_measure_package_prints_on_one_page(page, site_url):
    assert len(model.check_selection(TEN)) == 10
    pages = printed(page, site_url, "?pakket=" + ",".join(TEN) + f"&v={edition().number}", "fig-pakket")
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    for period in model.PERIODS:
        assert period_label(period) in text, period
    saldo = model.package_totals(TEN)["saldo"]
    assert format_nl(float(saldo["structureel"])) in text
    assert "Gekozen: 3.1.1 Medisch" in text and "4.1 Flexpool asielketen" in text  # report order
    assert "Niet opgeteld: 4.4 Rechtspraak" in text
    assert package.SOURCE_NL.split(" (")[0] in text
    assert edition().label_nl in text
    assert "pakket=" in text  # the link, with its address
    assert "Zelf een pakket samenstellen" not in text and "Afdrukken" not in text  # the rest of the page stays off paper


def test_a_comparison_prints_with_its_differences(page, site_url):
    query = "?vergelijk=" + ",".join([f"A-{c}" for c in TEN[:5]] + [f"B-{c}" for c in TEN[5:]] + ["C-4.1"]) + f"&v={edition().number}"
    pages = printed(page, site_url, query, "fig-vergelijk")
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "Verschil B − A (saldo)" in text and "Verschil C − A (saldo)" in text
    assert "Welk pakket welke maatregel bevat" in text
    assert len(pages) <= 2
