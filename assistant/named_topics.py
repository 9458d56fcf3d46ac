"""Topics a contract can only address by naming them.

"Is there a standstill?", "Have the parties waived a jury trial?", "Are there export control
obligations?": a clause that deals with such a topic uses its words ("standstill", "tender offer",
"jury", "export"), whatever else it says. A contract that never uses any of them does not address
the topic, and a quote from it would be an answer to some other question: the "not found" decision,
fitted on CUAD's kinds, reads how alike the best sentence is, and a confidentiality agreement's
sentences are all alike. Each topic pairs how questions name it with the words any clause that
addresses it uses; the second list is wide on purpose ("in any form" covers what is said orally,
"beyond its reasonable control" is a force majeure), so a topic is called unaddressed only when none
of them is there.

Written by hand from how contracts in general word these topics (not from any one contract or
question set); measured on contracts and questions written blind to the code (`make eval-written`,
eval/written/) and on CUAD's contracts in every hand-written style (see the README).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class NamedTopic:
    """A topic: what an answer says it found nothing about, how a question asks for it, and the
    words (any one of them) a clause addressing it uses."""

    name: str
    asked: str
    addressed: str
    unless: str = ""  # a question naming this too asks something else ("arbitration or the courts?")


_PEOPLE = r"(?:\w+['’]s\s+|the\s+other\s+\w+['’]?s?\s+|its\s+|their\s+|our\s+|any\s+|of\s+)?(?:\w+\s+)?" \
          r"(?:employees?|staff|personnel|people|engineers|workers|team|talent|buyers|representatives|officers" \
          r"|directors|agents)"
_MARKING = r"\b(?:mark(?:ed|ing)?|label(?:l?ed|ling)?|legends?|stamp(?:ed)?|designat\w*)\b"
_SECRET = r"\b(?:confidential|proprietary|protected|secret)\b"
TOPICS: tuple[NamedTopic, ...] = (
    NamedTopic("a standstill", r"\bstand[\s-]?still",
               r"\bstand[\s-]?still|\btender\s+(?:or\s+exchange\s+)?offer|\bprox(?:y|ies)\b"
               r"|\bacqui\w*\s+(?:\w+\s+){0,8}?securities"),
    NamedTopic("export control",
               r"\bexport\s+(?:control|law|regulation|restriction|licen|administration|compliance|rule)|\bITAR\b",
               r"\bexport|\bITAR\b"),
    NamedTopic("privacy or personal data",
               r"\bprivacy\b|\bGDPR\b|\bHIPAA\b|\bCCPA\b|\bdata\s+protection|\bpersonal(?:ly)?\s+(?:data|identifiable)",
               r"\bprivacy|\bGDPR\b|\bHIPAA\b|\bCCPA\b|\bdata\s+protection|\bpersonal(?:ly)?\s+(?:data|information|"
               r"identifiable)|\bprotected\s+health|\bdata\s+subject"),
    NamedTopic("a jury trial", r"\bjury\b", r"\bjury\b"),
    NamedTopic("residual knowledge",
               r"\bresiduals?\b|\bunaided\b|\b(?:retain\w*|kept|keep\w*|remember\w*|carr(?:y|ies))\s+(?:\w+\s+){0,4}?"
               r"in\s+(?:their|its|his|her|the)\s+(?:\w+\s+)?(?:memor|heads?\b)",
               r"\bresidual|\bunaided|\bmemor(?:y|ies|ized|ised)"),
    NamedTopic("reverse engineering",
               r"\breverse[\s-]+engineer|\bdecompil|\bdisassembl|\btak(?:e|es|ing)\s+(?:\w+\s+){0,4}?apart\b"
               r"|\btear(?:s|ing)?\s+(?:\w+\s+){0,3}?down\b|\bteardown",
               r"\breverse[\s-]+(?:engineer|assembl|compil)|\bdecompil|\bdisassembl|\bderive\s+(?:the\s+)?source"
               r"|\banaly[sz]\w*\s+(?:\w+\s+){0,3}?(?:composition|structure)"),
    NamedTopic("oral disclosure", r"\boral(?:ly)?\b|\bverbal(?:ly)?\b|\bspoken\b|\bword\s+of\s+mouth",
               r"\boral(?:ly)?\b|\bverbal(?:ly)?\b|\bvisual(?:ly)?\b|\bspoken\b"
               r"|\b(?:in|of)\s+any\s+(?:\w+\s+)?(?:form|medium)|\bwhatever\s+(?:form|medium)"
               r"|\bregardless\s+of\s+(?:the\s+)?(?:form|medium)|\bobserv(?:e|ed|ing|ation)|\bconversations?\b"
               r"|\bmeetings?\b|\bdemonstrations?\b|\bpresentations?\b|\binspect"),
    NamedTopic("soliciting or hiring staff",
               rf"\bnon-?solicit|\b(?:solicit\w*|poach\w*|recruit\w*|hir(?:e|es|ed|ing)|headhunt\w*|lur(?:e|es|ing))"
               rf"\s+(?:away\s+)?{_PEOPLE}",
               r"\bsolicit|\brecruit|\bhir(?:e|es|ed|ing)\b|\bpoach|\bemploy\s+(?:or|any)\b|\bengage\s+or\s+employ"
               r"|\b(?:induce|entice)\w*\s+(?:\w+\s+){0,14}?(?:leave|terminate|resign)"),
    NamedTopic("competition", r"\bnon-?compet|\bcovenant\s+not\s+to\s+compete|\bcompet(?:e|es|ing)\s+with"
               r"|\b(?:join\w*|work\w*\s+for)\s+a\s+competitor",
               # "competent" is no word of competition; "products substantially similar to the Product" are
               r"\bcompet(?:e|es|ed|ing|ition|itions|itor|itors|itive|itively)\b"
               r"|\b(?:identical|similar)\s+(?:\w+\s+){0,3}?(?:to|with)\s+(?:the\s+|any\s+)?products?\b"
               r"|\bexclusiv\w*\s+(?:\w+\s+){0,3}?(?:distribut|dealer|agen|supplier|supply|licen|right|basis|territor"
               r"|relationship|arrangement|dealing|provider|reseller|partner|sponsor|endorse|market|sell|sale|purchas)"),
    NamedTopic("arbitration", r"\barbitra", r"\barbitra|\bmediat|\balternative\s+dispute|\bADR\b|\bJAMS\b",
               unless=r"\bcourts?\b|\blitigat|\bjudge|\blawsuit|\bsue\b"),
    NamedTopic("injunctive relief", r"\binjunct|\bequitable\s+relief|\bspecific\s+performance|\birreparabl",
               r"\binjunct|\bequitable|\bspecific\s+performance|\birreparabl|\brestrain"),
    NamedTopic("escrow", r"\bescrow", r"\bescrow"),
    NamedTopic("liquidated damages", r"\bliquidated\s+damages",
               r"\bliquidated|\bpenalt|\b(?:termination|cancellation|break(?:-?up)?|exit|buy-?out)\s+(?:fee|charge"
               r"|payment)"),
    NamedTopic("insurance", r"\binsur(?:ance|ed|er)", r"\binsur|\bunderwrit"),
    # records made available or open to review are audited; records kept as evidence ("as shown by its written
    # records") and information given by "visual inspection" are not
    NamedTopic("audits", r"\baudit",
               r"\baudit|\bexamin|\bbooks\b|\brecords\b[^.;]{0,120}\b(?:available|access|request|review)"
               r"|\b(?:access|review)\b[^.;]{0,60}\brecords\b|\b(?:right|entitled|permit\w*|allow\w*|may|shall)\b"
               r"[^.;]{0,60}\binspect|\binspect\w*\s+(?:the|its|any|such|all)\s+"
               r"(?:books|records|facilit|premises|operations|site|plant|work)"),
    NamedTopic("legal costs",
               r"\battorneys?['’]?\s+fees|\blawyers?['’]?\s+fees|\blegal\s+(?:costs|fees|expenses|bills?)"
               r"|\bcosts\s+of\s+(?:enforc|litigat|collect)|\bprevailing\s+party|\bfee[\s-]shifting",
               r"\battorneys?['’]?\s+fees|\bcounsel\s+fees|\blegal\s+(?:costs|fees|expenses)|\bprevailing\s+party"
               r"|\bcosts\s+(?:and|of)\s+(?:\w+\s+){0,3}?(?:enforc|collect|litigat|suit|action|proceeding)|\bindemni"
               r"|\breimburse\w*\s+(?:\w+\s+){0,6}?(?:costs|fees|expenses)"),
    NamedTopic("signing in counterparts or electronically",
               r"\bcounterparts?\b|\belectronic(?:ally)?\s+sign|\be-?signatures?\b|\bDocuSign|\bsigned\s+electronically"
               r"|\b(?:fax|facsimile|scanned)\s+signatures?",
               r"\bcounterparts?\b|\belectronic(?:ally)?\s+(?:signature|sign|execut|transmi|deliver|means)"
               r"|\bsigned\s+electronically|\be-?signatures?\b|\bDocuSign|\bfacsimile|\bfax\b|\.pdf\b|\bPDF\b"),
    NamedTopic("force majeure", r"\bforce\s+majeure|\bacts?\s+of\s+god\b",
               r"\bforce\s+majeure|\bacts?\s+of\s+god|\bbeyond\s+(?:\w+\s+){0,3}?control|\bstrikes?\b|\bepidemic"
               r"|\bpandemic|\bunforeseeable"),
    NamedTopic("indemnification", r"\bindemni|\bhold\s+(?:\w+\s+){0,2}?harmless",
               r"\bindemni|\bharmless|\bdefend\b"),
    NamedTopic("disparagement", r"\bdisparag|\bbad[\s-]?mouth",
               # or harm to the other's reputation or goodwill, as lawyers label non-disparagement
               r"\bdisparag|\bderogator|\bdefam|\bnegative\s+(?:\w+\s+)?(?:statement|comment|remark)|\breputation"
               r"|\bdisrepute|\bgoodwill|\binjurious|\bprejudicial|\bscandal|\btarnish|\bimage\b"),
    # a change of control, a merger or a sale of the business; not any "control" ("an Affiliate controls ...") or
    # "merges" ("supersedes and merges all prior agreements")
    NamedTopic("a change of control", r"\bchange\s+(?:of|in)\s+(?:control|ownership)",
               r"\bchange\s+(?:of|in)\s+(?:the\s+)?(?:[\w,]+\s+){0,5}?(?:control|ownership)|\bmergers?\b"
               r"|\bmerg(?:e|es|ed|ing)\s+(?:with|into)|\breorgani|\bconsolidat|\bsale\s+of\s+(?:all|substantially)"
               r"|\bsubstantially\s+all\s+(?:of\s+)?(?:the\s+|its\s+)?(?:\w+\s+)?assets"
               r"|\bacqui\w*\s+(?:\w+\s+){0,4}?(?:control|majority|all\s+or\s+substantially|fifty|50)"
               r"|\bcontrol\w*\s+(?:\w+\s+){0,3}?(?:changes|changed|transferred|acquired)"
               r"|\bownership\s+(?:\w+\s+){0,4}?(?:changed|changes|transferred)"),
    NamedTopic("source code", r"\bsource\s+code", r"\bsource\b"),
    NamedTopic("circumvention", r"\bcircumvent", r"\bcircumvent|\bby-?pass"),
    NamedTopic("assignment", r"\bassign|\bnovat", r"\bassign|\btransfer|\bsuccessor|\bdelegat|\bnovat"),
    NamedTopic("returning or destroying materials",
               r"(?<!\bin\s)(?<!\bof\s)(?<!\btax\s)\breturn(?:s|ed|ing)?\b(?!\s+(?:for|on)\b)"  # not "in return for"
               r"|\b(?:hand|give|send)\w*\s+(?:\w+\s+){0,4}?back\b|\bdestr(?:oy|oyed|uction)\b|\bshred"
               r"|\bdelet(?:e|ed|ing|ion)\b|\berase",
               r"\breturn|\bdestr(?:oy|uction)|\bsurrender|\berase|\bdelet|\bdispos|\bdeliver\w*\s+(?:\w+\s+){0,6}?"
               r"(?:back|to\s+the)"),
    NamedTopic("a licence", r"\blicen[cs](?:e|es|ed|ing)\b",  # not "the Licensee" naming a party
               r"\blicen[cs]|\bright,?\s+title|\bno\s+(?:\w+\s+){0,3}?rights?\b|\bownership|\b(?:sole\s+)?property\s+of"
               r"|\bgrant\w*\s+(?:\w+\s+){0,6}?rights?\b"),
    NamedTopic("copies", r"\bcop(?:y|ies|ying)\b|\breproduc|\bduplicat",
               r"\bcop(?:y|ies|ying)\b|\breproduc|\bduplicat|\bsummar(?:y|ies|ize|ise)|\bextracts?\b|\bnotes\b"),
    NamedTopic("independent development", r"\bindependent(?:ly)?\s+(?:\w+\s+)?develop",
               r"\bindependent|\bwithout\s+(?:the\s+)?(?:use\s+of|reference\s+to|access\s+to|benefit\s+of)"),
    NamedTopic("marking information confidential",
               rf"{_MARKING}(?=.*{_SECRET})|{_SECRET}.*{_MARKING}",
               r"\bmark(?:ed|ing|s)?\b|\blegends?\b|\blabel|\bdesignat|\bidentif|\bstamp"),
    NamedTopic("survival", r"\bsurviv",
               r"\bsurviv|\bcontinue\s+(?:\w+\s+){0,4}?(?:after|following|beyond)|\bthereafter"
               r"|\byears?\s+(?:\w+\s+){0,3}?(?:after|following)\s+(?:\w+\s+){0,3}?"
               r"(?:termination|expiration|disclosure)"),
    NamedTopic("the fact of the discussions",
               r"\bfact\s+(?:that\s+)?(?:\w+\s+){0,6}?(?:discuss|negotiat|talk)|\bexistence\s+of\s+(?:the\s+|these\s+"
               r"|this\s+|any\s+|their\s+)?(?:\w+\s+)?(?:discussions|negotiations|talks|deal|agreement|nda|relationship"
               r"|collaboration)|\bin\s+(?:talks|discussions|negotiations)\s+(?:with|about|over)\b",
               r"\bfact\s+that\b|\bexistence\s+(?:or\s+(?:the\s+)?(?:terms|contents?)\s+)?of\s+"
               r"(?:this|the|these|such|any)|\b(?:discussions|negotiations|talks)\s+(?:are|is|have)\b"
               r"|\b(?:status|nature)\s+of\s+(?:the\s+|any\s+)?(?:discussions|negotiations)"
               r"|\bconfidential\w*\s+(?:\w+\s+){0,3}?(?:discussions|negotiations)"),
    NamedTopic("outside work",
               r"\b(?:outside|second|side)\s+(?:\w+\s+)?(?:jobs?|employment|work|business|consulting|gigs?"
               r"|activit\w*)\b|\bmoonlight",
               r"\boutside\s+(?:\w+\s+)?(?:activit|employment|business|work|interests?)"
               r"|\bother\s+(?:employment|occupation|business\s+activit)"
               r"|\bconflict\w*\s+(?:\w+\s+)?(?:employment|activit|obligation|interest)|\bmoonlight"
               r"|\bengage\s+(?:\w+\s+){0,3}?in\s+(?:any\s+)?(?:other\s+)?(?:business|employment|occupation)"
               r"|\bcompet(?:e|es|ing|ition|itor|itors|itive)\b|\bdevote\s+(?:\w+\s+){0,3}?time"
               r"|\bfull\s+business\s+time"),
    NamedTopic("personal devices",
               r"\bpersonal\s+(?:devices?|phones?|laptops?|computers?|cloud|e-?mail|accounts?|storage)|\bBYOD\b"
               r"|\bown\s+(?:devices?|phones?|laptops?|computers?)|\bhome\s+computers?|\bUSB\s+(?:drives?|sticks?)",
               r"\bpersonal\s+(?:devices?|phones?|laptops?|computers?|cloud|e-?mail|accounts?|storage)|\bBYOD\b"
               r"|\bdevices?\b|\bcloud\b|\bremovable|\bUSB\b|\bstorage\s+(?:media|devices?)|\bcomputers?\b"
               r"|\blaptops?\b|\bphones?\b|\bmobile\b"),
    NamedTopic("notice of a breach or loss",
               r"\b(?:notif\w*|tell|inform\w*|alert|warn|report)\s+(?:\w+\s+){0,6}?(?:if|of|when|upon|about|after)\s+"
               r"(?:\w+\s+){0,6}?(?:breach\w*|unauthori[sz]ed|lost|loss|leak\w*|hack\w*|accidental\w*|stolen|theft)\b"
               r"|\b(?:data|security|privacy)\s+(?:breach|incident)",
               r"\bnotif\w*[^.;]{0,120}(?:breach|unauthori[sz]ed|\bloss\b|\blost\b|misuse|incident|misappropriat)"
               r"|(?:breach|unauthori[sz]ed|\bloss\b|\blost\b|misuse|incident|misappropriat)[^.;]{0,120}\bnotif"
               r"|\bsecurity\s+incident|\bdata\s+breach"),
    # an agreement that never renews, extends, rolls over or runs on until terminated sets no renewal term and no
    # notice to stop one ("How much notice must be given to stop the agreement from renewing?" quoted a notice clause)
    NamedTopic("renewal", r"\brenew|\broll(?:s|ed|ing)?\s+over|\brollover|\bevergreen",
               r"\brenew|\bextend|\bextension|\bsuccessive|\bevergreen|\broll(?:s|ed|ing)?\s+over"
               r"|\b(?:year|month)[\s-]to[\s-](?:year|month)|\bautomatic|\bindefinite|\buntil\s+terminated",
               # "until what date, before any renewal?" asks when it expires
               unless=r"\bbefore\s+any\s+(?:renewal|extension)|\b(?:excluding|not\s+counting|apart\s+from|other\s+than)"
                      r"\s+(?:any\s+)?(?:renewals?|extensions?)\b"),
    NamedTopic("governing law",
               r"\bgoverning\s+law|\bchoice\s+of\s+law|\b(?:which|what|whose)\s+(?:\w+\s+)?(?:law|laws)\s+"
               r"(?:govern|appl)",
               r"\bgovern|\blaws?\s+of\b|\bconstrued|\bapplicable\s+law|\binterpret"),
)


@lru_cache(maxsize=4096)
def asked_topics(question: str) -> tuple[NamedTopic, ...]:
    """The topics the question names ("Is there a standstill?" -> a standstill)."""
    return tuple(t for t in TOPICS if _compiled(t.asked).search(question or "")
                 and not (t.unless and _compiled(t.unless).search(question or "")))


def unaddressed(question: str, says: Callable[[re.Pattern[str]], bool]) -> NamedTopic | None:
    """The topic the question asks about when the scope addresses none it names: `says(pattern)`
    tells whether any clause in scope matches. None when it names no topic, or the scope uses the
    words of one it names ("is there a non-compete or a non-solicit?" with a non-solicit)."""
    topics = asked_topics(question)
    if not topics or any(says(_compiled(t.addressed)) for t in topics):
        return None
    return topics[0]


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
