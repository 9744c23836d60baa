"""A teacher's JupyterLab, driven in Chromium: started by `make lab`'s own command
line (with a teacher's settings in LAB_PORT and LAB_ARGS, as root where the machine
runs as root), on the teaching notebooks, never on chapters/.

- The teacher's flow: open variant 4's teaching notebook with a double-click, see
  numbers instead of roles, run all, tick a measure and see the totals change, run
  the README's teaching example in new cells, save, and find the book unchanged.
- Every checkbox and radio of the variant 4 builder: each label's full text is
  visible (not cut off, not covered, not clipped), a click on it changes the
  selection as the model says, and ``pakket.codes`` agrees at the end.
- A text page and Lesmateriaal open as notebooks without a dialog; answers are folded.

Set BMH_SCREENSHOTS=<folder> to keep screenshots of the steps."""
from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from widgets import lessons
from widgets.data.numbers import format_nl
from widgets.figures import package as figure
from widgets.kernel import teaching
from widgets.kernel.package import Package
from widgets.models import budget as model

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent  # the environment running the tests has JupyterLab
LAB_ARGS = ("--no-browser --ServerApp.token= --ServerApp.password= --ServerApp.disable_check_xsrf=True "
            "--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
LONG = 120_000  # ms: a kernel start or a full run on a busy two-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def book_state() -> tuple[str, str]:
    """``git status`` of the book and a digest of chapters/ (what saving must not change)."""
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    digest = hashlib.sha256()
    for path in sorted((ROOT / "chapters").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return status, digest.hexdigest()


def readme_cells() -> list[str]:
    """The README's teaching example: each ```python block after the marker, up to the next heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- teaching example:", 1)[1].split("\n## ", 1)[0]
    cells = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(cells) == 2, "the README's teaching example changed: adapt this test"
    return [c.rstrip("\n") for c in cells]


class Lab:
    def __init__(self, url: str, folder: Path, log: Path):
        self.url, self.folder, self.log = url, folder, log


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` as a teacher runs it, on a folder of its own (LAB_DIR), without installing (SETUP=)."""
    base = tmp_path_factory.mktemp("lab")
    folder, settings, log = base / "lesnotebooks", base / "settings", base / "make-lab.log"
    # JupyterLab's own question about news would cover the controls at the bottom right
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    port = free_port()
    command = ["make", "--no-print-directory", "lab", "SETUP=", f"VENV={VENV}", f"LAB_DIR={folder}", f"LAB_PORT={port}",
               f"LAB_ARGS={LAB_ARGS}"]
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces")}
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 180
        while True:
            assert server.poll() is None, f"make lab stopped:\n{log.read_text()[-3000:]}"
            assert time.time() < deadline, f"JupyterLab did not start:\n{log.read_text()[-3000:]}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        text = log.read_text()
        assert "--ServerApp.root_dir=" + str(folder) in text and "chapters" not in text.split("jupyter lab", 1)[1].split("\n")[0]
        assert ("--allow-root" in text) == (os.geteuid() == 0)
        yield Lab(f"http://127.0.0.1:{port}", folder, log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make, env and jupyter: the group this test started
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def shot(page: Page, name: str) -> None:
    folder = os.environ.get("BMH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def open_by_double_click(page: Page, lab: Lab, name: str) -> None:
    page.goto(lab.url)  # where `make lab` sends the browser: the index of the teaching notebooks
    item = page.locator(".jp-DirListing-item", has_text=name).first
    expect(item).to_be_visible(timeout=LONG)
    item.dblclick()
    tab = page.locator(".lm-TabBar-tab.jp-mod-current", has_text=name)
    expect(tab).to_be_visible(timeout=LONG)
    expect(page.locator(".jp-NotebookPanel:visible .jp-Notebook")).to_be_visible(timeout=LONG)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)  # kernel ready, no dialog
    assert page.locator(".jp-Dialog").count() == 0  # no "Select Kernel"


def run_all(page: Page) -> None:
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=False).first.click()
    expect(page.locator(".jp-NotebookPanel:visible .bmh-kernel")).to_be_visible(timeout=LONG)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=LONG)


def builder(page: Page):
    return page.locator(".jp-NotebookPanel:visible .bmh-kernel").last


def words(page: Page):
    return builder(page).locator(".bmh-words").first


def totals_table(page: Page):
    return builder(page).locator("table.bmh-table")


def add_cell_and_run(page: Page, code: str):
    """A new code cell at the end of the notebook, run with Ctrl+Enter; returns its output area."""
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    cells = notebook.locator(".jp-Cell")
    count = cells.count()
    cells.last.click(position={"x": 5, "y": 5})  # select the last cell (its prompt area)
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # insert a cell below, in command mode
    expect(cells).to_have_count(count + 1)
    cell = cells.nth(count)
    cell.locator(".cm-content").click()
    page.keyboard.insert_text(code)  # as pasted: no auto-closed brackets
    page.keyboard.press("Control+Enter")
    expect(cell.locator(".jp-InputArea-prompt")).to_have_text(re.compile(r"\[\d+\]:"), timeout=LONG)  # it ran
    return cell.locator(".jp-OutputArea-output")


def test_a_teachers_flow_from_make_lab_leaves_the_book_unchanged(page: Page, guard, lab: Lab):
    before = book_state()
    page.set_viewport_size({"width": 1280, "height": 900})
    open_by_double_click(page, lab, "variant-4.ipynb")
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    first = notebook.locator(".jp-MarkdownCell").first
    expect(first).to_contain_text("Lesversie van de pagina")
    prose = notebook.locator(".jp-MarkdownCell").filter(has_text="Maatregel 4.1 Flexpool asielketen")
    expect(prose).to_contain_text(f"{format_nl(2.88)} mln euro in 2022")  # {value}`budget_printed/4.1/B10/2022`
    assert "{value}" not in notebook.inner_text()

    run_all(page)
    expect(builder(page).locator(".jp-RenderedSVG")).to_be_visible()
    table = totals_table(page)
    empty = table.inner_text()
    expect(words(page)).to_have_text(figure.view([]).words)
    builder(page).locator(".bmh-controls").scroll_into_view_if_needed()
    shot(page, "variant-4-before-tick")
    builder(page).locator("label", has_text=figure.measure_label("4.1")).first.click()  # tick 4.1
    expect(words(page)).to_have_text(figure.view(["4.1"]).words, timeout=LONG)
    expect(table).to_contain_text(format_nl(model.package_totals(["4.1"]).loc["2022", "saldo"]))  # 2,88
    assert table.inner_text() != empty
    expect(builder(page).locator(".jp-RenderedSVG")).to_be_visible()  # the chart came with the table
    shot(page, "variant-4-after-tick")

    code_cell, error_cell = readme_cells()
    output = add_cell_and_run(page, code_cell)  # the README's example, as written there
    chosen = ["4.1", "4.3b"]
    totals = model.package_totals(chosen)
    expect(output).to_contain_text("saldo")
    expect(output.locator("table").last).to_contain_text(str(round(totals.loc["2022", "saldo"], 2)))  # 10.88 (pandas)
    expect(words(page)).to_have_text(figure.view(chosen).words, timeout=LONG)  # the ticks followed
    expect(totals_table(page)).to_contain_text(format_nl(totals.loc["2022", "saldo"]))  # 10,88
    output = add_cell_and_run(page, error_cell)
    expect(output).to_contain_text("ChoiceError: Onbekende maatregel: 4.99. Te kiezen in deze figuur: 4.1,")
    assert "Traceback" not in output.inner_text() and "File " not in output.inner_text()

    saved = lab.folder / "variant-4.ipynb"
    deadline, pressed = time.time() + 60, 0.0
    while "4.99" not in saved.read_text(encoding="utf-8"):
        assert time.time() < deadline, "Ctrl+S did not save the teaching notebook"
        if time.time() - pressed > 10:  # on a loaded machine a re-rendered output can take the focus: give it back, press again
            page.locator(".jp-NotebookPanel:visible .jp-Cell .jp-InputPrompt").last.click()
            page.keyboard.press("Escape")  # command mode: the notebook, not a cell's editor or output, takes the shortcut
            page.keyboard.press("Control+s")
            pressed = time.time()
        time.sleep(0.5)
    shot(page, "variant-4-saved")
    assert book_state() == before  # git status and chapters/ as before: the book is untouched
    assert guard.foreign == []


def into_view(locator) -> None:
    """Scroll the element to the middle of its scrolling boxes (controls panel, notebook)."""
    locator.evaluate("el => el.scrollIntoView({block: 'center', inline: 'nearest'})")


def settled_problem(locator, seconds: float = 10) -> str:
    """:func:`full_text_problem` once the figure has stopped moving (a click redraws the
    table and then the chart), the last problem seen if it never settles."""
    deadline = time.time() + seconds
    while True:
        into_view(locator)
        problem = full_text_problem(locator)
        if not problem or time.time() > deadline:
            return problem
        time.sleep(0.25)


def full_text_problem(locator) -> str:
    """'' when the element's whole text is visible: not cut off with "..." (its text fits
    its box), and the element itself is what shows at its left, right, top and bottom
    edges (not clipped by a scrolling box, not covered by another label); else what is wrong."""
    return locator.evaluate("""el => {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) return 'not shown';
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) return 'text cut off';
        for (const [x, y] of [[r.left + 4, r.top + r.height / 2], [r.right - 4, r.top + r.height / 2],
                              [r.left + r.width / 2, r.top + 3], [r.left + r.width / 2, r.bottom - 3]]) {
            const hit = document.elementFromPoint(x, y);
            if (!el.contains(hit)) return 'covered by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing') + ' at ' + [x, y] + ' in ' + [innerWidth, innerHeight];
        }
        return '';
    }""")


def test_every_checkbox_and_radio_of_the_variant_4_builder(page: Page, lab: Lab):
    teaching.generate(lab.folder, force=True)  # a fresh copy, whatever an earlier test saved
    page.set_viewport_size({"width": 1280, "height": 900})
    open_by_double_click(page, lab, "variant-4.ipynb")
    run_all(page)
    expect(words(page)).to_have_text(figure.view([]).words)
    controls = builder(page).locator(".bmh-controls")
    reference = Package(["4"])
    boxes = controls.locator(".widget-checkbox")
    expect(boxes).to_have_count(len(reference._checkboxes))
    chosen: list[str] = []
    for code in reference._checkboxes:
        label = boxes.filter(has_text=figure.measure_label(code)).locator("label.widget-label-basic")
        into_view(label)
        assert label.inner_text().strip() == figure.measure_label(code)
        assert settled_problem(label) == "", code
        label.click()
        chosen.append(code)
        expect(words(page)).to_have_text(figure.view(chosen).words, timeout=LONG)

    choices = model.budget().choices
    groups = controls.locator(".bmh-group")
    expect(groups).to_have_count(len(reference._radios))
    for group, radio in reference._radios.items():
        box = groups.filter(has_text=str(choices[choices["group"] == group]["group_title"].iloc[0]))
        labels = box.locator(".widget-radio-box label")
        expect(labels).to_have_count(len(radio.options))
        if group == "4.9":
            box.scroll_into_view_if_needed()
            shot(page, "variant-4-option-group-4.9")
        order = list(radio.options[1:]) + [radio.options[0]]  # every option, then "geen keuze" again
        for text, option in order:
            label = labels.filter(has_text=re.compile("^" + re.escape(text) + "$"))
            into_view(label)
            assert label.inner_text().strip() == text
            assert settled_problem(label) == "", text
            label.click()
            expect(label.locator("input")).to_be_checked()
            members = list(choices[(choices["group"] == group) & (choices["option"] == option)]["measure"]) if option else []
            drop = set(choices[choices["group"] == group]["measure"])
            chosen = model.check_selection([c for c in chosen if c not in drop] + members)
            expect(words(page)).to_have_text(figure.view(chosen).words, timeout=LONG)
        if group == "4.9":
            labels.filter(has_text="4.9-1B").click()  # the option the issue found hidden
            chosen = model.check_selection(chosen + ["4.9-1B"])
            expect(words(page)).to_have_text(figure.view(chosen).words, timeout=LONG)
            box.scroll_into_view_if_needed()
            shot(page, "variant-4-option-group-4.9-1B")
    output = add_cell_and_run(page, "print(pakket.codes)")
    expect(output).to_have_text(str(model.check_selection(chosen)))


def test_text_pages_and_lesmateriaal_open_as_notebooks_without_a_dialog(page: Page, lab: Lab):
    """A page without code opens with its kernel (no "Select Kernel"); Lesmateriaal shows its
    questions with the answers folded until clicked."""
    page.set_viewport_size({"width": 1280, "height": 900})
    open_by_double_click(page, lab, "inleiding.ipynb")
    time.sleep(2)  # JupyterLab copies the kernel's language_info into the notebook once the kernel runs
    assert page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() == 0  # opening alone changes nothing
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    expect(notebook.locator("li", has_text="Reguliere migratie:").first).to_be_visible(timeout=LONG)  # a definition list
    assert "{value}" not in notebook.inner_text()

    open_by_double_click(page, lab, "lesmateriaal.ipynb")
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    answers = notebook.locator("details")
    expect(answers.first).to_be_attached(timeout=LONG)
    expect(answers).to_have_count(len(lessons.ANSWERS), timeout=LONG)  # JupyterLab renders long notebooks in steps
    assert all(answers.nth(i).get_attribute("open") is None for i in range(answers.count()))  # folded
    first = answers.first
    first.locator("summary").scroll_into_view_if_needed()
    first.locator("summary").click()
    expect(first).to_have_attribute("open", "")
    expect(first).to_contain_text(format_nl(lessons.answer("instroom-2015-2019").values["total"][0]))  # 59.310
    shot(page, "lesmateriaal-notebook-answer-open")
