"""Parity: the browser's budget numbers (bmh-budget-builder.js in Chromium) equal
the Python model's, for every single measure, every alternative and hundreds of
random packages the report allows."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from widgets import budget as model

TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def js(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/chapters/maatregelen.html")
    page.wait_for_function("() => document.querySelector('#fig-pakket').dataset.rendered === '1'")
    page.evaluate("() => { window.PAYLOAD = JSON.parse(document.querySelector('#fig-pakket script.bmh-payload').textContent); }")
    yield page
    page.close()


def browser_totals(js, codes):
    return js.evaluate("codes => BMH.budget.totals(window.PAYLOAD, codes)", codes)


def assert_same(js, codes):
    got = browser_totals(js, codes)
    want = model.package_totals(codes)
    for key in ("extra", "savings", "saldo"):
        assert got[key] == pytest.approx(list(want[key]), abs=TOLERANCE), (codes, key)


@pytest.mark.parametrize("code", model.selectable_measures())
def test_every_single_measure(js, code):
    assert_same(js, [code])


def test_every_option_of_every_group(js):
    choices = model.budget().choices
    for (_, _), rows in choices.groupby(["group", "option"]):
        assert_same(js, list(rows["measure"]))


def allowed_packages():
    """A random package: any free measures plus at most one option per group."""
    choices = model.budget().choices
    in_groups = set(choices["measure"])
    free = [m for m in model.selectable_measures() if m not in in_groups]
    options = {g: [list(r["measure"]) for _, r in rows.groupby("option")] for g, rows in choices.groupby("group")}
    group_picks = st.tuples(*[st.sampled_from([[]] + opts) for opts in options.values()])
    return st.tuples(st.lists(st.sampled_from(free), unique=True), group_picks).map(
        lambda t: t[0] + [m for pick in t[1] for m in pick]
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allowed_packages())
def test_random_packages(js, codes):
    assert_same(js, codes)


def test_browser_refuses_what_python_refuses(js):
    for codes in (["4.3a", "4.3b"], ["9.9"]):
        with pytest.raises(model.SelectionError):
            model.check_selection(codes)
        assert js.evaluate("codes => { try { BMH.budget.totals(window.PAYLOAD, codes); return false; } catch (e) { return true; } }", codes)
