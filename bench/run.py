"""Benchmark of the book (`make bench`; not part of `make test`): build times, page
weight and click-to-update latency. Figures are printed, written to README.md
(section "Benchmark") and to bench/results/latest.json; nothing is asserted.

Builds run in a private copy of the book in a temporary folder, never in _build.
"""
from __future__ import annotations

import contextlib
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "site"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
import lighthouse  # noqa: E402  (bench/lighthouse.py)
import sitecheck  # noqa: E402  (page discovery, local server, "page is ready")

RUNS = int(os.environ.get("BENCH_RUNS", "3"))  # build and Lighthouse runs per figure (medians)
CLICKS = 30
JB = Path(sys.executable).parent / "jupyter-book"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NOT_THE_BOOK = shutil.ignore_patterns(
    "_build", ".venv", ".git", ".hypothesis", ".pytest_cache", "tests", "bench", "*.egg-info", "__pycache__", ".ipynb_checkpoints",
    "node_modules"
)
TEXT_TYPES = ("text/", "javascript", "json", "svg", "xml")  # compressed by a web server; fonts/images are not
COMPARISON_PAGE, COMPARISON_FIGURE = "chapters/maatregelen.html", "#fig-vergelijk"
SEARCH_PAGE = "search.html"  # the one page that loads Sphinx's search index
TARGETS = {"clean": 120.0, "rebuild_ratio": 1.5, "text_page": 130.0, "figure_page": 350.0, "search_page": 150.0, "click": 16.0}


# --- builds --------------------------------------------------------------------------

def build(book: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [str(JB), "build", str(book), "--builder", "html", "-n", "-W", "--keep-going"],
        capture_output=True, text=True,
        # the copy's own `widgets` first: the editable install points at the working tree, so an
        # edit there during a bench run would otherwise change (and re-read) the book being timed
        env={**os.environ, "BMH_FACE": "static", "PYTHONPATH": os.pathsep.join(filter(None, [str(book), os.environ.get("PYTHONPATH")]))},
    )
    if result.returncode:  # a failed build's time means nothing
        raise SystemExit(f"the build of {book} failed (exit {result.returncode}):\n" + result.stderr[-3000:])
    return time.perf_counter() - start


def build_times(book: Path) -> dict:
    """Median of RUNS clean builds, each followed by a no-change rebuild."""
    clean, rebuild = [], []
    for _ in range(RUNS):
        shutil.rmtree(book / "_build", ignore_errors=True)
        clean.append(build(book))
        rebuild.append(build(book))
    return {"clean": statistics.median(clean), "rebuild": statistics.median(rebuild), "runs": {"clean": clean, "rebuild": rebuild}}


def bare_book(folder: Path, pages: int) -> Path:
    """A Jupyter Book with the default configuration and `pages` text-only pages."""
    folder.mkdir()
    (folder / "_config.yml").write_text("title: Kaal boek\nonly_build_toc_files: true\n")
    names = ["index"] + [f"pagina-{i}" for i in range(1, pages)]
    (folder / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n" + "".join(f"  - file: {n}\n" for n in names[1:])
    )
    paragraph = "Dit is een alinea tekst zonder figuren, om de bouwtijd van een kaal boek te meten. " * 8
    for n in names:
        (folder / f"{n}.md").write_text(f"# Pagina {n}\n\n" + "\n\n".join([paragraph] * 6) + "\n")
    return folder


# --- in the browser --------------------------------------------------------------------

