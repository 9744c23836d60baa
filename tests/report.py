"""Where the tests find the report's text, and what happens when it is missing.

The report text (``naar-een-wendbare-migratieketen.txt``, extracted from the PDF)
is not part of the repository. Tests that compare data or prose with it look for
it in ``$BMH_REPORT_TEXT`` or beside the project in ``../shared/report/``, and
check its sha256 so line numbers mean the same everywhere. Without it they skip
with a Dutch sentence saying how to get it; with ``BMH_REQUIRE_REPORT=1`` (set by
``.ci/run``; CI has the text) they fail instead.
"""
from __future__ import annotations

import hashlib
import os
import tomllib
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SETTINGS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["bmh"]
NAME = _SETTINGS["report-text"]
SHA256 = _SETTINGS["report-text-sha256"]
PATH = Path(os.environ.get("BMH_REPORT_TEXT") or ROOT.parent / "shared" / "report" / NAME)
MISSING_NL = (
    f"De tekstversie van het rapport ontbreekt ({PATH}): zet het tekstbestand {NAME} (sha256 {SHA256[:12]}…) "
    "in ../shared/report/ naast het project of wijs de omgevingsvariabele BMH_REPORT_TEXT ernaar; "
    "de pagina 'Data en kwaliteit' zegt hoe het is gemaakt en waarom alleen deze versie de regelnummers heeft."
)


def required() -> bool:
    return os.environ.get("BMH_REQUIRE_REPORT", "") not in ("", "0")


@lru_cache(maxsize=1)
def text() -> str:
    """The report text; skips the calling test when it is absent (fails when required)."""
    if not PATH.exists():
        if required():
            pytest.fail(MISSING_NL)
        pytest.skip(MISSING_NL)
    return PATH.read_text(encoding="utf-8")


def lines() -> list[str]:
    """The report text as lines; ``lines()[n - 1]`` is line ``L<n>``."""
    return text().split("\n")


def sha256() -> str:
    return hashlib.sha256(PATH.read_bytes()).hexdigest()


def status() -> str:
    """One Dutch line: whether the checks against the report text ran in this run."""
    if not PATH.exists():
        then = "faalden (BMH_REQUIRE_REPORT is gezet)" if required() else "werden overgeslagen"
        return f"Rapporttekst ontbreekt ({PATH}): de controles tegen de tekst van het rapport {then}."
    if sha256() != SHA256:
        return f"Rapporttekst {PATH}: ander sha256 dan {SHA256[:12]}…; de controles tegen het rapport faalden."
    return f"Rapporttekst gevonden ({PATH}, sha256 klopt): de controles tegen de tekst van het rapport liepen mee."
