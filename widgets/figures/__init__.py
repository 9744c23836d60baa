"""Stage 3: what readers see. Per figure kind (``package``, ``series``,
``dublin``, ``measures``) a payload for the browser and a view for a reader's
state (see ``explorer``), HTML (``html``) and Vega-Lite charts compiled at
build time (``charts``); ``data_page`` builds the page "Data en kwaliteit".
Functions named ``*_html`` return strings; the others return objects a
notebook displays. Figures import models and data, never the kernel or site."""