def page_weight(browser, base: str, root: Path, path: str) -> dict:
    """Everything one page loads on a first visit: raw and gzip-compressed bytes."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    sitecheck.open_page(page, base, path, root=root)
    page.wait_for_load_state("networkidle")
    raw = packed = 0
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect has no body
            continue
        kind = response.headers.get("content-type", "")
        raw += len(body)
        packed += len(gzip.compress(body, 6)) if any(t in kind for t in TEXT_TYPES) else len(body)
    figures = page.locator(".bmh-figure").count()
    context.close()
    return {"page": path, "figures": figures, "raw_kb": raw / 1024, "gzip_kb": packed / 1024, "files": len(responses)}


# Flips the figure's first control CLICKS times (back and forth) and times each change
# until the last update of what the figure shows (table, chart, notes), with the
# page's own clock; null when nothing it shows changed within 2 s.
CLICK_JS = """async ([figure, controls, clicks]) => {
  figure.querySelectorAll('details').forEach(d => { d.open = true; });
  const control = figure.querySelector(controls);
  const radios = control.type === 'radio' ? [...figure.querySelectorAll(`input[type=radio][name="${control.name}"]`)] : null;
  const first = radios && radios.find(r => r.checked), other = radios && radios.find(r => !r.checked);
  const flip = i => {
    let target = control;
    if (control.tagName === 'SELECT') control.selectedIndex = (control.selectedIndex + 1) % control.options.length;
    else if (control.type === 'checkbox') control.checked = !control.checked;
    else if (radios) { target = (i % 2 ? first || radios[0] : other); target.checked = true; }
    else control.value = control.value === control.min ? control.max : control.min;
    target.dispatchEvent(new Event('input', {bubbles: true}));
    target.dispatchEvent(new Event('change', {bubbles: true}));
  };
  const shown = node => (node.nodeType === 1 ? node : node.parentElement).closest('table, svg, .bmh-notes');
  const times = [];
  for (let i = 0; i < clicks; i++) {
    let last = null;
    const observer = new MutationObserver(records => { if (records.some(r => shown(r.target))) last = performance.now(); });
    observer.observe(figure, {subtree: true, childList: true, characterData: true, attributes: true});
    const start = performance.now();
    flip(i);
    await figure.bmhPending;  // the figure's own update, chart included
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 20)));
    if (last === null) await new Promise(r => setTimeout(r, 2000));
    observer.disconnect();
    times.push(last === null ? null : last - start);
  }
  return times;
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def click_latency(browser, base: str, root: Path, path: str, only: str = ".bmh-figure") -> list[dict]:
    page = browser.new_page()
    sitecheck.open_page(page, base, path, root=root)
    rows = []
    figures = page.locator(only)
    for i in range(figures.count()):
        figure = figures.nth(i)
        if not figure.locator(sitecheck.CONTROLS).count():
            continue
        times = figure.evaluate(f"f => ({CLICK_JS})([f, {json.dumps(sitecheck.CONTROLS)}, {CLICKS}])")
        measured = [t for t in times if t is not None]
        rows.append({
            "page": path, "figure": figure.get_attribute("id") or f"figure {i + 1}",
            "median_ms": statistics.median(measured) if measured else None,
            "p95_ms": percentile(measured, 0.95) if measured else None,
            "unchanged": len(times) - len(measured),
        })
    page.close()
    return rows


def comparison_page() -> str:
    """The builder page with three full packages compared (report variants 4, 3 and 5: the three with the most measures),
    the heaviest state of the comparison figure."""
    from widgets.figures import compare
    from widgets.models import budget
    chosen = {"A": "4", "B": "3", "C": "5"}
    items = [compare.item_id(p, code) for p, v in chosen.items() for code in budget.variant_package(v)]
    return f"{COMPARISON_PAGE}?vergelijk={','.join(items)}"


@contextlib.contextmanager
def loaded_machine():
    """Every core kept busy by another process (as when a build or a test run shares
    the machine) for as long as the block runs."""
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 1)]
    try:
        time.sleep(1)
        yield
    finally:
        for process in busy:
            process.kill()
            process.wait()


def all_clicks(browser, base: str, site: Path) -> list[dict]:
    rows = [row for path in sitecheck.figure_pages(site) for row in click_latency(browser, base, site, path)]
    return rows + click_latency(browser, base, site, comparison_page(), only=COMPARISON_FIGURE)


