"""The one function every surface calls: a question → a Reply (what to show, not how)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.query import Intent, Query, parse_query
from bot.schema import DailyFact, Entry, Kind, KnowledgeBase
from bot.search import Candidate, Index, Outcome, Via, search

KINDS = frozenset(kind.value for kind in Kind)
FAVOURITE_EXAMPLES = (
    "rimpac",
    "who is in the quad?",
    "what is article 5?",
    "when was asean founded?",
    "burden sharing",
)


@dataclass(frozen=True)
class EntryReply:
    entry: Entry
    how: str  # how the entry was found, shown to the user
    fields: tuple[str, ...] = ()  # fact labels the question asked for, present in the entry
    related: tuple[Entry, ...] = ()
    score: float = 100.0


@dataclass(frozen=True)
class SuggestReply:
    question: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class NotFoundReply:
    question: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class HelpReply:
    command: str
    examples: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ListReply:
    command: str
    kind: str  # "" for every kind
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class FactReply:
    fact_id: str
    fact: DailyFact
    entry: Entry


@dataclass(frozen=True)
class RefusalReply:
    """A request we will not carry out (e.g. reload by a non-admin), with the reason."""

    message: str


Reply = EntryReply | SuggestReply | NotFoundReply | HelpReply | ListReply | FactReply | RefusalReply


class Knowledge:
    """A knowledge base with its search index: what the answering functions need."""

    def __init__(self, kb: KnowledgeBase, index: Index) -> None:
        self.kb = kb
        self.index = index
        self.examples = self._example_questions()  # questions this base answers well
        self.memo: dict[object, object] = {}  # what surfaces derive from it (rendered cards)
        # Derived once: at 10k entries each costs milliseconds, too much for every request.
        self.counts = kb.counts()
        self.facts = kb.daily_facts()
        self._of_kind: dict[str, tuple[Entry, ...]] = {}

    def of_kind(self, kind: str) -> tuple[Entry, ...]:
        """The entries of a kind (all for ""), sorted by name."""
        found = self._of_kind.get(kind)
        if found is None:
            found = self._of_kind[kind] = tuple(self.kb.of_kind(kind))
        return found

    def _example_questions(self) -> tuple[str, ...]:
        """Favourite questions this knowledge base answers; generic ones for any other base."""
        found = [q for q in FAVOURITE_EXAMPLES if self._answers(q)][:4]
        if len(found) >= 3:
            return tuple(found)
        examples = []
        for kind in (Kind.EXERCISE, Kind.ALLIANCE, Kind.TREATY, Kind.CHALLENGE):
            entries = self.kb.of_kind(kind)
            if entries:
                entry = entries[len(entries) // 2]
                examples.append(min([entry.name, *entry.aliases], key=len))
        return tuple(examples)

    def _answers(self, question: str) -> bool:
        result = search(self.index, parse_query(question, kinds=KINDS))
        return result.outcome is Outcome.ANSWER


def answer(knowledge: Knowledge, text: str, *, command: str = "/defense", pick: int = 0) -> Reply:
    """Answer a question or command text. `pick` chooses the fact for "fact" (callers randomise)."""
    query = parse_query(text, kinds=KINDS)
    return answer_query(knowledge, query, command=command, pick=pick)


def answer_query(knowledge: Knowledge, query: Query, *, command: str, pick: int = 0) -> Reply:
    kb = knowledge.kb
    if query.intent is Intent.HELP:
        return HelpReply(command, knowledge.examples, knowledge.counts)
    if query.intent is Intent.LIST:
        return ListReply(command, query.argument, knowledge.of_kind(query.argument))
    if query.intent is Intent.FACT:
        facts = knowledge.facts
        if not facts:
            return RefusalReply("The knowledge base has no daily facts yet.")
        fact_id, entry, fact = facts[pick % len(facts)]
        return FactReply(fact_id, fact, entry)
    if query.intent is Intent.RELOAD:
        return RefusalReply("Only the bot's admins can reload the knowledge base.")
    result = search(knowledge.index, query)
    if result.outcome is Outcome.ANSWER and result.best is not None:
        entry = kb.by_id[result.best.entry_id]
        return entry_reply(kb, entry, result.best, (*result.labels, *query.fields))
    if result.outcome is Outcome.SUGGEST:
        entries = tuple(kb.by_id[c.entry_id] for c in result.candidates)
        return SuggestReply(query.raw, entries)
    return NotFoundReply(query.raw, knowledge.examples)


def entry_reply(
    kb: KnowledgeBase,
    entry: Entry,
    match: Candidate | None = None,
    asked: tuple[str, ...] = (),
) -> EntryReply:
    """Present one entry; the asked fact labels it has come first."""
    fields = tuple(label for label in asked if label in entry.facts)[:1]
    related = tuple(kb.by_id[r] for r in entry.related if r in kb.by_id)
    score = match.score if match else 100.0
    return EntryReply(entry, describe_match(match), fields, related, score)


def describe_match(match: Candidate | None) -> str:
    """Say how an entry was found, so users and curators can see why it was chosen."""
    if match is None:
        return ""
    if match.via is Via.TEXT:
        return "matched words in its summary and facts"
    if match.via is Via.RELATED:
        return f"related to “{match.matched}”, which the question names; matched words in its text"
    what = "name" if match.via is Via.NAME else "alias"
    if match.score >= 100.0:
        return f"matched the {what} “{match.matched}”"
    return f"closest to the {what} “{match.matched}”"
