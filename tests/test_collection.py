"""`pytest tests` (what `make test` runs) collects every test file under tests/: pytest's
default ``norecursedirs`` skips folders named "build", which once left every test in
tests/build out of every run without a word; two test files with one name in different
folders would also clash (no __init__.py here)."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_test_file_is_collected():
    files = sorted(str(p.relative_to(TESTS.parent)) for p in TESTS.rglob("test_*.py") if "fixtures" not in p.parts)
    clashes = [name for name, n in Counter(Path(f).name for f in files).items() if n > 1]
    assert not clashes, f"test files with the same name in two folders: {clashes}"
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "tests"],
                         cwd=TESTS.parent, capture_output=True, text=True, check=False).stdout
    collected = {line.split("::")[0] for line in out.splitlines() if "::" in line}
    missing = [f for f in files if f not in collected]
    assert not missing, f"not collected by `pytest tests`: {missing}"
