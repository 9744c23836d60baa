"""Model, data access and figures for the interactive edition of
"Naar een wendbare migratieketen" (BMH 14, 2020).

The package is built in stages; each stage imports only the ones before it
(see ARCHITECTURE.md at the top of the repository):

- ``widgets.data``: loading and validating the tables of ``data/``, Dutch numbers, labels;
- ``widgets.models``: the computations (budget packages, time series, Dublin rates), pandas only;
- ``widgets.figures``: what readers see: per figure a payload for the browser and a view for a
  reader's state (table, notes, chart rows, CSV), HTML, Vega-Lite specs;
- ``widgets.kernel``: the same figures as ipywidgets, for teaching in JupyterLab;
- ``widgets.site``: the Sphinx extensions that build the website;
- ``widgets.book``: the functions the chapters call, which pick the face that fits.

The browser (``widgets/static/bmh-explorer.js``) only applies a reader's selection to the
payload (filter, null-aware sum, pick); everything else is computed here.
"""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# BMH_DATA_DIR lets tests run the notebooks on a modified copy of data/.
DATA_DIR = Path(os.environ.get("BMH_DATA_DIR") or PROJECT_ROOT / "data").resolve()
