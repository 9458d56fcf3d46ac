# ClauseQA: `make run` sets up and opens the chat on the bundled agreements; `make test` sets up and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= .clauseqa
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export ANONYMIZED_TELEMETRY := False

.PHONY: run test test-fast index eval eval-cuad eval-corpus eval-written eval-styles catalog-eval bench bench-retrieval setup browser clean train

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

# Reported figures come from the held-apart halves only: the test pairs and the validation contracts.
eval: $(STAMP)
	$(BIN)/clauseqa eval --suite sample --half test --report reports/sample

eval-cuad: $(STAMP)
	$(BIN)/clauseqa eval --suite cuad --part validation --limit 40 --report reports/cuad

# the agreement catalog against CUAD's slot answers, per field (reuses the eval-cuad index)
catalog-eval: $(STAMP)
	$(BIN)/python eval/catalog_eval.py --part validation --limit 40

# the same 40 validation contracts asked in each hand-written paraphrase style instead of CUAD's words (everyday, brief,
# statement and casual: phrasings nothing is fitted on; blind-a, -b and -c: written blind to the code; framed: CUAD's
# words inside a chat's lead-in; unmarked: CUAD's words in lower case without the question mark; scene: CUAD's words
# after a sentence setting the scene; slips: CUAD's words with two letters of the longest word swapped (short-slips:
# the last two of the first common word, "Dose the agreement ..."); tail: CUAD's
# words before a sentence saying why or for whom; keywords: a keyword per category, as typed into a search box;
# review: the category's name in a contract review's request, "Highlight the parts (if any) of this contract
# related to "Governing Law" that should be reviewed by a lawyer."); listed: CUAD's words pasted from a checklist, a
# list's mark ("1.", "-", "•", "(d)") before each or quotes around it; pasted: CUAD's words in bold, a paragraph tag,
# a heading's or emphasis's markup; labelled: after a label ("URGENT:", "Re: ... -", the category's name) or with an
# aside in brackets ("(quick one)", "(2/5)"); searched: the category's name in a search for its clause, "Is there a
# governing law clause?", "Find the governing law clause.")
eval-styles: $(STAMP)
	for style in plain terse imperative yes-no role everyday brief statement casual blind-a blind-b blind-c framed unmarked scene slips short-slips tail keywords review listed pasted labelled searched; do \
		$(BIN)/clauseqa eval --suite cuad --part validation --limit 40 --style $$style --report reports/cuad-$$style || exit 1; \
	done

# contracts and questions written blind to the code (eval/written/: NDAs, a review checklist, commercial agreements)
eval-written: $(STAMP)
	$(BIN)/python -m eval.written_sets

eval-corpus: $(STAMP)
	$(BIN)/clauseqa eval --suite cuad-corpus --part validation --limit 40 --report reports/cuad-corpus

# count which fitted kinds of question are answered in an agreement's opening (answer_places.json and
# PLACES.md: counting, a few seconds; the refit below reads them as asking does), write each fitted kind's
# own question (kind_questions.json and KIND_QUESTIONS.md: read from the rows), then refit the evidence
# ranker and "found" decision on the fit part of the split (eval/split.py); writes assistant/models/ and
# its CARD.md (indexing the 266 fit + 40 validation contracts takes about 45 minutes on 2 cores the
# first time; fitting about 15 minutes)
train: $(STAMP)
	$(BIN)/python eval/answer_places.py --write
	$(BIN)/python eval/kind_questions.py --write
	PYTHONHASHSEED=0 $(BIN)/python eval/train.py --fit-contracts 266 --validate-contracts 40 --write

# ClauseQA vs the LangChain tutorial pipeline over the samples + all 408 CUAD contracts (indexes are
# built once into .clauseqa/bench-*: the first run takes about an hour on 2 cores), then indexing
# throughput vs raw encode and the int8 backend
bench: $(STAMP)
	$(BIN)/python eval/bench_scale.py
	$(BIN)/python eval/bench_index.py

# retrieval quality (hybrid vs BM25 vs dense) and latency on the first 50 CUAD contracts
bench-retrieval: $(STAMP)
	$(BIN)/python eval/bench_ask.py

clean:
	rm -rf $(INDEX) reports .pytest_cache
