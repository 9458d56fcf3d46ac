"""Confidentiality questions on CUAD contracts, labelled by rule: the NDA topics CUAD's lawyers did
not label (CUAD has no confidentiality category), so the models also see questions of the kind an
NDA is asked about.

A contract takes part when it says "confidential" at least three times. For each topic, the
sentences that state it in so many words ("orally", "need to know", "independently developed",
"injunctive relief") and say "confidential" are its gold spans; a contract that never uses the
topic's words at all ("oral", "verbal") does not address it and is asked it as an unanswerable
question; any other contract is left out of that topic, since the rule cannot tell. The labels are
a rule's, not a lawyer's: silver, used to fit (the fit part) and to measure (the validation part,
asked in other words than the fitted ones), never as the regression gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eval.train_data import pick
from index.sentences import sentence_spans

CATEGORY_PREFIX = "Confidentiality: "
_CONFIDENTIAL = re.compile(r"\bconfidential|\bproprietary\s+information", re.I)
MIN_MENTIONS = 3
MAX_SENTENCE = 1500


@dataclass(frozen=True)
class Topic:
    name: str
    states: str  # a sentence stating the topic (with "confidential" in it)
    words: str  # any mention of the topic's words; a contract with none does not address it
    fitted: tuple[str, ...]  # phrasings fitted on (one per contract, chosen by hash)
    held_out: tuple[str, ...]  # phrasings only measured with, never fitted


TOPICS = (
    Topic("oral disclosure", r"\borally\b|\boral\s+(?:disclos|communicat|form)|\bverbal",
          r"\boral|\bverbal",
          ("Is information disclosed orally protected as confidential information?",
           "Does the confidentiality obligation cover verbal disclosures?",
           "Information shared in conversation counts as Confidential Information."),
          ("Does confidential information include information disclosed orally?",
           "Confidential Information may include verbally conveyed information.")),
    Topic("sharing with employees",
          r"\b(?:employees|officers|directors|representatives)\b[^.]{0,200}need[\s-]+to[\s-]+know",
          r"\b(?:employees|personnel|staff)\b",
          ("Can the recipient tell its own staff about the confidential information?",
           "Which of its people may the receiving party pass confidential information to?",
           "The recipient may give Confidential Information to employees who need it."),
          ("May the receiving party share confidential information with its employees?",
           "The Receiving Party may share some Confidential Information with its employees who need to know it.")),
    Topic("sharing with advisers",
          r"disclos\w*[^.]{0,250}\b(?:consultants|advis[eo]rs|attorneys|accountants|counsel)\b",
          r"\b(?:consultants?|advis[eo]rs?|attorneys?|accountants?|counsel)\b",
          ("Can confidential information be disclosed to the recipient's lawyers or accountants?",
           "Is the receiving party allowed to show confidential material to outside consultants?",
           "Professional advisers of the recipient may receive Confidential Information."),
          ("May the receiving party share confidential information with consultants or advisers?",
           "The Receiving Party may share Confidential Information with third parties such as consultants, "
           "agents and professional advisors.")),
    Topic("compelled disclosure",
          r"(?:required|compelled)\s+(?:by|under|pursuant\s+to)\s+(?:law|applicable\s+law|court|subpoena|legal\s+process|"
          r"governmental|judicial|regulation)|court\s+order|subpoena|legal(?:ly)?\s+(?:compelled|required)",
          r"required\s+by\s+law|court\s+order|subpoena|legal(?:ly)?\s+(?:compelled|required)|judicial|governmental",
          ("What must the recipient do if a court orders it to reveal confidential information?",
           "Can confidential information be disclosed when the law requires it?",
           "Disclosure of Confidential Information compelled by law is permitted with notice."),
          ("What happens if a party is legally required to disclose confidential information?",
           "The Receiving Party shall notify the Disclosing Party if it is required by law to disclose "
           "Confidential Information.")),
    Topic("return or destruction", r"\b(?:return|destroy|destruction)\b", r"\breturn|\bdestr",
          ("What happens to the confidential materials when the relationship ends?",
           "Does the recipient have to give back the confidential documents?",
           "Confidential materials must be handed back or destroyed at the end."),
          ("Must confidential information be returned or destroyed?",
           "The Receiving Party shall destroy or return Confidential Information upon termination.")),
    Topic("independent development", r"independently\s+develop", r"\bindependent",
          ("Is information the recipient develops on its own excluded from confidentiality?",
           "Does the agreement cover information the recipient created independently?",
           "Information the recipient develops by itself is not Confidential Information."),
          ("May the receiving party independently develop similar information?",
           "The Receiving Party may independently develop information similar to Confidential Information.")),
    Topic("information from third parties",
          r"(?:received|obtained|acquired|receive[sd]?|obtain(?:s|ed)?)\s+[^.]{0,60}\bfrom\s+(?:a\s+)?third\s+part",
          r"third\s+part",
          ("Is information the recipient gets lawfully from someone else still confidential?",
           "Does confidentiality apply to information obtained from an outside source?",
           "Information lawfully received from another source is not covered."),
          ("Is information received from a third party excluded from confidential information?",
           "The Receiving Party may acquire information similar to Confidential Information from a third party.")),
    Topic("survival", r"\bsurviv\w*", r"\bsurviv",
          ("Does the duty of confidentiality continue after the agreement ends?",
           "How long does the confidentiality obligation last after termination?",
           "The confidentiality duties outlast the agreement."),
          ("Do the confidentiality obligations survive termination?",
           "Some confidentiality obligations survive termination of the Agreement.")),
    Topic("injunctive relief", r"\binjunct\w*|equitable\s+relief|specific\s+performance|irreparable",
          r"\binjunct|\bequitable|\birreparable|specific\s+performance",
          ("Can the discloser get a court order to stop a leak of its confidential information?",
           "Are money damages the only remedy for breaching confidentiality?",
           "A breach of confidentiality may be stopped by an injunction."),
          ("Is a party entitled to injunctive relief for a breach of confidentiality?",
           "The Disclosing Party is entitled to equitable relief for a breach of confidentiality.")),
    Topic("limited use",
          r"\buse\b[^.]{0,120}\b(?:solely|only|exclusively|other\s+than|except)\b[^.]{0,80}\b(?:purpose|perform|"
          r"obligations|exercis|this\s+agreement)",
          r"\bpurpose|\bperform",
          ("What may the recipient use the confidential information for?",
           "Is the recipient restricted in how it uses confidential information?",
           "Confidential Information may be used only to carry out the agreement."),
          ("May confidential information be used for any purpose other than the agreement?",
           "The Receiving Party shall not use Confidential Information for any purpose other than the purposes "
           "of the Agreement.")),
)


def topic_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Topic name -> the sentences stating it; [] for a topic whose words the text never uses; a
    topic the text mentions but states in no sentence the rule reads is absent from the result."""
    if len(_CONFIDENTIAL.findall(text)) < MIN_MENTIONS:
        return {}
    stated: dict[str, list[tuple[int, int]]] = {}
    for start, end in sentence_spans(text):  # the sentences the index cites (semicolon parts too)
        sentence = text[start:end]
        if len(sentence) > MAX_SENTENCE or not _CONFIDENTIAL.search(sentence):
            continue
        for topic in TOPICS:
            if re.search(topic.states, sentence, re.I):
                stated.setdefault(topic.name, []).append((start, end))
    for topic in TOPICS:
        if topic.name not in stated and not re.search(topic.words, text, re.I):
            stated[topic.name] = []
    return stated


def topic_rows(contracts: Path, files: Iterable[str], held_out: bool = False) -> list[dict]:
    """Rows in qa.jsonl's shape (file, category, question, answerable, gold): the fitted phrasings,
    one per contract and topic (chosen by hash), or every held-out phrasing."""
    rows = []
    for file in files:
        spans = topic_spans((contracts / file).read_text(encoding="utf-8"))
        for topic in TOPICS:
            if topic.name not in spans:
                continue
            key = f"{file}::{CATEGORY_PREFIX}{topic.name}"
            for n, question in enumerate(topic.held_out if held_out else pick(list(topic.fitted), key, 1)):
                rows.append({"id": f"{key}::{n}", "file": file, "category": CATEGORY_PREFIX + topic.name,
                             "question": question, "answerable": bool(spans[topic.name]),
                             "gold": [{"start": s, "end": e, "also_at": []} for s, e in spans[topic.name]]})
    return rows
