"""Full-text evidence: each entry's own words, ranked by SQLite FTS5 (BM25) and held as stems."""

from __future__ import annotations

import functools
import heapq
import math
import re
import sqlite3
import threading
from collections import Counter, defaultdict

import Stemmer

from bot.query import EQUIVALENTS, fold
from bot.schema import Entry, KnowledgeBase

FTS_MAX_DOCS = 64  # entries BM25 ranks per question at most, give or take the rarest word
FTS_BM25_MAX = 32  # BM25 ranks the matching entries when there are at most this many
FTS_SAMPLE = 48  # entries looked at when BM25 would have to rank too many
TOPICAL_TERMS = 8
FTS_TERMS = 3  # the rarest words of a question that rank entries by their text
RARITY_FLOOR = 0.35  # weight of a word every entry holds, against 1 for a unique one
UNKNOWN_RARITY = 0.5  # a word no entry holds: it explains nothing, for every entry alike
SLIP_CACHE = 4096  # question words whose slips are remembered
SLIP_MAX_LEN = 24  # longer words are not looked for as slips
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_BASE = 3  # letters a word keeps once an inflection is taken off
_ENDINGS = ("s", "es", "d", "ed", "ing")

_FTS_WORD = re.compile(r"\w+")
_STEMMER = Stemmer.Stemmer("english")  # Snowball (Porter 2), the C implementation


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a folded word: "sharing" and "share" → "share"."""
    return str(_STEMMER.stemWord(word))


class TextIndex:
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
        fields = [_fold_fields(e) for e in kb.entries]
        rows = [(number, *folded) for number, folded in enumerate(fields)]
        self._db.executemany(
            "INSERT INTO docs(rowid, names, summary, facts, tags, daily) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        # Names weigh most in BM25, then tags, summary and facts, then the daily facts.
        self._db.execute(
            "INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(3.0, 1.0, 1.0, 2.0, 0.5)')"
        )
        words = [set(" ".join(folded).split()) for folded in fields]
        vocabulary = sorted(set().union(*words))
        stems = dict(zip(vocabulary, _STEMMER.stemWords(vocabulary), strict=True))  # one call
        holders: dict[str, set[int]] = defaultdict(set)
        for number, held in enumerate(words):
            for form in {stems[word] for word in held}:
                holders[form].add(number)
        self.vocabulary = frozenset(vocabulary)
        self.holders: dict[str, set[int]] = dict(holders)
        self.frequency: Counter[str] = Counter({s: len(n) for s, n in holders.items()})
        self.size = len(rows)
        self.common = max(3, len(rows) // 5)  # a word in a fifth of all entries picks none
        self._slips: dict[str, frozenset[str]] = {}

    def top(self, words: list[str], limit: int) -> list[int]:
        """Entries ranked by BM25 for any of the words (names weigh most)."""
        known = self._known(words)
        if not known:
            return []  # no entry holds any of these words (or only very common ones)
        # The rarest words decide BM25's ranking; common ones only slow the query down.
        terms, matched = self._rarest(known, FTS_TERMS, keep_first=True)
        expression = " OR ".join(f'"{w}"' for w in terms)
        if matched <= FTS_BM25_MAX:
            return self._ranked(expression, limit)
        # Even the rarest word is in many entries (a large knowledge base): BM25 costs a few µs
        # per matching entry, so rank a bounded sample by the rarer words it holds instead.
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?", (expression, FTS_SAMPLE)
            ).fetchall()
        rarity = {w: 1.0 / self.frequency[stem(w)] for w in known}
        held = self.words_held(known, [row[0] for row in rows])
        return heapq.nlargest(limit, held, key=lambda n: sum(rarity[w] for w in held[n]))

    def top_topical(self, words: list[str], limit: int) -> list[int]:
        """Entries ranked by BM25 over their names and tags only, for all the question's
        words those hold: what entries are about, not details their facts mention."""
        terms, _ = self._rarest(self._known(words), TOPICAL_TERMS, keep_first=False)
        if not terms:
            return []
        return self._ranked("{names tags} : (" + " OR ".join(f'"{w}"' for w in terms) + ")", limit)

    def _known(self, words: list[str]) -> list[str]:
        """The question's words (or their equivalents) some entries hold, but not a fifth."""
        return [
            w
            for w in dict.fromkeys(self._held_form(w) for w in words)
            if _FTS_WORD.fullmatch(w) and 0 < self.frequency[stem(w)] <= self.common
        ]

    def _rarest(self, known: list[str], most: int, *, keep_first: bool) -> tuple[list[str], int]:
        """Up to `most` of the rarest words, while the entries holding them stay few (BM25
        costs per matching entry), and how many entries hold them."""
        terms: list[str] = []
        matched = 0
        for word in sorted(known, key=lambda w: self.frequency[stem(w)])[:most]:
            if (terms or not keep_first) and matched + self.frequency[stem(word)] > FTS_MAX_DOCS:
                break
            terms.append(word)
            matched += self.frequency[stem(word)]
        return terms, matched

    def _ranked(self, expression: str, limit: int) -> list[int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
                (expression, limit),
            ).fetchall()
        return [row[0] for row in rows]

    def _held_form(self, word: str) -> str:
        """The word, or when no entry holds it, an equivalent that one does: "belarusian" is
        looked for as "belarus"."""
        if self.frequency[stem(word)]:
            return word
        for other in EQUIVALENTS.get(word, ()):
            if self.frequency[stem(other)]:
                return other
        return word

    def knows(self, word: str) -> bool:
        """Whether some entry's text holds the word as it is written (stems would let typos
        pass: "deterence" stems like "deter")."""
        return word in self.vocabulary

    def knows_form(self, word: str) -> bool:
        """Whether some entry's text holds the word, a word it is a regular inflection of
        ("keeping", "writes", "linked"; not the slips "shareing" or "ecowass"), or one of its
        own regular inflections ("close" of "closed")."""
        vocabulary = self.vocabulary
        return (
            word in vocabulary
            or any(base in vocabulary for base in _bases(word))
            or any(word + ending in vocabulary for ending in _ENDINGS)  # "close" of "closed"
        )

    def slips(self, word: str) -> frozenset[str]:
        """The words of the entries' text that `word` is one slip from, the letters kept: one
        missing, one extra or two swapped ("mision" → mission, "submarnie" → submarine). A
        changed letter is not looked for: it too often makes another real word."""
        if len(word) > SLIP_MAX_LEN:
            return frozenset()  # no entry's word is that long: nothing to generate
        found = self._slips.get(word)
        if found is None:
            if len(self._slips) >= SLIP_CACHE:
                self._slips.clear()
            found = self._slips[word] = frozenset(_slipped(word) & self.vocabulary)
        return found

    def holds_phrase(self, number: int, phrase: str) -> bool:
        """Whether the entry's text holds the words of `phrase` next to each other (FTS5
        phrase query, stems compared)."""
        if not all(_FTS_WORD.fullmatch(w) for w in phrase.split()):
            return False
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM docs WHERE docs MATCH ? AND rowid = ?", (f'"{phrase}"', number)
            ).fetchone()
        return row is not None

    def holds(self, number: int, word: str) -> bool:
        """Whether the entry's text holds the word (by stem)."""
        return number in self.holders.get(stem(word), ())

    def holders_of(self, word: str) -> int:
        """How many entries' text holds the word (by stem)."""
        return self.frequency[stem(word)]

    def rarity(self, word: str) -> float:
        """How much holding `word` tells entries apart: 1 for a word one entry has, falling
        towards RARITY_FLOOR for a word every entry has; words no entry has count half."""
        forms = {stem(w) for w in (word, *EQUIVALENTS.get(word, ()))}
        held_by = max(self.frequency[form] for form in forms)
        if not held_by:
            return UNKNOWN_RARITY
        share = math.log(self.size / held_by) / math.log(self.size) if self.size > 1 else 1.0
        return RARITY_FLOOR + (1.0 - RARITY_FLOOR) * share

    def words_held(self, words: list[str], entries: list[int]) -> dict[int, set[str]]:
        """For each of `entries`, which of `words` its text contains (compared by stem)."""
        held: dict[int, set[str]] = {number: set() for number in entries}
        wanted = held.keys()
        for word in words:
            for form in {stem(w) for w in (word, *EQUIVALENTS.get(word, ()))}:
                holders = self.holders.get(form)
                if holders:
                    for number in holders & wanted if len(holders) > len(held) else holders:
                        if number in held:
                            held[number].add(word)
        return held


