"""Find sentences that stay too close to the report: runs of 10 or more words
that match the report with at most one word changed, inserted or dropped.

The prose of the book must be our own words (figures carry over; sentences do
not). Exact copies of 12+ words are caught by ../shared/tools/overlap.py; this
check is stricter: it also catches a copy with one word swapped.

Pages are read as readers see them: front matter and code cells are dropped,
``{value}`dataset/key``` roles are replaced by the figure they print, MyST
markup is stripped. Runs made mostly of numbers are ignored.

Usage (from the project root):
    python tests/prose/nearcopy.py chapters/            # every page
    python tests/prose/nearcopy.py chapters/variant-3.md
Exit status 1 when a run is found that the allow-list does not cover.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MIN_WORDS = 10
SEED = 5  # a 10-word run with one edit holds an exact run of at least 5 words
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:[.,'’-][0-9a-zà-ÿ]+)*", re.IGNORECASE)
ALLOWED = HERE / "allowed_near_copies.yml"


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def page_text(path: Path) -> str:
    """A MyST page as a reader reads it (see module doc)."""
    from widgets.data.lookup import LookupError_, lookup_text

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
    text = re.sub(r"```\{code-cell\}.*?```", " ", text, flags=re.S)
    text = re.sub(r"^:::?.*$|^```.*$", " ", text, flags=re.M)  # directive fences

    def role(match: re.Match) -> str:
        try:
            return lookup_text(match.group(1))[0]
        except LookupError_:
            return " "

    text = re.sub(r"\{value\}`([^`]+)`", role, text)
    text = re.sub(r"\{[a-z:-]+\}`([^`<]*)(?:<[^>]*>)?`", r"\1", text)  # other roles: their text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
    return text


def mostly_words(run: list[str]) -> bool:
    return sum(1 for w in run if not any(ch.isdigit() for ch in w)) >= len(run) * 2 // 3


@dataclass(frozen=True)
class Run:
    path: Path
    start: int  # word index in the page
    words: tuple[str, ...]
    report_line: int  # 1-based line of the report where the match starts
    edits: int

    def __str__(self) -> str:
        kind = "copied" if self.edits == 0 else "copied with one word changed"
        return f"{self.path}: {len(self.words)} words {kind} (report L{self.report_line}): \"{' '.join(self.words)}\""


class Report:
    """The report's words with an index of every 5-word sequence."""

    def __init__(self, text: str):
        self.words: list[str] = []
        self.line_of: list[int] = []
        for number, line in enumerate(text.split("\n"), start=1):
            for w in words(line):
                self.words.append(w)
                self.line_of.append(number)
        self.index: dict[tuple[str, ...], list[int]] = {}
        for j in range(len(self.words) - SEED + 1):
            self.index.setdefault(tuple(self.words[j:j + SEED]), []).append(j)


def _forward(a: list[str], i: int, b: list[str], j: int) -> int:
    n = 0
    while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
        n += 1
    return n


def _backward(a: list[str], i: int, b: list[str], j: int) -> int:
    """Matching words ending just before a[i] and b[j]."""
    n = 0
    while i - n - 1 >= 0 and j - n - 1 >= 0 and a[i - n - 1] == b[j - n - 1]:
        n += 1
    return n


def _best_match(page: list[str], report: list[str], i: int, j: int) -> tuple[int, int, int, int]:
    """Around an exact seed at page[i], report[j]: the longest page span
    (start, end, report start, edits) matching with at most one edit."""
    left, right = _backward(page, i, report, j), _forward(page, i, report, j)
    s, e, rs = i - left, i + right, j - left
    best = (s, e, rs, 0)
    # one edit after the exact run: (page step, report step) = substitution, page insertion, report deletion
    for dp, dr in ((1, 1), (1, 0), (0, 1)):
        more = _forward(page, e + dp, report, j + right + dr)
        if more and (e + dp + more) - s > best[1] - best[0]:
            best = (s, e + dp + more, rs, 1)
    for dp, dr in ((1, 1), (1, 0), (0, 1)):
        more = _backward(page, s - dp, report, rs - dr)
        if more and e - (s - dp - more) > best[1] - best[0]:
            best = (s - dp - more, e, rs - dr - more, 1)
    return best


def find_runs(path: Path, text: str, report: Report) -> list[Run]:
    page = words(text)
    runs: list[Run] = []
    covered_until = -1
    for i in range(len(page) - SEED + 1):
        if i < covered_until:
            continue
        best = None
        for j in report.index.get(tuple(page[i:i + SEED]), ()):
            match = _best_match(page, report.words, i, j)
            if best is None or match[1] - match[0] > best[1] - best[0]:
                best = match
        if best and best[1] - best[0] >= MIN_WORDS and mostly_words(page[best[0]:best[1]]):
            start, end, rstart, edits = best
            runs.append(Run(path, start, tuple(page[start:end]), report.line_of[max(rstart, 0)], edits))
            covered_until = end
    return runs


def allowed_phrases() -> list[dict]:
    """Allow-list entries: ``text`` (words as on the page) and ``reason``."""
    entries = yaml.safe_load(ALLOWED.read_text(encoding="utf-8")) or []
    for entry in entries:
        if not entry.get("text") or not entry.get("reason"):
            raise ValueError(f"{ALLOWED}: every entry needs a text and a reason: {entry}")
    return entries


def is_allowed(run: Run, entries: list[dict]) -> bool:
    """True when the run, with at most one word left out, contains an allowed text or lies within one."""
    variants = [run.words] + [run.words[:i] + run.words[i + 1:] for i in range(len(run.words))]
    for entry in entries:
        allowed = " ".join(words(entry["text"]))
        if any(allowed in " ".join(v) or " ".join(v) in allowed for v in variants):
            return True
    return False


def pages(targets: list[str]) -> list[Path]:
    out = []
    for t in targets:
        p = Path(t)
        out += sorted(p.rglob("*.md")) if p.is_dir() else [p]
    return out


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    import report as report_text

    report = Report(report_text.text())
    entries = allowed_phrases()
    found = 0
    for path in pages(argv or [str(ROOT / "chapters")]):
        for run in find_runs(path, page_text(path), report):
            if not is_allowed(run, entries):
                found += 1
                print(run)
    print(f"{found} near-copied run(s) of {MIN_WORDS}+ words", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
