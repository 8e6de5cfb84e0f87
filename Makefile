# Two entry points for newcomers and CI (see README):
#   make site  – check the policies, then generate the JSON rules and the site into build/
#   make test  – lint (ruff, mypy, import-linter), then the whole test suite (browser tests included)
#   make test-fast – the test suite without the browser and without site builds
# Both create .venv/ and install the pinned dependencies themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)

.PHONY: site check lint test test-fast bench browser clean lock fuzz

$(STAMP): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

site: $(STAMP)
	$(BIN)/python -m generators build

check: $(STAMP)
	$(BIN)/python -m generators check

# Debian's Chromium for the browser tests; CI runs as root on a fresh Debian 12 machine.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerar Chromium (Debian-paketet) för webbläsartesterna ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Any ruff finding, mypy error or backward import (the layer contract, pyproject.toml) fails.
lint: $(STAMP)
	$(BIN)/ruff check generators tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint browser
	$(BIN)/python -m pytest

# No browser, no mkdocs site builds (markers `browser` and `site`, see tests/conftest.py).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not site"

# The long fuzz run (issue 11): 10 000 mutated example files through loading, schema and model and
# 1 000 through the full check; any internal error, hang or diagnostic without a location fails.
# FUZZ_SEED=N repeats a run. (Inside `make test` the fuzz test is bounded to about 30 s.)
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.run --inputs 10000 --full 1000 $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

bench: $(STAMP)
	$(BIN)/python -m bench

# requirements.in holds the pins (name==version, sorted; add a dependency there, with the packages it
# needs); `make lock` writes requirements.lock from it with the sha256 of every file each pinned
# version has on the configured indexes (all platforms, not only this machine's), so every install
# verifies what it downloads (`--require-hashes`). pip-tools runs in its own venv, never in .venv/.
LOCKVENV := .venv-lock
$(LOCKVENV)/.pip-tools-7.6.2:
	rm -rf $(LOCKVENV)
	$(PYTHON) -m venv $(LOCKVENV)
	$(LOCKVENV)/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	touch $@

lock: $(LOCKVENV)/.pip-tools-7.6.2
	$(LOCKVENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host --annotation-style=line \
	  --output-file requirements.lock requirements.in

clean:
	rm -rf build $(VENV) $(LOCKVENV)
