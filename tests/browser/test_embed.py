"""Embed pages (widgets/site/embed.py): each figure alone, restoring its state from the
address, working inside an <iframe> of a page from another origin; the chapter's
"Insluiten" block gives the snippet and a citation line for the reader's current choice."""
from __future__ import annotations

import re

from sitecheck import SITE, serve

from widgets.data.numbers import format_nl
from widgets.edition import edition
from widgets.models import budget as model
from widgets.site.embed import embed_name


def test_every_figure_has_an_embed_page_with_only_that_figure():
    for chapter in sorted((SITE / "chapters").glob("*.html")):
        ids = re.findall(r'<figure class="bmh-figure" id="([^"]+)"', chapter.read_text(encoding="utf-8"))
        for figure_id in ids:
            page = (SITE / embed_name(f"chapters/{chapter.name}", figure_id)).read_text(encoding="utf-8")
            assert re.findall(r'<figure class="bmh-figure" id="([^"]+)"', page) == [figure_id]
            assert f'href="../chapters/{chapter.name}#{figure_id}"' in page and edition().label_nl in page
            assert '<meta name="robots" content="noindex" />' in page
            assert '"changes":"../chapters/wijzigingen.html"' in page  # the changelog link of an older link's note


def test_an_embedded_figure_works_inside_another_sites_page(browser, site_url, tmp_path):
    src = f"{site_url}/{embed_name('chapters/maatregelen.html', 'fig-pakket')}?pakket=4.1&v={edition().number}"
    (tmp_path / "artikel.html").write_text(
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Artikel</title></head><body><h1>Een artikel</h1>'
        f'<iframe src="{src}" title="Pakket" width="900" height="1400"></iframe></body></html>', encoding="utf-8")
    context = browser.new_context()
    context.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                            "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with serve(tmp_path) as other:
        assert other.split(":")[-1] != site_url.split(":")[-1]  # another port: another origin
        page.goto(f"{other}/artikel.html")
        frame = page.frame_locator("iframe")
        frame.locator("#fig-pakket[data-rendered]").wait_for()
        saldo = lambda: frame.locator("#fig-pakket table.bmh-live tbody tr").nth(2).locator("td").all_text_contents()
        assert saldo() == [format_nl(v) for v in model.package_totals(["4.1"])["saldo"]]  # the state came from the address
        box = frame.locator("#fig-pakket details.bmh-variant", has_text="Variant 6")
        box.locator("summary").click()
        box.get_by_label("6.1 Bonus bij sneller huisvesten statushouders").click()
        frame.locator("#fig-pakket").evaluate("f => f.bmhPending")
        assert saldo() == [format_nl(v) for v in model.package_totals(["4.1", "6.1"])["saldo"]]
        assert frame.locator("#fig-pakket[data-drawn='1'] .bmh-chart svg").count() == 1
        assert page.frames[1].evaluate("() => window.__violations") == []
        assert frame.locator("a", has_text="Deze figuur in de interactieve editie").get_attribute("target") == "_top"
    context.close()
    assert errors == []


def open_insluiten(page, site_url):
    """The builder with measure 4.1 chosen and its "Insluiten" block open and filled."""
    page.goto(f"{site_url}/chapters/maatregelen.html?pakket=4.1&v={edition().number}")
    page.wait_for_function("() => document.querySelector('#fig-pakket').dataset.rendered")
    block = page.locator("#fig-pakket details.bmh-embed")
    block.locator("summary").click()
    page.wait_for_function("() => document.querySelector('#fig-pakket .bmh-embed-code').value")
    return block


def test_the_insluiten_block_gives_the_snippet_for_the_current_choice(page, site_url):
    block = open_insluiten(page, site_url)
    code = block.locator("textarea").input_value()
    src = re.search(r'<iframe src="([^"]+)"', code).group(1)
    assert src.startswith(f"{site_url}/insluiten/maatregelen-fig-pakket.html?pakket=4.1")
    assert 'title="Stel een pakket samen' in code
    cite = block.locator(".bmh-embed-cite").text_content()
    assert edition().label_nl in cite and "chapters/maatregelen.html?pakket=4.1" in cite
    page.goto(src.replace("&amp;", "&"))
    page.wait_for_function("() => document.querySelector('#fig-pakket').dataset.rendered")
    assert page.locator("#fig-pakket table.bmh-live tbody tr").nth(2).locator("td").all_text_contents() == \
        [format_nl(v) for v in model.package_totals(["4.1"])["saldo"]]


def test_the_open_insluiten_block_follows_a_new_choice(page, site_url):
    open_insluiten(page, site_url)
    figure = page.locator("#fig-pakket")
    figure.locator("details.bmh-variant", has_text="Variant 6").locator("summary").click()
    figure.get_by_label("6.1 Bonus bij sneller huisvesten statushouders").click()
    figure.evaluate("f => f.bmhPending")
    src = re.search(r'<iframe src="([^"]+)"', figure.locator(".bmh-embed-code").input_value()).group(1)
    assert re.search(r"pakket=4\.1(%2C|,)6\.1", src), src
