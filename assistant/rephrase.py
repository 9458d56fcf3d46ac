"""A question refused in its own words, asked again in its kind's own words; a question found in its
own words, confirmed in them.

The agreement says "audit Distributor's records"; "Can either side inspect the other's accounts?"
shares none of those words, its retrieval and the "found" model's coverage features read it as
asking about something the agreement never mentions, and it is refused. Yet it is 0.81 like a
fitted phrasing of the audit-rights kind (cosine of the embeddings, prototypes.AnswerPrototypes),
and that kind's own question, "Does a party have the right to audit the other's books or records?",
is answered by clause 11. So a refused question
- at least REPHRASE_SIMILARITY like a fitted phrasing (a question only loosely like one may mean
  something else: "Can the other side go after our customers?" is 0.60 like a change-of-control one),
- whose nearest kind's own question is not the question itself,
is asked again in the words of that kind's own question: CUAD's question for the category, the one
its lawyers' spans were marked for (eval/kind_questions.py, `make train`). That answer stands when
the "found" model gives it at least REPHRASE_FOUND, above the usual cut: the two questions may not
quite mean the same, and "not found" is the honest answer when in doubt. The answer says which
question it answered (`Answer.answered_as`), so a reader sees what was read.

Chosen on CUAD's fit part (40 contracts; CUAD's words and the held-out phrasing styles asked of
them), first with the nearest fitted phrasing's own words instead of its kind's question: those
gained about half as much (the nearest phrasing is often another everyday wording the agreement
does not use either). With the kind's question, the usual found cut instead of REPHRASE_FOUND cost
0.007-0.02 balanced accuracy in every style; with the nearest phrasing's words, 0.6 alike instead
of 0.65 gained a little first citation for balanced accuracy, and 0.7 lost first citation for the
same balanced accuracy.

Below REPHRASE_SIMILARITY, down to LOOSE_SIMILARITY, a refused question is asked again too when its
nearest kind leads every other kind by KIND_LEAD (`AnswerPrototypes.kind_lead`). Casual questions
written blind to the code sit there ("What kind of cover or policies do they have to carry in case
something goes wrong?" 0.61 like an insurance phrasing and 0.20 nearer it than any other kind), and so
does a question about a kind nobody fitted, which sits about as near several ("Does the agreement have
a clause about confidentiality?" 0.60 like an anti-assignment phrasing, 0.57 like an exclusivity one:
the words shared are the template's); the lead tells them apart. A refusal naming a thing no clause
names (`asked_thing`: "the DOI", "the seat of arbitration") is asked again only as before, at
REPHRASE_SIMILARITY: "What is the DOI of the ActNN paper?" is 0.53 like a document-name phrasing, and
that kind's question would quote the paper's title. (Never asking such a refusal again, as first
committed, refused questions with a context clause flagged as a missing thing, "... finance needs it
for the records": on 82 phrasings helpers wrote blind, first citation 0.517 -> 0.481.) Chosen on the
fit part (40 contracts; the blind, casual and other held-out styles of `make eval-styles` asked of
them; the pairs' fit half): a lead of 0.05 over none, 0.03 and 0.08, and 0.5 over 0.45 (no gain).
Without a lead (any kind at 0.5 alike) first citation rose more in the blind styles, but "which
agreements have no confidentiality clause?" found one in every agreement, asked as an anti-assignment
question.

The other way round: the "found" model was fitted on CUAD's questions and five paraphrase styles,
and a question worded otherwise, above all a statement ("The agreement renews itself once the
initial term is over."), reads much like the contract's own sentences, so its evidence looks found
where the contract says nothing of it (a two-year term quoted as if it renewed). So a found answer
(not a clause named by number or a definition, which stand whatever they score) to a question at
least CONFIRM_SIMILARITY like a fitted phrasing, not its kind's own question, stands only when that
kind's own question is found too, at the usual cut; otherwise it is "not found". Unless its first
quote holds a rare word of the question (idf at least CONFIRM_RARE_WORD of the rarest stem's) that
the kind's question does not use: "Some obligations survive termination of the agreement." is 0.76
like a post-termination question an NDA does not answer, and its quote "... survive for three (3)
years" answers what that question never asked.

When the kind's own question is found too but cites another clause first, its answer is given
instead, saying which question it answered ("When does the agreement expire?" quoted the NDA's opening,
which dates it; its kind's question quotes "This Agreement runs for two (2) years"): the ranker was
fitted on the kind's own words, and answers them best. The question's own answer stands when it states
a value it asked for ("What is the event title ...?" reads an "EventTitle:" line the document-name
question does not) or cites the same clause first. Chosen on the fit part (40 contracts): first
citation everyday 0.622 -> 0.642, statements 0.691 -> 0.714, blind-c 0.582 -> 0.610, brief 0.609 ->
0.617, casual 0.550 -> 0.557, found decisions unchanged; comparing the first sentences instead of
clauses gained about 0.01 more in four styles but replaced the title line of "What is the title of the
paper in Yingxia Shao's agreement?" with the opening.

Chosen on the fit part too (40 contracts, every style; eval/train.py fitted nothing of it), with the
pairs' fit half: at 0.65 alike balanced accuracy rose most (statements 0.735 -> 0.813, replayed from
recorded answers) but "Under what condition does the agreement end?" (0.73 like an expiration-date
question, whose date the agreement never states) was refused on the pairs' fit half; 0.75 is the
least of 0.65/0.7/0.75/0.8 that refuses none of the pairs' fit half. The rare-word exception was
added for the NDA's survival statement (tests/contracts, written for the tests); on the fit part it
keeps 9 of the 274 held-out styles' answers the confirmation rightly refused and 2 of the 16 it
wrongly did.

A keyword typed as into a search box ("Expiration Date", "non-compete clause": `framing.is_keyword`)
is read against its kind as loosely as a refused question is (LOOSE_SIMILARITY, KIND_LEAD): it names
a topic and asks nothing of its own, and "Expiration Date" (0.66 like that kind's phrasings) quoted
the opening, which states the Effective Date. Chosen on the fit part (40 contracts): CUAD's category
names as keywords 0.726 -> 0.744 first citation, lower case 0.724 -> 0.743, with "clause" 0.734 ->
0.738; the fitted terse style unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.prototypes import AnswerPrototypes
from index.terms import content_terms

KIND_QUESTIONS_FILE = Path(__file__).with_name("models") / "kind_questions.json"
REPHRASE_SIMILARITY = 0.65
LOOSE_SIMILARITY = 0.5
KIND_LEAD = 0.05
REPHRASE_FOUND = 0.5
CONFIRM_SIMILARITY = 0.75
CONFIRM_RARE_WORD = 0.5


@dataclass(frozen=True)
class KindQuestions:
    """Per fitted kind of question, its own question: the words its answers were marked for."""

    question: dict[str, str] = field(default_factory=dict)

    def for_question(self, vector: np.ndarray | None, prototypes: AnswerPrototypes, asked: str,
                     at_least: float = REPHRASE_SIMILARITY, loose: bool = False) -> str:
        """The own question of the kind a question (its embedding; `asked`, its words) is at least
        `at_least` like, or with `loose` at least LOOSE_SIMILARITY like and KIND_LEAD nearer it than
        any other kind; "" when it is like no fitted phrasing that much, or already is its kind's own
        question."""
        kind, similarity = prototypes.nearest_kind(vector)
        own = self.question.get(kind, "")
        near = similarity >= at_least or (loose and similarity >= LOOSE_SIMILARITY
                                          and prototypes.kind_lead(vector) >= KIND_LEAD)
        if not near or own.casefold() == asked.strip().casefold():
            return ""
        return own

    @classmethod
    def load(cls, path: Path = KIND_QUESTIONS_FILE) -> "KindQuestions":
        """The committed questions; none (nothing is asked again) without the file."""
        if not path.exists():
            return cls()
        return cls({str(k): str(v) for k, v in json.loads(path.read_text())["question"].items()})


def asks_beyond_its_kind(asked: str, kinds_question: str, quote: str,
                         rarity: Callable[[Collection[str]], dict[str, float]]) -> bool:
    """Whether the quote answering `asked` holds a rare word of it (`rarity`: each stem's idf over the
    rarest stem's, 0-1) that its kind's own question does not use: "Do any obligations survive
    termination?" is much like a post-termination question, and an NDA that never says what a party
    must do after termination still says "obligations ... survive for three (3) years". Such a
    question asks about something its kind's question does not, and that question's "not found"
    says nothing of it."""
    own = set(content_terms(asked)) & set(content_terms(quote))
    beyond = own - set(content_terms(kinds_question))
    return any(value >= CONFIRM_RARE_WORD for value in rarity(beyond).values())
