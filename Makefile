# Common Ground: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test install lint format migrate demo lock ci clean benchmark frontend

$(STAMP): requirements/dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The front end (GOV.UK Frontend, Leaflet) comes from npm, locked in
# package-lock.json, and is built into static/dist.
FRONTEND := static/dist/.built-$(shell cat package-lock.json frontend/* | cksum | cut -d' ' -f1)

$(FRONTEND): package.json package-lock.json $(wildcard frontend/*)
	@command -v npm >/dev/null || { echo "npm (Node.js 20.19 or newer) is needed to build the front end" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $(FRONTEND)

frontend: $(FRONTEND)

install: $(STAMP) $(FRONTEND)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py demo_load

## Serve http://127.0.0.1:8000 with a Celery worker and beat beside it, each
## started again if it exits (bin/respawn); Ctrl-C stops all.
run: demo
	$(BIN)/honcho -f Procfile.dev start

## The whole suite. Embedded (SQLite, no services) unless DATABASE_URL and
## CELERY_BROKER_URL point at PostgreSQL and Redis.
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Regenerate the locked requirements after changing pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet uv==0.9.30
	$(BIN)/uv pip compile pyproject.toml -o requirements/base.lock --python-version 3.11 -q
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements/dev.lock --python-version 3.11 -q

## Print timings and query counts at a council's size: the scoring engine,
## reminders, the public pages, and the pages under load (gunicorn, wrk).
benchmark: install
	$(BIN)/python benchmarks/ranking.py
	$(BIN)/python benchmarks/reminders.py
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/work.py
	$(BIN)/python benchmarks/reports.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules static/dist
