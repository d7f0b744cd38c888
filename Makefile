# finalist: the developer loop. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help demo test lint bench docs model serve

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-6s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "finalist needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: $(STAMP) ## Load the bundled example into a throw-away store and show it
	$(VENV)/bin/finalist demo

serve: $(STAMP) ## The web app on this machine: opens the link it prints, with its key (Ctrl-C to stop)
	$(VENV)/bin/finalist serve --open

test: $(STAMP) lint ## Lint, type-check and run the whole test suite
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/mypy

bench: $(STAMP) ## Measure start-up and command times; see docs/benchmarks.md
	$(PY) bench/run.py

docs: $(STAMP) ## Regenerate docs/cli.md from the real --help
	$(PY) tools/cli_reference.py > docs/cli.md

model: $(STAMP) ## Retrain the STAR labeller from our own labelled answers
	$(PY) tools/train_star.py
