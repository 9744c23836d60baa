"""Every page carries a strict Content-Security-Policy (widgets/site/csp.py) and works under it:
scripts only from the site, no eval, no inline script without its hash, no inline handlers."""
from __future__ import annotations

import re

from sitecheck import SITE, open_page, site_pages

VIOLATIONS = "() => window.__violations"
LISTEN = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(" \
         "`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`));"


# Moves every control of a figure once, as a reader would (a checkbox ticked, a radio
# chosen, a list set to its next entry, a slider to its other end), waits for the
# figure's update each time and collects the controls after which it failed to draw.
MOVE_EVERY_CONTROL = """async f => {
  f.querySelectorAll('details').forEach(d => { d.open = true; });
  const failed = [];
  const controls = [...f.querySelectorAll('.bmh-controls input, .bmh-controls select')];
  for (const c of controls) {
    if (c.disabled) continue;
    if (c.tagName === 'SELECT') c.selectedIndex = (c.selectedIndex + 1) % c.options.length;
    else if (c.type === 'checkbox') c.checked = !c.checked;
    else if (c.type === 'radio') c.checked = true;
    else c.value = c.value === c.min ? c.max : c.min;
    c.dispatchEvent(new Event('input', {bubbles: true}));
    c.dispatchEvent(new Event('change', {bubbles: true}));
    await f.bmhPending;
    if (f.dataset.rendered === 'error') failed.push(c.name + '=' + c.value);
  }
  return [controls.length, failed];
}"""


def policy(path: str) -> dict[str, list[str]]:
    page = (SITE / path).read_text(encoding="utf-8")
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)" />', page)
    assert match, f"{path}: no Content-Security-Policy"
    assert page.index(match.group(0)) < page.find("<script"), f"{path}: a script comes before the policy"
    return {part.split()[0]: part.split()[1:] for part in match.group(1).split("; ")}


def test_every_page_has_a_strict_policy():
    for path in site_pages(SITE):
        if path == "index.html":
            continue
        p = policy(path)
        assert p["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in p["script-src"][1:]), path
        assert "'unsafe-eval'" not in p["script-src"] and "'unsafe-inline'" not in p["script-src"], path
        assert p["object-src"] == ["'none'"] and p["base-uri"] == ["'self'"], path
        assert "'unsafe-inline'" not in p["style-src"], path
        assert not re.search(r"\son[a-z]+=\"", (SITE / path).read_text(encoding="utf-8")), f"{path}: an inline event handler"


def test_a_page_works_under_its_policy(page_path, browser, site_url):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    open_page(page, site_url, page_path)
    for figure in page.locator(".bmh-figure:has(.bmh-chart)").all():
        figure.scroll_into_view_if_needed()
        page.wait_for_function("f => f.dataset.drawn === '1'", arg=figure.element_handle())
        control = figure.locator(".bmh-controls input:not([disabled]), .bmh-controls select").first
        if control.count():  # the first control by a real click, then every control in turn
            figure.evaluate("f => f.querySelectorAll('details').forEach(d => { d.open = true; })")
            control.click() if control.evaluate("c => c.tagName") == "INPUT" else control.select_option(index=1)
            figure.evaluate("f => f.bmhPending")
            moved, failed = figure.evaluate(MOVE_EVERY_CONTROL)
            assert moved and not failed, f"{page_path} #{figure.get_attribute('id')}: not drawn after {failed}"
            assert figure.locator(".bmh-chart svg").count() or "bmh-nochart" in figure.get_attribute("class"), figure.get_attribute("id")
    if page_path == "search.html":
        page.goto(f"{site_url}/search.html?q=instroom")
        page.wait_for_function("() => document.querySelector('#search-results .search-summary')?.textContent.trim()")
    violations = page.evaluate(VIOLATIONS)
    context.close()
    assert not violations + errors, violations + errors


def test_the_policy_is_enforced(page, site_url):
    """The check can fail: a script the policy does not allow is blocked and reported."""
    page.add_init_script(LISTEN)
    open_page(page, site_url, "intro.html")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }")
    assert page.evaluate("() => window.__ran") is None
    assert any("script-src" in v for v in page.evaluate(VIOLATIONS))
