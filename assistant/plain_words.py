"""Everyday business phrases and the contract's words for the same thing.

People ask about a deal in the words they do business in: "does it roll over?", "can we walk away
early?", "what if they go bust?", "can they poach our staff?". The contract says "renew",
"terminate", "insolvency", "solicit". Word-level synonyms (assistant/text.py) cannot bridge a phrase
("roll over" is neither "roll" nor "over"), and such a question shares no word with its clause, so
its lexical search misses, its embedding lands between kinds, and the "not found" decision reads the
idiom's words as what the contract must hold. Each phrase listed here is followed by the contract's
words for it in the question as analysed ("... roll over (renew) ..."); the question keeps its own
words, so nothing it says is lost where the phrase meant something else, and the answer still shows
the question as typed.

Written by hand as a glossary of how contract terms are said in business English, for contracts in
general (not for any one contract or question set); measured on CUAD's fit part asked in the
held-out styles and on questions written blind by someone who never saw this list (see the README).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.short_forms import spelled_out

# what a confidentiality agreement protects, as people call it: "share it with", not "share revenue with";
# only named as such is it "looked through" ("look at it" may be anything)
_DOCUMENTS = (r"(?:the|their|our|its|any|this|that|such)\s+(?:\w+\s+)?"
              r"(?:information|info|data|details|secrets?|documents|materials|files|plans|figures)")
_INFORMATION = rf"(?:it|this|that|them|{_DOCUMENTS})"
# information passed, sent or shown on to someone, or a data room opened to them: "send the drawings on to our
# toolmaker", "show the seller's reports to its accountants", "access to the data room"
_PASSED_ON = (r"(?:pass(?:es|ed|ing)?|send(?:s|ing)?|sent|forward(?:s|ed|ing)?|giv(?:e|es|en|ing)|gave"
              r"|hand(?:s|ed|ing)?|show(?:s|ed|n|ing)?)\s+(?:\w+['’]?s?\s+){0,4}?"
              r"(?:information|info|data|documents|materials|designs|drawings|files|plans|figures|specifications"
              r"|specs|reports|forecasts|analyses|results|financials|records|samples|know-how)"
              r"\s+(?:on\s+|along\s+|over\s+)?(?:to|with)\b"
              r"|(?:into|access\s+to)\s+(?:the\s+|our\s+|their\s+)?(?:virtual\s+)?data\s+room")

# (phrase, the contract's words for it). A phrase is matched whole, case-insensitively, with its
# usual inflections; the contract's words are added once, after the first phrase that calls for them.
_GLOSSARY: tuple[tuple[str, str], ...] = (
    # the term and its end
    (r"roll(?:s|ed|ing)?\s+(?:it\s+|this\s+|the\s+\w+\s+)?over|roll-?over|auto-?(?:matically\s+)?extend\w*"
     r"|keep(?:s)?\s+(?:going|running)\s+after|carr(?:y|ies)\s+on\s+(?:after|past|beyond)"
     r"|(?:the\s+(?:contract|deal|agreement)|it|this)\s+(?:just\s+)?keeps?\s+(?:going|running)", "renew"),
    (r"walk\s+away|get\s+out\s+of|pull\s+out|back\s+out|bail\s+(?:out|on)|call\s+(?:it|the\s+\w+)\s+off"
     r"|kill\s+(?:the|this)\s+\w+|exit\s+(?:the|this)\s+\w+|break\s+(?:it|the|this)\s+off"
     r"|part\s+ways|split\s+up|end\s+(?:it|things|the\s+\w+)\s+early", "terminate"),
    (r"for\s+no\s+reason|for\s+any\s+reason\s+(?:at\s+all|whatsoever)|without\s+(?:giving\s+)?(?:a\s+|any\s+)?reason"
     r"|no\s+questions\s+asked", "convenience without cause"),
    (r"screw-?ups?|slip-?ups?|foul-?ups?|mess-?ups?|mess(?:es|ed)?\s+up|screw(?:s|ed)?\s+up|drop(?:s|ped)?\s+the\s+ball"
     r"|(?:don'?t|doesn'?t|didn'?t|fail\w*\s+to)\s+(?:deliver|perform|hold\s+up\s+their\s+end)", "breach"),
    (r"run(?:s)?\s+out|wind(?:s)?\s+down|come(?:s)?\s+to\s+an\s+end|last(?:s)?\s+until|how\s+long\s+(?:does|will)\s+"
     r"(?:it|this|the\s+\w+)\s+(?:last|run)", "term expire"),
    (r"(?:last|final)\s+day|end\s+date"
     r"|when\s+(?:does|will|did)\s+(?:it|this|the\s+\w+)\s+(?:end|finish|stop|wrap\s+up)", "term expire"),
    (r"kick(?:s|ed)?\s+in|take(?:s)?\s+effect|go(?:es)?\s+live|(?:are|is)\s+(?:we|they)\s+(?:actually\s+)?"
     r"(?:on\s+the\s+hook|bound)\s+from", "effective date"),
    (r"put\s+(?:our|their)\s+names?\s+to|sign(?:ed)?\s+(?:on\s+the\s+dotted\s+line|off\s+on)"
     r"|ink(?:ed)?\s+(?:it|the\s+deal)", "signed dated"),
    (r"say\s+(?:we'?re|we\s+are|they'?re|they\s+are)\s+out|opt\s+out", "notice terminate non-renewal"),
    (r"first\s+dibs|come\s+to\s+(?:us|them)\s+first|first\s+(?:crack|shot)\s+at", "right of first refusal offer"),
    # telling the other side
    (r"(?:tell|warn|inform)\s+(?:them|the\s+other\s+side)|let\s+(?:them|the\s+other\s+side)\s+know"
     r"|heads[\s-]*up|warning|far\s+in\s+advance", "notice"),
    # handing the deal on, or the business changing hands
    (r"hand(?:s|ed|ing)?\s+(?:this|the|our)(?:\s+\w+)?\s+(?:over|on|off)"
     r"|(?:agreement|contract|deal)\s+(?:be|gets?|is)\s+handed\s+(?:over|on|off)\s+to"
     r"|pass(?:es|ed|ing)?\s+(?:this|the|our)(?:\s+\w+)?\s+(?:on|over)"
     r"|hand(?:s|ed)?\s+over\s+(?:the|this|our)\s+(?:deal|contract)|sell\s+(?:the|this|our)\s+(?:deal|contract)",
     "assign transfer"),
    (r"(?:their|our|your|the|an?|prior|written|\w+['’]s)\s+"
     r"(?:ok|okay|go-?ahead|green\s+light|say-?so|blessing|sign-?off)"
     r"|run\s+(?:it|this|that)\s+(?:past|by)\s+(?:them|us)\s+first", "consent"),
    (r"(?:move|go|pass)\s+over\s+to\s+(?:the\s+)?(?:buyer|new\s+owners?|purchaser|acquirer)", "assign transfer"),
    (r"(?:get|gets|got|is|are|were)\s+(?:bought|acquired|taken\s+over)|bought\s+out|buy(?:s)?\s+(?:them|us)\s+out"
     r"|tak(?:es|en|ing)\s+(?:them|us)\s+over|takeover|merg(?:e|es|ed|ing)\s+with|new\s+owners?"
     r"|someone\s+buys\s+(?:them|us)|acquisition\s+of\s+(?:a|the|either|one|any)\s+(?:\w+\s+)?(?:party|company|side)",
     "change of control"),
    # money, limits and exposure
    (r"(?:the\s+)?most\s+(?:\w+\s+){1,2}?(?:could|would|can|will|might)\s+(?:ever\s+)?(?:have\s+to\s+|end\s+up\s+)?"
     r"(?:pay|paying|owe|owing|lose|losing|recover|claim|get\s+back)|on\s+the\s+hook\s+for|exposure"
     r"|how\s+much\s+(?:could|can|would)\s+(?:we|they)\s+(?:be\s+)?(?:sued|liable|owe)"
     # "a ceiling on how much they owe us", "a cap on what we'd have to pay"
     r"|(?:ceiling|cap|upper\s+limit|limit|maximum|max)\s+(?:on|to|for)\s+(?:how\s+much|what)\s+"
     r"(?:\w+['’]?\w*\s+){0,4}?(?:owe|pay|lose|claim|recover|be\s+liable)", "liability cap"),
    (r"(?:a|any|the)\s+floor\s+(?:on|for|of|under)|price\s+floor", "minimum"),
    (r"no\s+(?:limit|maximum|cap|ceiling)|unlimited\s+(?:exposure|damages|amount|sums?)"
     r"|sky'?s\s+the\s+limit", "liability unlimited"),
    (r"(?:raise|raising|hike|hiking|put\s+up|bump\s+up|increase)\s+(?:the\s+|their\s+|our\s+)?"
     r"(?:price|prices|rates|fees)|put\s+(?:\w+\s+)?(?:price|prices|rates|fees)\s+up"
     r"|price\s+(?:hike|rise|increase)s?|charge\s+(?:us|them)\s+more"
     r"|(?:raise|raising|hike|hiking|put\s+up|bump\s+up)\s+what\s+(?:they|we)\s+charge", "price increase"),
    (r"best\s+(?:price|terms|deal)|better\s+(?:price|terms|deal)|as\s+good\s+(?:a\s+)?(?:price|terms|deal)"
     r"|match\s+(?:any|a)\s+(?:lower|better)", "most favored"),
    (r"(?:the\s+)?(?:least|minimum)\s+(?:we|they)\s+(?:have|need|must)\s+to\s+(?:buy|order|spend|purchase)"
     r"|have\s+to\s+(?:buy|order|spend|purchase)\s+at\s+least|minimum\s+(?:order|spend|volume)s?", "minimum purchase"),
    (r"(?:cut|share|slice|piece|percentage)\s+of\s+(?:the\s+)?(?:profits?|revenues?|sales|takings|income)"
     r"|split\s+(?:the\s+)?(?:profits?|revenues?|money)"
     r"|(?:cut|share|slice|piece|percentage)\s+of\s+(?:what|everything|anything)\s+(?:we|they|you)\s+"
     r"(?:make|earn|sell|bring\s+in|take\s+in)", "revenue share royalty"),
    (r"fixed\s+(?:sum|amount|penalty)|set\s+(?:sum|amount|penalty)|penalt(?:y|ies)", "liquidated damages"),
    (r"(?:slow|late)\s+(?:in\s+)?(?:paying|payment|to\s+pay|with\s+(?:a\s+|the\s+)?payments?)"
     r"|pay\s+(?:\w+\s+){0,3}?late", "late payment interest"),
    # the goods, the service and the data
    (r"become\s+(?:our|their|my)\s+(?:problem|responsibility)|who\s+(?:bears|carries|takes)\s+the\s+risk",
     "risk title pass"),
    (r"use-by|best-before|sell-by|expiry\s+date", "shelf life"),
    (r"(?:system|service|platform|software|site|app|it)\s+(?:keeps\s+)?(?:going|goes|went)\s+down|outages?",
     "availability service level"),
    (r"(?:get|gets|got|is|are|was|were)\s+hacked|data\s+(?:is|gets|got|was)\s+(?:exposed|leaked|stolen)"
     r"|security\s+(?:breach|incident)", "personal data breach security"),
    # what each side may do
    (r"check\s+(?:our|their|the)\s+(?:books|accounts|records|figures|numbers)|look\s+(?:at|through|into)\s+"
     r"(?:our|their|the)\s+(?:books|accounts|records)|go\s+through\s+(?:our|their|the)\s+(?:books|accounts|records)",
     "audit records"),
    (r"poach(?:es|ed|ing)?", "solicit"),
    (r"steal\s+(?:our|their)\s+(?:staff|people|employees|workers)|hir(?:e|es|ed|ing)\s+away"
     r"|(?:public|general)\s+job\s+(?:adverts?|advertisements?|ads?|postings?)"
     r"|job\s+(?:adverts?|advertisements?|postings?)"
     r"|(?:hire|recruit)\s+(?:our|their|each\s+other'?s)\s+(?:staff|people|employees|workers)"
     r"|come\s+(?:to\s+)?work\s+for\s+(?:us|them)", "solicit employees"),
    (r"go\s+after\s+(?:our|their|each\s+other'?s)\s+(?:customers|clients)|steal\s+(?:our|their)\s+(?:customers|clients)"
     r"|(?:approach|pitch\w*\s+(?:directly\s+)?to)\s+(?:our|their)\s+(?:customers|clients)"
     r"|take\s+(?:our|their)\s+(?:customers|clients)\s+away",
     "solicit customers"),
    (r"bad-?\s*mouth\w*|trash[\s-]*talk\w*|(?:speak|talk|say\s+anything)\s+(?:badly|ill|negatively|bad)"
     r"|(?:say|post|spread|write|make)\s+(?:\w+\s+){0,2}?(?:negative|bad|nasty|damaging|mean)\s+"
     r"(?:things|stuff|comments|remarks|statements)",
     "disparage"),
    (r"(?:only|just)\s+(?:buy|sell|source|work|deal)\s+(?:from|through|with)"
     r"|(?:the\s+)?only\s+(?:ones?|company|companies|firm|supplier|distributor|reseller|seller|partner)"
     r"\s+(?:who|that|allowed|permitted)"
     r"|(?:nobody|no\s+one|anyone)\s+else\s+(?:can\s+|may\s+|could\s+)?(?:sell|supply|distribute|buy|provide|make)"
     r"|(?:sell|supply|distribute|provide)\s+(?:\w+\s+){0,4}?to\s+(?:anyone|anybody|someone|nobody|no\s+one)\s+else"
     r"|tie[sd]?\s+(?:us|them)\s+(?:in|down)|lock(?:s|ed)?\s+(?:us|them)\s+in|locked\s+in(?:to)?"
     r"|only\s+(?:from|through|with)\s+(?:them|us)\b", "exclusive"),
    (r"(?:mov|go|get|branch)\w*\s+(?:out\s+)?into\s+(?:our|their|the\s+same)\s+(?:line\s+of\s+)?"
     r"(?:business|market|turf)"
     r"|set\s+up\s+(?:a\s+)?(?:rival|competing)|(?:rival|competing)\s+(?:business|product)"
     r"|go\s+into\s+the\s+same\s+business|work\s+(?:for|with)\s+(?:a\s+)?(?:rival|competitor)s?", "compete"),
    (r"(?:go|goes|went|gone)\s+(?:bust|under|broke|bankrupt)|run(?:s)?\s+out\s+of\s+money"
     r"|(?:if|in\s+case|when)\s+(?:they|we|it)\s+folds?", "insolvency"),
    (r"(?:which|whose|what)\s+(?:country'?s?|state'?s?)\s+(?:laws?|rules)|(?:laws?|rules)\s+(?:of\s+which|apply)",
     "governing law"),
    (r"where\s+(?:would|do|will)\s+(?:we|they)\s+(?:have\s+to\s+)?(?:go\s+to\s+court|fight|argue|settle)"
     r"|go\s+to\s+court", "court jurisdiction"),
    (r"take\s+(?:them|us)\s+to\s+court", "sue"),
    (r"sister\s+compan(?:y|ies)|group\s+compan(?:y|ies)|parent\s+compan(?:y|ies)", "affiliates"),
    (r"as\s+(?:many\s+(?:people|users|seats|copies|sites|devices)|much)\s+as\s+(?:we|they|you)\s+(?:want|like|need)",
     "unlimited"),
    (r"limit\s+on\s+how\s+(?:much|many)\s+(?:\w+\s+){0,2}?(?:we|they)\s+(?:can|may)\s+(?:order|buy|use|purchase)",
     "volume maximum"),
    (r"charg(?:e|es|ed|ing)\s+(?:us\s+|them\s+)?extra|overages?", "exceed additional fees"),
    (r"no-compete", "non-compete"),
    # what is handed over, used and owned
    # "use their software", "what are we allowed to do with the other side's technology?", "use of theirs"
    (r"(?:use|do\s+with)\s+(?:their|our|its|the\s+other\s+side['’]?s)\s+(?:brand|name|logo|trade\s*marks?|marks"
     r"|technology|tech|software|stuff|ip|patents?|know-?how|content|materials?)|use\s+of\s+theirs", "license use"),
    (r"(?:rights?|permission)\s+to\s+(?:use\s+)?(?:their|our|its)\s+"
     r"(?:brand|name|logo|trade\s*marks?|marks|technology|tech|software|ip|patents?|know-?how|content|materials?)",
     "license"),
    (r"let\s+(?:other|another|third|outside)\s+(?:\w+\s+)?"
     r"(?:compan(?:y|ies)|firms?|part(?:y|ies)|people|businesses)\s+use"
     r"|let\s+(?:anyone|someone|others)(?:\s+else)?\s+use", "sublicense"),
    (r"indefinitely|no\s+way\s+for\s+(?:them|us)\s+to\s+(?:pull|take|revoke)|(?:pull|take)\s+(?:it|them)\s+away"
     r"|forever|for\s+good|never\s+(?:ends|expires|runs\s+out)|can'?t\s+be\s+(?:taken\s+back|withdrawn|revoked)",
     "perpetual irrevocable"),
    (r"who\s+(?:owns|keeps|gets)\s+(?:what|the\s+rights|anything)"
     r"|(?:stuff|things|work)\s+(?:\w+\s+)?(?:make|makes|made|build|builds|built|create|creates|created|invent\w*)",
     "own intellectual property"),
    (r"(?:make|build|create|develop|invent)\s+(?:\w+\s+)?together|co-?own\w*"
     r"|own\s+(?:\w+\s+)?jointly", "joint ownership"),
    (r"(?:rights?|ownership)\s+(?:\w+\s+){0,3}?(?:transfer|pass|go|move)\w*\s+(?:over\s+)?to\s+(?:us|them|our|their)",
     "assign intellectual property"),
    (r"(?:what|how\s+much)\s+(?:cover|coverage)"
     r"|(?:take\s+out|carry|keep|buy|maintain)\s+(?:any\s+|some\s+|enough\s+)?(?:cover|coverage|a\s+policy|policies)",
     "insurance"),
    (r"guarantee(?:s|d)?\s+(?:last|run|good\s+for)|how\s+long\s+(?:is|are)\s+(?:it|the\s+\w+)\s+guaranteed"
     r"|(?:fix|replace)\s+(?:defects|faults|it)\s+for\s+free", "warranty period"),
    (r"(?:after|once)\s+(?:the\s+deal|it|this|the\s+contract|we\s+part\s+ways|we\s+split)\s+"
     r"(?:ends|is\s+over|finishes)|wind[\s-]*down\s+period|transition\s+(?:help|period|support)"
     r"|(?:after|once)\s+we\s+(?:stop|finish)\s+working\s+together", "after termination"),
    (r"source\s+code\s+(?:held|kept|deposited)|escrow|neutral\s+(?:third\s+)?(?:party|agent)", "source code escrow"),
    (r"outsider|someone\s+(?:else|outside)\s+(?:enforce|sue|claim)|(?:not|isn'?t)\s+(?:a\s+)?party\s+to"
     r"|(?:not|isn'?t|aren'?t)\s+part\s+of\s+(?:this|the)\s+(?:deal|contract|agreement)",
     "third party"),
    (r"challenge\s+(?:whether|if)\s+(?:\w+\s+){1,3}?(?:is|are)\s+valid"
     r"|(?:question|dispute|attack|contest)\s+(?:the\s+)?validity",
     "covenant not to sue challenge validity"),
    (r"promise\s+not\s+to\s+sue|won'?t\s+sue|agree(?:s|d)?\s+not\s+to\s+sue|never\s+(?:sue|challenge)"
     r"|challenge\s+(?:their|our|its)\s+(?:rights|patents?|marks|ownership)", "covenant not to sue challenge"),
    # what a confidentiality agreement says of the information
    (r"keep\s+(?:\w+\s+){0,2}?(?:secret|quiet|private|to\s+ourselves)|under\s+wraps|hush-?hush", "confidential"),
    (rf"(?:shar(?:e|es|ed|ing)|pass(?:es|ed|ing)?\s+(?:on|along))\s+{_INFORMATION}"
     rf"|pass(?:es|ed|ing)?\s+{_INFORMATION}\s+(?:on|along)|(?:see|look\s+(?:at|through)|read)\s+{_DOCUMENTS}"
     rf"|leak(?:s|ed|ing)?|{_PASSED_ON}", "disclose"),
    (r"(?:judge|court|regulators?|government|police|authorit(?:y|ies)|the\s+law)\s+(?:\w+\s+){0,2}?"
     r"(?:makes?|forces?|orders?|requires?|tells?)\s+(?:us|them|you)|subpoena\w*", "disclose order required by law"),
    (r"(?:give|hand|send)\s+(?:\w+\s+){0,3}?back|get\s+rid\s+of|shred\w*|delete\s+(?:their|our|the)\s+(?:\w+\s+)?"
     r"(?:files|documents|data|information|info|copies)", "return destroy"),
    (r"already\s+(?:out\s+there|public|known|in\s+the\s+public)|public\s+knowledge|public\s+domain|everyone\s+knows",
     "publicly available"),
    (r"already\s+(?:knew|know|had|have)|knew\s+(?:\w+\s+){0,3}?(?:before|already)", "known prior"),
    (r"came\s+up\s+with|come\s+up\s+with|on\s+(?:our|their|its|my)\s+own|by\s+(?:ourselves|themselves|itself)",
     "independently developed"),
    (r"take\s+(?:\w+\s+){0,3}?apart|pull\s+(?:\w+\s+){0,3}?apart|tear\s+(?:\w+\s+){0,3}?down"
     r"|(?:figure|work)\s+out\s+how\s+(?:\w+\s+){0,3}?(?:works?|made)|what'?s\s+in\s+(?:them|it)",
     "reverse engineer analyze"),
    (r"(?:court|judge)\s+order|stop\s+(?:us|them)\b|(?:what|how)\s+can\s+(?:they|we)\s+do\s+(?:\w+\s+){0,3}?if",
     "remedies injunctive relief"),
    (r"(?:promise|vouch|swear)\w*\s+(?:\w+\s+){0,3}?(?:accurate|correct|right|complete|true)", "warranty accuracy"),
    (r"(?:send|give)\s+(?:them|us)\s+(?:a\s+)?(?:letter|formal\s+message)|officially\s+(?:tell|inform|send|contact)",
     "notice"),
    # how it was disclosed and marked, and whether anyone is bound to a deal
    (r"(?:in|on|during|at)\s+(?:a\s+|the\s+|our\s+|their\s+)?(?:\w+\s+)?(?:meetings?|calls?|teleconferences?"
     r"|conversations?|presentations?|site\s+visits?|shop\s+floor)|(?:just|simply|only)\s+(?:told|say|said|hear|heard)"
     r"|word\s+of\s+mouth|out\s+loud", "orally"),
    (r"(?:stamp|label|tag)\w*\s+(?:\w+\s+){0,4}?(?:as\s+)?['\"‘“]?confidential['\"’”]?"
     r"|confidentiality\s+(?:legend|stamp|label)", "marked"),
    (r"(?:commit|bind|oblige|obligate|force)\w*\s+(?:\w+\s+){0,5}?to\s+(?:go(?:ing)?\s+ahead|proceed\w*"
     r"|do(?:ing)?\s+(?:the|a|any)\s+deal|enter\w*\s+into|hire|sign(?:ing)?\s+(?:a|the|any))"
     r"|go(?:ing)?\s+ahead\s+with\s+(?:the|a|any|this)\s+(?:deal|transaction|venture|joint|acquisition)",
     "obligation proceed transaction definitive agreement"),
    (r"(?:are|is|were|been|be)\s+(?:in\s+talks|talking|negotiating|in\s+discussions)"
     r"|(?:fact|existence)\s+(?:of|that)\s+(?:the\s+)?(?:talks|discussions|negotiations|deal)", "discussions"),
    (r"(?:banks?|lenders?|(?:private\s+equity\s+)?funds?|investors?)\s+(?:\w+\s+){0,4}?"
     r"(?:financ\w*|lend\w*|co-?invest\w*)", "financing sources"),
)

_PHRASES = tuple((re.compile(rf"\b(?:{pattern})(?![\w'])", re.IGNORECASE), words) for pattern, words in _GLOSSARY)
# any of them, in one pass: most questions use none
_ANY_PHRASE = re.compile(rf"\b(?:{'|'.join(pattern for pattern, _ in _GLOSSARY)})(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=4096)  # one ask analyses its question more than once (asked again in its kind's words, confirmed)
def in_contract_words(question: str) -> str:
    """The question with the contract's words after each everyday phrase it uses ("Does this deal roll
    over?" -> "Does this deal roll over (renew)?"); unchanged when it uses none or already says them."""
    if not _ANY_PHRASE.search(question):
        return question
    said = question.casefold()
    inserts: list[tuple[int, int, str]] = []
    for phrase, words in _PHRASES:
        match = phrase.search(question)
        if match is None:
            continue
        new = [w for w in words.split() if not re.search(rf"\b{re.escape(w)}", said)]  # "renewal" says "renew"
        if not new:
            continue
        said += " " + " ".join(new)
        inserts.append((match.end(), match.end(), f" ({' '.join(new)})"))
    return _spliced(question, inserts)


@lru_cache(maxsize=4096)
def contract_wording(question: str) -> str:
    """The question with each everyday phrase it uses replaced by the contract's words for it ("How much
    warning must she give?" -> "How much notice must she give?") and each short form spelled out ("who
    owns the IP?" -> "who owns the intellectual property?"), for the checks that read what a question
    names (assistant/answer_check.py) and for asking a refused question again."""
    inserts = spelled_out(question)
    if _ANY_PHRASE.search(question):
        inserts += [(m.start(), m.end(), words) for phrase, words in _PHRASES for m in phrase.finditer(question)]
    return _spliced(question, inserts)


def _spliced(text: str, pieces: list[tuple[int, int, str]]) -> str:
    """The text with each (start, end, words) piece put in place of what lies between start and end;
    a piece overlapping one before it is left out."""
    out, at = [], 0
    for start, end, words in sorted(pieces):
        if start < at:
            continue
        out += [text[at:start], words]
        at = end
    return "".join(out) + text[at:]
