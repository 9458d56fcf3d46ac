"""Conversations: follow-up questions rewritten into standalone ones, with their context."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from assistant.framing import plain_text, without_framing
from assistant.scope import Scope, kind_acronyms
from assistant.text import content_terms, without_terms
from assistant.types import Answer

_ELLIPSIS = re.compile(r"^\s*(and|but|also|what about|how about|same for|then)\b", re.IGNORECASE)
# with an ellipsis, a follow-up about another agreement that uses these words asks the last question
# again: "is it the same in Birch's?", "how does Bin Cui's agreement handle it?" (not "who signed it
# for Northwind?", whose own words ask something new)
_SAME_TOPIC = re.compile(r"\b(?:handl\w*|treat\w*|deal\w*|work\w*|appl(?:y|ies)|look\w*|compar\w*|differ\w*|"
                         r"same|case|there)\b", re.IGNORECASE)
_CONTEXT_NOTE = re.compile(r"\s*\(in the agreement of [^()]*\)")  # what in_agreement_of adds
_FOLLOW_UP = re.compile(r"\b(he|she|him|his|her|hers|they|them|their|it|its|that|this|same|there|"
                        r"the author|the agreement|the contract)\b", re.IGNORECASE)


class Conversation:
    """A multi-turn chat; follow-ups are rewritten into standalone questions."""

    def __init__(self, assistant):
        self.assistant = assistant
        self._history: list[Answer] = []
        self._scope: Scope | None = None
        self._topic = ""  # the last question without the names that scoped it
        self._thing = ""  # what the last question asked about, in its words (see _thing_of)
        self._person = ""  # the signer the conversation is about: the last one an answer named

    @property
    def history(self) -> list[Answer]:
        return list(self._history)

    def _with_name(self, question: str, files, agreements) -> str:
        """For a name alone after an ellipsis ("What about Birch?"), the last question asked of it
        (see _with_name below); "" for any other follow-up."""
        m = _NAME_ONLY.match(question)
        if not m:
            return ""
        last = self._history[-1]
        before = _CONTEXT_NOTE.sub("", last.standalone_question or last.question)
        return _with_name(m.group("name"), before, set(self.assistant.scope_of(before, files, agreements).terms))

    def _of_other(self, kind: str, files, agreements) -> str:
        """The last question asked again of the agreement a follow-up names by its kind, in place of the
        words that named the last one: "Who signed the NDA?", "And the employment contract?" -> "Who
        signed the employment contract?"; "" when the last question named none in words of its own."""
        last = self._history[-1]
        before = _CONTEXT_NOTE.sub("", last.standalone_question or last.question)
        naming = set(self.assistant.scope_of(before, files, agreements).terms)
        # the initials of the last agreements' kind name them too ("the NDA between Acme and Birch")
        keys = set(self._scope.agreements) if self._scope else set()
        naming |= {t for a in self.assistant.agreements() if a.key in keys
                   for t in content_terms(" ".join(kind_acronyms(a.kind)))}
        return _renamed(before, naming, kind)

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        """Like Assistant.stream, keeping the conversation's context."""
        yield from self._turn(question, files, agreements, stream=True)

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        *_, answer = self._turn(question, files, agreements, stream=False)
        return answer

    def _turn(self, question: str, files, agreements, stream: bool) -> Iterator[str | Answer]:
        """Text pieces when streaming, then the Answer, once the conversation has taken it in."""
        as_typed = question = (question or "").strip()
        # "Thanks! And what about Birch?" follows up as "And what about Birch?"; "**And Birch?**" too
        question = without_framing(plain_text(question))
        context, asked = None, question
        of_thing = False  # asked of the last question's thing ("When must that happen?")
        if self._history and _is_follow_up(question):
            scope_now = self.assistant.scope_of(question, files, agreements)
            # a party of the agreement in discussion ("What about Birch?" after "Who signed for Acme?")
            # asks the last question of that party; another agreement's name asks it of that agreement
            discussed = bool(self._scope and scope_now.agreements) \
                and set(scope_now.agreements) <= set(self._scope.agreements)
            swapped = self._with_name(question, files, agreements) if discussed else ""
            if swapped:
                asked = swapped
            elif scope_now.terms or files or agreements:
                # a new agreement, the old topic: "How is that handled in Justin Kopinsky's agreement?"
                own = set(content_terms(question)) - set(scope_now.terms)
                if not own or len(own) <= 2 and (_ELLIPSIS.match(question) or _SAME_TOPIC.search(question)):
                    names = " ".join(w for w in re.findall(r"[\w-]+", question) if content_terms(w)
                                     and set(content_terms(w)) <= set(scope_now.terms))
                    kind = _KIND_NAMED.search(question)  # "And the distribution agreement?": named by its kind
                    by_kind = bool(names and kind and set(content_terms(kind.group())) <= set(scope_now.terms))
                    if by_kind:
                        names = kind.group()
                    asked = (self._of_other(names, files, agreements) if by_kind else "") \
                        or (_about(self._topic, names) if names else f"{question.rstrip('?. ')}: {self._topic}?")
            else:
                swapped = self._with_name(question, files, agreements)
                if swapped:  # "What about Birch?" after "Who signed for Acme?": "Who signed for Birch?"
                    asked = swapped
                else:
                    context = self._scope  # the same agreement, a new topic: "When did he sign?"
                    of_thing = bool(self._thing) and _asks_of_thing(question)
                    if of_thing:
                        asked = _of_thing(question, self._thing)  # "When must that happen?"
                    else:  # "When did she sign it?" after "Who signed for Birch?": Priya Raman
                        asked = _of_person(question, self._person) or question
        answer = None
        for item in self.assistant._answers(asked, files, agreements, context, stream):
            if isinstance(item, Answer):
                answer = item
            else:
                yield item  # a chat model's text as it arrives
        assert answer is not None  # an ask always ends with its Answer
        if asked != as_typed:  # the standalone form as asked (with the agreement it was asked of)
            answer = replace(answer, question=as_typed)
        cited = tuple(dict.fromkeys(f"{c.file}#{c.agreement_number}" for c in answer.citations))
        scope = self.assistant.scope_of(answer.standalone_question or question, files, agreements)
        if cited:
            labels = ", ".join(dict.fromkeys(c.agreement for c in answer.citations))
            self._scope = Scope(cited, labels)
        elif scope.agreements:  # not found, but the agreement asked about is still the subject
            self._scope = Scope(scope.agreements, scope.reason)
        # the topic in the asker's words: without the names that scoped it, nor the "(in the agreement
        # of Sage Moore)" a follow-up's standalone form adds ("what about Jianfei Chen?" asks it again)
        said = _CONTEXT_NOTE.sub("", answer.standalone_question or question)
        self._topic = without_terms(said, set(scope.terms)).rstrip("?. ")
        # a follow-up about the same thing keeps it: "How long do they have to do it?" after "When must
        # that happen?" is still about the return of materials
        self._thing = self._thing if of_thing else _thing_of(self._topic)
        self._person = _signer(answer) or (self._person if self._person and self._person in asked else "")
        self._history.append(answer)
        yield answer


