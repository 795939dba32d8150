# OVOP Desktop. `make run` opens the application, `make test` runs the whole check.
# Everything is set up on first use in .venv from the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_HOME ?= demo-home
SHARED_DATA := ../shared/data
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: all setup run demo test lint typecheck pytest bench fuzz forms translations \
        lupdate screenshots clean

all: test

$(STAMP): requirements/runtime.txt requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP) translations

# Designer forms -> ovop_desktop/ui/forms (committed); translations .ts -> .qm (built). The
# Indonesian is ovop_id.ts plus any ovop_id_<part>.ts beside it, compiled into one ovop_id.qm.
forms: $(STAMP)
	$(BIN)/python packaging/build_resources.py

translations: $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(sort $(wildcard resources/translations/ovop_id*.ts)) \
	    -qm resources/translations/ovop_id.qm
	$(BIN)/pyside6-lrelease -silent resources/translations/qtbase_id.ts \
	    -qm resources/translations/qtbase_id.qm

# Refresh the .ts from the sources (then translate the new entries in ovop_id.ts).
# `ovop --help` at 80 columns prints ovop_desktop/cli/help_text.py without building the parser:
# write it again after changing a command (tests/cli/test_cli_help.py says when).
.PHONY: cli-help
cli-help: $(STAMP)
	$(BIN)/python -m ovop_desktop.cli.parser

lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none \
	    $$(find ovop_desktop/ui -name '*.py' -not -path '*/forms/*') forms/*.ui \
	    -ts resources/translations/ovop_id.ts

run: setup
	$(BIN)/ovop-desktop

demo: setup
	@if [ -f $(SHARED_DATA)/kalsel-kode-wilayah.csv ] && [ ! -f $(DEMO_HOME)/data/ovop.sqlite3 ]; then \
	    $(BIN)/ovop --home $(DEMO_HOME) regions import $(SHARED_DATA)/kalsel-kode-wilayah.csv; fi
	@if [ ! -f $(DEMO_HOME)/.demo-done ]; then \
	    $(BIN)/ovop --home $(DEMO_HOME) demo && touch $(DEMO_HOME)/.demo-done; fi
	$(BIN)/ovop-desktop --home $(DEMO_HOME)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# In parallel, one pytest-xdist worker per core (PYTEST_WORKERS=0 runs serially); tests that must
# share a worker carry @pytest.mark.xdist_group (pyproject sets --dist loadgroup).
PYTEST_WORKERS ?= auto
pytest: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(PYTEST_WORKERS)

test: lint typecheck pytest

bench: setup
	$(BIN)/python -m benchmarks

# The province at today's size and at ten times it on PostgreSQL, and how each job grows (an
# hour or more on 2 cores; not in `make bench` nor CI). BENCH_SCALES=1,2 for a shorter run.
.PHONY: bench-large
BENCH_SCALES ?= 1,10
bench-large: setup
	$(BIN)/python -m benchmarks.bench_large --scales $(BENCH_SCALES)

# Hostile packages imported at a province (minutes; not in CI). FUZZ_SEED=N: the same mutations.
fuzz: setup
	$(BIN)/python -m benchmarks.fuzz_packages --mutated 5000 --bytes 1000 \
	    $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis resources/translations/*.qm

# --- Packaging (packaging/, README "Install / build"): PyInstaller one-folder bundle in dist/ovop
# with `ovop-desktop` (window) and `ovop` (console); its smoke run; a portable zip; the wheel.
.PHONY: bundle bundle-check portable wheel wheel-check icon
PACKAGING_STAMP := $(VENV)/.packaging-stamp

$(PACKAGING_STAMP): $(STAMP) requirements/packaging.txt
	$(BIN)/python -m pip install --quiet -r requirements/packaging.txt
	touch $(PACKAGING_STAMP)

bundle: setup $(PACKAGING_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	    --workpath build/pyinstaller packaging/ovop.spec
	@echo "dist/ovop: $$(du -sh dist/ovop | cut -f1), $$(find dist/ovop -type f | wc -l) files"

# The self-test, a command-line day of work and an offscreen window start, all frozen.
bundle-check: $(STAMP)
	$(BIN)/python packaging/smoke.py bundle dist/ovop

portable: bundle
	$(BIN)/python packaging/portable.py dist/ovop

wheel: setup $(PACKAGING_STAMP)
	rm -rf dist/wheel
	$(BIN)/python -m build --outdir dist/wheel .

wheel-check: $(STAMP)
	$(BIN)/python packaging/smoke.py wheel dist/wheel/*.whl

icon: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icon.py
