"""Lighthouse on every page of the built site, as `make bench` runs it: the site served on
127.0.0.1 with gzip (as a web server would), Lighthouse from bench/package-lock.json with
Debian's Chromium, mobile profile (Lighthouse's default), median of RUNS runs per page.
Figures only: nothing is asserted."""
from __future__ import annotations

import gzip
import io
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

import sitecheck  # tests/site/sitecheck.py, on the path from bench/run.py

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
GZIP_TYPES = (".html", ".js", ".css", ".json", ".svg", ".txt")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"largest-contentful-paint": "lcp_s", "total-blocking-time": "tbt_ms", "cumulative-layout-shift": "cls"}
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100, "lcp_s": 2.5, "tbt_ms": 200, "cls": 0.05}


class _Gzip(sitecheck.QuietHandler):
    """Compresses text files, as a web server would."""

    def send_head(self):
        path = self.translate_path(self.path)
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(GZIP_TYPES) or not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def one_run(url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bmh-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet", f"--chrome-flags={FLAGS}"],
                       check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=300)
        report = json.loads(out.read_text(encoding="utf-8"))
    row = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    for audit, key in METRICS.items():
        value = report["audits"][audit]["numericValue"]
        row[key] = value / 1000 if key == "lcp_s" else value
    return row


def run(site: Path, pages: list[str], runs: int = 3) -> list[dict]:
    """One row per page: the median of each score and metric over ``runs`` runs."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `make bench` installs it (npm ci in bench/)")
    rows = []
    with sitecheck.serve(site, handler=_Gzip) as base:
        for page in pages:
            measured = [one_run(f"{base}/{page}") for _ in range(runs)]
            row = {"page": page}
            for key in [*CATEGORIES, *METRICS.values()]:
                row[key] = statistics.median(m[key] for m in measured)
            rows.append(row)
            print(f"  {page}: " + ", ".join(f"{k} {row[k]}" for k in row if k != "page"), flush=True)
    return rows


def table(rows: list[dict], runs: int) -> list[str]:
    """The README's Lighthouse table (Dutch number notation is not used in the README)."""
    def mark(key, value):
        target = TARGETS[key]
        ok = value >= target if key in CATEGORIES else value < target
        return f"{value}" if ok else f"**{value}**"

    lines = [f"Lighthouse (mobile profile, Debian Chromium, site served with gzip on 127.0.0.1; median of {runs} runs per page; "
             "**bold**: misses its target: scores 90/100/100/100, largest paint < 2.5 s, blocking time < 200 ms, layout shift < 0.05):", "",
             "| page | performance | accessibility | best practices | SEO | largest paint | blocking time | layout shift |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| `{r['page']}` | {mark('performance', r['performance'])} | {mark('accessibility', r['accessibility'])} | "
                     f"{mark('best-practices', r['best-practices'])} | {mark('seo', r['seo'])} | {mark('lcp_s', round(r['lcp_s'], 2))} s | "
                     f"{mark('tbt_ms', round(r['tbt_ms']))} ms | {mark('cls', round(r['cls'], 3))} |")
    return lines
