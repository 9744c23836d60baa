"""Helpers for the browser tests: open a figure, read its table, its drawn chart and its downloads."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect


def open_figure(page, site_url: str, path: str, figure_id: str, query: str = ""):
    """Open ``chapters/<path><query>`` and wait until the figure shows its view."""
    page.goto(f"{site_url}/chapters/{path}{query}")
    figure = page.locator(f"#{figure_id}")
    expect(figure).to_have_attribute("data-rendered", "1")
    return figure


def table(figure) -> list[list[str]]:
    """The live table as rows of cell texts, the header first."""
    live = figure.locator("table.bmh-live")
    head = [th.inner_text() for th in live.locator("thead th").all()]
    return [head] + [[c.inner_text() for c in tr.locator("th, td").all()] for tr in live.locator("tbody tr").all()]


def column(figure, header: str) -> list[str]:
    rows = table(figure)
    i = rows[0].index(header)
    return [r[i] for r in rows[1:]]


def drawn(page, figure_id: str) -> list[dict]:
    """The rows Vega draws (after the live chart took over)."""
    page.wait_for_function(f"() => document.querySelector('#{figure_id}').dataset.drawn === '1'")
    return page.evaluate(f"() => document.querySelector('#{figure_id}').bmhView.data('rows')")


def download(page, figure, name: str) -> str:
    """The text of the figure's download ``name``, as a reader gets it."""
    with page.expect_download() as info:
        figure.locator(f'a[data-csv="{name}"]').click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def clean(guard) -> None:
    problems = guard.problems()
    assert problems == [], problems