# a pronoun for the thing the last question asked about, not for a person or the agreement
_THING = re.compile(r"\b(?:it|that|this)\b", re.IGNORECASE)
# stems of words that ask for a quantity of whatever is discussed ("How long?", "how much", "how many")
_QUANTITY = frozenset({"long", "much", "mani", "soon", "often", "far"})
_ABOUT = re.compile(r"\b(?:about|regarding|concerning)\s+(?P<thing>.*\w)", re.IGNORECASE)
_ARTICLES = {"the", "a", "an", "any", "its"}


def _asks_of_thing(question: str) -> bool:
    """A follow-up whose own words name nothing, so its "it" or "that" is the last question's thing:
    "When must that happen?", "How long do they have to do it?", "How long?" ("When did he sign it?"
    and "Which courts?" name what they ask about)."""
    return set(content_terms(question)) <= _QUANTITY and bool(_THING.search(question) or _FRAGMENT.match(question))


def _thing_of(topic: str) -> str:
    """What a question asked about: the words after "about" ("What does the say about the return of
    materials" -> "the return of materials"), else its words from the first that names something to
    the last ("Does the allow disclosure to advisers" -> "allow disclosure to advisers"); "" for none."""
    about = _ABOUT.search(topic)
    if about:
        return about.group("thing")
    words = topic.split()
    named = [n for n, w in enumerate(words) if content_terms(w)]
    return " ".join(words[named[0]:named[-1] + 1]) if named else ""


def _of_thing(question: str, thing: str) -> str:
    """The follow-up asked of the last question's thing: a noun phrase in place of its pronoun ("When
    must the return of materials happen?"), other words after it in brackets ("How long (allow
    disclosure to advisers)?")."""
    pronoun = _THING.search(question)
    if pronoun and thing.split()[0].lower() in _ARTICLES:  # "the return of materials" reads as a noun
        return question[:pronoun.start()] + thing + question[pronoun.end():]
    return f"{question.strip().rstrip('?. ')} ({thing})?"


_PERSON = re.compile(r"\b(?:(?P<own>his)|(?P<her>her)(?=\s+[A-Za-z])|he|she|him|her)\b", re.IGNORECASE)


def _signer(answer: Answer) -> str:
    """The one person the answer names as signing, or "" (none, or more than one)."""
    names = {v.text for v in answer.values if v.kind == "signer"}
    return names.pop() if len(names) == 1 else ""


