# ClauseQA: `make run` sets up and opens the chat on the bundled agreements; `make test` sets up and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= .clauseqa
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export ANONYMIZED_TELEMETRY := False

.PHONY: run test test-fast index eval eval-cuad bench setup browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU torch first: an unpinned torch would pull gigabytes of CUDA packages
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/clauseqa index data/agreements --index $(INDEX)
	$(BIN)/clauseqa ui --index $(INDEX)

index: $(STAMP)
	$(BIN)/clauseqa index data/agreements --index $(INDEX)

browser:
	bash .ci/install-browser.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not server"

eval: $(STAMP)
	$(BIN)/clauseqa eval --suite sample --report reports/sample

eval-cuad: $(STAMP)
	$(BIN)/clauseqa eval --suite cuad --report reports/cuad

bench: $(STAMP)
	$(BIN)/python eval/bench_index.py
	$(BIN)/python eval/bench_ask.py

clean:
	rm -rf $(INDEX) reports .pytest_cache
