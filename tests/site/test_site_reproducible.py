"""A second clean build of the same sources writes the same HTML, byte for byte
(allowed differences, if ever needed: allowed.BUILD_DIFFERENCES).

The book is copied from the folder the site was built in; the `widgets` package is
imported from where it is installed, so it must not change between the two builds
(`make test` builds and then tests at once)."""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import allowed
import pytest
from sitecheck import SITE

JB = Path(sys.executable).parent / "jupyter-book"
NOT_THE_BOOK = shutil.ignore_patterns(
    "_build", ".venv", ".git", ".hypothesis", ".pytest_cache", "tests", "bench", "*.egg-info", "__pycache__", ".ipynb_checkpoints"
)


def html_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def first_difference(a: Path, b: Path) -> str:
    if not (a.exists() and b.exists()):
        return "only in " + str(a if a.exists() else b)
    lines = difflib.unified_diff(a.read_text().splitlines(), b.read_text().splitlines(), lineterm="", n=0)
    return "\n".join(list(lines)[2:8])


@pytest.mark.slow
def test_a_second_clean_build_writes_the_same_html(site_url, tmp_path):
    book = tmp_path / "book"
    shutil.copytree(SITE.parent.parent, book, ignore=NOT_THE_BOOK)  # the sources SITE was built from
    build = subprocess.run(
        [str(JB), "build", str(book), "--builder", "html", "-n", "-W", "--keep-going"],
        capture_output=True, text=True, timeout=1200, env={**os.environ, "BMH_FACE": "static"},
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    fresh = book / "_build" / "html"
    differ = sorted(
        name for name in html_files(SITE) | html_files(fresh)
        if name not in allowed.BUILD_DIFFERENCES
        and not ((SITE / name).exists() and (fresh / name).exists() and (SITE / name).read_bytes() == (fresh / name).read_bytes())
    )
    assert not differ, "\n".join(f"{name}:\n{first_difference(SITE / name, fresh / name)}" for name in differ[:5])