@functools.lru_cache(maxsize=SLIP_CACHE)
def _bases(word: str) -> tuple[str, ...]:
    """The words `word` may be a regular inflection of: "keeping" → keep, "writes" → write,
    "running" → run, "supplied" → supply."""
    found: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) - len(suffix) < MIN_BASE or not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        if (suffix in ("ing", "ed") and base[-1] == "e") or (suffix == "s" and base[-1] == "s"):
            continue  # "shareing", "expresss": slips, not inflections
        found += [base, base + "e"]
        if len(base) > MIN_BASE and base[-1] == base[-2]:  # "running" → run
            found.append(base[:-1])
        if suffix in ("ed", "es") and base.endswith("i"):  # "supplied" → supply
            found.append(base[:-1] + "y")
    return tuple(found)


def _slipped(word: str) -> set[str]:
    """Every word one letter shorter, one letter longer, or with two neighbours swapped."""
    found = {word[:i] + word[i + 1 :] for i in range(len(word))}
    found |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    found |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    found.discard(word)
    return found


_FIELD_BREAK = " qqfieldbreakqq "  # survives folding: an entry's fields are folded in one call


def _fold_fields(entry: Entry) -> list[str]:
    """The folded names, summary, facts, tags and daily facts of an entry, for the FTS columns."""
    fields = (
        " ".join([entry.name, *entry.aliases]),
        entry.summary,
        " ".join(f"{k} {v}" for k, v in entry.facts.items()),
        " ".join(entry.tags),
        " ".join(f.text for f in entry.daily_facts),
    )
    folded = fold(_FIELD_BREAK.join(fields)).split(_FIELD_BREAK.strip())
    if len(folded) != len(fields):  # a field that folds the break word away: fold one by one
        return [fold(field) for field in fields]
    return [part.strip() for part in folded]
