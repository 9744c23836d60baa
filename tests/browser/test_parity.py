"""Parity: for every figure kind, what the browser shows (bmh-explorer.js applying
a state to the page's payload, in Chromium) equals what the Python model computes
for the same state: table header and cells, notes, message, the choice in words,
chart rows and every CSV download. States: every single measure, every option of
every group, hundreds of random packages, and random choices of series, years
and fields, including the ones that can only give a message."""
from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.figures import compare, dublin, measures, package, series
from widgets.models import budget as model
from widgets.models import dublin as dublin_model


class Page:
    """A built page in Chromium, with ``views(figure_id, states)`` computed by the browser."""

    def __init__(self, browser, site_url, path):
        self.page = browser.new_page()
        self.page.goto(f"{site_url}/chapters/{path}")
        self.page.wait_for_function("() => [...document.querySelectorAll('.bmh-figure')].every(f => f.dataset.rendered)")

    def views(self, figure_id: str, states: list[dict]) -> list[dict]:
        return self.page.evaluate(
            """([id, states]) => { const p = JSON.parse(document.querySelector('#' + id + ' script.bmh-payload').textContent);
                return states.map(s => BMH.view(p, s)); }""",
            [figure_id, states],
        )


@pytest.fixture(scope="module")
def builder_page(browser, site_url):
    page = Page(browser, site_url, "maatregelen.html")
    yield page
    page.page.close()


@pytest.fixture(scope="module")
def instroom_page(browser, site_url):
    page = Page(browser, site_url, "instroom.html")
    yield page
    page.page.close()


def state(items, start=0, end=None, field=None) -> dict:
    return {"items": list(items), "start": start, "end": end, "field": field}


def assert_same(got: dict, want, what) -> None:
    want = want.to_json()
    for key in ("header", "rows", "notes", "message", "words", "chart", "csv", "members"):
        assert got[key] == want[key], (what, key)


# ---- the package builder ----------------------------------------------------------------

PERIODS = len(model.PERIODS) - 1


def check_packages(page: Page, packages: list[list[str]]) -> None:
    got = page.views("fig-pakket", [state(codes, 0, PERIODS, "amount") for codes in packages])
    for codes, view in zip(packages, got):
        assert_same(view, package.view(codes), codes)


def test_every_single_measure(builder_page):
    check_packages(builder_page, [[code] for code in model.selectable_measures()])


def test_every_option_of_every_group_and_the_empty_package(builder_page):
    choices = model.budget().choices
    check_packages(builder_page, [[]] + [list(rows["measure"]) for _, rows in choices.groupby(["group", "option"])])


def test_every_double_count_warning(builder_page):
    warnings = model.budget().warnings
    check_packages(builder_page, [[a, b] for a, b in zip(warnings["measure_a"], warnings["measure_b"])])


def allowed_packages():
    """A random package: any free measures plus at most one option per group."""
    choices = model.budget().choices
    in_groups = set(choices["measure"])
    free = [m for m in model.selectable_measures() if m not in in_groups]
    options = {g: [list(r["measure"]) for _, r in rows.groupby("option")] for g, rows in choices.groupby("group")}
    group_picks = st.tuples(*[st.sampled_from([[]] + opts) for opts in options.values()])
    return st.tuples(st.lists(st.sampled_from(free), unique=True), group_picks).map(lambda t: t[0] + [m for pick in t[1] for m in pick])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allowed_packages())
def test_random_packages(builder_page, codes):
    check_packages(builder_page, [codes])


# ---- three packages compared ---------------------------------------------------------------

def check_comparisons(page: Page, triples: list[tuple[list[str], list[str], list[str]]]) -> None:
    states = [state([compare.item_id(p, c) for p, codes in zip(compare.PACKAGES, t) for c in codes], 0, PERIODS, "amount")
              for t in triples]
    for t, view in zip(triples, page.views("fig-vergelijk", states)):
        assert_same(view, compare.view(dict(zip(compare.PACKAGES, t))), t)


def test_comparisons_of_report_variants(builder_page):
    variants = [model.variant_package(v) for v in model.variant_ids()]
    check_comparisons(builder_page, [([], [], [])] + [(a, b, c) for a, b, c in itertools.permutations(variants, 3)][::7])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allowed_packages(), allowed_packages(), allowed_packages())
def test_random_comparisons(builder_page, a, b, c):
    check_comparisons(builder_page, [(a, b, c)])


# ---- the overview ---------------------------------------------------------------------

def test_overview_every_variant_and_year(builder_page):
    data = model.budget()
    cases = [(v, p) for v in model.variant_ids() for p in model.PERIODS]
    states = [state([m for m in model.selectable_measures() if data.measures.loc[m, "variant"] == v],
                    model.PERIODS.index(p), model.PERIODS.index(p), "amount") for v, p in cases]
    for (v, p), got in zip(cases, builder_page.views("fig-maatregelen", states)):
        assert_same(got, measures.view(v, p), (v, p))


# ---- time series ------------------------------------------------------------------------

@pytest.mark.parametrize("key", list(series.FIGURES))
def test_series(instroom_page, key):
    data = series.figure(key).data()
    years, rng = data.years, random.Random(key)
    cases = []
    for _ in range(80):
        chosen = [s for s in data.series if rng.random() < 0.5]
        start, end = rng.randrange(len(years)), rng.randrange(len(years))  # start after end included
        cases.append((chosen, start, end, rng.choice(series.fields(data))))
    cases.append(([], 0, len(years) - 1, "count"))  # nothing chosen
    got = instroom_page.views(f"fig-{key}", [state(*c) for c in cases])
    for (chosen, start, end, field), view in zip(cases, got):
        assert_same(view, series.view(key, chosen, years[start], years[end], field), (key, chosen, start, end, field))


# ---- Dublin --------------------------------------------------------------------------

def test_dublin(browser, site_url):
    page = Page(browser, site_url, "dublin.html")
    geos, years = dublin_model.geos(), dublin_model.years()
    cases = [(list(c), s, e) for n in (0, 1, 2, 3) for c in itertools.combinations(geos, n)
             for s, e in ((0, len(years) - 1), (0, 0), (len(years) - 2, len(years) - 1), (3, 1))]
    got = page.views("fig-dublin", [state(g, s, e, "rate") for g, s, e in cases])
    for (g, s, e), view in zip(cases, got):
        assert_same(view, dublin.view(g, years[s], years[e]), (g, s, e))
    page.page.close()


# ---- number format ---------------------------------------------------------------------

def test_numbers_are_printed_alike(builder_page):
    """The browser's Dutch number format equals widgets.data.numbers.format_nl."""
    from widgets.data.numbers import NUMBER_LOCALE, format_nl

    rng = random.Random(7)
    numbers = [0, -0.0, 1410, -74, 2.88, 0.125, 0.005, -0.004, 1e6 + 0.5, 59310, -1.85] + [
        round(rng.uniform(-1e6, 1e6), rng.randrange(0, 7)) for _ in range(500)]
    got = builder_page.page.evaluate("([xs, locale]) => xs.map(x => BMH.formatNumber({locale}, x))", [numbers, NUMBER_LOCALE])
    assert got == [format_nl(x) for x in numbers]
