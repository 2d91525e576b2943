# Two commands on a fresh machine: `make run` and `make test` (README.md).
# Every install comes from requirements/lock.txt (exact versions, checked by hash); the
# project itself is then installed without dependencies. requirements/lock.sh renews it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements/lock.txt
# The declared minimum versions (requirements/minimum.txt), for `make minimum`.
MIN_VENV := build/venv-minimum
MIN_BIN  := $(MIN_VENV)/bin
# The core tests: no display, no bundle; under two minutes.
CORE_TESTS := tests/test_calendar.py tests/test_plan_format.py tests/test_units.py \
              tests/test_package.py tests/test_minisign.py tests/test_db.py tests/test_services.py \
              tests/test_plan_draft.py tests/test_directory_build.py

.PHONY: run test lint unit minimum translations bench bench-small bundle clean

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --no-build-isolation --no-deps -e .
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m ui.i18n build

run: $(STAMP) translations
	$(BIN)/tiendo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP) translations
	$(BIN)/pytest -q

test: lint unit

# The core tests once more, with the oldest versions pyproject.toml says it supports.
minimum: $(MIN_VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(MIN_BIN)/python -m pytest -q -p no:cacheprovider $(CORE_TESTS)

$(MIN_VENV)/.installed: pyproject.toml requirements/minimum.txt
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_BIN)/python -m pip install --require-hashes -r requirements/minimum.txt
	$(MIN_BIN)/python -m pip install --no-build-isolation --no-deps -e .
	touch $@

bundle: $(STAMP) translations
	PYTHON=$(BIN)/python packaging/build_linux.sh
	packaging/smoke.sh

# Full size: the numbers in docs/benchmarks.md (each takes minutes; run on a quiet machine).
bench: $(STAMP) translations
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

# Each benchmark once at a small size, so CI notices one that no longer runs.
bench-small: $(STAMP) translations
	for b in benchmarks/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b --small || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info
