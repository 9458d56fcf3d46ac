"""Bridge words: the words a fitted kind of question is usually asked in, searched for beside a
new question of that kind.

A question worded the way nobody fitted ("Can this agreement be handed over to another company?")
shares few words with the clause that answers it ("Neither Party may assign this Agreement ..."),
so the lexical search (BM25) misses it. Its embedding still lands next to the fitted phrasings of
its kind (Anti-Assignment), and the words most of those phrasings use ("assign", "transfer") join
the search, so long as:
- the question is alike its nearest fitted phrasing (cosine at least MIN_SIMILARITY; a question
  unlike any fitted borrows nothing) and not that phrasing itself (a fitted question borrows nothing);
- at least GROUP_SHARE of that kind's phrasings use the word: a word one phrasing happens to use
  ("customer" in "... without the Customer's permission?") is not what the kind asks about;
- the scope's contracts use the word at all: a bridge the contracts lack leads nowhere.
They only search: what a clause holds of the question (its coverage, the ranker's and the "not
found" decision's features) stays the question's own words. Counted as asked words too, they cost
questions of kinds never fitted (leave-category-out, where the nearest kind is another one) 0.022
of first citation; searching only, nothing.
Chosen on CUAD's fit part (40 contracts asked in eval/pairs/heldout_phrasings.yaml), the pairs' fit
half and the hand-written test contracts; see the model card.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import numpy as np

from assistant.prototypes import AnswerPrototypes

MIN_SIMILARITY = 0.7
SAME_QUESTION = 0.98  # a fitted question asked as fitted (or all but)
GROUP_SHARE = 0.5


def bridge_terms(vector: np.ndarray | None, asked: Sequence[str], prototypes: AnswerPrototypes,
                 present: Callable[[Collection[str]], Collection[str]]) -> tuple[str, ...]:
    """The words of the nearest fitted kind of question that the question lacks and the scope's
    contracts hold (`present` gives those of some words), the most used first."""
    words, similarity = prototypes.group_words(vector, GROUP_SHARE)
    if not MIN_SIMILARITY <= similarity < SAME_QUESTION:
        return ()
    return searched_words(words, asked, present)


def searched_words(words: Sequence[str], asked: Collection[str],
                   present: Callable[[Collection[str]], Collection[str]]) -> tuple[str, ...]:
    """Of `words`, in their order, those not asked already that the scope's contracts hold."""
    have = set(asked)
    wanted = [t for t in words if t not in have]
    held = set(present(wanted)) if wanted else set()
    return tuple(t for t in wanted if t in held)
