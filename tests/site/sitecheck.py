"""Checks of the built site as readers get it, shared by the tests in tests/site
(and by bench/run.py). Each check returns a list of problems, empty when all is
well; test_site_checks_fail.py proves on a broken copy of the site that they find faults.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import posixpath
import re
import socketserver
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import allowed
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")
SKIP_DIRS = {"_static", "_sources"}  # theme assets and page sources, not pages
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's Chromium, never a downloaded browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
FIGURE_MARK = 'class="bmh-figure'
CONTROLS = ".bmh-controls input, .bmh-controls select, .bmh-chart input, .bmh-chart select"
ICONS = ".fa, .fas, .fa-solid, .fa-regular, .fa-brands"
# What a figure shows: the chart Vega drew, its text outside the controls (table,
# notes) and where its links point (a package builder's share link follows the choice).
SHOWN_JS = """f => { const rest = f.cloneNode(true);
    rest.querySelectorAll('.bmh-controls, .bmh-chart, script').forEach(e => e.remove());
    return [f.querySelector('.bmh-chart svg')?.outerHTML ?? '', rest.textContent,
            ...[...f.querySelectorAll('a[href]')].map(a => a.href)].join('\\n'); }"""


# --- the built files ---------------------------------------------------------------

def site_pages(root: Path = SITE) -> list[str]:
    """Every HTML page readers can reach (paths relative to the site), including
    index.html, search.html and genindex.html."""
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.relative_to(root).parts[0] not in SKIP_DIRS
    )


def figure_pages(root: Path = SITE) -> list[str]:
    return [p for p in site_pages(root) if FIGURE_MARK in (root / p).read_text(encoding="utf-8")]


class _Page(HTMLParser):
    """The ids of a page and the URLs it refers to (a/link href, script/img src,
    meta refresh)."""

    URL_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, int]] = []  # (tag, url, line)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        url = attrs.get(self.URL_ATTRS.get(tag, ""))
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url=(\S+)", attrs.get("content") or "", re.I)
            url = match and match.group(1)
        if url is not None:
            self.refs.append((tag, url, self.getpos()[0]))


@functools.cache
def _parse(path: Path) -> _Page:
    return _Page(path.read_text(encoding="utf-8"))


def redirect_target(root: Path, page: str) -> str | None:
    """The page a redirect stub (Jupyter Book's index.html) sends readers to."""
    return next((url for tag, url, _ in _parse(root / page).refs if tag == "meta"), None)


def link_problems(root: Path = SITE) -> list[str]:
    """Broken local links and anchors, and anything but an <a href> pointing to another host."""
    _parse.cache_clear()
    problems = []
    for page in site_pages(root):
        for tag, url, line in _parse(root / page).refs:
            where = f"{page}:{line} <{tag}> {url}"
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if tag != "a":
                    problems.append(f"{where}: loads a file from another host")
                continue
            if parts.scheme in ("mailto", "data") or (parts.scheme == "" and url.startswith("#") and not parts.fragment):
                continue
            if parts.scheme:
                problems.append(f"{where}: unexpected URL scheme")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            file = root / target
            if file.is_dir():
                file = file / "index.html"
            if target.startswith("..") or not file.is_file():
                problems.append(f"{where}: no such file")
            elif parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in _parse(file).ids:
                problems.append(f"{where}: no id {unquote(parts.fragment)!r} in {target}")
    return problems


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] | None = None):
    """Serve a directory on 127.0.0.1 (a free port); yields the base URL. ``handler``:
    a quiet SimpleHTTPRequestHandler subclass to serve with (e.g. one that compresses)."""

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler or QuietHandler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- in the browser ----------------------------------------------------------------

class Guard:
    """Records what readers must never get: requests to other hosts (blocked),
    console errors, uncaught exceptions, and local files that fail to load."""

    def __init__(self):
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.failed: list[str] = []

    def attach(self, target) -> Guard:
        """Guard a Playwright Page, or a BrowserContext (all its pages)."""
        is_page = hasattr(target, "goto")
        (target.context if is_page else target).route("**/*", self._route)
        target.on("console", self._console)
        target.on("response", self._response)
        if is_page:
            target.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        else:
            target.on("weberror", lambda err: self.page_errors.append(str(err.error)))
        return self

    def _route(self, route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob", "about") or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type == "error" and not any(a in message.text for a in allowed.CONSOLE_ERRORS):
            self.console_errors.append(message.text)

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {u}" for u in self.foreign]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"uncaught exception: {e}" for e in self.page_errors]
            + [f"failed to load: {f}" for f in self.failed]
        )