def _of_person(question: str, name: str) -> str:
    """The follow-up with its first he, she, him or her as the person named ("When did she sign it?"
    -> "When did Priya Raman sign it?"; "What is her title?" -> "What is Priya Raman's title?"); ""
    without a name or such a word."""
    pronoun = _PERSON.search(question) if name else None
    if pronoun is None:
        return ""
    owned = pronoun.group("own") or pronoun.group("her")
    return question[:pronoun.start()] + name + ("'s" if owned else "") + question[pronoun.end():]


def in_agreement_of(question: str, reason: str) -> str:
    """A follow-up made standalone: "When did he sign (in the agreement of Jianfei Chen)?"."""
    return f"{question.rstrip('?')} (in the agreement of {reason})?"


def _is_follow_up(question: str) -> bool:
    return bool(_FOLLOW_UP.search(question) or _ELLIPSIS.match(question) or _FRAGMENT.match(question))


# a question of a word or two, asked of what is being discussed: "Which courts?", "How long?"
_FRAGMENT = re.compile(r"^\s*(?:which|what|who|whom|when|where|how(?:\s+(?:long|much|many))?)(?:\s+[\w'’-]+){0,2}"
                       r"\s*\?\s*$", re.IGNORECASE)
# "What about Birch?", "And Northwind Software?": a name alone after the ellipsis
_NAME_ONLY = re.compile(r"^\s*(?i:and|but|also|what\s+about|how\s+about|same\s+for|then)\s+(?i:for\s+|with\s+)?"
                        r"(?i:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*[?.!]*\s*$")
_NAME_RUN = re.compile(r"(?<=\s)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*")


def _with_name(name: str, before: str, naming: set[str]) -> str:
    """The last question (`before`) asked again of the name a follow-up gives alone, in place of the
    last name it asked about that did not name its agreement (`naming`: the stems that did): "Who
    signed for Acme?", "What about Birch?" -> "Who signed for Birch?"; "When did Priya Raman sign the
    NDA?", "And Daniel Okafor?" -> "When did Daniel Okafor sign the NDA?". "" when the last question
    named no one."""
    name = re.sub(r"['’]s$", "", name)  # "And Sage Moore's?": the possessive is the last question's
    runs = [r for r in _NAME_RUN.finditer(before)
            if r.group() != name and not set(content_terms(r.group())) <= naming]
    if not runs:
        return ""
    run = runs[-1]
    return before[:run.start()] + name + before[run.end():]


_AGREEMENT_WORD = re.compile(r"\b(?:(?:(?:this|that|the)\s+)?(?:agreement|contract)|it|its)\b", re.IGNORECASE)


_JOINING = {"and", "&", "agreement", "agreements", "contract", "contracts"}
_BEFORE_NAME = {"the", "this", "that"}
_BEFORE_LATER_NAME = {"between", "with", "by", "for", "of", "under", "in", "and"}


def _renamed(question: str, naming: set[str], name: str) -> str:
    """`question` with the words that named its agreement (`naming`: their stems) replaced by `name`:
    the first run of them with its article ("the NDA"), later runs with the word leading to them
    ("between Acme and Birch"); "" when no word of it names one."""
    words = list(re.finditer(r"[\w&.'’-]+", question))

    def names(n: int) -> bool:
        terms = set(content_terms(words[n].group()))
        return bool(terms) and terms <= naming

    runs: list[tuple[int, int]] = []  # (first word, last word) of each run of naming words
    for n in range(len(words)):
        if not names(n) or runs and runs[-1][1] >= n:
            continue
        last = n
        while last + 1 < len(words) and (names(last + 1) or words[last + 1].group().lower() in _JOINING):
            last += 1
        while words[last].group().lower() in {"and", "&"}:
            last -= 1
        runs.append((n, last))
    if not runs:
        return ""
    text, at = "", 0
    for k, (first, last) in enumerate(runs):
        leading = _BEFORE_NAME if k == 0 else _BEFORE_LATER_NAME
        if first > 0 and words[first - 1].group().lower() in leading:
            first -= 1
        text += question[at:words[first].start()] + (name if k == 0 else "")
        at = words[last].end()
    text += question[at:]
    return re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


_KIND_NAMED = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){1,3}?(?:agreement|contract)\b", re.IGNORECASE)


def _about(topic: str, names: str) -> str:
    """The last topic asked of the agreement a follow-up names: "when does it terminate" and "Xin
    Wang" -> "when does Xin Wang's agreement terminate?", and "the distribution agreement" -> "when
    does the distribution agreement terminate?"; the names in brackets when the topic has no word for
    the agreement ("which law governs (Sage Moore)?")."""
    def name(m: re.Match) -> str:
        if _KIND_NAMED.fullmatch(names):
            return f"{names}'s" if m.group().lower() == "its" else names
        return f"{names}'s" if m.group().lower() == "its" else f"{names}'s agreement"

    named, n = _AGREEMENT_WORD.subn(name, topic, count=1)
    return f"{named}?" if n else f"{topic} ({names})?"
