"""Links in the built HTML: every local link and #anchor resolves; other hosts only
appear as links readers may follow (<a href>), never as files a page loads."""
from __future__ import annotations

from sitecheck import SITE, link_problems, redirect_target, site_pages


def test_every_local_link_and_anchor_resolves(site_url):  # site_url: fails clearly without a build
    assert site_pages(SITE)
    problems = link_problems(SITE)
    assert not problems, "\n" + "\n".join(problems)


def test_every_page_names_its_icon(site_url):
    """Without a <link rel="icon"> a browser asks for /favicon.ico, which this site does
    not have: a 404 in the console of every such page (the embed pages had none; in CI's
    Chromium, Jupyter Book's redirect stub index.html too, before it went on)."""
    import re

    missing = [p for p in site_pages(SITE)
               if not re.search(r'<link rel="icon" href="[^"]+"', (SITE / p).read_text(encoding="utf-8"))]
    assert not missing, missing


def test_the_root_page_is_a_dutch_page_that_goes_on_to_the_first_chapter(site_url):
    page = (SITE / "index.html").read_text(encoding="utf-8")
    assert redirect_target(SITE, "index.html") == "intro.html"
    assert '<html lang="nl">' in page and "<title>" in page and '<a href="intro.html">' in page
