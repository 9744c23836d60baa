"""The edition of the interactive edition: one place for its number and date.

The number is the major.minor of ``version`` in ``pyproject.toml``; the date is
``[tool.bmh] edition-date`` there. Pages show both in the footer, downloads and
``datapackage.json`` carry them, share links add ``v=<edition>``; a link without
``v`` was made with the first edition (``[tool.bmh] first-edition``).
``CHANGELOG.md`` says what changed per edition.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from . import PROJECT_ROOT

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
REPORT = {  # the publication this edition retells, as readers cite it (its Woord vooraf names the series and the
    # ambtelijke werkgroep; the text copy has no cover page, so nothing else is claimed here)
    "title": "Naar een wendbare migratieketen",
    "series": "Brede Maatschappelijke Heroverwegingen",
    "number": "14",
    "author": "Ambtelijke werkgroep Brede Maatschappelijke Heroverwegingen 14",
    "publisher": "Rijksoverheid",
    "year": "2020",
}


@dataclass(frozen=True)
class Edition:
    number: str  # "1.1"
    version: str  # "1.1.0", the package version
    date: dt.date
    first: str  # the edition of links without a version

    @property
    def date_nl(self) -> str:
        """``"4 december 2026"``."""
        return f"{self.date.day} {MONTHS_NL[self.date.month - 1]} {self.date.year}"

    @property
    def label_nl(self) -> str:
        """``"editie 1.1 van 4 december 2026"``."""
        return f"editie {self.number} van {self.date_nl}"


@lru_cache(maxsize=1)
def edition() -> Edition:
    """The current edition, read from pyproject.toml. Raises ValueError when the
    version or the date is missing or malformed."""
    data = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = data["project"]["version"]
    match = re.fullmatch(r"(\d+)\.(\d+)\.\d+", version)
    if not match:
        raise ValueError(f"pyproject.toml: version {version!r} is not major.minor.patch")
    settings = data.get("tool", {}).get("bmh", {})
    try:
        date = dt.date.fromisoformat(settings["edition-date"])
    except (KeyError, ValueError) as exc:
        raise ValueError(f"pyproject.toml: [tool.bmh] edition-date must be a date (YYYY-MM-DD): {exc}") from exc
    return Edition(number=f"{match[1]}.{match[2]}", version=version, date=date, first=settings.get("first-edition", "1.0"))


def report_reference_nl() -> str:
    """The report as a source: ``"Ambtelijke werkgroep ... (2020). Naar een wendbare
    migratieketen. Brede Maatschappelijke Heroverwegingen 14. Rijksoverheid."``"""
    r = REPORT
    return f"{r['author']} ({r['year']}). {r['title']}. {r['series']} {r['number']}. {r['publisher']}."
