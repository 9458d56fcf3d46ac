"""Load and validate an eval pairs file (eval/pairs/*.yaml); errors name the line and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant import ClauseQAError

CATEGORIES = ("single_fact", "person_in_multi", "clause_meaning", "multi_agreement", "comparison",
              "unanswerable", "conversation")
_PAIR_FIELDS = {"id", "category", "question", "turns", "answer_facts", "citations", "expect_found"}
_TURN_FIELDS = {"question", "answer_facts", "citations", "expect_found"}
_CITATION_FIELDS = ("file", "agreement", "clause")


class PairsFileError(ClauseQAError):
    """The pairs file cannot be used; the message says where (file:line) and which field."""


@dataclass(frozen=True)
class ExpectedCitation:
    file: str
    agreement: str  # the agreement's label, e.g. "Sage Moore"
    clause: str  # "7", "6(a)", "preamble", ...

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.agreement, self.clause)


@dataclass(frozen=True)
class Turn:
    """One question with what a right answer contains and cites."""

    question: str
    answer_facts: tuple[tuple[str, ...], ...]  # every fact must appear; each is any-of alternatives
    citations: tuple[ExpectedCitation, ...]
    expect_found: bool = True


@dataclass(frozen=True)
class Pair:
    id: str
    category: str
    turns: tuple[Turn, ...]  # one turn, or several for a conversation
    line: int = 0  # where the pair starts in the file, for messages

    @property
    def is_conversation(self) -> bool:
        return len(self.turns) > 1


def load_pairs(path: str | Path) -> tuple[Pair, ...]:
    """Parse and validate a pairs file; raises PairsFileError naming file, line and field."""
    path = Path(path)
    if not path.exists():
        raise PairsFileError(f"No pairs file at {path} — see eval/pairs/README.md for the format")
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PairsFileError(f"{where}: malformed YAML: {problem}") from exc
    if root is None or (isinstance(root, yaml.SequenceNode) and not root.value):
        raise PairsFileError(f"{path}: the suite is empty — add pairs (see eval/pairs/README.md)")
    if not isinstance(root, yaml.SequenceNode):
        raise PairsFileError(f"{path}:{_line(root)}: the file must be a YAML list of pairs")
    pairs = [_pair(path, node) for node in root.value]
    seen: dict[str, int] = {}
    for pair in pairs:
        if pair.id in seen:
            raise PairsFileError(f"{path}:{pair.line}: field 'id': duplicate id {pair.id!r} "
                                 f"(first at line {seen[pair.id]})")
        seen[pair.id] = pair.line
    return tuple(pairs)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _fail(path: Path, node: yaml.Node, field: str, problem: str) -> PairsFileError:
    return PairsFileError(f"{path}:{_line(node)}: field {field!r}: {problem}")


def _mapping(path: Path, node: yaml.Node, what: str, allowed: set[str] | tuple[str, ...]) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise PairsFileError(f"{path}:{_line(node)}: each {what} must be a mapping (key: value)")
    fields = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
        if name not in allowed:
            raise _fail(path, key, name, f"unknown field in a {what}; valid: {', '.join(sorted(allowed))}")
        fields[name] = value
    return fields


def _string(path: Path, fields: dict, field: str, parent: yaml.Node) -> str:
    node = fields.get(field)
    if node is None:
        raise _fail(path, parent, field, "missing")
    # a plain 7 would load as an int: clause ids and every other text field must be strings
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str" or not node.value.strip():
        raise _fail(path, node, field, 'must be a non-empty string (quote it, e.g. "7")')
    return node.value


def _list(path: Path, fields: dict, field: str, parent: yaml.Node) -> list[yaml.Node]:
    node = fields.get(field)
    if node is None:
        raise _fail(path, parent, field, "missing")
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, field, "must be a list")
    return node.value


def _pair(path: Path, node: yaml.Node) -> Pair:
    fields = _mapping(path, node, "pair", _PAIR_FIELDS)
    pair_id = _string(path, fields, "id", node)
    category = _string(path, fields, "category", node)
    if category not in CATEGORIES:
        raise _fail(path, fields["category"], "category", f"unknown category {category!r}; valid: {', '.join(CATEGORIES)}")
    if "turns" in fields:
        extra = sorted(set(fields) & _TURN_FIELDS)
        if extra:
            raise _fail(path, node, extra[0], "a conversation keeps it inside each of its turns")
        turn_nodes = _list(path, fields, "turns", node)
        if not turn_nodes:
            raise _fail(path, fields["turns"], "turns", "a conversation needs at least one turn")
        turns = tuple(_turn(path, _mapping(path, t, "turn", _TURN_FIELDS), t) for t in turn_nodes)
    elif "question" in fields:
        turns = (_turn(path, fields, node),)
    else:
        raise _fail(path, node, "question", "missing (or give 'turns' for a conversation)")
    return Pair(id=pair_id, category=category, turns=turns, line=_line(node))


def _turn(path: Path, fields: dict, node: yaml.Node) -> Turn:
    question = _string(path, fields, "question", node)
    facts = []
    for fact in _list(path, fields, "answer_facts", node):
        if not isinstance(fact, yaml.SequenceNode) or not fact.value:
            raise _fail(path, fact, "answer_facts", 'each fact is a non-empty list of alternatives, e.g. ["Massachusetts"]')
        alternatives = []
        for alt in fact.value:
            if not isinstance(alt, yaml.ScalarNode) or not alt.value.strip():
                raise _fail(path, alt, "answer_facts", "alternatives must be non-empty strings")
            alternatives.append(alt.value)
        facts.append(tuple(alternatives))
    citations = []
    for cite in _list(path, fields, "citations", node):
        cfields = _mapping(path, cite, "citation", _CITATION_FIELDS)
        citations.append(ExpectedCitation(*(_string(path, cfields, f, cite) for f in _CITATION_FIELDS)))
    expect_found = True
    if "expect_found" in fields:
        flag = fields["expect_found"]
        if not isinstance(flag, yaml.ScalarNode) or flag.tag != "tag:yaml.org,2002:bool":
            raise _fail(path, flag, "expect_found", "must be true or false")
        expect_found = flag.value.lower() in ("true", "yes", "on")
    if not expect_found and (facts or citations):
        raise _fail(path, fields["expect_found"], "expect_found",
                    "an unanswerable question has answer_facts: [] and citations: []")
    if expect_found and not citations:
        raise _fail(path, fields["citations"], "citations", "an answerable question needs at least one citation "
                    "(or set expect_found: false)")
    return Turn(question=question, answer_facts=tuple(facts), citations=tuple(citations), expect_found=expect_found)
