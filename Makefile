# Every target sets itself up: the first run creates .venv and installs Glose into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint typecheck bench soak clean translations evaluate

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[nlp,dev]'
	@# Bytecode now, as an installed wheel has it: where PYTHONDONTWRITEBYTECODE is set, every
	@# start would otherwise compile the app's modules again (85 ms here).
	$(BIN)/python -m compileall -q reader ui
	touch $(INSTALLED)

run: $(INSTALLED)
	@$(BIN)/python packaging/desktop_libs.py
	$(BIN)/glose $(ARGS)

test: $(INSTALLED) validate-desktop
	QT_QPA_PLATFORM=offscreen $(BIN)/python -X faulthandler -m pytest -q
	$(BIN)/ruff check reader ui tests
	$(BIN)/mypy

lint: $(INSTALLED)
	$(BIN)/ruff check reader ui tests
	$(BIN)/ruff format --check reader ui tests
	$(BIN)/mypy

# Glose's analysis beside the raw French model on the annotated sets of tests/evaluation.
evaluate: $(INSTALLED)
	$(BIN)/python -m tests.evaluation $(ARGS)

bench: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

# The long reliability runs: 1,000 kills, four writers, thousands of property examples.
soak: $(INSTALLED)
	GLOSE_SOAK=1 GLOSE_KILLS=$${GLOSE_KILLS:-1000} QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q -s tests/reliability

# The .qm files the app reads, compiled from the .ts files translators edit (both committed).
TRANSLATIONS := $(wildcard resources/translations/*.ts)
translations: $(INSTALLED)
	$(BIN)/pyside6-lrelease -silent $(TRANSLATIONS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# Desktop entry, icons, wheel and frozen build.
include packaging/packaging.mk
