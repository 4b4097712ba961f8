# Two commands for a fresh machine with Python 3.11 and make:
#   make build   - build the site into site/ (make serve: live preview with drafts)
#   make test    - run every test (unit, end-to-end builds, browser tests)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
# The engine: mkdocs (MkDocs 1.6.1, in .venv) or properdocs (ProperDocs, its continuation, in .venv-properdocs):
#   make build ENGINE=properdocs, make test-fast ENGINE=properdocs
ENGINE ?= mkdocs
ifeq ($(ENGINE),properdocs)
VENV := .venv-properdocs
else ifeq ($(ENGINE),mkdocs)
VENV := .venv
else
$(error ENGINE=$(ENGINE): tuntematon moottori, valitse mkdocs tai properdocs / unknown engine, choose mkdocs or properdocs)
endif
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export MUUTOSTUKI_ENGINE := $(ENGINE)

.PHONY: build serve edit npm-deps test test-fast test-deps engine-venv check bench screenshots lighthouse clean

$(STAMP): requirements.txt requirements-nodeps.txt requirements-properdocs.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
ifeq ($(ENGINE),properdocs)
	# the same pins without MkDocs, and ProperDocs (--no-deps: mkdocs-material names mkdocs as its dependency)
	grep -vE '^(mkdocs|mkdocs-get-deps)==' requirements.txt > $(VENV)/requirements-engine.txt
	$(BIN)/python -m pip install --quiet --no-deps -r $(VENV)/requirements-engine.txt -r requirements-properdocs.txt
else
	$(BIN)/python -m pip install --quiet -r requirements.txt
endif
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-nodeps.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The browser editor /admin/ (Decap CMS, pinned in package-lock.json) is copied from node_modules into the
# site; tools/npm-deps installs it when the lockfile changes. Without npm the site builds without /admin/.
npm-deps:
	tools/npm-deps

build: $(STAMP) npm-deps
	$(BIN)/$(ENGINE) build --clean

serve: $(STAMP) npm-deps
	$(BIN)/$(ENGINE) serve --livereload

# The browser editor against this checkout: http://127.0.0.1:8000/admin/ beside the preview site
edit: $(STAMP) npm-deps
	ENGINE_BIN=$(BIN)/$(ENGINE) tools/edit

# Check all content in about a second without building (same messages as the build)
check: $(STAMP)
	$(BIN)/python -m muutostuki check

# The browser, Java and the HTML checker the tests need: installed or found by tools/test-deps
test-deps:
	tools/test-deps

# The venv of an engine alone (make engine-venv ENGINE=properdocs)
engine-venv: $(STAMP)

# make test also sets up ProperDocs: tests/test_engines.py builds the example site with both engines
test: $(STAMP) test-deps npm-deps
	$(MAKE) --no-print-directory ENGINE=properdocs engine-venv
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
	rm -rf site .venv .venv-properdocs
