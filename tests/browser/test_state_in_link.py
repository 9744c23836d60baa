"""Every figure keeps its state in the page's address: after Back, Forward or a reload,
with the browser's back/forward cache off and on, the controls and what the figure
shows agree with each other and with the Python model; a link with unknown values keeps
what is valid and names the rest in Dutch."""
from __future__ import annotations

import pytest
from figures import table
from sitecheck import CHROMIUM, CHROMIUM_ARGS, Guard, settle

from widgets.figures import dublin, measures, package, series
from widgets.models import budget
from widgets.models import dublin as dublin_model

READ_STATE = """f => ({items: f.bmhState.items, start: f.bmhState.start, end: f.bmhState.end, field: f.bmhState.field})"""


def python_view(figure_id: str, state: dict):
    """The model's view for a state read from the page's controls."""
    if figure_id.startswith("fig-pakket"):
        return package.view(state["items"])
    if figure_id == "fig-maatregelen":
        variant = budget.budget().measures.loc[state["items"][0], "variant"]
        return measures.view(variant, budget.PERIODS[state["start"]])
    if figure_id == "fig-dublin":
        years = dublin_model.years()
        return dublin.view(state["items"], years[state["start"]], years[state["end"]])
    key = figure_id.removeprefix("fig-")
    years = series.figure(key).data().years
    return series.view(key, state["items"], years[state["start"]], years[state["end"]], state["field"])


def changes(figure_id: str):
    """What a reader does to a figure (Playwright actions on the figure)."""
    return {
        "fig-pakket-4": lambda f: (f.get_by_label("4.1 Flexpool asielketen").check(),
                                   f.locator("fieldset.bmh-choice", has_text="Reservecapaciteit").get_by_label("4.3b", exact=False).check()),
        "fig-instroom": lambda f: (f.locator(".bmh-controls").get_by_label("Nareis").uncheck(),
                                   f.locator("select[name=van]").select_option("2014")),
        "fig-eu": lambda f: (f.locator(".bmh-controls").get_by_label("Duitsland").uncheck(),
                             f.locator(".bmh-controls").get_by_label("aandeel in", exact=False).check(),
                             f.locator("select[name=tot]").select_option("2018")),
        "fig-dublin": lambda f: (f.locator(".bmh-controls").get_by_label("Frankrijk").uncheck(),
                                 f.locator("select[name=van]").select_option("2020")),
        "fig-maatregelen": lambda f: (f.locator("select[name=variant]").select_option("5"),
                                      f.locator("select[name=jaar]").select_option("2023")),
    }[figure_id]


FIGURES = [("variant-4.html", "fig-pakket-4"), ("instroom.html", "fig-instroom"), ("instroom.html", "fig-eu"),
           ("dublin.html", "fig-dublin"), ("maatregelen.html", "fig-maatregelen")]


@pytest.fixture(params=["bfcache-uit", "bfcache-aan"], scope="module")
def cache_browser(request, playwright):
    flag = "--disable-features=BackForwardCache" if request.param == "bfcache-uit" else "--enable-features=BackForwardCache"
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + [flag])
    yield browser
    browser.close()


def agree(page, figure_id: str) -> dict:
    """The figure's state read from its controls, checked against what it shows and the model."""
    figure = page.locator(f"#{figure_id}")
    page.wait_for_function("id => document.getElementById(id).dataset.rendered === '1'", arg=figure_id)
    state = figure.evaluate(READ_STATE)
    want = python_view(figure_id, state)
    controls = page.evaluate("id => { const f = document.getElementById(id); return JSON.stringify(f.bmhState) }", figure_id)
    shown = page.evaluate("id => JSON.stringify(document.getElementById(id).bmhViewData)", figure_id)
    assert controls and shown
    if want.header:
        assert table(figure) == [want.header] + want.rows, figure_id
    assert page.evaluate("id => document.getElementById(id).bmhViewData.chart", figure_id) == want.chart
    assert figure.locator(".bmh-words").text_content() == want.words
    return state


@pytest.mark.parametrize("path, figure_id", FIGURES, ids=[f for _, f in FIGURES])
def test_back_forward_and_reload_keep_controls_and_figure_together(cache_browser, site_url, path, figure_id):
    page = cache_browser.new_page()
    guard = Guard().attach(page)
    page.goto(f"{site_url}/chapters/{path}")
    settle(page)
    figure = page.locator(f"#{figure_id}")
    figure.evaluate("f => f.querySelectorAll('details').forEach(d => { d.open = true; })")
    changes(figure_id)(figure)
    page.wait_for_function("id => document.getElementById(id).bmhPending", arg=figure_id)
    figure.evaluate("f => f.bmhPending")
    changed = agree(page, figure_id)
    address = page.url
    assert "v=" in address
    page.goto(f"{site_url}/intro.html")
    page.go_back()
    assert page.url == address
    assert agree(page, figure_id) == changed
    page.go_forward()
    page.go_back()
    assert agree(page, figure_id) == changed
    page.reload()
    assert agree(page, figure_id) == changed
    assert guard.problems() == []
    page.close()


@pytest.mark.parametrize("query, valid, named", [
    ("?instroom=eerste,bogus&instroom-van=1999&v=1.1", ["eerste"], ["bogus", "1999"]),
    ("?eu=DE,XX&eu-weergave=procenten&v=1.1", ["DE"], ["XX", "procenten"]),
])
def test_a_link_with_unknown_values_keeps_what_is_valid(page, site_url, query, valid, named):
    page.goto(f"{site_url}/chapters/instroom.html{query}")
    figure_id = "fig-" + query[1:].split("=")[0]
    figure = page.locator(f"#{figure_id}")
    page.wait_for_function("id => document.getElementById(id).dataset.rendered === '1'", arg=figure_id)
    state = agree(page, figure_id)
    assert state["items"] == valid
    message = figure.locator(".bmh-message").text_content()
    assert all(n in message for n in named), message
