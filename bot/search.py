"""The matcher: an index built once at load, and `search(index, query)` → a decided result."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bot.query import FILLER, Query, fold
from bot.schema import Entry, KnowledgeBase

ANSWER_AT = 84.0  # a match this good, clearly ahead of the next entry, is answered
SUGGEST_AT = 55.0  # below this nothing is offered
MARGIN = 6.0  # how far the best entry must lead the next one to be answered outright
TEXT_WEIGHT = 0.9  # an entry whose own text holds every word of the question scores 90
MAX_SHORTLIST = 300  # surfaces scored per query at most; rare tokens are taken first
TYPO_CREDIT = 0.9  # a word one edit away counts nearly as much as the word itself
MIN_TYPO_LEN = 4  # shorter words must match exactly: "us" is not a typo of "un"


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
    matched: str  # the name or alias as written, or the text fields that matched


@dataclass(frozen=True)
class SearchResult:
    outcome: Outcome
    candidates: tuple[Candidate, ...] = ()  # best first; the answer is candidates[0]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class _Surface:
    entry_id: str
    text: str  # as written
    via: Via
    tokens: tuple[str, ...]  # folded, filler removed


class Index:
    """Names and aliases by exact form and by word (typo-tolerant), plus FTS5 over entry text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.surfaces: list[_Surface] = []
        self.exact: dict[str, int] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.deletes: dict[str, set[str]] = defaultdict(set)
        for entry in kb.entries:
            self._add(entry, entry.name, Via.NAME)
            for alias in entry.aliases:
                self._add(entry, alias, Via.ALIAS)
        for token in self.postings:
            if len(token) >= MIN_TYPO_LEN:
                for variant in _deletions(token):
                    self.deletes[variant].add(token)
        self.text = _TextIndex(kb)

    def _add(self, entry: Entry, text: str, via: Via) -> None:
        folded = fold(text)
        tokens = tuple(t for t in folded.split() if t not in FILLER) or tuple(folded.split())
        number = len(self.surfaces)
        self.surfaces.append(_Surface(entry.id, text, via, tokens))
        for key in (folded, " ".join(tokens)):
            self.exact.setdefault(key, number)
        for token in set(tokens):
            self.postings[token].append(number)

    def similar_tokens(self, token: str) -> dict[str, float]:
        """Vocabulary words equal to `token` or one edit away, with the credit each earns."""
        found = {token: 1.0} if token in self.postings else {}
        if len(token) < MIN_TYPO_LEN:
            return found
        variants = _deletions(token)
        near: set[str] = set(self.deletes.get(token, ()))
        for variant in variants:
            if variant in self.postings and len(variant) >= MIN_TYPO_LEN:
                near.add(variant)
            near.update(self.deletes.get(variant, ()))
        for word in near:
            if word not in found and Levenshtein.distance(word, token, score_cutoff=2) <= 2:
                found[word] = TYPO_CREDIT
        return found


def build_index(kb: KnowledgeBase) -> Index:
    """Build the matcher's index once, at load."""
    return Index(kb)


def search(index: Index, query: Query, *, limit: int = 3) -> SearchResult:
    """Rank entries for a question and decide: answer, suggest up to `limit`, or nothing."""
    tokens = query.tokens
    if not tokens:
        return SearchResult(Outcome.NONE)
    exact = index.exact.get(query.core)
    if exact is None:
        exact = index.exact.get(query.text)
    if exact is not None:
        surface = index.surfaces[exact]
        return SearchResult(
            Outcome.ANSWER, (Candidate(surface.entry_id, 100.0, surface.via, surface.text),)
        )
    ranked = _rank_names(index, tokens, query.core)
    text_hits = index.text.search(tokens)
    return _decide(ranked, text_hits, len(tokens), limit)


def _rank_names(index: Index, tokens: list[str], core: str) -> list[Candidate]:
    credits = {token: index.similar_tokens(token) for token in dict.fromkeys(tokens)}
    shortlist: dict[int, None] = {}
    vocab = sorted(
        {w for found in credits.values() for w in found}, key=lambda w: len(index.postings[w])
    )
    for word in vocab:
        for number in index.postings[word]:
            shortlist[number] = None
        if len(shortlist) >= MAX_SHORTLIST:
            break
    best: dict[str, Candidate] = {}
    for number in shortlist:
        surface = index.surfaces[number]
        score = _score(tokens, credits, surface, core)
        current = best.get(surface.entry_id)
        if current is None or score > current.score:
            best[surface.entry_id] = Candidate(surface.entry_id, score, surface.via, surface.text)
    return sorted(best.values(), key=lambda c: -c.score)


