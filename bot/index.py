"""The matcher's index, built once at load: every name and alias by exact form and by word
(one typo per word tolerated), each entry's fact labels and successors, and the entries' own
text (`bot.fulltext`). What a question's words weigh is decided here too."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import OSA  # edit distance where a swap of two letters is one edit

from bot.fulltext import TextIndex
from bot.query import ASK_WORDS, EQUIVALENTS, FIELD_WORDS, FILLER, fold
from bot.schema import Entry, KnowledgeBase
from bot.slips import MIN_TYPO_LEN, deletions

LABEL_WORDS = 2  # content words of a fact label that, all in a question, ask for that fact
SIMILAR_CACHE = 65536  # question words whose near vocabulary words are remembered
TYPO_CREDIT = 0.9  # a word one edit away counts nearly as much as the word itself

# Words that say what sort of thing is meant, not which one: they count for less.
GENERIC = frozenset(
    """
    treaty treaties exercise exercises operation operations op ops alliance alliances agreement
    agreements accord accords pact organisation organization mission missions force forces
    convention group initiative partnership council union defence defense military security
    cooperation international joint multinational nato un eu us uk
    """.split()
)


# Organisations that tell apart names otherwise alike: the EU's mutual defence clause is not
# NATO's, and "schengen" alone is not "military Schengen" (see `weight`).
QUALIFIERS = frozenset("eu nato un us uk military".split())
QUALIFIER_WEIGHT = 0.6

# Words that describe one clause of a treaty, not a whole one.
CLAUSE_WORDS = frozenset("clause article".split())

# Words that join the parts of a long formal name ("Treaty of Mutual Cooperation and Security
# between the United States and Japan"): they name nothing, though in a question's text they
# may still tell entries apart.
NAME_FILLER = frozenset("between regarding concerning respecting".split())

# Words that ask what came before or after a thing: "what replaced isaf", "the successor of…"
SUCCESSION = frozenset(
    "replaced replace replaces replacement successor successors succeeded predecessor"
    " predecessors preceded followed".split()
)
SUCCESSION_PAIRS = frozenset(
    [
        ("over", "from"),
        ("came", "after"),
        ("in", "after"),
        ("follow", "on"),
        ("came", "before"),
        ("handed", "over"),
    ]
)

# Words common in questions that point at no entry in particular.
VAGUE = frozenset("year years time times number numbers first last next ago".split())
# Pronouns and "over" ("over 9,000 troops"): they tie a question together and say nothing
# of its subject.
LINKING = frozenset("their theirs them our ours your yours his her hers over".split())


class Outcome(StrEnum):
    ANSWER = "answer"
    SUGGEST = "suggest"
    NONE = "none"


class Via(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    TEXT = "text"
    RELATED = "related"  # related to an entry the question names (`matched` is that name)


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float  # 0-100
    via: Via
    matched: str  # the name or alias as written, or "its own text"


@dataclass(frozen=True)
class SearchResult:
    outcome: Outcome
    candidates: tuple[Candidate, ...] = ()  # best first; the answer is candidates[0]
    labels: tuple[str, ...] = ()  # the answer's own fact labels the question holds

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Surface:
    entry: int  # position of the entry in the knowledge base
    text: str  # as written
    via: Via
    tokens: tuple[str, ...]  # folded, filler removed
    joined: str  # tokens without spaces: "redflag" names "Red Flag"
    weights: tuple[float, ...]  # of each token, within a name
    total: float
    everyday: bool = False  # also an everyday phrase or another thing's name ("Red Flag")


@dataclass(frozen=True)
class Label:
    """A fact label of an entry's own: its text, its content words, whether a tag holds them."""

    text: str
    tokens: frozenset[str]
    tagged: bool


