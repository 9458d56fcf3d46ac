"""The question without the chat around it: a greeting, a "could you tell me", a "my manager wants
to know", a "thanks" at the end say nothing about any contract.

Left in, such words are read as what is asked: they count among the asked words a clause must hold
(and a contract lacks "boss" and "check", so the "not found" decision reads them as missing), they
pull the embedding off the topic, and a yes/no question hidden behind "Hi, could you check -" is no
longer seen as one. Only wrappers that cannot carry contract content are taken off, and only at
the very start or end; a question that is nothing but a wrapper stays as it is. Measured with
`clauseqa eval --suite cuad --style framed` (CUAD's questions behind lead-ins written apart from
these patterns, eval/pairs/framings.yaml): see the README.

A contract review's request for the passages about a topic ("Highlight the parts (if any) of this
contract related to "Governing Law" that should be reviewed by a lawyer.") asks the topic (`asked_topic`).

A question pasted from a checklist loses the list's mark before it ("1.", "- ", "(b)", "Q3:") and the
quotes around it (`--style listed`): left on, they kept a question from being read as one.

A question typed without its question mark gets one ("who signed for ICML"): without it the
embedding model reads a phrase, and the ranker and the "not found" decision, fitted on questions
that end in "?", drift (`--style unmarked`).

A question pasted from a web page, a document or a phone is read in plain text first (`plain_text`):
its markup ("**...**", "<p>...</p>", `--style pasted`), emoji, curly quotes, no-break spaces and
doubled spaces pulled the embedding off and hid how the question opens. A label before it ("URGENT:",
"Re: ... -") or an aside in brackets ("(quick one)", "...? (2/5)") is set apart (`with_label`,
`--style labelled`): read as asked, "Yes or no: is the NDA mutual?" looked for a clause about "yes".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from index.clean import without_markup
from index.terms import content_terms, stem

_SEP = r"(?:\s*[,:;!.…–—-]+\s*|\s+)"
# a question's own first word: "who needs to know about a breach?" is asked, not passed on
_ASKING = r"(?:who|whom|whose|what|which|when|where|why|how|does|do|did|is|are|was|were|can|could|may|must|shall|will)"
_NAME = r"(?:(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|team|all|everyone|folks|there|guys)"  # "Hi Priya Raman, ..."
# who passes a question on: "my manager", "legal", "the CFO" (not a question's own first word)
_SOMEONE = rf"(?:(?:my|our|the)\s+)?(?!{_ASKING}\b)[\w’'-]+(?:\s+[\w’'-]+)?\s+"
# said before a question, and only there: each alternative ends where the question begins
_LEAD = re.compile(
    r"^(?:"
    rf"(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))(?:\s+{_NAME})?[,!.:;–—-]*"
    r"|(?:ok(?:ay)?|so|well|right|alright|um+|uh+)[,!.:;–—-]+"
    # a short exclamation before the question: "Morning!", "Great, thanks!"
    rf"|(?!{_ASKING}\b)(?:[\w’'-]+[ ,]+){{0,3}}[\w’'-]+\s*!+"
    r"|(?:sorry|apologies|excuse\s+me|pardon)\b[^,;:!?]{0,40}?(?:,\s*but|[,:;!–—-]+)"
    r"|(?:(?:one\s+more|another|next)\s+(?:thing|point))\s*[:–—-]"
    r"|(?:can|could|may)\s+i\s+ask(?:\s+you)?(?:\s+(?:something|a\s+question))?[,:;–—-]*"
    r"|would\s+you\s+mind\s+(?:telling|letting)\s+me(?:\s+know)?[,:;–—-]*"
    r"|(?:thanks|thank\s+you)(?:\s+(?:so\s+much|a\s+lot|for\s+that))?[,!.:;–—-]+"
    r"|(?:(?:one|a)\s+)?(?:(?:quick|short|simple|small|last|another|next|follow-?up)\s+)?(?:question|q)"
    r"(?:\s+for\s+you)?\s*[:–—-]|(?:next|another)\s+one\s*[:–—-]"
    r"|(?:just\s+)?(?:wondering|checking|curious|asking)[,!.:;–—-]+"
    r"|(?:please|kindly|pl(?:s|z|ease)|plz)\b"
    # a chat's mention of whom it asks ("@ClauseQA which law governs?", "@legal-bot:")
    r"|@[\w.-]+[,:]?"
    # "could you tell me ...", "can you check for me -": a request to answer, not what is asked ("show me
    # the clause ..." and "find the clause ..." stay: what follows them is not a question of its own)
    r"|(?:(?:can|could|would|will)\s+you|are\s+you\s+able\s+to)(?:\s+(?:please|kindly))?\s+"
    r"(?:(?:tell|let)\s+me(?:\s+know)?|(?:check|find\s+out|look\s+up|confirm|verify|clarify)"
    r"(?:\s+for\s+me)?)(?:\s+about)?[,:;–—-]*"
    r"|tell\s+me(?:\s+about)?[,:;–—-]*|let\s+me\s+know(?:\s+about)?[,:;–—-]*"
    r"|do\s+you\s+(?:know|happen\s+to\s+know)[,:;–—-]*"
    r"|(?:i|we)\s*(?:was|were|am|are|'m|’m|'re|’re)\s+(?:wondering|curious)(?:\s+about)?[,:;–—-]*"
    r"|(?:i|we)\s+wonder[,:;–—-]*"
    r"|(?:i|we)(?:\s+(?:need|want|wanted|would\s+like|have|had)|['’]d\s+like)\s+to\s+"
    r"(?:know|find\s+out|check|confirm|understand|ask)(?:\s+about)?[,:;–—-]*"
    # "looking at our contract, ...": the contract asked of, not named
    r"|(?:looking\s+at|in|under|according\s+to|based\s+on|per|regarding|as\s+for)\s+(?:our|the|this|my|that)\s+"
    r"(?:contract|agreement|deal|document|nda)\s*[,:;–—-]"
    # "my manager wants to know:", "legal is asking -": someone else's question passed on
    rf"|{_SOMEONE}(?:wants|want|needs|need|would\s+like|'d\s+like|is\s+asking|asked|asks|was\s+asking)(?:\s+me)?"
    r"(?:\s+to\s+(?:know|find\s+out|check|confirm))?\s*[:–—-]"
    rf"|{_SOMEONE}(?:wants|needs|would\s+like|'d\s+like)(?:\s+me)?\s+to\s+(?:know|find\s+out|check|confirm)"
    r")" + _SEP + r"(?P<embedded>(?:if|whether)\s+)?", re.IGNORECASE)
# said after it: "..., please", "... Thanks!", "... thank you in advance"
_TAIL = re.compile(r"(?:[\s,.;:!–—-]+(?:please|thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:so\s+much|a\s+lot|"
                   r"in\s+advance))?[\s.!?]*)+$", re.IGNORECASE)
_QUESTION_START = re.compile(r"[A-Za-z\"'“‘(]")
# "(do you know if) the agreement can be assigned": a yes/no question asked indirectly, its subject of
# up to six words before its auxiliary ("Can the agreement be assigned?")
_AUXILIARY = r"(?:is|are|was|were|can|could|may|might|must|shall|should|will|would|has|have|had)"
_HAVE = {"has": "Does", "have": "Do", "had": "Did"}  # "have" as the verb, not the auxiliary
_PERFECT = frozenset("been got gotten done given made paid sold taken written kept held won brought sent left lost "
                     "told built agreed".split())
_INDIRECT = re.compile(rf"^(?P<subject>(?!(?:{_ASKING}|{_AUXILIARY})\b)[\w'’-]+"
                       rf"(?:\s+(?!(?:{_AUXILIARY}|not)\b)[\w'’.-]+){{0,5}})"
                       rf"\s+(?P<aux>{_AUXILIARY})\s+(?P<rest>[^?.!]+?)\s*[?.!]*$", re.IGNORECASE)


_MARKS = re.compile(r"[?!]*\?[?!]*(?:\.+(?=\s|$))?")  # "??", "?!", "!?", "?." read as one "?"
# the word a question opens with: an asking word or an auxiliary ("who", "does", "would")
ASKING_WORD = rf"(?:{_ASKING}|{_AUXILIARY}|should|might|would|have|has|had)\b"
# a question's first word, when it asks (an auxiliary opens a yes/no question: "does the NDA survive"),
# after what it is asked of: "Under the Acme NDA, what must Birch do with materials"
_ASKS = re.compile(r"(?:(?:and|but|also|then)\s+)?"
                   r"(?:(?:in|under|for|about|regarding|according\s+to|per|as\s+for|as\s+to|if|when|once|after|"
                   r"before|unless)\s[^,:;?]{1,120}[,:]\s*)?"
                   r"(?:(?:between|in|under|for|from|to|with|by|of|on|at|about)\s+(?=wh))?"  # "between whom ...?"
                   + ASKING_WORD, re.IGNORECASE)
# a checklist's mark before a pasted question: "- ", "• ", "1. ", "(a) ", "iv. ", "Q3: ", and "2.1 " before an
# asking word ("2.5 percent royalty?" keeps its number)
_LIST_MARK = re.compile(r"^(?:[-*•·▪◦‣–—]+|#?\d{1,3}[.):]"
                        r"|#?\d{1,3}(?:\.\d{1,3})+(?:\.|(?=\s+(?i:" + ASKING_WORD + r")))"
                        r"|\(\d{1,3}\)|\(?[A-Za-z][.)]|\(?[ivxIVX]{1,4}[.)]|(?:Q|Question)\s*\d{1,3}\s*[.:)–—-]?)\s+")
# a question pasted inside one pair of quotes or brackets: '"Which law governs?"', "[Which law governs?]",
# "(Which law governs?)"
_ENCLOSED = re.compile(r'^(?:"(?P<straight>[^"]+)"|“(?P<curly>[^“”]+)”|\[(?P<bracketed>[^\[\]]+)\]'
                       r'|\((?P<parenthesised>[^()]+)\))$')


# a request for the passages about a topic, as a contract review asks it ("Highlight the parts (if any)
# of this contract related to "Governing Law" that should be reviewed by a lawyer.", "Identify any
# provisions relating to insurance"): the request, the review it is for and the quotes around the
# topic say nothing about any contract; what is asked is the topic, or the details given after it
# ("... Details: Which state's law governs?"). Not "Find any X", which names what it wants without a
# "related to" (a search for a clause by name, "Show me the X clause", is _NAMED_CLAUSE's).
_PASSAGES = r"(?:parts?|portions?|passages?|provisions?|clauses?|sections?|language|text|terms|wording|sentences?)"
_TOPIC_REQUEST = re.compile(
    r"^(?:highlight|identify|find|locate|show(?:\s+me)?|list|extract|flag|mark|quote|point\s+out|pull\s+out|"
    r"give\s+me)\s+(?:(?:all|any|each|every)\s+(?:of\s+)?)?(?:the\s+)?" + _PASSAGES + r"\s+"
    r"(?:\(if\s+any\)\s*)?(?:(?:of|in|from|within)\s+(?:this|the)\s+(?:contract|agreement|document)\s+)?"
    r"(?:\(if\s+any\)\s*)?(?:that\s+(?:are|is)\s+)?"
    r"(?:(?:related|relating|pertaining|relevant)\s+to|concerning|regarding)\s+"
    r"(?P<topic>.+?)"
    r"(?:,?\s+(?:that|which)\s+(?:should|must|need\s+to|needs\s+to|would|may)\s+be\s+reviewed"
    r"(?:\s+by\s+(?:a\s+|an\s+)?(?:lawyer|attorney|counsel|legal(?:\s+team)?))?|,?\s+for\s+(?:a\s+)?"
    r"(?:lawyer|legal)(?:'s|’s)?\s+review)?\s*[.?!]*"
    r"(?:\s*details?\s*:\s*(?P<details>.+?))?\s*$", re.IGNORECASE | re.DOTALL)
# "What does this contract say about "Governing Law"?": the same, asked as a question (not "... say about
# whether it renews?", whose topic is a question of its own)
_SAYS_ABOUT = re.compile(r"^what\s+(?:does|do|did)\s+(?:this|the|our|my)\s+(?:contract|agreement|document)\s+"
                         r"(?:say|state|provide)\s+(?:about|on|regarding|concerning|as\s+to)\s+"
                         rf"(?!(?:{_ASKING}|if|whether)\b)(?P<topic>.+?)\s*\?*\s*$", re.IGNORECASE | re.DOTALL)
# a search for a clause by its kind's name, asked as a question or a request: "Is there a change of control
# clause?", "Does the agreement have a non-solicitation provision?", "Find the indemnification clause.", "Where
# is the audit clause?", "Is there a clause on termination for convenience?": what is asked is the name, read as
# a keyword is (not "Is there a clause 12?", which names one by number, nor "Find the clause that lets us
# terminate", whose topic is a question of its own, nor "the Acme agreement", which names an agreement)
_CLAUSE_WORD = r"(?:clauses?|provisions?|sections?|language|wording)"
_THE_CONTRACT = r"(?:this|the|our|my)\s+(?:contract|agreement|document|deal)"


def _name(group: str) -> str:
    """A clause's name of up to five words, as the group `group`: not an asking word, an article or a pointer
    first, nor a clause word or "in this agreement" inside."""
    return (rf"(?P<{group}>(?!(?:{_ASKING}|a|an|the|any|this|that|these|those|such|some|no|clause|section)\b)"
            rf"[A-Za-z][\w'’/&-]*(?:\s+(?!{_CLAUSE_WORD}\b|(?:in|of)\s+{_THE_CONTRACT})[\w'’/&-]+){{0,4}})")


_SEARCH = (r"(?:(?:is|are)\s+there\s+(?:an?|any)\s+"
           rf"|(?:does|do)\s+{_THE_CONTRACT}\s+(?:have|contain|include)\s+(?:an?|any)\s+"
           r"|(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
           r"(?:find|show(?:\s+me)?|locate|quote|pull\s+up|give\s+me|list|summari[sz]e|explain|describe"
           r"|tell\s+me\s+about|walk\s+me\s+through)\s+(?:the|any|all\s+(?:of\s+)?the|all)\s+"
           r"|(?:where|what)\s+(?:is|are)\s+the\s+|(?:where|what)['’]s\s+the\s+|what\s+(?:does|do)\s+the\s+)")
_NAMED_CLAUSE = re.compile(
    rf"^{_SEARCH}(?:{_name('name')}\s+{_CLAUSE_WORD}"
    rf"|{_CLAUSE_WORD}\s+(?:on|about|regarding|concerning|covering|for|dealing\s+with)\s+(?:the\s+)?"
    rf"{_name('topic')})"
    rf"(?:\s+(?:in|of)\s+{_THE_CONTRACT})?(?:\s+(?:say|provide|state|cover|mean))?\s*[.?!]*\s*$", re.IGNORECASE)
# words naming agreements: "List the agreements with arbitration clauses" asks which agreements, "the clause on
# assigning this agreement" is no name ("the agreement date clause" is)
_AGREEMENTS = re.compile(r"\b(?:agreements|contracts|documents|files|deals|ndas)\b"
                         r"|\b(?:this|the|that|our|their|its|each|every)\s+(?:agreement|contract|document|deal|nda)\b",
                         re.IGNORECASE)
# "Is there a non-compete?", "Any change of control?": a name alone (not "Is there a minimum we must buy?", "Is there
# no cap?", "Is there a cap on liability?", which ask more than whether it is there)
_BARE = (r"(?!(?:no|not|we|you|they|it|us|them|our|their|your|its|must|can|may|shall|will|should|to|in|on|for"
         r"|or|and|clause|section|else)\b)")
_THERE_IS = re.compile(rf"^(?:(?:is|are)\s+there\s+(?:(?:an?|any)\s+)?|any\s+)"
                       r"(?P<name>(?!(?:any|anything|something|everything|anyone|someone|more|other|questions?)\b)"
                       rf"{_BARE}[A-Za-z][\w'’/&-]*(?:\s+{_BARE}[A-Za-z][\w'’/&-]*){{0,3}})\s*\?\s*$",
                       re.IGNORECASE)
_QUOTED = re.compile(r"^[\"'“‘]+|[\"'”’]+$")  # single quotes only around the topic: "party's" keeps its own
_DOUBLE_QUOTES = re.compile(r"[\"“”]")


def asked_topic(question: str) -> str:
    """A request for the passages about a topic read as what it asks: the details given after it, else
    the topic without its quotes ("Highlight the parts (if any) of this contract related to "Governing
    Law" that should be reviewed by a lawyer." and "What does this contract say about Governing Law?" ask
    "Governing Law"), and a search for a clause by its name as the name ("Is there a change of control
    clause?" asks "change of control"); "" when it is no such request."""
    text = question.strip()
    named = _NAMED_CLAUSE.match(text) or _THERE_IS.match(text)  # "Is there a change of control clause?", "Any MFN?"
    name = (named.groupdict().get("name") or named.groupdict().get("topic") or "") if named else ""
    if name and not _AGREEMENTS.search(name):
        return name
    m = _TOPIC_REQUEST.match(text) or _SAYS_ABOUT.match(text)
    if not m:
        return ""
    details = (m.groupdict().get("details") or "").strip()
    return details or _QUOTED.sub("", _DOUBLE_QUOTES.sub("", m["topic"]).strip()).strip()


def without_framing(question: str) -> str:
    """`question` with its conversational lead-ins and sign-offs taken off; the first letter of
    what is left upper-cased. A question that is only framing ("Thanks!") is returned unchanged."""
    text = question.strip()
    inner = unmarked(text)  # "- Which law governs?"
    inner = asked_topic(inner) or inner  # "Highlight the parts ... related to "Governing Law" ..."
    if inner != text:
        rest = without_framing(inner)
        return rest[0].upper() + rest[1:]
    rest = _TAIL.sub("", text).rstrip()
    if text.endswith("?") and not rest.endswith("?"):  # "..., please?" still asks
        rest += "?"
    embedded = False
    while True:
        m = _LEAD.match(rest)
        if not m or not _QUESTION_START.match(rest, m.end()) or not rest[m.end():].strip():
            break
        rest, embedded = rest[m.end():], bool(m.group("embedded"))
    rest = rest.strip()
    if not rest or len(rest.split()) < 2:
        return text
    topic = asked_topic(rest) if rest != text else ""  # "Hi, is there a termination clause?"
    if topic:
        return topic[0].upper() + topic[1:]
    first, *then = _SENTENCE_END.split(rest, maxsplit=1)  # "... whether X is Y? I need it for the board."
    indirect = _INDIRECT.match(first) if embedded else None
    if indirect:  # "whether the licence is exclusive" asks "Is the licence exclusive?"
        aux, subject, after = indirect["aux"].lower(), indirect["subject"], indirect["rest"]
        verb = after.split()[0].lower()
        if aux in _HAVE and verb not in _PERFECT and not verb.endswith("ed"):
            rest = f"{_HAVE[aux]} {subject} have {after}?"  # "Acme has audit rights": "Does Acme have ...?"
        else:
            rest = f"{aux.capitalize()} {subject} {after}?"
        rest = " ".join([rest, *then])
    rest = _as_asked(rest)
    if rest == text:
        return text
    return rest[0].upper() + rest[1:] if rest[0].islower() else rest


_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_SPACES = re.compile(r"[^\S\n]+")  # runs of spaces and tabs; a line break stays (a pasted checklist)


def plain_text(question: str) -> str:
    """`question` as typed or pasted, in plain text: without markup (see index.clean.without_markup),
    emoji and other pictographs ("... 🙏"), with straight quotes and single spaces; its lines kept."""
    text = "".join(ch for ch in without_markup(question).translate(_STRAIGHT) if not _pictograph(ch))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def _pictograph(ch: str) -> bool:
    """An emoji or another symbol that is no word (category So), or what joins and tints emoji."""
    code = ord(ch)
    return (unicodedata.category(ch) == "So" or code == 0x200D or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


def unmarked(question: str) -> str:
    """`question` without a list mark before it ("1. Term" asks "Term") or a pair of quotes around it;
    unchanged when no word would be left."""
    text = _LIST_MARK.sub("", question, count=1)
    enclosed = _ENCLOSED.match(text)
    if enclosed:
        text = next(t for t in enclosed.groups() if t).strip()
    return text if re.search(r"\w", text) else question


def _as_asked(question: str) -> str:
    """A question typed without its question mark ("who signed for ICML", "Is the licence exclusive.")
    with one, and one typed with several ("who signed??", "can they do that?!") with one: otherwise it
    reads to the embedding model as a phrase, or as an exclamation, not a question."""
    question = _MARKS.sub("?", question)
    if "?" in question or not _ASKS.match(question):
        return question
    return question.rstrip(" .!…;:,") + "?"


# a sentence ends at ".", "!" or "?" before the capital that opens the next ("Corp. has" goes on)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z])")
# words pointing back at what was said first ("Is that allowed?", "that data"). Not "this agreement", which
# names the document, nor the "that" a clause follows ("warrant that the article is original"), nor "its"
# and "their", which mostly point at the question's own subject ("can the supplier raise its prices?")
_POINTING = re.compile(r"(?:^|(?<=\s))(?:(?:it|they|them|he|she|him|her|his|so|such)|(?:[Tt]h(?:is|at|ese|ose))"
                       r"(?!\s+(?i:agreements?|contracts?|deals?|documents?|ndas?|leases?|licen[cs]es?|letters?|"
                       r"arrangements?|amendments?|the|an?|any|all|each|every|its|their|it|they|he|she|we|you|i|no|"
                       r"some|one|either|neither)\b))\b|^(?:It|They|He|She|So|Such)\b")  # "Yihan He" is a name
# said after a question to narrow or widen what it asks ("Specifically for convenience.", "Or to an affiliate."),
# not a reason or a sign-off ("I need it for the board.", "Thanks in advance for checking.")
_NARROWS = re.compile(r"(?:specifically|in\s+particular|particularly|especially|mainly|i\s+mean|namely|that\s+is|"
                      r"i\.?e\.?|e\.?g\.?|for\s+(?:example|instance)|such\s+as|including|excluding|except|"
                      r"other\s+than|like|or|and|but|plus|also|as\s+well|even|only|not|what\s+about|how\s+about|"
                      r"(?:i|we)\s+(?:want|need|would\s+like|['’]d\s+like)\s+to\s+know|the\s+question\s+is)\b",
                      re.IGNORECASE)
_CLAUSE_NAMED = re.compile(r"\b(?:clause|section|paragraph|article|schedule|exhibit|annex)\s+\d", re.IGNORECASE)
# a label before a question ("URGENT: ...", "Re: contract review - ...", "Governing Law: ...", "Yes or no: ...") or
# an aside in brackets before it ("(quick one) ...") or after its question mark ("...? (2/5)"); not a naming lead-in
# ("In the Supply Agreement between A and B: ...", read by the scope) nor the condition a question asks under
_LABEL = re.compile(rf"^(?!(?i:{ASKING_WORD}))"  # a label asks nothing: "Is there a cap: what is it?" is one question
                    r"(?!(?i:in|under|for|about|regarding|according\s+to|per|as\s+for|as\s+to|if|when|once|after|"
                    r"before|unless)\b)(?P<said>\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\]|[^?\n]{1,60}?[ \t]*[:–—-])[ \t]+"
                    rf"(?=(?i:{ASKING_WORD}))")
_ASIDE = re.compile(r"(?<=\?)[ \t]*(?P<said>\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\])[ \t]*$")


def with_context(question: str) -> tuple[str, str]:
    """(what is said around the question, the question): "We signed this deal last year and renewal is
    coming up. Which law governs the agreement?" asks "Which law governs the agreement?", and so does
    "Which law governs the agreement? I need it for the board meeting.". What is said first or after
    may name the agreement (the scope reads a name written there), but its words ("signed", "renewal",
    "board") are not what is asked.
    A question that points back at what came first ("Acme wants to assign it. Is that allowed?",
    "Vantrel sells to the same customers. Does the clause stop that trading?"), that leans on a clause
    named around it, that is narrowed after ("Can it be ended early? Specifically for convenience."),
    or several questions after a scene, are asked whole: ("", question). Several questions are asked
    together, without what is said after them."""
    sentences = _SENTENCE_END.split(question.strip())
    asking = [i for i, sentence in enumerate(sentences) if "?" in sentence]
    if len(sentences) < 2 or not asking or (len(asking) > 1 and asking[0] > 0):
        return "", question
    before, after = sentences[:asking[0]], sentences[asking[-1] + 1:]
    asked, said = " ".join(sentences[asking[0]:asking[-1] + 1]), " ".join(before + after)
    if not said:
        return "", question
    if not asked.endswith("?") or not _ASKS.match(without_framing(asked)) or _CLAUSE_NAMED.search(said):
        return "", question
    if (before and _POINTING.search(asked)) or not content_terms(asked) or any(_NARROWS.match(s) for s in after):
        return "", question  # a word pointing at nothing said first points within the question ("is it assigned?")
    return said, asked


def with_label(question: str) -> tuple[str, str]:
    """(a label before the question or an aside in brackets around it, the question): "URGENT: who signed?"
    asks "who signed?", and so do "(quick one) who signed?" and "who signed? (2/5)"; ("", question) when it
    has neither, or when the label is what the question points at ("Termination: can we end it early?") or
    names a clause ("Section 5: what does it say?"). A label may name the agreement ("Acme: who signed?"):
    the scope reads it when the question names none."""
    text = question.strip()
    label = _LABEL.match(text)
    match = label or _ASIDE.search(text)
    if not match:
        return "", question
    rest = (text[:match.start()] + text[match.end():]).strip()
    said = match["said"].strip(" \t:–—-")
    if _CLAUSE_NAMED.search(said) or not content_terms(rest) or label and _POINTING.search(rest):
        return "", question
    return said, rest


def written_as_names(terms: Sequence[str], text: str) -> bool:
    """Whether each term naming an agreement (a stem: "soni" for "Sony") is written in `text` as a name is,
    capitalised: "We signed with Harbor Point." names the agreement; "bullet points are fine" said after a
    question does not."""
    capitalised = {stem(word.lower()) for word in re.findall(r"\w+", text) if word[0].isupper()}
    return all(term in capitalised for term in terms)


def is_keyword(question: str) -> bool:
    """Whether the question is a few words naming a topic, as typed into a search box ("Expiration Date",
    "non-compete clause"): no mark, no asking word, at most four words."""
    words = question.split()
    return 0 < len(words) <= 4 and not re.search(r"[?.!]", question) and not _ASKS.match(question)
