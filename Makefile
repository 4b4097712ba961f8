# Two commands for a fresh machine with Python 3.11 and make:
#   make build   - build the site into site/ (make serve: live preview with drafts)
#   make test    - run every test (unit, end-to-end builds, browser tests)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test test-fast test-deps check bench screenshots lighthouse clean

$(STAMP): requirements.txt requirements-nodeps.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-nodeps.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

# Check all content in about a second without building (same messages as the build)
check: $(STAMP)
	$(BIN)/python -m muutostuki check

# The browser, Java and the HTML checker the tests need: installed or found by tools/test-deps
test-deps:
	tools/test-deps

test: $(STAMP) test-deps
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not vnu"

# Benchmark (README, "Suorituskyky"): make bench N="100 1000" RUNS=3
N ?= 100 1000
RUNS ?= 3
ARGS ?=
bench: $(STAMP)
	$(BIN)/python bench/run.py --posts $(N) --runs $(RUNS) $(ARGS)

# Every page kind at 390x844 and 1280x900 into build/screenshots/ (not committed): look before calling work done
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

# Lighthouse (mobile) on every page kind: prints the scores (a benchmark, see README); pinned npm package in .tools/
lighthouse: $(STAMP)
	CHROME_PATH=/usr/bin/chromium $(BIN)/python tools/lighthouse.py $(ARGS)

clean:
	rm -rf site $(VENV)