def weight(token: str, *, in_name: bool = False) -> float:
    """How much a word says about which entry is meant (in a name, generic words say little)."""
    if token in FIELD_WORDS and not in_name:
        return 0.25
    if in_name and token in QUALIFIERS:
        return QUALIFIER_WEIGHT
    if token in GENERIC:
        return 0.25 if in_name else 0.5
    if token.isdigit() and len(token) in (2, 4):
        return 0.3  # years and editions: "baltops 2024", "freedom shield 24"
    if len(token) in (3, 5) and token[-1] == "s" and token[:-1].isdigit():
        return 0.3  # decades: "in the 90s", "1990s"
    if len(token) == 1 or token in VAGUE or token in LINKING:
        return 0.25
    return 1.0


def content_words(words: list[str]) -> list[str]:
    """The words that say something about which entry is meant (see `weight`)."""
    return [w for w in words if weight(w) >= 1.0]


def subject_words(words: list[str]) -> list[str]:
    """The content words other than those asked of any named thing ("history", "members")."""
    return [w for w in content_words(words) if w not in ASK_WORDS]


class Index:
    """Names and aliases by exact form and by word (typo-tolerant), plus FTS5 over entry text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.entries: tuple[Entry, ...] = kb.entries
        self.position: dict[str, int] = {entry.id: n for n, entry in enumerate(kb.entries)}
        self.named: list[list[Surface]] = [[] for _ in kb.entries]  # each entry's surfaces
        self.surfaces: list[Surface] = []
        self.exact: dict[str, int] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.deletes: dict[str, set[str]] = defaultdict(set)
        for number, entry in enumerate(kb.entries):
            everyday = {fold(text) for text in entry.everyday}
            self._add(number, entry.name, Via.NAME, everyday)
            for alias in entry.aliases:
                self._add(number, alias, Via.ALIAS, everyday)
        words = {token for surface in self.surfaces for token in surface.tokens}
        for token in words:  # typos are looked for in words, not in run-together names
            if len(token) >= MIN_TYPO_LEN:
                for variant in deletions(token):
                    self.deletes[variant].add(token)
        # Each entry's own fact labels ("High Representative", "Petersberg tasks"), worked out
        # when first needed: only entries a question puts forward are ever asked.
        self._labels: dict[int, tuple[Label, ...]] = {}
        self._succession: dict[int, tuple[int, ...]] = {}
        self._similar: dict[str, dict[str, float]] = {}
        # Entries that are one clause of a treaty: a name says "Article 5", "… clause"
        self.clauses = frozenset(
            surface.entry for surface in self.surfaces if CLAUSE_WORDS & set(surface.tokens)
        )
        self.numbers: list[frozenset[str]] = [frozenset() for _ in kb.entries]
        for surface in self.surfaces:
            digits = {t for t in surface.tokens if t.isdigit() and len(t) <= 3}
            if digits:
                self.numbers[surface.entry] |= digits
        self.postings = dict(self.postings)
        self.deletes = dict(self.deletes)
        self.text = TextIndex(kb)

    def _add(self, entry: int, text: str, via: Via, everyday: set[str]) -> None:
        folded = fold(text)
        tokens = tuple(t for t in folded.split() if t not in FILLER and t not in NAME_FILLER)
        tokens = tokens or tuple(folded.split())
        number = len(self.surfaces)
        joined = "".join(tokens)
        weights = tuple(weight(t, in_name=True) for t in tokens)
        total = sum(weights) or 1.0
        surface = Surface(entry, text, via, tokens, joined, weights, total, folded in everyday)
        self.surfaces.append(surface)
        self.named[entry].append(surface)
        for key in (folded, " ".join(tokens)):
            self.exact.setdefault(key, number)
        for token in {*tokens, joined}:
            if len(token) > 1 or token.isdigit():  # "P&S" matches only as the whole name
                self.postings[token].append(number)

    def succession(self, number: int) -> tuple[int, ...]:
        """Related entries the entry's own text names in a sentence about what came before or
        after it ("succeeded by the non-combat Resolute Support Mission"); remembered."""
        found = self._succession.get(number)
        if found is None:
            found = self._succession[number] = _succession(self, number)
        return found

    def tags(self, number: int) -> frozenset[str]:
        """The entry's tags, folded."""
        return frozenset(fold(tag) for tag in self.entries[number].tags)

    def labels(self, number: int) -> tuple[Label, ...]:
        """The entry's own fact labels (see `own_labels`); remembered, as they never change."""
        found = self._labels.get(number)
        if found is None:
            found = self._labels[number] = own_labels(self.entries[number])
        return found

    def similar_tokens(self, token: str) -> dict[str, float]:
        """Vocabulary words equal to `token` or one edit away, with the credit each earns
        (remembered: a question asks for the same word several times)."""
        found = self._similar.get(token)
        if found is None:
            if len(self._similar) >= SIMILAR_CACHE:
                self._similar.clear()
            found = self._similar[token] = self._similar_tokens(token)
        return found

    def _similar_tokens(self, token: str) -> dict[str, float]:
        if token in self.postings:
            return {token: 1.0}  # a word we know is not a typo of another ("kfor", "ifor")
        found: dict[str, float] = {}
        if self.text.knows(token) or any(self.text.knows(e) for e in EQUIVALENTS.get(token, ())):
            return found  # nor is a word the entries are written in: "navy" is not "NAVO",
            # nor one whose everyday equivalent they use: "scaring" is not "sharing"
        if len(token) < MIN_TYPO_LEN - 1:
            return found
        if len(token) < MIN_TYPO_LEN:  # "eys" → "eyes": one letter missing, nothing else
            return dict.fromkeys(self.deletes.get(token, ()), TYPO_CREDIT)
        near: set[str] = set(self.deletes.get(token, ()))
        for variant in deletions(token):
            if len(variant) >= MIN_TYPO_LEN and variant in self.postings:
                near.add(variant)
            near.update(self.deletes.get(variant, ()))
        for word in near:
            if word not in found and OSA.distance(word, token, score_cutoff=1) <= 1:
                found[word] = TYPO_CREDIT
        # Spelt by sound: "triumf" is Triumph, "sofia" may be Sophia (or a SOFA, one edit away)
        for sounded in {token.replace("ph", "f"), token.replace("f", "ph")} - {token}:
            if sounded in self.postings:
                found[sounded] = TYPO_CREDIT
        return found


