"""Links in the built HTML: every local link and #anchor resolves; other hosts only
appear as links readers may follow (<a href>), never as files a page loads."""
from __future__ import annotations

from sitecheck import SITE, link_problems, site_pages


def test_every_local_link_and_anchor_resolves(site_url):  # site_url: fails clearly without a build
    assert site_pages(SITE)
    problems = link_problems(SITE)
    assert not problems, "\n" + "\n".join(problems)