def browser_figures(site: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """Page weights, then click latencies on a quiet machine and on a loaded one."""
    with sitecheck.serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        pages = [p for p in sitecheck.site_pages(site) if not sitecheck.redirect_target(site, p)]
        weights = [page_weight(browser, base, site, path) for path in pages]
        clicks = all_clicks(browser, base, site)
        with loaded_machine():
            loaded = all_clicks(browser, base, site)
        browser.close()
    return weights, clicks, loaded


# --- report ----------------------------------------------------------------------------

def met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def ms(value) -> str:
    return "–" if value is None else f"{value:.1f} ms"


def report(r: dict) -> str:
    ours, bare = r["ours"], r["bare"]
    ratio = ours["rebuild"] / bare["rebuild"]
    text = [w for w in r["weights"] if not w["figures"] and w["page"] != SEARCH_PAGE]
    figs = [w for w in r["weights"] if w["figures"]]
    search = [w for w in r["weights"] if w["page"] == SEARCH_PAGE]
    heaviest = lambda rows: max(rows, key=lambda w: w["gzip_kb"]) if rows else None  # noqa: E731
    lines = [
        f"Measured {r['date']} on {r['machine']} ({RUNS} runs per build figure, medians; {CLICKS} clicks per figure). "
        f"Load average (1 min) at start and end: {r['load'][0]:.1f} and {r['load'][1]:.1f}; other work on the machine "
        "slows builds and clicks alike.",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
        f"| clean build ({r['pages']} pages) | {ours['clean']:.1f} s | < {TARGETS['clean']:.0f} s | {met(ours['clean'] < TARGETS['clean'])} |",
        f"| no-change rebuild | {ours['rebuild']:.1f} s = {ratio:.2f} × bare book ({bare['rebuild']:.1f} s) "
        f"| < {TARGETS['rebuild_ratio']} × bare | {met(ratio < TARGETS['rebuild_ratio'])} |",
        f"| clean build, bare book with {r['pages']} text pages | {bare['clean']:.1f} s "
        f"(ours: {ours['clean'] / bare['clean']:.1f} ×) | – | – |",
    ]
    for label, rows, target in (
        ("text page", text, "text_page"), ("figure page", figs, "figure_page"),
        ("search page (loads the whole search index)", search, "search_page"),
    ):
        w = heaviest(rows)
        if w:
            lines.append(
                f"| {'heaviest ' if len(rows) > 1 else ''}{label}, gzip (raw) | {w['gzip_kb']:.0f} KB ({w['raw_kb']:.0f} KB), `{w['page']}` "
                f"| < {TARGETS[target]:.0f} KB | {met(w['gzip_kb'] < TARGETS[target])} |"
            )
    for label, rows in (("quiet machine", r["clicks"]), ("loaded machine (every core busy)", r.get("clicks_loaded", []))):
        medians = [c["median_ms"] for c in rows if c["median_ms"] is not None]
        if medians:
            worst = max(rows, key=lambda c: c["median_ms"] or 0)
            lines.append(
                f"| click-to-update, slowest figure, {label}: median (p95) | {ms(worst['median_ms'])} ({ms(worst['p95_ms'])}), "
                f"`{worst['page']}` `{worst['figure']}` | < {TARGETS['click']:.0f} ms | {met(max(medians) < TARGETS['click'])} |"
            )
        compared = [c for c in rows if c["figure"] == COMPARISON_FIGURE.lstrip("#") and "vergelijk=" in c["page"]]
        if compared:
            c = compared[0]
            lines.append(
                f"| click-to-update, three packages compared (variants 4, 3, 5), {label}: median (p95) "
                f"| {ms(c['median_ms'])} ({ms(c['p95_ms'])}) | < {TARGETS['click']:.0f} ms | {met((c['median_ms'] or 1e9) < TARGETS['click'])} |"
            )
    lines += ["", "Every page, first visit (HTML, CSS, JS, fonts, images):", "",
              "| page | figures | files | gzip | raw |", "|---|---|---|---|---|"]
    lines += [f"| `{w['page']}` | {w['figures']} | {w['files']} | {w['gzip_kb']:.0f} KB | {w['raw_kb']:.0f} KB |" for w in r["weights"]]
    loaded = {(c["page"], c["figure"]): c for c in r.get("clicks_loaded", [])}
    lines += ["", "Every interactive figure, its first control changed back and forth (the comparison with three "
              "packages: package A's starting variant):", "",
              "| page | figure | median, quiet | p95, quiet | median, loaded | p95, loaded | clicks without a visible change |",
              "|---|---|---|---|---|---|---|"]
    for c in r["clicks"]:
        l = loaded.get((c["page"], c["figure"]), {})  # noqa: E741
        lines.append(f"| `{c['page']}` | `{c['figure']}` | {ms(c['median_ms'])} | {ms(c['p95_ms'])} "
                     f"| {ms(l.get('median_ms'))} | {ms(l.get('p95_ms'))} | {c['unchanged']} |")
    if r.get("lighthouse"):
        lines += [""] + lighthouse.table(r["lighthouse"], RUNS)
    return "\n".join(lines) + "\n"


def write_readme(section: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head = "## Benchmark\n"
    intro = "`make bench` (not part of `make test`) measures these; the figures below are its latest output.\n\n"
    if head in text:
        before, rest = text.split(head, 1)
        after = rest[rest.find("\n## "):] if "\n## " in rest else "\n"
        text = before + head + intro + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + head + intro + section
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bmh-bench-") as tmp:
        book = Path(tmp) / "book"
        shutil.copytree(ROOT, book, ignore=NOT_THE_BOOK)
        (book / "node_modules").symlink_to(ROOT / "node_modules")  # the Vega runtime (npm ci), not copied
        print(f"building the book {RUNS}x (clean, then no change) in {book} ...", flush=True)
        ours = build_times(book)
        site = book / "_build" / "html"
        pages = len([p for p in sitecheck.site_pages(site) if not sitecheck.redirect_target(site, p)
                     and p not in ("genindex.html", "search.html")])
        print(f"building a bare book with {pages} text pages {RUNS}x ...", flush=True)
        bare = build_times(bare_book(Path(tmp) / "bare", pages))
        print("measuring pages and figures in Chromium ...", flush=True)
        weights, clicks, clicks_loaded = browser_figures(site)
        print("Lighthouse on every page ...", flush=True)
        pages_all = [p for p in sitecheck.site_pages(site) if not sitecheck.redirect_target(site, p)]
        audits = lighthouse.run(site, pages_all, runs=RUNS)
    results = {
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load": [load_at_start, os.getloadavg()[0]], "pages": pages, "ours": ours, "bare": bare, "weights": weights, "clicks": clicks,
        "clicks_loaded": clicks_loaded,
        "lighthouse": audits,
    }
    section = report(results)
    print("\n" + section)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    write_readme(section)
    print("written to README.md (Benchmark) and bench/results/latest.json")


if __name__ == "__main__":
    main()
