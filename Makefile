# newsdesk: `make demo` crawls the bundled demo site into demo.db; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= test

.PHONY: install demo test bench clean

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	@touch $@

install: $(VENV)/.installed-$(EXTRAS)

demo: install
	$(PY) tests/demo.py --db demo.db

test: install
	$(PY) -m pytest

bench:
	$(MAKE) install EXTRAS=test,bench
	$(PY) bench/crawl.py

clean:
	rm -rf $(VENV) demo.db demo.db-* .pytest_cache
