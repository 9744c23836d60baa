"""Every page of the built site in headless Chromium, as readers use it."""
from __future__ import annotations

from sitecheck import (
    Guard,
    axe_violations,
    control_problems,
    missing_icons,
    nojs_table_problems,
    open_page,
    settle,
    sideways_scroll,
    unrendered_figures,
)


def no_problems(problems: list[str]) -> None:
    assert not problems, "\n" + "\n".join(problems)


def test_loads_only_from_this_site_without_errors(page_path, page, guard, site_url):
    open_page(page, site_url, page_path)
    no_problems(guard.problems() + unrendered_figures(page) + missing_icons(page))


def test_accessible_in_light_and_dark_mode(page_path, page, site_url):
    """axe-core: no WCAG 2.1 A/AA violations, in the theme's light and dark mode."""
    open_page(page, site_url, page_path)
    problems = ["light: " + p for p in axe_violations(page)]
    if page_path.startswith("insluiten/"):  # an embed page has no theme and no dark mode: it sits in another site's page
        no_problems(problems)
        return
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
    settle(page)
    no_problems(problems + ["dark: " + p for p in axe_violations(page)])


def test_first_control_of_every_figure_changes_it(figure_page, page, guard, site_url):
    open_page(page, site_url, figure_page)
    no_problems(control_problems(page) + guard.problems())


def test_no_sideways_scrolling_on_a_phone(page_path, phone, site_url):
    guard = Guard().attach(phone)
    open_page(phone, site_url, page_path)
    no_problems(sideways_scroll(phone) + guard.problems())


def test_figures_show_their_table_without_javascript(figure_page, nojs, site_url):
    guard = Guard().attach(nojs)
    nojs.goto(f"{site_url}/{figure_page}")
    no_problems(nojs_table_problems(nojs) + guard.problems())
