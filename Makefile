# newsanalysis: `make` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11'" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name newsanalysis --display-name "Python (newsanalysis)" >/dev/null
	@touch $@

$(DEV_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP) ## create .venv and install the package with its kernel

report: $(STAMP) ## render HTML reports for every page in data/raw/ into reports/
	$(BIN)/newsanalysis render

parse: $(STAMP) ## write parsed tables for every page in data/raw/ to data/processed/
	$(BIN)/newsanalysis process

test: $(DEV_STAMP) ## install dev extras and run the test suite
	$(BIN)/python -m pytest

lab: $(STAMP) ## start JupyterLab with the project's kernel
	$(BIN)/jupyter lab notebooks/

bench: $(DEV_STAMP) ## run the benchmarks under bench/ (installs the peer libraries they compare with)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/segment_bench.py
	$(BIN)/python bench/pipeline_bench.py
	$(BIN)/python bench/topics_bench.py
	$(BIN)/python bench/score_figures.py
	$(BIN)/python bench/render_bench.py
	$(BIN)/python bench/corpus_bench.py

fuzz: $(DEV_STAMP) ## the long fuzz run: 10,000 mutated pages through parse, figures, quotes and sources
	$(BIN)/python bench/fuzz_pages.py --pages 10000

clean: ## remove generated reports and processed data (keeps .venv)
	rm -rf data/processed/* reports/*/ reports/.failed reports/index.html reports/manifest.json reports/.render.lock

.PHONY: help install report parse test lab bench fuzz clean
