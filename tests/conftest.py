"""Shared fixtures: the built site served on 127.0.0.1, Debian's Chromium, and a
guard on every browser page (tests/browser, tests/site)."""
from __future__ import annotations

import functools
import http.server
import os
import socketserver
import sys
import threading
from pathlib import Path

import pytest

# Notebooks (nbval) show the website face, as in the book build.
os.environ.setdefault("BMH_FACE", "static")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/report.py
sys.path.insert(0, str(Path(__file__).resolve().parent / "build"))  # update_published
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))  # sitecheck, allowed

from sitecheck import CHROMIUM, CHROMIUM_ARGS, Guard  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("BMH_SITE") or ROOT / "_build" / "html")


def pytest_terminal_summary(terminalreporter) -> None:
    """Under every run (also with -q), whether the report text was there."""
    import report

    terminalreporter.write_line(report.status())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # As a careful static host would: no MIME sniffing.
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


@pytest.fixture(scope="session")
def site_url():
    """Base URL of ``_build/html`` served on 127.0.0.1 (build it first: ``make site``)."""
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make site` first (make test does)")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright: use Debian's Chromium, never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make browser)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def guard(page) -> Guard:
    """Blocks and records requests to other hosts, and records console errors,
    uncaught exceptions and local files that fail to load (allow-list:
    tests/site/allowed.py)."""
    return Guard().attach(page)

# The published baselines are compared without running them (tests/build); nbval runs the
# notebooks the site offers for download (the Makefile passes _build/html/downloads/notebooks).
# `make chapter PAGE=...` runs one baseline on purpose (BMH_NBVAL_PUBLISHED=1).
collect_ignore_glob = [] if os.environ.get("BMH_NBVAL_PUBLISHED") else ["published/*.ipynb"]
