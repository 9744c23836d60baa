"""The site checks can fail: a copy of the site with one deliberately broken page
(a script from a CDN, an image without alt text, a broken link) is caught by the
same functions the real tests use."""
from __future__ import annotations

import re
import shutil

from sitecheck import SITE, Guard, axe_violations, link_problems, open_page, serve, site_pages

CDN = "https://cdn.jsdelivr.net/npm/x.js"


def break_a_page(root):
    """Inject the three faults into the first page with an article; returns its path."""
    path = next(p for p in site_pages(root) if "</article>" in (root / p).read_text(encoding="utf-8"))
    up = "../" * path.count("/")
    html = (root / path).read_text(encoding="utf-8")
    # without its Content-Security-Policy (which would block the CDN script before any request):
    # the network guard must catch a third-party request on its own (the policy is tested in test_site_csp.py)
    html = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" />', "", html)
    html = html.replace("</head>", f'<script src="{CDN}"></script></head>', 1)
    html = html.replace("</article>", f'<p><img src="{up}_static/x.png"> <a href="{up}nergens.html">kapot</a></p></article>', 1)
    (root / path).write_text(html, encoding="utf-8")
    return path


def test_the_checks_find_each_fault(site_url, browser, tmp_path):
    broken = tmp_path / "html"
    shutil.copytree(SITE, broken)
    path = break_a_page(broken)

    links = link_problems(broken)
    assert any(CDN in p and "another host" in p for p in links), links
    assert any("_static/x.png" in p and "no such file" in p for p in links), links
    assert any("nergens.html" in p and "no such file" in p for p in links), links

    context = browser.new_context()
    guard = Guard().attach(context)
    page = context.new_page()
    with serve(broken) as base:
        open_page(page, base, path, root=broken)
        assert CDN in guard.foreign
        assert any("x.png" in f for f in guard.failed), guard.problems()
        assert any(v.startswith("image-alt:") for v in axe_violations(page))
    context.close()
