"""The lighter theme (widgets/theme.py, bmh-theme.css) still works: icons drawn,
next/previous navigation, the sidebar on a phone, search, the light/dark switch."""
from __future__ import annotations

from playwright.sync_api import expect
from sitecheck import SITE, open_page, redirect_target, site_pages


def a_chapter() -> str:
    """A page with both a previous and a next page."""
    return next(p for p in site_pages(SITE) if 'class="right-next"' in (SITE / p).read_text() and 'class="left-prev"' in (SITE / p).read_text())


def test_no_font_awesome_and_every_icon_drawn(page, guard, site_url):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    open_page(page, site_url, a_chapter())
    assert not [u for u in loaded if "fontawesome" in u or u.endswith((".woff2", ".ttf"))]
    for icon in page.locator("i.fa-solid, i.fas").all():
        if icon.is_visible():
            box = icon.evaluate("i => { const r = getComputedStyle(i, '::before'); return [parseFloat(r.width), parseFloat(r.height)]; }")
            assert min(box) > 8, icon.get_attribute("class")
    assert guard.problems() == []


def test_next_and_previous(page, guard, site_url):
    path = a_chapter()
    open_page(page, site_url, path)
    title = page.locator("a.right-next .prev-next-title").inner_text()
    page.locator("a.right-next").click()
    expect(page.locator("h1").first).to_contain_text(title.split(" ", 1)[-1])
    page.locator("a.left-prev").click()
    expect(page).to_have_url(f"{site_url}/{path}")
    assert guard.problems() == []


def test_menus_open_on_a_phone(phone, site_url):
    """Both toggles in the article header open their sidebar as a dialog (this broke
    when pydata's hidden header bar took the click handler; _config.yml)."""
    open_page(phone, site_url, a_chapter())
    for side in ("primary", "secondary"):
        dialog = phone.locator(f"#pst-{side}-sidebar-modal")
        expect(dialog).to_be_hidden()
        phone.locator(f"button.{side}-toggle:visible").first.click()
        expect(dialog).to_be_visible()
        expect(dialog.locator("a").first).to_be_visible()
        phone.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


def test_search_finds_a_word_of_the_book(page, guard, site_url):
    open_page(page, site_url, next(p for p in site_pages(SITE) if not redirect_target(SITE, p)))
    page.locator("button.search-button__button:visible").first.click()
    field = page.locator("#pst-search-dialog input[name=q]")
    expect(field).to_be_focused()
    field.fill("migratie")
    field.press("Enter")
    expect(page).to_have_url(f"{site_url}/search.html?q=migratie")
    expect(page.locator("#search-results li").first).to_be_visible(timeout=15000)
    assert guard.problems() == []


def test_light_dark_switch(page, guard, site_url):
    open_page(page, site_url, "search.html")
    html = page.locator("html")
    switch = page.locator("button.theme-switch-button:visible").first
    seen = set()
    for _ in range(3):  # auto -> light -> dark (order depends on the start)
        switch.click()
        seen.add((html.get_attribute("data-mode"), html.get_attribute("data-theme")))
    assert {("light", "light"), ("dark", "dark")} <= seen
    assert guard.problems() == []
