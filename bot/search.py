"""The matcher: an index built once at load, and `search(index, query)` → a decided result.

Names and aliases are matched word by word (one typo per word tolerated) through a token index;
the entries' own text (summary, facts, tags) is searched with SQLite FTS5. Each candidate entry
gets two measures: how completely one of its names appears in the question (`cover`), and how
much of the question its names and text explain (`explained`). The decision:
- answer when a name is fully present and the entry explains the rest of the question, ahead
  of any other entry (a longer, more specific name beats a shorter one it contains);
- answer from text alone only when one entry clearly explains nearly all of the question;
- otherwise suggest the close candidates, or say nothing was found.
"""

from __future__ import annotations

import functools
import heapq
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import StrEnum

import Stemmer
from rapidfuzz.distance import OSA  # edit distance where a swap of two letters is one edit

from bot.query import EQUIVALENTS, FIELD_WORDS, FILLER, Query, fold
from bot.schema import Entry, KnowledgeBase

SUGGEST_AT = 50.0  # below this score nothing is offered
MARGIN = 8.0  # how far the best entry must lead the next to be answered outright
NAME_COVER = 0.8  # share of a name's words present for it to count as named
NAME_EXPLAINED = 0.7  # share of the question a named entry must explain to be answered
TEXT_EXPLAINED = 0.7  # share of the question an unnamed entry's text must explain
TEXT_MIN_WORDS = 4  # content words an unnamed question needs before its text can decide
TEXT_LEAD = 0.12  # and by how much it must out-explain the next entry
MAX_POSTINGS = 500  # a name word in more names than this only counts once rarer words hit
MAX_SCORED = 16  # names scored in full per question, the most promising first
TYPO_CREDIT = 0.9  # a word one edit away counts nearly as much as the word itself
MIN_TYPO_LEN = 4  # shorter words must match exactly: "us" is not a typo of "un"
FTS_CANDIDATES = 5
FTS_MAX_DOCS = 64  # entries BM25 ranks per question at most, give or take the rarest word
FTS_BM25_MAX = 32  # BM25 ranks the matching entries when there are at most this many
FTS_SAMPLE = 48  # entries looked at when BM25 would have to rank too many
FTS_TERMS = 3  # the rarest words of a question that rank entries by their text

# Words that say what sort of thing is meant, not which one: they count for less.
GENERIC = frozenset(
    """
    treaty treaties exercise exercises operation operations op ops alliance alliances agreement
    agreements accord accords pact organisation organization mission missions force forces
    convention group initiative partnership council union defence defense military security
    cooperation international joint multinational nato un eu us uk
    """.split()
)


# Words that say what kind of entry is meant: they count for entries of that kind only.
KIND_CUES: dict[str, frozenset[str]] = {
    word: frozenset(kinds.split())
    for words, kinds in [
        ("treaty treaties pact accord accords clause article convention", "treaty"),
        ("exercise exercises drill drills wargame wargames", "exercise"),
        ("operation operations campaign mission missions deployment", "operation"),
        ("alliance alliances bloc organization organisation club grouping", "alliance"),
        (
            "hard difficult problem problems challenge challenges obstacles barriers risk risks",
            "challenge",
        ),
        ("concept principle idea doctrine", "concept"),
    ]
    for word in words.split()
}

# Words common in questions that point at no entry in particular.
VAGUE = frozenset("year years time times number numbers first last next ago".split())


class Outcome(StrEnum):
    ANSWER = "answer"
    SUGGEST = "suggest"
    NONE = "none"


