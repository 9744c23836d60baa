"""The kernel face in a real JupyterLab (served on 127.0.0.1, driven by Chromium):
the same notebook cell that shows the website face in the book shows working
ipywidgets in a kernel, and a click recomputes the totals with the Python model."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import pytest
from playwright.sync_api import expect

from widgets.data.numbers import format_nl
from widgets.models import budget as model

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    notebook = jupytext.read(ROOT / "chapters" / "variant-6.md")
    jupytext.write(notebook, work / "variant-6.ipynb")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "BMH_FACE"}  # a teacher's kernel: no static face
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={work}", "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        assert server.poll() is None, "JupyterLab did not start"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


def test_builder_cell_gives_working_ipywidgets(page, guard, lab):
    page.goto(f"{lab}/lab/tree/variant-6.ipynb")
    page.locator(".jp-Notebook").wait_for(timeout=60_000)
    expect(page.locator(".jp-StatusBar-TextItem", has_text="Idle").first).to_be_visible(timeout=60_000)  # kernel ready
    # Run all cells through the Run menu, as a teacher would
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_role("menuitem", name="Run All Cells", exact=False).first.click()
    checkbox = page.locator(".jupyter-widgets .widget-checkbox", has_text="6.1 Bonus").first
    expect(checkbox).to_be_visible(timeout=60_000)
    checkbox.locator("input").check()  # 6.1 -> saldo 2022 = -25
    output = page.locator(".jupyter-widgets table.bmh-table").last
    expect(output).to_contain_text(format_nl(model.package_totals(["6.1"]).loc["2022", "saldo"]))
    page.locator(".widget-radio-box label", has_text="6.2b").first.click()
    want = format_nl(model.package_totals(["6.1", "6.2b"]).loc["2022", "saldo"])  # -25 - 58 = -83
    expect(page.locator(".jupyter-widgets table.bmh-table").last).to_contain_text(want, timeout=30_000)
    assert guard.foreign == []
