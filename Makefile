# Two set-up commands: `make demo` and `make test`. Both create .venv if it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test validate benchmark docs clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/neuroimmune demo --out outputs/demo

test: $(STAMP)
	$(PY) -m pytest -n 2 -q

validate: $(STAMP)
	$(VENV)/bin/neuroimmune validate --out docs/validation

docs: $(STAMP)
	$(PY) scripts/generate_docs.py

benchmark: $(STAMP)
	$(PY) benchmarks/bench_engine.py

clean:
	rm -rf $(VENV) outputs .pytest_cache