class Via(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    TEXT = "text"


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

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class _Surface:
    entry: int  # position of the entry in the knowledge base
    text: str  # as written
    via: Via
    tokens: tuple[str, ...]  # folded, filler removed
    joined: str  # tokens without spaces: "redflag" names "Red Flag"
    weights: tuple[float, ...]  # of each token, within a name
    total: float


@dataclass
class _Evidence:
    """What the question tells us about one entry."""

    cover: float = 0.0  # best share of one name's words found in the question
    surface: _Surface | None = None
    named: frozenset[str] = frozenset()  # question words that matched that name
    explained: float = 0.0  # share of the question (weighted) the entry accounts for
    score: float = 0.0


def weight(token: str, *, in_name: bool = False) -> float:
    """How much a word says about which entry is meant (in a name, generic words say little)."""
    if token in FIELD_WORDS and not in_name:
        return 0.25
    if token in GENERIC:
        return 0.25 if in_name else 0.5
    if token.isdigit() and len(token) in (2, 4):
        return 0.3  # years and editions: "baltops 2024", "freedom shield 24"
    if len(token) == 1 or token in VAGUE:
        return 0.25
    return 1.0


class Index:
    """Names and aliases by exact form and by word (typo-tolerant), plus FTS5 over entry text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.entries: tuple[Entry, ...] = kb.entries
        self.surfaces: list[_Surface] = []
        self.exact: dict[str, int] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.deletes: dict[str, set[str]] = defaultdict(set)
        for number, entry in enumerate(kb.entries):
            self._add(number, entry.name, Via.NAME)
            for alias in entry.aliases:
                self._add(number, alias, Via.ALIAS)
        words = {token for surface in self.surfaces for token in surface.tokens}
        for token in words:  # typos are looked for in words, not in run-together names
            if len(token) >= MIN_TYPO_LEN:
                for variant in _deletions(token):
                    self.deletes[variant].add(token)
        self.numbers: list[frozenset[str]] = [frozenset() for _ in kb.entries]
        for surface in self.surfaces:
            digits = {t for t in surface.tokens if t.isdigit() and len(t) <= 3}
            if digits:
                self.numbers[surface.entry] |= digits
        self.postings = dict(self.postings)
        self.deletes = dict(self.deletes)
        self.text = _TextIndex(kb)

    def _add(self, entry: int, text: str, via: Via) -> None:
        folded = fold(text)
        tokens = tuple(t for t in folded.split() if t not in FILLER) or tuple(folded.split())
        number = len(self.surfaces)
        joined = "".join(tokens)
        weights = tuple(weight(t, in_name=True) for t in tokens)
        self.surfaces.append(
            _Surface(entry, text, via, tokens, joined, weights, sum(weights) or 1.0)
        )
        for key in (folded, " ".join(tokens)):
            self.exact.setdefault(key, number)
        for token in {*tokens, joined}:
            if len(token) > 1 or token.isdigit():  # "P&S" matches only as the whole name
                self.postings[token].append(number)

    def similar_tokens(self, token: str) -> dict[str, float]:
        """Vocabulary words equal to `token` or one edit away, with the credit each earns."""
        if token in self.postings:
            return {token: 1.0}  # a word we know is not a typo of another ("kfor", "ifor")
        found: dict[str, float] = {}
        if len(token) < MIN_TYPO_LEN - 1:
            return found
        if len(token) < MIN_TYPO_LEN:  # "eys" → "eyes": one letter missing, nothing else
            return dict.fromkeys(self.deletes.get(token, ()), TYPO_CREDIT)
        near: set[str] = set(self.deletes.get(token, ()))
        for variant in _deletions(token):
            if len(variant) >= MIN_TYPO_LEN and variant in self.postings:
                near.add(variant)
            near.update(self.deletes.get(variant, ()))
        for word in near:
            if word not in found and OSA.distance(word, token, score_cutoff=1) <= 1:
                found[word] = TYPO_CREDIT
        return found


def build_index(kb: KnowledgeBase) -> Index:
    """Build the matcher's index once, at load."""
    return Index(kb)


def search(index: Index, query: Query, *, limit: int = 3) -> SearchResult:
    """Rank entries for a question and decide: answer, suggest up to `limit`, or nothing."""
    words = query.words.split()
    if not words:
        return SearchResult(Outcome.NONE)
    for key in (query.words, query.core, query.text):
        number = index.exact.get(key)
        if number is not None:
            surface = index.surfaces[number]
            entry_id = index.entries[surface.entry].id
            return SearchResult(
                Outcome.ANSWER, (Candidate(entry_id, 100.0, surface.via, surface.text),)
            )
    evidence = _name_evidence(index, words)
    named = sorted(evidence, key=lambda n: -evidence[n].cover)[:8]
    _explain(index, words, evidence, named)
    top = max(evidence.items(), key=lambda item: item[1].score, default=None)
    if top is None or top[1].explained < 1.0:
        # Not fully explained by a name: let the entries' text weigh in (FTS5, BM25). A fully
        # explained named entry cannot be out-explained, so that case skips the query.
        _explain(index, words, evidence, index.text.top(words, FTS_CANDIDATES))
    return _decide(index, evidence, words, limit)


def _name_evidence(index: Index, words: list[str]) -> dict[int, _Evidence]:
    """Best name match per entry: surfaces sharing words with the question, scored in full
    only for the most promising few (ranked by a cheap weighted word count first)."""
    credits = {word: index.similar_tokens(word) for word in dict.fromkeys(words)}
    matches = sorted(
        ((known, credit) for similar in credits.values() for known, credit in similar.items()),
        key=lambda pair: len(index.postings[pair[0]]),
    )
    hits: dict[int, float] = {}
    for known, credit in matches:
        postings = index.postings[known]
        if len(postings) > MAX_POSTINGS and (hits or credit < 1.0):
            continue  # too common to pick names by ("treaty", "nato"), or a typo's guess
        gain = credit * weight(known, in_name=True)
        for number in postings:
            hits[number] = hits.get(number, 0.0) + gain
    surfaces = index.surfaces
    best = heapq.nlargest(MAX_SCORED, hits, key=lambda n: hits[n] / surfaces[n].total)
    evidence: dict[int, _Evidence] = {}
    for number in best:
        surface = surfaces[number]
        cover, named = _cover(surface, credits)
        found = evidence.setdefault(surface.entry, _Evidence())
        if (cover, len(named)) > (found.cover, len(found.named)):
            found.cover, found.surface, found.named = cover, surface, named
    return evidence


def _cover(surface: _Surface, credits: dict[str, dict[str, float]]) -> tuple[float, frozenset]:
    """Share (weighted) of the surface's words present in the question, and which words."""
    if len(surface.tokens) > 1:
        for word, similar in credits.items():
            if surface.joined in similar:
                return similar[surface.joined], frozenset([word])
    named: set[str] = set()
    got = 0.0
    for token, token_weight in zip(surface.tokens, surface.weights, strict=True):
        best = 0.0
        for word, similar in credits.items():
            value = similar.get(token, 0.0)
            if value > best:
                best, hit = value, word
        if best:
            got += best * token_weight
            named.add(hit)
    return got / surface.total, frozenset(named)


def _explain(
    index: Index, words: list[str], evidence: dict[int, _Evidence], candidates: list[int]
) -> None:
    """Score candidates by how much of the question their names and own text explain."""
    held = index.text.words_held(words, candidates)
    weights = {w: weight(w) for w in words}
    total = sum(weights[w] for w in words)
    cues = {w: KIND_CUES[w] for w in weights if w in KIND_CUES}
    for number in candidates:
        found = evidence.setdefault(number, _Evidence())
        known = held.get(number, set()) | found.named
        if cues:  # "the treaty that…" is explained by treaties, not by alliances that mention one
            kind = index.entries[number].kind.value
            known = {w for w in known if w not in cues or kind in cues[w]}
            known |= {w for w, kinds in cues.items() if kind in kinds}
        found.explained = sum(weights[w] for w in words if w in known) / total
        if found.cover >= NAME_COVER:
            found.score = 100.0 * (0.5 * found.cover + 0.5 * found.explained)
        else:  # unnamed: the text must carry it, and one-word questions are name questions
            reach = min(1.0, len(words) / 3)
            found.score = 100.0 * max(
                0.35 * found.cover + 0.55 * found.explained, 0.85 * found.explained * reach
            )


def _decide(
    index: Index, evidence: dict[int, _Evidence], words: list[str], limit: int
) -> SearchResult:
    order = sorted(evidence.items(), key=lambda item: (-item[1].score, -len(item[1].named)))
    if not order or order[0][1].score < SUGGEST_AT:
        return SearchResult(Outcome.NONE)
    top_number, top = order[0]
    rest = [found for _, found in order[1:]]
    if _is_named_answer(top, rest) and _numbers_agree(index, top_number, words):
        return SearchResult(Outcome.ANSWER, (_candidate(index, top_number, top),))
    if top.cover < NAME_COVER:  # no name present: the entry whose text explains most may win
        by_text = sorted(evidence.items(), key=lambda item: -item[1].explained)
        number, found = by_text[0]
        if _is_text_answer(found, [f for _, f in by_text[1:]], words) and _numbers_agree(
            index, number, words
        ):
            return SearchResult(Outcome.ANSWER, (_candidate(index, number, found),))
    close = [_candidate(index, n, f) for n, f in order[:limit] if f.score >= SUGGEST_AT]
    return SearchResult(Outcome.SUGGEST, tuple(close))


def _numbers_agree(index: Index, number: int, words: list[str]) -> bool:
    """ "Article 4" must not be answered with Article 5: a small number in the question has to
    appear in the entry's names whenever those names carry numbers (years aside)."""
    asked = {w for w in words if w.isdigit() and len(w) <= 3}
    if not asked:
        return True
    named = index.numbers[number]
    return not named or not asked.isdisjoint(named)


def _is_named_answer(top: _Evidence, rest: list[_Evidence]) -> bool:
    if top.cover < NAME_COVER or top.explained < NAME_EXPLAINED:
        return False
    for other in rest:
        if other.score <= top.score - MARGIN:
            return True  # no close rival left (rest is sorted by score)
        if other.cover >= NAME_COVER and not other.named < top.named:
            return False  # two names present, and ours does not contain the other's
        if other.cover < NAME_COVER and other.explained > top.explained:
            return False  # an unnamed entry accounts for more of the question
    return True


def _is_text_answer(top: _Evidence, rest: list[_Evidence], words: list[str]) -> bool:
    content = [w for w in words if weight(w) >= 1.0]
    if top.explained < TEXT_EXPLAINED or len(content) < TEXT_MIN_WORDS:
        return False
    runner_up = max((other.explained for other in rest), default=0.0)
    return top.explained - runner_up >= TEXT_LEAD


def _candidate(index: Index, number: int, found: _Evidence) -> Candidate:
    entry_id = index.entries[number].id
    if found.surface is not None and found.cover >= NAME_COVER:
        return Candidate(entry_id, found.score, found.surface.via, found.surface.text)
    return Candidate(entry_id, found.score, Via.TEXT, "its own text")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_FTS_WORD = re.compile(r"\w+")
_STEMMER = Stemmer.Stemmer("english")  # Snowball (Porter 2), the C implementation


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a folded word: "sharing" and "share" → "share"."""
    return str(_STEMMER.stemWord(word))


class _TextIndex:
    """Each entry's own words (names, summary, facts, tags, daily facts).

    SQLite FTS5 ranks entries for a question (BM25, names weighted most); which of the
    question's words an entry holds is answered from per-entry sets of Snowball stems, a
    measure that, unlike BM25, is comparable across questions.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(names, summary, facts, tags, daily,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        rows = [
            (
                number,
                fold(" ".join([e.name, *e.aliases])),
                fold(e.summary),
                fold(" ".join(f"{k} {v}" for k, v in e.facts.items())),
                fold(" ".join(e.tags)),
                fold(" ".join(f.text for f in e.daily_facts)),
            )
            for number, e in enumerate(kb.entries)
        ]
        self._db.executemany(
            "INSERT INTO docs(rowid, names, summary, facts, tags, daily) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        # Names weigh most in BM25, then tags, summary and facts, then the daily facts.
        self._db.execute(
            "INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(3.0, 1.0, 1.0, 2.0, 0.5)')"
        )
        self.stems: list[frozenset[str]] = [
            frozenset(stem(word) for column in row[1:] for word in column.split()) for row in rows
        ]
        self.frequency: Counter[str] = Counter(s for stems in self.stems for s in stems)
        self.common = max(3, len(rows) // 5)  # a word in a fifth of all entries picks none

    def top(self, words: list[str], limit: int) -> list[int]:
        """Entries ranked by BM25 for any of the words (names weigh most)."""
        known = [
            w
            for w in dict.fromkeys(words)
            if _FTS_WORD.fullmatch(w) and 0 < self.frequency[stem(w)] <= self.common
        ]
        if not known:
            return []  # no entry holds any of these words (or only very common ones)
        # The rarest words decide BM25's ranking; common ones only slow the query down.
        terms: list[str] = []
        matched = 0
        for word in sorted(known, key=lambda w: self.frequency[stem(w)])[:FTS_TERMS]:
            if terms and matched + self.frequency[stem(word)] > FTS_MAX_DOCS:
                break  # BM25 costs per matching entry: the rarest words are enough
            terms.append(word)
            matched += self.frequency[stem(word)]
        expression = " OR ".join(f'"{w}"' for w in terms)
        if matched <= FTS_BM25_MAX:
            with self._lock:
                rows = self._db.execute(
                    "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
                    (expression, limit),
                ).fetchall()
            return [row[0] for row in rows]
        # Even the rarest word is in many entries (a large knowledge base): BM25 costs a few µs
        # per matching entry, so rank a bounded sample by the rarer words it holds instead.
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?", (expression, FTS_SAMPLE)
            ).fetchall()
        rarity = {w: 1.0 / self.frequency[stem(w)] for w in known}
        held = self.words_held(known, [row[0] for row in rows])
        return heapq.nlargest(limit, held, key=lambda n: sum(rarity[w] for w in held[n]))

    def words_held(self, words: list[str], entries: list[int]) -> dict[int, set[str]]:
        """For each of `entries`, which of `words` its text contains (compared by stem)."""
        stems = {word: {stem(w) for w in (word, *EQUIVALENTS.get(word, ()))} for word in words}
        return {
            number: {
                word for word, forms in stems.items() if not forms.isdisjoint(self.stems[number])
            }
            for number in entries
        }
