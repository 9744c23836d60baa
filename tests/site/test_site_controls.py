"""The figures' controls as readers meet them: every state of every control shows a
figure or says in Dutch why there is none; the page does not jump when a figure's script
starts; without JavaScript no control shows that would do nothing, and every figure states
its choice in words. (Split from test_site_readers.py so that the two halves run on
different workers.)"""
from __future__ import annotations

import pytest
from sitecheck import LAPTOP, Guard, open_page


def test_every_state_of_every_control_shows_a_figure_or_says_why_not(figure_page, browser, site_url):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    guard = Guard().attach(page)
    open_page(page, site_url, figure_page)
    silent = []
    for figure in page.locator(".bmh-figure:has(.bmh-controls)").all():
        figure.evaluate("f => f.querySelectorAll('details').forEach(d => { d.open = true; })")
        controls = figure.locator(".bmh-controls input:not([disabled]), .bmh-controls select")
        for i in range(controls.count()):
            control = controls.nth(i)
            kind = control.evaluate("c => c.tagName === 'SELECT' ? 'select' : c.type")
            if kind == "select":
                states = control.evaluate("c => [...c.options].map(o => o.value)")
                steps = [lambda v=v: control.select_option(v) for v in states]
            elif kind == "checkbox":
                steps = [control.click, control.click]
            else:
                steps = [control.check]
            for step in steps:
                step()
                figure.evaluate("f => f.bmhPending")
                shown = figure.evaluate("""f => ({chart: (f.bmhViewData || {chart: [1]}).chart.length,
                    message: f.querySelector('.bmh-message').textContent.trim()})""")
                if not shown["chart"] and not shown["message"]:
                    silent.append(f"{figure.get_attribute('id')}: control {i} ({kind}) gives no chart and no sentence")
    context.close()
    assert not silent + guard.problems(), "\n".join(silent + guard.problems())


def test_without_javascript_no_control_shows_that_would_do_nothing(figure_page, nojs, site_url):
    """Controls, links and buttons that need the figure script ([data-needs-js]) are shown
    from the first paint when scripts run (bmh-theme.css keys on the theme script's
    data-mode), and not at all without JavaScript; on the embed pages (also figure pages)
    through bmh-noscript.css, which they load inside <noscript>."""
    nojs.goto(f"{site_url}/{figure_page}")
    assert nojs.locator("[data-needs-js]").count()
    shown = nojs.evaluate(
        "() => [...document.querySelectorAll('[data-needs-js]')].filter(e => e.checkVisibility()).map(e => e.className)")
    assert not shown, shown


CHART_BOXES = """() => [...document.querySelectorAll('.bmh-figure')].map(f => {
    const c = f.querySelector('.bmh-chart'), fr = f.getBoundingClientRect(), r = c && c.getBoundingClientRect();
    return r && r.height ? `${f.id}: ${Math.round(r.top - fr.top)} px down, ${Math.round(r.height)} px high` : `${f.id}: no chart`; })"""


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)])
def test_the_live_chart_takes_the_box_of_the_build_time_drawing(figure_page, browser, site_url, width, height):
    """The build-time drawing stands in the box the live chart will fill: same place in its
    figure, same height, at laptop and phone width. Otherwise the page jumps when the figure
    script starts (Lighthouse measured a layout shift of up to 0,73 on the embed pages when
    the controls above the chart appeared only then, and the drawing was scaled to the
    page's width while the live chart keeps its own height)."""
    boxes = []
    for hold_back in (True, False):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        if hold_back:
            page.route("**/bmh-explorer.js", lambda route: route.abort())
        page.goto(f"{site_url}/{figure_page}")
        if not hold_back:
            for figure in page.locator(".bmh-figure:has(.bmh-chart svg)").all():
                figure.scroll_into_view_if_needed()
                page.wait_for_function("f => f.dataset.rendered && (f.dataset.drawn === '1' || f.classList.contains('bmh-nochart'))",
                                       arg=figure.element_handle())
        boxes.append(page.evaluate(CHART_BOXES))
        context.close()
    assert boxes[0] == boxes[1], "\n".join(f"{a}  ->  {b}" for a, b in zip(*boxes) if a != b)


def test_without_javascript_every_figure_states_its_choice(figure_page, nojs, site_url):
    nojs.goto(f"{site_url}/{figure_page}")
    missing = nojs.evaluate("""() => [...document.querySelectorAll('.bmh-figure:has(.bmh-controls)')]
        .filter(f => !(f.querySelector('.bmh-words') || {}).textContent).map(f => f.id)""")
    assert not missing, missing
