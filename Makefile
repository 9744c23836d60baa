# One command builds the site (`make site`), one runs every test (`make test`).
# Both set up everything they need from the project's own files on a fresh machine:
# Python packages from requirements.lock, the Vega runtime from package-lock.json (npm).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
BUILD_FLAGS := -n -W --keep-going
WORKERS ?= 2
export BMH_FACE := static

.PHONY: setup site serve lab lesnotebooks test check chapter browser published bench clean

setup: $(STAMP) $(NPM_STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## site: build the book into _build/html, executing every notebook (warnings are errors)
site: setup
	$(VENV)/bin/jupyter-book build . --builder html $(BUILD_FLAGS)

## serve: preview the built site on http://127.0.0.1:8000
serve: site
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

## lab: JupyterLab for teaching, on the teaching notebooks (lesnotebooks/, never chapters/): every page
## as a notebook, figures as ipywidgets computed by the same model; saving there never changes the book.
##   make lab LAB_PORT=8890 LAB_ARGS="--no-browser"   (LAB_ARGS: any further `jupyter lab` options)
## lesnotebooks: write the teaching notebooks that are missing or untouched (FORCE=1: also those you changed)
## SETUP= skips installing (with VENV=... naming an environment that has everything)
LAB_DIR ?= lesnotebooks
LAB_PORT ?= 8888
LAB_ARGS ?=
SETUP ?= setup
# JupyterLab refuses to run as root unless told; containers and CI machines often run as root.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lesnotebooks: $(SETUP)
	PYTHONPATH=$(CURDIR) $(PY) -m widgets.kernel.teaching $(LAB_DIR) $(if $(FORCE),--force,)

lab: lesnotebooks
	env -u BMH_FACE PYTHONPATH=$(CURDIR) $(VENV)/bin/jupyter lab --ip 127.0.0.1 --port $(LAB_PORT) $(LAB_ROOT) \
	  --ServerApp.root_dir=$(LAB_DIR) --ServerApp.default_url=/lab/tree/inhoud.ipynb $(LAB_ARGS)

## browser: Debian's Chromium for the browser tests (never a downloaded browser)
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium missing: run 'sudo apt-get install chromium' (Debian)"; exit 1; fi; }

## check: the quick checks (about a minute): lint, data against the printed report, models, views
check: setup
	$(VENV)/bin/ruff check widgets tests bench
	$(PY) -m pytest -q tests/data tests/models

## test: every test (data, models, build, notebooks against published outputs, browser), in parallel
test: site browser
	$(VENV)/bin/ruff check widgets tests bench
	$(PY) -m pytest --nbval -n $(WORKERS) --dist loadfile tests _build/html/downloads/notebooks

## chapter: one chapter run again and compared with its published outputs (PAGE=variant-4)
chapter: setup
	@test -n "$(PAGE)" || { echo "name a chapter: make chapter PAGE=variant-4 (one of: $$(ls tests/published | sed 's/.ipynb//' | tr '\n' ' '))"; exit 2; }
	BMH_NBVAL_PUBLISHED=1 $(PY) -m pytest --nbval -q tests/published/$(PAGE).ipynb

## published: accept the current notebook outputs as the published baseline for nbval
published: site
	$(PY) tests/build/update_published.py

## bench: build times, page weight, click-to-update latency, Lighthouse (figures, not assertions)
bench: setup browser bench/node_modules/.installed
	$(PY) bench/run.py

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf _build
