# One command builds the site (`make site`), one runs every test (`make test`).
# Both set up everything they need from the project's own files on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
BUILD_FLAGS := -n -W --keep-going
export BMH_FACE := static

.PHONY: setup site serve lab test browser published bench clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## site: build the book into _build/html, executing every notebook (warnings are errors)
site: setup
	$(VENV)/bin/jupyter-book build . --builder html $(BUILD_FLAGS)

## serve: preview the built site on http://127.0.0.1:8000
serve: site
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

## lab: JupyterLab for teaching: chapters open as notebooks, figures as ipywidgets (no BMH_FACE)
lab: setup
	env -u BMH_FACE $(VENV)/bin/jupyter lab --ip 127.0.0.1 chapters

## browser: Debian's Chromium for the browser tests (never a downloaded browser)
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium missing: run 'sudo apt-get install chromium' (Debian)"; exit 1; fi; }

## test: every test (data, model, build, notebooks against published outputs, browser)
test: site browser
	$(PY) -m pytest

## published: accept the current notebook outputs as the published baseline for nbval
published: site
	$(PY) tests/update_published.py

## bench: build times, page weight, click-to-update latency (figures, not assertions)
bench: setup browser
	$(PY) bench/run.py

clean:
	rm -rf _build
