# fazhi — every target sets itself up, so each works on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: setup demo test lint ui eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	touch $(STAMP)

demo: setup $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipelines.demo

test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

ui: setup $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -m pipelines.definitions

eval: setup
	$(BIN)/fazhi eval ../shared/corpus/dev.jsonl ../shared/corpus/seeds_gold.jsonl

bench: setup
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/parse_speed.py

# the instance settings follow dagster.yaml whenever it changes
$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

clean:
	rm -rf $(VENV) data .dagster_home .pytest_cache
