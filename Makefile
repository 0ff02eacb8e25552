# Little Steps: `make serve` to preview the site, `make test` to check everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check new linkcheck audit clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)  ## preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## build the site into site/ and fail on any warning
	$(BIN)/mkdocs build --strict

test: build  ## strict build, then the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)  ## fast contributor check: every problem as path:line: field: message
	$(BIN)/python scripts/check.py

new: $(STAMP)  ## make new TYPE=strategy TITLE="Saying goodbye at the school gate"
	$(BIN)/python scripts/new_page.py "$(TYPE)" "$(TITLE)"

linkcheck: $(STAMP)  ## check external links (needs the network; not part of make test)
	$(BIN)/python scripts/linkcheck.py

audit: build  ## Lighthouse (mobile) on home, finder and a strategy page; needs Node 20 and Chromium
	$(BIN)/python scripts/audit.py

clean:
	rm -rf site .pytest_cache
