"""Every built page becomes a test case: the tests take `page_path` (every HTML page)
or `figure_page` (pages with a figure), discovered by walking the built site."""
from __future__ import annotations

import pytest
from sitecheck import PHONE, SITE, figure_pages, site_pages


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes a minute or more (still part of `make test`)")


def pytest_generate_tests(metafunc):
    # Without a built site, one case remains and the site_url fixture says what to do.
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", site_pages(SITE) or ["index.html"])
    if "figure_page" in metafunc.fixturenames:
        metafunc.parametrize("figure_page", figure_pages(SITE) or ["index.html"])


@pytest.fixture
def phone(browser):
    """A page 390 x 844 CSS pixels wide, as on a phone."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def nojs(browser):
    """A page with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
