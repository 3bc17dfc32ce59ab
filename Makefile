# One virtual environment, made on demand; every target below installs what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo lab test lint bench bench-planner clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## Headless quickstart: load the sample CSV and print answers to a few questions.
demo: $(STAMP)
	$(BIN)/python -m csvagent_jupyter.demo

## JupyterLab on the quickstart notebook.
lab: $(STAMP)
	$(BIN)/python scripts/make_sample_data.py
	cd notebooks && ../$(BIN)/jupyter lab 01_quickstart.ipynb

## The whole test suite (PostgreSQL tests run when CSVAGENT_TEST_POSTGRES_URL is set).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy csvagent_jupyter
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-sanitize-with notebooks/sanitize.cfg

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy csvagent_jupyter

bench: $(STAMP)
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/ask.py

## The offline planner on both tuning sets in ../shared/bench: accuracy and precision per class.
bench-planner: $(STAMP)
	$(BIN)/python benchmarks/planner.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