def _succession(index: Index, number: int) -> tuple[int, ...]:
    entry = index.entries[number]
    facts = (f"{label}: {value}" for label, value in entry.facts.items())
    texts = [entry.summary, *facts, *(f.text for f in entry.daily_facts)]
    sentences = [fold(part) for text in texts for part in re.split(r"(?<=[.;])\s", text)]
    sentences = [
        f" {s} "
        for s in sentences
        if not SUCCESSION.isdisjoint(s.split())
        or any(f" {a} {b} " in f" {s} " for a, b in SUCCESSION_PAIRS)
    ]
    found = []
    for other_id in entry.related:
        other = index.position.get(other_id)
        if other is None or index.entries[other].kind is not entry.kind:
            continue  # an operation follows an operation, not the alliance that ran both
        phrases = {" ".join(s.tokens) for s in index.named[other]}
        phrases |= {fold(s.text) for s in index.named[other]}
        if any(f" {p} " in s for p in phrases if p for s in sentences):
            found.append(other)
    return tuple(found)


def build_index(kb: KnowledgeBase) -> Index:
    """Build the matcher's index once, at load."""
    return Index(kb)


def own_labels(entry: Entry) -> tuple[Label, ...]:
    """The fact labels that name something of this entry's own (not "Founded", "Members":
    those are asked through FIELD_WORDS), with their content words and whether the entry's
    tags hold them too."""
    name = {t for text in (entry.name, *entry.aliases) for t in fold(text).split()}
    tags = {t for tag in entry.tags for t in fold(tag).split()}
    found = []
    for label in entry.facts:
        tokens = frozenset(
            t for t in fold(label).split() if t not in FILLER and weight(t, in_name=True) >= 1.0
        )
        if (
            len(tokens) >= LABEL_WORDS
            and not tokens & FIELD_WORDS.keys()
            and not tokens & name  # "Trident Juncture 2015" is an edition, not a field asked
        ):
            found.append(Label(label, tokens, tokens <= tags))
    return tuple(found)