def _weight(token: str) -> float:
    """Years and other long numbers say less about the topic than words do."""
    return 0.4 if token.isdigit() and len(token) >= 4 else 1.0


def _score(
    tokens: list[str], credits: dict[str, dict[str, float]], surface: _Surface, core: str
) -> float:
    """How well the question's words and the surface's words cover each other, 0-100."""
    words = set(surface.tokens)
    got = 0.0
    used: set[str] = set()
    for token in tokens:
        credit = 0.0
        for word, value in credits[token].items():
            if word in words and value > credit:
                credit, hit = value, word
        if credit:
            used.add(hit)
            got += credit * _weight(token)
    total = sum(_weight(t) for t in tokens)
    cover_query = got / total
    cover_surface = len(used) / len(words)
    overlap = 100.0 * (0.55 * cover_query + 0.45 * cover_surface) * min(1.0, cover_query * 2)
    whole = fuzz.ratio(core, " ".join(surface.tokens), score_cutoff=80.0)
    return max(overlap, whole * 0.95)


def _decide(
    ranked: list[Candidate], text_hits: list[Candidate], n_tokens: int, limit: int
) -> SearchResult:
    merged: dict[str, Candidate] = {c.entry_id: c for c in ranked}
    for raw in text_hits:
        hit = Candidate(raw.entry_id, raw.score * TEXT_WEIGHT, raw.via, raw.matched)
        if hit.entry_id not in merged or merged[hit.entry_id].score < hit.score:
            merged[hit.entry_id] = hit
    order = sorted(merged.values(), key=lambda c: -c.score)
    if not order or order[0].score < SUGGEST_AT:
        return SearchResult(Outcome.NONE)
    top = order[0]
    runner_up = order[1].score if len(order) > 1 else 0.0
    if top.score >= ANSWER_AT and top.score - runner_up >= MARGIN:
        return SearchResult(Outcome.ANSWER, (top,))
    close = [c for c in order[:limit] if c.score >= SUGGEST_AT]
    return SearchResult(Outcome.SUGGEST, tuple(close))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_FTS_WORD = re.compile(r"[a-z0-9]+")


class _TextIndex:
    """BM25 over each entry's own words (names, summary, facts, tags) via SQLite FTS5, in memory.

    SQLite does the ranking and the stemming; the score we return is the share of the question's
    words an entry's text holds, which is comparable across questions where BM25 is not.
    """

    COLUMNS = "names, summary, facts, tags"

    def __init__(self, kb: KnowledgeBase) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            f"CREATE VIRTUAL TABLE docs USING fts5({self.COLUMNS},"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        self._ids = [e.id for e in kb.entries]
        self._db.executemany(
            "INSERT INTO docs(rowid, names, summary, facts, tags) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    number,
                    " ".join([e.name, *e.aliases]),
                    e.summary,
                    " ".join(f"{k} {v}" for k, v in e.facts.items()),
                    " ".join(e.tags),
                )
                for number, e in enumerate(kb.entries)
            ],
        )

    def search(self, tokens: list[str], limit: int = 4) -> list[Candidate]:
        """Entries whose text holds most of the question's words, best first."""
        words = list(dict.fromkeys(t for t in tokens if _FTS_WORD.fullmatch(t)))
        if len(words) < 2:
            return []  # a one-word question is a name question: the name index answers it
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 1.0, 1.0, 2.0)"
                " LIMIT ?",
                (" OR ".join(f'"{w}"' for w in words), limit),
            ).fetchall()
            if not rows:
                return []
            top = [row[0] for row in rows]
            marks = ",".join("?" * len(top))
            held: dict[int, float] = dict.fromkeys(top, 0.0)
            for word in words:
                for (rowid,) in self._db.execute(
                    f"SELECT rowid FROM docs WHERE docs MATCH ? AND rowid IN ({marks})",
                    (f'"{word}"', *top),
                ):
                    held[rowid] += 1.0
        total = len(words)
        return [
            Candidate(self._ids[rowid], 100.0 * held[rowid] / total, Via.TEXT, "its own text")
            for rowid in top
        ]
