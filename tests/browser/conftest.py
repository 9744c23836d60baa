"""Browser fixtures: every page is opened with a guard that records and blocks
any request to a host other than the local test server."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Console messages that are not ours and are harmless (documented in docs/…):
CONSOLE_ALLOW = ("Got invalid theme mode",)


class Guard:
    def __init__(self):
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def route(self, route):
        url = route.request.url
        scheme = urlparse(url).scheme
        host = urlparse(url).hostname
        if scheme in ("data", "blob", "about") or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def on_console(self, message):
        if message.type == "error" and not any(a in message.text for a in CONSOLE_ALLOW):
            self.console_errors.append(message.text)


@pytest.fixture
def guard(page) -> Guard:
    """Blocks and records third-party requests and collects console errors."""
    g = Guard()
    page.context.route("**/*", g.route)
    page.on("console", g.on_console)
    page.on("pageerror", lambda exc: g.page_errors.append(str(exc)))
    return g
