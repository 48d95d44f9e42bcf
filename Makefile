# Two commands from a bare machine with Python 3.11+ (see README, Quick start):
#   make demo   set up .venv, ingest the bundled samples into quotes.db and serve them with Datasette
#               (make demo PORT=8002 when 8001 is taken)
#   make test   set up .venv the same way and run the tests
# Set-up (scripts/setup-venv) is redone only when pyproject.toml or the script changes.

VENV ?= .venv
DB ?= quotes.db
PORT ?= 8001
BIN := $(VENV)/bin
STAMP := $(VENV)/.quotetrack-installed

.PHONY: demo test lint venv

demo: $(STAMP)
	$(BIN)/quotetrack ingest data/samples --db $(DB)
	$(BIN)/quotetrack serve $(DB) --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check quotetrack tests benchmarks
	$(BIN)/mypy

venv: $(STAMP)

$(STAMP): pyproject.toml scripts/setup-venv
	bash scripts/setup-venv $(VENV)
	@touch $@
