# newsdesk: `make demo` crawls the bundled demo site into demo.db; `make test` runs the whole suite;
# `make browse` opens a database (DB=newsdesk.db) in Datasette with datasette/metadata.json.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= test
DB ?= newsdesk.db

.PHONY: install demo test bench browse clean

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	@touch $@

install: $(VENV)/.installed-$(EXTRAS)

demo: install
	$(PY) tests/demo.py --db demo.db

test: install
	$(PY) -m ruff check crawler pipelines exports bench tests
	$(PY) -m pytest

browse:
	@test -f $(DB) || { echo "make browse: $(DB) not found (make demo, then make browse DB=demo.db)" >&2; exit 1; }
	@test -x $(VENV)/bin/datasette || $(MAKE) install EXTRAS=browse
	$(VENV)/bin/datasette $(DB) --metadata datasette/metadata.json

bench:
	$(MAKE) install EXTRAS=test,bench
	$(PY) bench/crawl.py

clean:
	rm -rf $(VENV) demo.db demo.db-* .pytest_cache