def settle(page) -> None:
    """Wait until the page is as a reader sees it: loaded, every figure drawn (or
    failed), CSS transitions over."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => [...document.querySelectorAll('.bmh-figure')].every(f => f.dataset.rendered)")
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)"
    )


def open_page(page, base: str, path: str, root: Path = SITE) -> None:
    """Open a page of the site and wait for it (following a redirect stub)."""
    page.goto(f"{base}/{path}")
    target = redirect_target(root, path.split("?")[0])
    if target:
        page.wait_for_url(f"{base}/{posixpath.join(posixpath.dirname(path), target)}")
    settle(page)


def unrendered_figures(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.bmh-figure')].filter(f => f.dataset.rendered !== '1')"
        ".map(f => `${f.id || 'figure'}: data-rendered=${f.dataset.rendered}`)"
    )


def missing_icons(page) -> list[str]:
    """Theme icons without a shape in bmh-theme.css (they would show as nothing)."""
    return page.evaluate(
        f"() => [...document.querySelectorAll('{ICONS}')].filter(i => {{"
        " const s = getComputedStyle(i, '::before');"
        " return (s.getPropertyValue('mask-image') || s.getPropertyValue('-webkit-mask-image') || 'none') === 'none'; })"
        ".map(i => 'icon without a shape: ' + i.className)"
    )


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A and AA violations found by axe-core (the version pinned by
    axe-playwright-python), minus allowed.AXE_EXCLUDE."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    problems = []
    for rule in result.response["violations"]:
        for node in rule["nodes"]:
            target = " ".join(map(str, node["target"]))
            if (rule["id"], target) not in allowed.AXE_EXCLUDE:
                problems.append(f"{rule['id']}: {target}: {node['failureSummary'].splitlines()[-1].strip()}")
    return problems


def first_control_changed(page, figure) -> bool:
    """Change the figure's first control as a reader would; True when what the
    figure shows (table text or drawn chart) changes within 5 s."""
    figure.evaluate("f => f.querySelectorAll('details').forEach(d => { d.open = true; })")
    before = figure.evaluate(SHOWN_JS)
    control = figure.locator(CONTROLS).first
    kind = control.evaluate("c => c.tagName === 'SELECT' ? 'select' : c.type")
    if kind == "select":
        current = control.input_value()
        control.select_option(next(v for v in control.evaluate("c => [...c.options].map(o => o.value)") if v != current))
    elif kind == "checkbox":
        control.click()
    elif kind == "radio":
        group = figure.locator(f'input[type=radio][name="{control.get_attribute("name")}"]:not(:checked)')
        group.first.check()
    else:  # range, number
        low, high, value = control.evaluate("c => [c.min || '0', c.max || '100', c.value]")
        control.fill(low if value != low else high)
    try:
        page.wait_for_function(f"([f, before]) => ({SHOWN_JS})(f) !== before", arg=[figure.element_handle(), before], timeout=5000)
    except Exception:  # playwright TimeoutError
        return False
    return True


def control_problems(page) -> list[str]:
    problems = []
    figures = page.locator(".bmh-figure")
    for i in range(figures.count()):
        figure = figures.nth(i)
        if figure.locator(CONTROLS).count() and not first_control_changed(page, figure):
            problems.append(f"{figure.get_attribute('id') or f'figure {i + 1}'}: its first control changes nothing shown")
    return problems


def sideways_scroll(page) -> list[str]:
    """The page must not scroll sideways; wide tables and charts scroll in their own box."""
    width, screen, culprits = page.evaluate(
        """() => {
        const screen = document.documentElement.clientWidth;
        const boxed = el => { for (let p = el.parentElement; p; p = p.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
        const culprits = [...document.body.querySelectorAll('*')]
            .filter(el => el.getBoundingClientRect().right > screen + 1 && !boxed(el))
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
        return [document.documentElement.scrollWidth, screen, culprits];
    }"""
    )
    problems = [f"page is {width}px wide on a {screen}px screen ({', '.join(culprits)})"] if width > screen else []
    for box in page.locator(".bmh-table-wrap, .bmh-chart").all():
        overflow = box.evaluate("el => getComputedStyle(el).overflowX")
        if overflow not in ("auto", "scroll"):
            problems.append(f"{box.evaluate('el => el.className')} has overflow-x: {overflow}, not auto")
    return problems


def nojs_table_problems(page) -> list[str]:
    """Without JavaScript every figure shows its table, with at least one data row."""
    problems = []
    figures = page.locator(".bmh-figure")
    for i in range(figures.count()):
        figure = figures.nth(i)
        name = figure.get_attribute("id") or f"figure {i + 1}"
        table = figure.locator("table.bmh-table").first
        if not table.count() or not table.is_visible():
            problems.append(f"{name}: no visible table without JavaScript")
        elif table.locator("tbody tr:has(td)").count() == 0:
            problems.append(f"{name}: its table has no data rows")
    return problems
