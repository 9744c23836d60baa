"""Model, data access and figures for the interactive edition of
"Naar een wendbare migratieketen" (BMH 14, 2020).

Everything that computes lives here, once: the book's notebooks and the
browser code only display what these modules return.
"""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# BMH_DATA_DIR lets tests run the notebooks on a modified copy of data/.
DATA_DIR = Path(os.environ.get("BMH_DATA_DIR") or PROJECT_ROOT / "data").resolve()
