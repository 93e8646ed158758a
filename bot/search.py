"""The matcher: `search(index, query)` → a decided result, over the index of `bot.index`.

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

import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass, replace

from bot.followups import reconsider
from bot.fulltext import stem
from bot.index import (
    CLAUSE_WORDS,
    GENERIC,
    Candidate,
    Index,
    Outcome,
    SearchResult,
    Surface,
    Via,
    build_index,
    content_words,
    subject_words,
    weight,
)
from bot.places import DOCUMENT_PLACES, PLACES, place_groups
from bot.query import ASK_WORDS, EQUIVALENTS, FIELD_WORDS, Query, fold
from bot.slips import MIN_PLACE_SLIP, MIN_TYPO_LEN, is_filler_slip, place_slip

__all__ = ["Candidate", "Index", "Outcome", "SearchResult", "Via", "build_index", "search"]

THROUGH_NAMED_MAX = 0.5  # a named entry explaining less than this may only be a way in:
THROUGH_EXPLAINED = 0.5  # a related entry explaining this much, this far ahead of it,
THROUGH_LEAD = 0.2  # and TEXT_LEAD ahead of every other unnamed entry, is what is asked about
RELATED_FIRST = 3  # a pivot's first related entries are its closest; ties are broken by order
WHOLE_LEAD = 0.05  # a name present whole beats one with the same words and more besides
SUGGEST_AT = 45.0  # below this score nothing is offered
DESCRIPTION_WORDS = 7  # content words from which a question is a description…
DESCRIPTION_SUGGEST_AT = 32.0  # …offered suggestions from this score
MARGIN = 8.0  # how far the best entry must lead the next to be answered outright
NAME_COVER = 0.8  # share of a name's words present for it to count as named
HALF_NAMED = 0.6  # a name this far present, scoring higher, keeps another entry's text out
RIVAL_NAMED_EXPLAINED = 0.7  # as does a name present whole that explains this much, close behind
NAME_EXPLAINED = 0.7  # share of the question a named entry must explain to be answered
TEXT_EXPLAINED = 0.7  # share of the question an unnamed entry's text must explain
DESCRIPTION_EXPLAINED = 0.6  # or this much, of a long description (DESCRIPTION_WORDS)
TEXT_CLEAR_EXPLAINED = 0.55  # or this much, when it leads the next entry by TEXT_CLEAR_LEAD
TEXT_CLEAR_LEAD = 0.25
SPECIFIC_COVER = 0.9  # share of a name of several words that makes it specific
SHORT_QUESTION = 4  # content words; in longer questions one unknown word is noise
TEXT_MIN_WORDS = 4  # content words an unnamed question needs before its text can decide
TEXT_LEAD = 0.08  # and by how much it must out-explain the next entry…
UNSURE_LEAD = 0.12  # …or this much, when words no entry knows are left over
TEXT_UNKNOWN_SHARE = 0.4  # text never answers when this share of the words is unknown to all
NAMED_UNKNOWN_SHARE = 0.5  # nor a name present, when this share is
SURE_TEXT_EXPLAINED = 0.8  # text that explains this much of a question of TEXT_SURE_WORDS
SURE_TEXT_WORDS = 3  # content words, every one known to the knowledge base,
SURE_PIVOT_EXPLAINED = 0.75  # or this much, for a name of another kind than the question cues
SURE_TEXT_LEAD = 0.25  # and leads every other entry this far, is answered though short
SURE_NAME_EXPLAINED = 0.5  # a named entry explaining this much, with at most one other
SURE_NAME_LEAD = 10.0  # word (a common one), and this far ahead of the next, is answered
SURE_NAME_COMMON = 3  # "common": held by at least this many entries' text
DOMINANT_EXPLAINED = 0.4  # a name present whole, its entry explaining this much…
DOMINANT_LEAD = 15.0  # …and this far ahead of every other entry, is answered
DOMINANT_UNKNOWN = 1  # words no entry knows it may leave over, per word of its text held
SHORT_UNKNOWN_EXPLAINED = 0.8  # a name explaining this much of a short question may sit
# beside one word we lack ("why did KFOR need reinforcements… I thought Kosovo was calm")
EVERYDAY_HELD = 2  # words of its own text that let an everyday name sit beside unknown ones
FULL_NAME_WORDS = 1  # telling words of a name of several, written out whole, that make it specific…
FULL_NAME_WEIGHT = 1.25  # …weighing this much in all (see `_is_full_name_answer`)
FULL_NAME_EXPLAINED = 0.4
FULL_NAME_RIVAL = 0.2  # how much more of the question another entry may explain
WHICH_EXPLAINED = 0.7  # an entry of the kind "which …" asks for, explaining this much, is it
LABEL_NAMED = 0.5  # a label beside this much of the entry's name points at the entry
MAX_POSTINGS = 200  # a name word in more names than this only counts once rarer words hit
MAX_SCORED = 16  # names scored in full per question, the most promising first
SLIP_POSITIONS = 2  # how far into the question a misspelt filler word is looked for
FTS_CANDIDATES = 5
TOPICAL_BELOW = 0.6  # best share explained below which names and tags are searched too
PLACE_ONLY = 0.85  # share of its cover a name keeps when only its place words are present
PLACES_HELD = 2  # places of its own text that let an entry's text answer beside another place

# Words that judge a thing: asked of a named entry only beside a word of the field ("was
# operation allied force legal"), since many names are everyday words ("are red flag laws
# legal", "is the sea breeze cocktail healthy").
JUDGING_WORDS = frozenset(
    """
    healthy health legal legality illegal lawful unlawful real strong weak stronger weaker
    effective effectiveness benefit benefits failure failures failed fail strengths weaknesses
    advantages disadvantages mistakes
    """.split()
)

# Words that say what kind of entry is meant: they count for entries of that kind only.
KIND_CUES: dict[str, frozenset[str]] = {
    word: frozenset(kinds.split())
    for words, kinds in [
        ("treaty treaties pact accord accords clause article convention", "treaty"),
        ("exercise drill wargame", "exercise"),
        ("exercises drills wargames", "exercise concept"),  # "why do armies run drills": training
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

# What a described thing can be, for the words that are strict about it ("pact" is not: it
# may name an alliance; nor "problem": it may be a concept).
DESCRIBED_KINDS: dict[str, frozenset[str]] = {
    word: frozenset(kinds.split())
    for words, kinds in [
        # singular: "the exercise that…" describes one; "why do armies run drills" does not
        ("exercise drill wargame", "exercise"),
        ("treaty convention agreement accord", "treaty"),  # a "pact" may be an alliance (AUKUS)
        ("force", "operation alliance concept exercise challenge"),  # a force is not a treaty
        ("forum body", "alliance"),  # "the forum where…", "the vienna-based body that…"
        ("principle concept", "concept"),  # "the general principle where allies promise…"
    ]
    for word in words.split()
}

# Words that say a thing is being described: "the treaty that…", "the force that…".
TOPIC_NOUNS = frozenset(KIND_CUES) | frozenset(
    "deal agreement force forces group body forum mission organization arrangement"
    " initiative framework partnership".split()
)

# Nouns that make a capitalised phrase the name of a thing of the field: "Budapest
# Memorandum", "Montreux Convention", "Visegrad Group".
NAMING_NOUNS = (
    frozenset(KIND_CUES)
    | TOPIC_NOUNS
    | frozenset("memorandum doctrine plan protocol accords summit declaration act".split())
)

PLACE_GROUPS = place_groups()

# What a document named after a place is: "Rome Treaty", "Budapest Memorandum".
DOCUMENTS = frozenset(
    "treaty treaties agreement agreements accord accords memorandum declaration protocol"
    " convention summit charter act conference pact".split()
)


@dataclass
class _Evidence:
    """What the question tells us about one entry."""

    cover: float = 0.0  # best share of one name's words found in the question
    surface: Surface | None = None
    named: frozenset[str] = frozenset()  # question words that matched that name
    also: frozenset[str] = frozenset()  # and the words of its other names (typos included)
    explained: float = 0.0  # share of the question (weighted) the entry accounts for
    known: frozenset[str] = frozenset()  # the question words it accounts for
    score: float = 0.0


def search(index: Index, query: Query, *, limit: int = 3) -> SearchResult:
    """Rank entries for a question and decide: answer, suggest up to `limit`, or nothing.

    When the words alone do not decide, a name or alias the asker set in *bold*, _italics_
    or `code` does: "this article mentions *Operation Unified Protector*, what was that?"."""
    query = _with_places_mended(index, _without_filler_typos(index, query))
    result = _search_or_emphasis(index, query, limit)
    result = reconsider(index, query, result, lambda part: _search_or_emphasis(index, part, limit))
    if result.outcome is Outcome.ANSWER and result.best is not None:
        number = index.position[result.best.entry_id]
        return replace(result, labels=_asked_labels(index, number, query.words.split()))
    return result


def _search_or_emphasis(index: Index, query: Query, limit: int) -> SearchResult:
    result = _search(index, query, limit)
    if result.outcome is Outcome.ANSWER or not query.emphasis:
        return result
    found = {index.exact.get(span) for span in query.emphasis} - {None}
    entries = {index.surfaces[n].entry for n in found if n is not None}
    if len(entries) != 1:
        return result  # none named, or several: no one topic set apart
    surface = index.surfaces[min(n for n in found if n is not None)]
    asked = set(" ".join(query.emphasis).split()) | ASK_WORDS | FIELD_WORDS.keys()
    if len(surface.tokens) < 2 and any(  # a name of several words is specific: "*Brussels Treaty*"
        _unknown(index, w) for w in query.words.split() if w not in asked
    ):
        return result  # "`gcc` optimisation flags": the rest is about something else
    entry_id = index.entries[surface.entry].id
    return SearchResult(Outcome.ANSWER, (Candidate(entry_id, 100.0, surface.via, surface.text),))


def _search(index: Index, query: Query, limit: int) -> SearchResult:
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
    clause = query.clause.split()
    head = words[: len(words) - len(clause)] if clause else words
    if not any(w in TOPIC_NOUNS for w in head):
        head, clause = words, []  # "who is in nato": no topic word for a clause to describe
    evidence = _name_evidence(index, head)
    named = sorted(evidence, key=lambda n: -evidence[n].cover)[:8]
    _explain(index, words, evidence, named)
    pivots, related, described = _pivots(index, head, clause, evidence)
    if related:
        _explain(index, words, evidence, [*related, *pivots])
    top = max(evidence.items(), key=lambda item: item[1].score, default=None)
    if top is None or top[1].explained < 1.0 or related:
        # Not fully explained by a name: let the entries' text weigh in (FTS5, BM25). A fully
        # explained named entry cannot be out-explained, so that case skips the query.
        _explain(index, words, evidence, index.text.top(words, FTS_CANDIDATES))
        # Still little explained: the rarest words may be details ("keeps", "pushing"); what
        # the names and tags of entries hold of the question finds what it is about
        if (
            len(words) >= TEXT_MIN_WORDS
            and max((f.explained for f in evidence.values()), default=0.0) < TOPICAL_BELOW
        ):
            topical = [n for n in index.text.top_topical(words, 1) if n not in evidence]
            if topical:
                _explain(index, words, evidence, topical)
    if related and _cued_kinds(head):
        found = _related_answer(index, evidence, pivots, related, words, described=described)
        if found is not None:
            return found
    return _decide(
        index,
        evidence,
        words,
        limit,
        skip=pivots,
        proper=query.proper,
        acronyms=query.acronyms,
        which=query.which,
    )


def _without_filler_typos(index: Index, query: Query) -> Query:
    """ "waht is nato", "tell me abuot seato": one of the first words, known to no entry, a
    slip of a filler word and near no name word, is that filler word. Only slips that keep
    the letters (a swap, one missing or doubled) count: a changed letter makes real words
    ("bike" is not "like", "lake vostok" is not "like vostok")."""
    slips = {
        w
        for w in query.words.split()[:SLIP_POSITIONS]
        if not index.text.holders_of(w)  # by stem: "ins" (Indian Navy ships) is held
        and w not in index.postings
        and is_filler_slip(w)
        and not index.similar_tokens(w)
    }
    if not slips:
        return query

    def keep(text: str) -> str:
        words = text.split()
        return " ".join(w for n, w in enumerate(words) if n >= SLIP_POSITIONS or w not in slips)

    return replace(query, words=keep(query.words), core=keep(query.core))


def _with_places_mended(index: Index, query: Query) -> Query:
    """ "anakonda polnd", "zapad 2025 belaruss": a word known to no entry, one slip from the
    name of a country, region or capital, is that place (a closed list, unlike the words of
    the entries' text, where a slip may as well be another word)."""
    mended = {
        w: place
        for w in query.words.split()
        if len(w) >= MIN_PLACE_SLIP
        and w not in ASK_WORDS
        and w not in FIELD_WORDS  # "finish" is no slip of "finnish"
        and _unknown(index, w)
        and (place := place_slip(w)) is not None
        and set(index.similar_tokens(w)) <= {place}  # not a slip of some name's word too
    }
    if not mended:
        return query

    def mend(text: str) -> str:
        return " ".join(mended.get(w, w) for w in text.split())

    return replace(query, words=mend(query.words), core=mend(query.core))


def _pivots(
    index: Index, head: list[str], clause: list[str], evidence: dict[int, _Evidence]
) -> tuple[dict[int, _Evidence], list[int], bool]:
    """Entries the question names but does not ask about, and the entries related to them
    that it may ask about instead: "the treaty that set up nato" names NATO (an alliance,
    in a relative clause), and asks for a treaty related to it."""
    kinds = _cued_kinds(head)
    pivots: dict[int, _Evidence] = {}
    if clause:
        for number, found in _name_evidence(index, clause).items():
            if found.cover >= NAME_COVER:
                pivots[number] = found
    described = bool(pivots)  # named only in the clause that describes what is asked
    for number, found in evidence.items():
        if found.cover >= NAME_COVER:  # a cue inside the name is part of it: "warsaw pact"
            cued = _cued_kinds([w for w in head if w not in found.named])
            if cued and index.entries[number].kind.value not in cued:
                pivots[number] = found
                described = False
    related: list[int] = []
    for number in pivots:
        for other in index.entries[number].related:
            position = index.position.get(other)
            if (
                position is not None
                and position not in pivots
                and (not kinds or index.entries[position].kind.value in kinds)
            ):
                related.append(position)
    return pivots, list(dict.fromkeys(related)), described


def _names_contain(index: Index, number: int, names: list[tuple[str, ...]]) -> bool:
    """Whether one of the entry's names holds all the words of one of `names`."""
    return any(
        set(name) <= set(surface.tokens) for surface in index.named[number] for name in names
    )


def _cued_kinds(words: list[str]) -> frozenset[str]:
    return frozenset().union(*(KIND_CUES[w] for w in words if w in KIND_CUES))


def _related_answer(
    index: Index,
    evidence: dict[int, _Evidence],
    pivots: dict[int, _Evidence],
    related: list[int],
    words: list[str],
    *,
    described: bool,
) -> SearchResult | None:
    """Answer with the related entry of the kind asked for that explains the question best,
    when it clearly does. When the question describes it ("the treaty that set up nato"),
    between equals the one the named entry lists first wins (curators list the closest
    relations first); "nato exercises" has no such winner and gets suggestions."""
    # An entry whose own name holds the words that named the pivot is the one meant: "why is
    # intel sharing hard" asks for "intel sharing barriers", not "dependence on allies".
    pivot_names = [f.surface.tokens for f in pivots.values() if f.surface is not None]
    holding = {n for n in related if _names_contain(index, n, pivot_names)}
    ranked = sorted(related, key=lambda n: (n not in holding, -evidence[n].score))
    if len(holding) == 1:
        described = True  # a single such entry needs no further lead
    best = evidence[ranked[0]]
    # A named entry of the kind asked for is a rival too: "the 1960 treaty that replaced the
    # 1951 security treaty with japan" is that treaty, not one of the treaties related to it.
    kinds = {index.entries[n].kind.value for n in related}
    rivals = [
        f.explained
        for n, f in evidence.items()
        if n != ranked[0] and (n not in pivots or index.entries[n].kind.value in kinds)
    ]
    # A pivot of the kind asked for, named by words that name one of another kind, and
    # explaining as much, is what is meant: "the treaty that set up the warsaw pact" names
    # the Warsaw Treaty too. (Alone, it is what the description relates to: "the operation
    # that took over from sfor".)
    other = [f.named for n, f in pivots.items() if index.entries[n].kind.value not in kinds]
    named = [
        n
        for n, f in pivots.items()
        if index.entries[n].kind.value in kinds
        and n in evidence
        and any(f.named <= o for o in other)
    ]
    if named:
        number = max(named, key=lambda n: (evidence[n].explained, pivots[n].cover))
        surface = pivots[number].surface
        if evidence[number].explained >= best.explained and surface is not None:
            entry_id = index.entries[number].id
            return SearchResult(
                Outcome.ANSWER,
                (Candidate(entry_id, 100.0 * pivots[number].cover, surface.via, surface.text),),
            )
    runner_up = max((evidence[n].score for n in ranked[1:]), default=0.0)
    if described and best.score - runner_up < MARGIN:
        # Only the closest relations are listed first on purpose: a tie among NATO's dozens
        # of exercises is no answer.
        described = any(
            index.entries[ranked[0]].id in index.entries[n].related[:RELATED_FIRST] for n in pivots
        )
    if (
        best.explained < NAME_EXPLAINED
        or (not described and best.score - runner_up < MARGIN)
        or any(other > best.explained for other in rivals)
        or not _numbers_agree(index, ranked[0], words)
        or (  # "NATO's Exercise Dynamic Mongoose" is not Dynamic Manta
            len(subject_words(words)) <= SHORT_QUESTION
            and any(_unknown(index, w) for w in _unexplained(best, words))
        )
    ):
        return None
    pivot = max(pivots.values(), key=lambda f: f.cover)
    matched = pivot.surface.text if pivot.surface is not None else ""
    entry_id = index.entries[ranked[0]].id
    return SearchResult(Outcome.ANSWER, (Candidate(entry_id, best.score, Via.RELATED, matched),))


def _name_evidence(index: Index, words: list[str]) -> dict[int, _Evidence]:
    """Best name match per entry: surfaces sharing words with the question, scored in full
    only for the most promising few (ranked by a cheap weighted word count first)."""
    credits = {word: index.similar_tokens(word) for word in dict.fromkeys(words)}
    matches = sorted(
        ((token, credit) for similar in credits.values() for token, credit in similar.items()),
        key=lambda pair: len(index.postings[pair[0]]),
    )
    hits: dict[int, float] = {}
    for token, credit in matches:
        postings = index.postings[token]
        if len(postings) > MAX_POSTINGS and (hits or credit < 1.0):
            continue  # too common to pick names by ("treaty", "nato"), or a typo's guess
        gain = credit * weight(token, in_name=True)
        for number in postings:
            hits[number] = hits.get(number, 0.0) + gain
    surfaces = index.surfaces
    best = heapq.nlargest(MAX_SCORED, hits, key=lambda n: hits[n] / surfaces[n].total)
    known: dict[str, tuple[float, str]] = {}  # vocabulary word → best credit, question word
    for word, similar in credits.items():
        for token, credit in similar.items():
            if token not in known or credit > known[token][0]:
                known[token] = (credit, word)
    # a question naming several places ("washington-tokyo") does not name a thing by one of them
    places = len({PLACE_GROUPS.get(w, w) for w in words if w in PLACES}) > 1
    evidence: dict[int, _Evidence] = {}
    for number in best:
        surface = surfaces[number]
        cover, named = _cover(surface, known, places=places)
        found = evidence.setdefault(surface.entry, _Evidence())
        # Every name of the entry explains its words ("modified brussels treaty"), misspelt
        # ones too: "quad secuirty dialogue" is all about the Quad.
        found.also |= named
        if (cover, len(named)) > (found.cover, len(found.named)):
            found.cover, found.surface, found.named = cover, surface, named
    return evidence


def _cover(
    surface: Surface, known: dict[str, tuple[float, str]], *, places: bool = False
) -> tuple[float, frozenset[str]]:
    """Share (weighted) of the surface's words present in the question, and which words. With
    `places` (the question names several), a name only a place of which is present counts
    for less: "washington" of "washington-tokyo" is not the Washington Treaty."""
    if len(surface.tokens) > 1:
        whole = known.get(surface.joined)
        if whole is not None:
            return whole[0], frozenset([whole[1]])
    named: set[str] = set()
    got = 0.0
    matched = []
    for token, token_weight in zip(surface.tokens, surface.weights, strict=True):
        hit = known.get(token)
        if hit is not None:
            got += hit[0] * token_weight
            named.add(hit[1])
            matched.append(token)
    cover = got / surface.total
    if places and len(matched) < len(surface.tokens) and all(t in PLACES for t in matched):
        cover *= PLACE_ONLY
    return cover, frozenset(named)


def _explain(
    index: Index, words: list[str], evidence: dict[int, _Evidence], candidates: list[int]
) -> None:
    """Score candidates by how much of the question their names and own text explain."""
    held = index.text.words_held(words, candidates)
    weights = {w: weight(w) * index.text.rarity(w) for w in words}
    total = sum(weights[w] for w in words)
    cues = {w: KIND_CUES[w] for w in weights if w in KIND_CUES}
    asking = {w for w in words if w in ASK_WORDS or w in FIELD_WORDS}
    if any(w in GENERIC for w in words):  # "is the anzus alliance healthy", not a cocktail
        asking |= {w for w in words if w in JUDGING_WORDS}
    slipped = [  # misspelt, and not a name's telling word misspelt ("artcle 5" is Article 5's)
        w
        for w in words
        if len(w) > MIN_TYPO_LEN
        and _unknown(index, w)
        and all(weight(t, in_name=True) < 1.0 for t in index.similar_tokens(w))
    ]
    claimed: dict[str, set[int]] = defaultdict(set)  # slipped word → named entries it names
    for number, found in evidence.items():
        if found.cover >= NAME_COVER:
            for w in found.also.intersection(slipped):
                claimed[w].add(number)
    for number in candidates:
        found = evidence.setdefault(number, _Evidence())
        known = held.get(number, set()) | found.named | found.also
        if found.cover >= NAME_COVER:  # "new start expiry": asked of the thing it names
            known |= asking
            # "aukus submarnie deal": a slip of a word of the named entry's own text, unless
            # another named entry's name claims it ("operaton allied forse kosovo")
            known |= {
                w
                for w in slipped
                if claimed.get(w, set()) <= {number}
                and any(index.text.holds(number, s) for s in index.text.slips(w))
            }
        if cues:  # "the treaty that…" is explained by treaties, not by alliances that mention one
            kind = index.entries[number].kind.value
            known = {w for w in known if w not in cues or kind in cues[w]}
            known |= {w for w, kinds in cues.items() if kind in kinds}
        found.known = frozenset(known)
        found.explained = sum(weights[w] for w in words if w in known) / total
        if found.cover >= NAME_COVER:
            found.score = 100.0 * (0.5 * found.cover + 0.5 * found.explained)
        else:  # unnamed: the text must carry it, and one-word questions are name questions
            reach = min(1.0, len(words) / 3)
            found.score = 100.0 * max(
                0.4 * found.cover + 0.6 * found.explained, 0.85 * found.explained * reach
            )


def _decide(
    index: Index,
    evidence: dict[int, _Evidence],
    words: list[str],
    limit: int,
    *,
    skip: dict[int, _Evidence],
    proper: tuple[str, ...] = (),
    acronyms: tuple[str, ...] = (),
    which: str = "",
) -> SearchResult:
    fits = {n for n in evidence if _kind_fits(index, n, words)}
    order = sorted(  # between equals, the one of the kind described comes first
        evidence.items(),
        key=lambda item: (-item[1].score, item[0] not in fits, -len(item[1].named)),
    )
    # A long description is offered its closest entries on less: it shares fewer of its words
    suggest_at = (
        SUGGEST_AT if len(content_words(words)) < DESCRIPTION_WORDS else DESCRIPTION_SUGGEST_AT
    )
    if not order or order[0][1].score < suggest_at:
        return SearchResult(Outcome.NONE)
    # A longer name present, holding the words of the best one's and more, comes first:
    # "ulchi freedom sheild" is Ulchi Freedom Shield, whatever Freedom Shield's text explains.
    longer = [
        (n, f)
        for n, f in order[1:]
        if f.cover >= NAME_COVER
        and order[0][1].cover >= NAME_COVER
        and order[0][1].named < f.named
        and f.score >= suggest_at
        and _numbers_agree(index, n, words)
    ]
    if longer:
        longest = max(longer, key=lambda item: (len(item[1].named), item[1].score))
        order.remove(longest)
        order.insert(0, longest)
    top_number, top = order[0]
    # A rival whose names carry another number cannot be what "article 13" asks for, nor one
    # the description rules out: "the … clause in the nato treaty" is not the whole treaty.
    rest = [
        found
        for n, found in order[1:]
        if _numbers_agree(index, n, words) and (n in fits or top_number not in fits)
    ]
    if top_number in skip:  # named but, by the question's cue, not asked about…
        sure = _is_sure_pivot_answer(index, top, rest, words)  # …unless nothing else fits
        if sure and top.explained < SURE_TEXT_EXPLAINED:
            # explaining less, only when no entry of the cued kind is related to it ("which
            # organisation runs ATMIS" may be the African Union's)
            cued = _cued_kinds([w for w in words if w not in top.named])
            related = [index.position.get(other) for other in index.entries[top_number].related]
            sure = not any(n is not None and index.entries[n].kind.value in cued for n in related)
    else:
        sure = (
            _is_named_answer(top, rest) or _is_sure_named_answer(index, top, rest, words)
        ) and _spelt_out(index, top, words)
        # a name far ahead of the rest in a long question may sit among words we lack
        sure = sure or _is_dominant_named_answer(index, top, rest, words)
        sure = sure or _is_full_name_answer(index, top, rest, words)
    if sure and top_number not in fits:  # "which peace agreement did IFOR implement"
        sure = not any(
            n in fits and f.explained >= top.explained and _numbers_agree(index, n, words)
            for n, f in evidence.items()
        )
    if sure and which and index.entries[top_number].kind.value != which:
        # "IFOR was deployed to enforce which peace agreement?": the entry of the kind asked
        # for that explains most of it, clearly, else the two are offered
        asked = sorted(
            (
                (n, f)
                for n, f in evidence.items()
                if index.entries[n].kind.value == which and _numbers_agree(index, n, words)
            ),
            key=lambda item: -item[1].explained,
        )
        if asked:
            number, found = asked[0]
            lead = found.explained - max((f.explained for _, f in asked[1:]), default=0.0)
            if found.explained >= WHICH_EXPLAINED and lead >= TEXT_LEAD:
                return SearchResult(Outcome.ANSWER, (_candidate(index, number, found),))
            pair = (_candidate(index, number, found), _candidate(index, top_number, top))
            return SearchResult(Outcome.SUGGEST, pair)
    if sure and _numbers_agree(index, top_number, words):
        return SearchResult(Outcome.ANSWER, (_candidate(index, top_number, top),))
    named = top.cover >= NAME_COVER and top_number not in skip
    if named:
        through = _through_named(index, top_number, top, evidence, words, fits)
        if through is not None:
            name = top.surface.text if top.surface is not None else ""
            chosen = Candidate(
                index.entries[through].id, evidence[through].score, Via.RELATED, name
            )
            return SearchResult(Outcome.ANSWER, (chosen,))
    # No name present, or only one the question is not about (a pivot, or of a kind the
    # description rules out): the entry whose text explains most may win, among the entries
    # of a kind that fits ("the nato-led force that…" is no treaty, and no treaty rivals it
    # unless the question names it as what the force relates to).
    if not (named and top_number in fits):
        by_text = sorted(
            ((n, f) for n, f in evidence.items() if n in skip or n in fits),
            key=lambda item: -item[1].explained,
        )
        fitting = [(n, f) for n, f in by_text if n in fits]
        if fitting:
            number, found = fitting[0]
            others = [f for n, f in by_text if n != number]
            rivals = [f for n, f in fitting if n != number and n not in skip]
            if (
                _text_may_answer(index, number, found, rivals, words, proper, acronyms)
                and (
                    _is_text_answer(index, found, others, words)
                    or _is_sure_text_answer(index, number, found, others, words)
                    or (
                        _asks_own_label(index, number, found, words)
                        and _is_sure_text_answer(index, number, found, others, words, label=True)
                    )
                )
                and _numbers_agree(index, number, words)
            ):
                return SearchResult(Outcome.ANSWER, (_candidate(index, number, found),))
    close = [(n, f) for n, f in order[:limit] if f.score >= suggest_at]
    close.sort(key=lambda item: item[0] not in fits)  # "the treaty where…": treaties first
    return SearchResult(Outcome.SUGGEST, tuple(_candidate(index, n, f) for n, f in close))


def _text_may_answer(
    index: Index,
    number: int,
    found: _Evidence,
    rivals: list[_Evidence],
    words: list[str],
    proper: tuple[str, ...],
    acronyms: tuple[str, ...] = (),
) -> bool:
    """Whether an entry no name points to may be answered from its text at all: not when a
    short question has a word the knowledge base does not know; nor when it names a country
    the entry's text lacks ("how many aircraft carriers does china operate" is not Pitch
    Black), unless the text holds two others the question names ("why did poland need
    berlin's sign-off to send german tanks to ukraine"); nor a document named after a place
    the text lacks ("the rome treaty"); nor over an entry of a fitting kind whose name the
    question holds more of, scoring higher ("the treaty where non-nuclear states promise…"
    half names the NPT), or holds whole, explaining much and scoring nearly as high ("…so
    how many countries are in nato"); nor when the question writes as a proper name
    something the entry's text does not hold ("what did the Budapest Memorandum promise
    Ukraine": a subject we lack)."""
    if found.cover >= NAME_COVER:
        return False
    if any(_foreign_name(index, number, phrase) for phrase in proper):
        return False
    if any(_unknown(index, acronym) for acronym in acronyms):
        return False  # "what did the JCPOA require of Iran": a thing we lack, by its initials
    if any(not index.text.holds(number, place) for place in _documents_named(words)):
        return False
    left = _unexplained(found, words)
    if len(content_words(words)) <= SHORT_QUESTION and any(_unknown(index, w) for w in left):
        return False
    held_places = {PLACE_GROUPS.get(w, w) for w in found.known if w in PLACES}
    if any(w in PLACES for w in left) and len(held_places) < PLACES_HELD:
        return False
    return not any(
        (f.score > found.score and HALF_NAMED <= f.cover < NAME_COVER)
        or (
            f.cover >= NAME_COVER
            and f.explained >= RIVAL_NAMED_EXPLAINED
            and f.score > found.score - MARGIN
        )
        for f in rivals
    )


def _documents_named(words: list[str]) -> list[str]:
    """The places documents are named after in the question, however written: "rome" of
    "rome treaty", "budapest" of "budapest memorandum". An entry whose text lacks the place
    is not that document ("why did france, germany and italy sign the rome treaty")."""
    return [
        a
        for a, b in itertools.pairwise(words)
        if (a in PLACES or a in DOCUMENT_PLACES) and b in DOCUMENTS
    ]


def _foreign_name(index: Index, number: int, phrase: str) -> bool:
    """Whether a proper name the asker wrote names a thing of the field ("… Memorandum",
    "… Convention", "… Group") that is neither an entry's name nor in the entry's text:
    "Budapest Memorandum" beside text about Ukraine in 1994."""
    tokens = phrase.split()
    if not any(t in NAMING_NOUNS for t in tokens) or index.exact.get(phrase) is not None:
        return False
    if all(t in index.postings for t in tokens):  # words of names: "Active Endeavour"
        return False
    return not index.text.holds_phrase(number, phrase)


def _through_named(
    index: Index,
    number: int,
    named: _Evidence,
    evidence: dict[int, _Evidence],
    words: list[str],
    fits: set[int],
) -> int | None:
    """ "what did nato do against somali pirates between 2009 and 2016": NATO is named but
    explains little; the question is about an entry related to it whose text explains much
    more, well ahead of every other unnamed entry. `fits`: the entries of a kind the question
    allows."""
    if named.explained >= THROUGH_NAMED_MAX:
        return None
    linked = set(index.entries[number].related)
    ranked = sorted(  # between equals, the one of the kind described ("the nato force that…")
        ((n, f) for n, f in evidence.items() if n != number and f.cover < NAME_COVER),
        key=lambda item: (-item[1].explained, item[0] not in fits),
    )
    if not ranked:
        return None
    best, found = ranked[0]
    entry = index.entries[best]
    others = (  # named entries besides `number` too; of a kind the question rules out, none
        f.explained
        for n, f in evidence.items()
        if n not in (number, best) and (n in fits or best not in fits)
    )
    lead = found.explained - max(others, default=0.0)
    content = content_words(words)
    left = _unexplained(found, words)
    unsure = any(_unknown(index, w) for w in left)
    if (
        (entry.id in linked or index.entries[number].id in entry.related)
        and len(content) >= TEXT_MIN_WORDS
        and found.explained >= THROUGH_EXPLAINED
        and found.explained - named.explained >= THROUGH_LEAD
        and lead >= (UNSURE_LEAD if unsure else TEXT_LEAD)
        and not (unsure and len(subject_words(words)) <= SHORT_QUESTION)  # "dynamic mongoose"
        and not _mostly_unknown(index, left, words)
        and best in fits
        and _numbers_agree(index, best, words)
    ):
        return best
    return None


def _spelt_out(index: Index, found: _Evidence, words: list[str]) -> bool:
    """Whether a name present is clearly what a short question asks about. A name matched
    through a typo may leave at most one other word over, one the entries use ("anakoda
    exercise poland, how big was the 2016 one"); otherwise, in a question of a few content
    words, none may be unknown to the knowledge base ("how long can an anaconda snake get",
    "how big do african lions get in the wild"), but one when the entry explains nearly all
    the rest, or unless most of a name of several words is there word for word ("south east
    asia treaty organisaton"). A name that is also an
    everyday phrase gets no such grace: "red flag in cricket", "sea breeze in minecraft"."""
    if found.surface is None:
        return True
    tokens = set(found.surface.tokens)
    inexact = [w for w in found.named if w not in tokens and w != found.surface.joined]
    left = _unexplained(found, words)
    if _mostly_unknown(index, left, words, share=NAMED_UNKNOWN_SHARE):
        return False  # "what is the bright star poem about, my teacher asked"
    stems = {stem(t) for t in tokens}
    short = len(subject_words(words)) <= SHORT_QUESTION
    if any(stem(w) not in stems for w in inexact):
        # a typo: in a short question, the rest must fit too, or be words the entries use
        return not short or (len(left) <= 1 and not any(_unknown(index, w) for w in left))
    if found.surface.everyday:
        # A name that is also an everyday phrase ("red flag", "sea breeze") is not clearly
        # asked about when written otherwise ("red flags"), nor beside a word we lack, nor
        # beside two words the entry does not explain, unless the entry's text holds two
        # other words of a question of some length: "which countries host African Lion
        # besides Morocco?"
        if any(len(w) > len(t) and w.startswith(t) for w in inexact for t in tokens):
            return False  # inflected: "red flags", not a slip such as "sea breez"
        if not short and len(_own_words(index, found, words)) >= EVERYDAY_HELD:
            return True
        return not any(_unknown(index, w) for w in left) and len(left) <= 1
    if (
        not inexact
        and len(tokens) > 1
        and found.cover >= SPECIFIC_COVER
        and _in_order(found.surface.tokens, words)
    ):
        return True  # not just "anaconda" of "Exercise Anaconda", nor a "triumph tiger" bike
    if not short:
        return True  # one odd word in a long description is noise
    unknown = sum(_unknown(index, w) for w in left)
    return unknown == 0 or (unknown == 1 and found.explained >= SHORT_UNKNOWN_EXPLAINED)


def _own_words(index: Index, found: _Evidence, words: list[str]) -> list[str]:
    """The question's content words, other than its names' words, that the entry's own text
    holds."""
    number = found.surface.entry if found.surface is not None else -1
    named = {stem(w) for w in found.also}
    return [
        w
        for w in dict.fromkeys(content_words(words))
        if stem(w) not in named and w not in ASK_WORDS and index.text.holds(number, w)
    ]


def _in_order(name: tuple[str, ...], words: list[str]) -> bool:
    """Whether the name's distinctive words that the question holds come in the name's
    order ("NATO Smart Defence" may be "smart defence in nato"; "Tiger Triumph" is not a
    Triumph Tiger)."""
    positions = [words.index(t) for t in name if t in words and weight(t, in_name=True) >= 1.0]
    return positions == sorted(positions)


def _written_whole(name: tuple[str, ...], words: list[str]) -> bool:
    """Whether the name's words stand together in the question, in order."""
    size = len(name)
    return any(tuple(words[n : n + size]) == name for n in range(len(words) - size + 1))


def _asks_own_label(index: Index, number: int, found: _Evidence, words: list[str]) -> bool:
    """Whether the question holds a fact label of the entry that points at it: one the
    entry is also tagged with ("Petersberg tasks"), or beside part of its name ("eu" of "EU
    defence" with "High Representative"). "What is the legal basis" names no subject."""
    held = set(words)
    tagged = [label.tagged for label in index.labels(number) if label.tokens <= held]
    return bool(tagged) and (found.cover >= LABEL_NAMED or any(tagged))


def _asked_labels(index: Index, number: int, words: list[str]) -> tuple[str, ...]:
    """The entry's fact labels whose every content word the question holds."""
    held = set(words)
    return tuple(label.text for label in index.labels(number) if label.tokens <= held)


def _kind_fits(index: Index, number: int, words: list[str]) -> bool:
    """Text alone does not answer "the strategic exercise russia holds…" with a concept, nor
    "the nato-led force that implemented the bosnia peace deal" with the deal: the first
    word that says what is described, when it is one of DESCRIBED_KINDS, limits the kinds."""
    described = _described(words)
    if described in CLAUSE_WORDS:  # "the clause in nato's founding treaty that…"
        return number in index.clauses
    kinds = DESCRIBED_KINDS.get(described or "")
    return kinds is None or index.entries[number].kind.value in kinds


def _described(words: list[str]) -> str | None:
    """The word that says what is described: the first topic noun, or the one after it when
    it qualifies another ("the treaty organisation that…" describes an organisation)."""
    for n, word in enumerate(words):
        if word in TOPIC_NOUNS:
            following = words[n + 1] if n + 1 < len(words) else ""
            return following if following in TOPIC_NOUNS else word
    return None


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
    if _longer_name_present(top, rest):
        return False
    for other in rest:
        if other.score <= top.score - MARGIN:
            return True  # no close rival left (rest is sorted by score)
        if other.cover >= NAME_COVER and not other.named < top.named:
            # The same words, but only ours is there whole: "north atlantic traety how many
            # articles" is the treaty, not the North Atlantic Treaty Organization.
            if other.named == top.named and other.cover < top.cover - WHOLE_LEAD:
                continue
            return False  # two names present, and ours does not contain the other's
        if other.cover < NAME_COVER and other.explained > top.explained:
            return False  # an unnamed entry accounts for more of the question
    return True


def _longer_name_present(top: _Evidence, rest: list[_Evidence]) -> bool:
    """Whether another name present holds the words of ours and more: "ulchi freedom shield"
    is not Freedom Shield, whatever their texts explain."""
    return any(other.cover >= NAME_COVER and top.named < other.named for other in rest)


def _is_text_answer(index: Index, top: _Evidence, rest: list[_Evidence], words: list[str]) -> bool:
    lead = top.explained - max((other.explained for other in rest), default=0.0)
    # Words no entry knows leave room for a subject we lack: a wider lead is needed, and when
    # they are two in five of its words, it is about something else ("max range of a tomahawk").
    left = _unexplained(top, words)
    if _mostly_unknown(index, left, words):
        return False
    unsure = any(_unknown(index, w) for w in left)
    long = len(content_words(words)) >= DESCRIPTION_WORDS  # a long description shares fewer words
    if top.explained >= (DESCRIPTION_EXPLAINED if long else TEXT_EXPLAINED):
        enough = _telling(words) >= TEXT_MIN_WORDS
        return enough and lead >= (UNSURE_LEAD if unsure else TEXT_LEAD)
    # Less of the question explained: far ahead of the rest, on more telling words.
    return (
        top.explained >= TEXT_CLEAR_EXPLAINED
        and len(content_words(words)) >= TEXT_MIN_WORDS
        and lead >= TEXT_CLEAR_LEAD
    )


def _mostly_unknown(
    index: Index, left: list[str], words: list[str], *, share: float = TEXT_UNKNOWN_SHARE
) -> bool:
    """Whether two or more of the words left over, and `share` of the question's content
    words, are words no entry knows: the question is about something else."""
    unknown = [w for w in left if _unknown(index, w)]
    telling = set(subject_words(words))
    return len(unknown) >= 2 and len(unknown) >= share * len(telling)


def _telling(words: list[str]) -> float:
    """How many words say which entry is meant, words of a kind, organisations and years
    counting half: "the 2018 nato exercise in norway with about 50,000 troops" says enough,
    "the treaty between israel and egypt" does not."""
    return sum(1.0 if weight(w) >= 1.0 else 0.5 for w in words if weight(w) >= weight("2018"))


def _unexplained(found: _Evidence, words: list[str]) -> list[str]:
    """The question's content words the entry does not account for."""
    return [w for w in dict.fromkeys(words) if weight(w) >= 1.0 and w not in found.known]


def _unknown(index: Index, word: str) -> bool:
    """A word in no entry's names or text, nor any of its equivalents: the question may be
    about something we lack."""
    return (
        not index.text.knows_form(word)
        and word not in index.postings
        and not any(index.text.knows(other) for other in EQUIVALENTS.get(word, ()))
    )


def _is_sure_text_answer(
    index: Index,
    number: int,
    top: _Evidence,
    rest: list[_Evidence],
    words: list[str],
    *,
    label: bool = False,
) -> bool:
    """A short description every word of which the knowledge base knows, explained almost
    entirely by one entry far ahead of the rest: "ireland triple lock", "minusma mali". With
    `label`, the question holds one of the entry's fact labels and may be shorter still:
    "who is the eu high representative"."""
    # Two names of one place are one piece of evidence: "tokyo" and "japanese" are Japan.
    content = {PLACE_GROUPS.get(w, w) for w in content_words(words)}
    if content <= _name_places(index, number):
        # "the washington-tokyo alliance": the places of its name, and what it is
        content |= {w for w in words if w in KIND_CUES}
    if top.explained < SURE_TEXT_EXPLAINED or (len(content) < SURE_TEXT_WORDS and not label):
        return False
    if any(_unknown(index, w) for w in _unexplained(top, words)):
        return False
    lead = top.explained - max((other.explained for other in rest), default=0.0)
    return lead >= SURE_TEXT_LEAD


def _name_places(index: Index, number: int) -> set[str]:
    """The places the entry's names hold, as their groups' first words ("japan" of "tokyo")."""
    return {  # as written: "us" is filler among a name's tokens
        PLACE_GROUPS[t]
        for surface in index.named[number]
        for t in fold(surface.text).split()
        if t in PLACES
    }


def _is_sure_named_answer(
    index: Index, top: _Evidence, rest: list[_Evidence], words: list[str]
) -> bool:
    """A name present, far ahead of any other entry, and at most one word left over that is
    common in the knowledge base: "pesco projects", "un peacekeeping right now"."""
    if top.cover < SPECIFIC_COVER or top.explained < SURE_NAME_EXPLAINED:
        return False
    left = _unexplained(top, words)
    if len(left) > 1 or any(index.text.holders_of(w) < SURE_NAME_COMMON for w in left):
        return False
    if _longer_name_present(top, rest):
        return False
    runner_up = max((other.score for other in rest), default=0.0)
    return top.score - runner_up >= SURE_NAME_LEAD


def _is_dominant_named_answer(
    index: Index, top: _Evidence, rest: list[_Evidence], words: list[str]
) -> bool:
    """A name present whole (not an everyday phrase) in a question of some length whose
    other words the entry's own text also holds, more of them than words the knowledge base
    lacks, explaining a fair share of it, more than any other entry does, and far ahead of
    every other entry, named or not: "under the NATO SOFA who gets to prosecute a visiting
    soldier who commits a crime off duty?"."""
    if top.cover < SPECIFIC_COVER or top.explained < DOMINANT_EXPLAINED:
        return False
    if top.surface is None or top.surface.everyday:
        return False  # "best time to visit kakadu national park"
    if len(subject_words(words)) <= SHORT_QUESTION:
        return False  # too little to go on
    held = _own_words(index, top, words)
    if not held:
        return False  # only the name ties it to the entry
    if _longer_name_present(top, rest) or any(o.explained > top.explained for o in rest):
        return False
    if sum(_unknown(index, w) for w in _unexplained(top, words)) > DOMINANT_UNKNOWN * len(held):
        return False
    runner_up = max((other.score for other in rest), default=0.0)
    return top.score - runner_up >= DOMINANT_LEAD


def _is_full_name_answer(
    index: Index, top: _Evidence, rest: list[_Evidence], words: list[str]
) -> bool:
    """A name of several words, one of them telling, written out whole and in order, no
    everyday phrase, is what the question is about, whatever else it holds, while its entry
    explains a fair share of it, no other entry is named or explains much more, and few of
    the other words are unknown to the knowledge base: "saw this article about the US-ROK
    Mutual Defense Treaty, what does Article IV let the US do?", "is the Dayton Agreement the
    reason Bosnia's political system is so convoluted?"."""
    surface = top.surface
    if surface is None or surface.everyday or top.cover < 1.0 or len(surface.tokens) < 2:
        return False
    if sum(w >= 1.0 for w in surface.weights) < FULL_NAME_WORDS or surface.total < FULL_NAME_WEIGHT:
        return False
    if not _written_whole(surface.tokens, words) or top.explained < FULL_NAME_EXPLAINED:
        return False  # not "deterrence theory of criminal punishment" for deterrence by punishment
    if _longer_name_present(top, rest):
        return False
    rivals = [  # not one named after ours, explaining no more: "…was it a warm-up for NATO?"
        o
        for o in rest
        if not (
            o.cover >= NAME_COVER and _named_after(o, top, words) and o.explained <= top.explained
        )
    ]
    if any(o.cover >= NAME_COVER and not o.named <= top.named for o in rivals):
        return False
    if any(o.explained > top.explained + FULL_NAME_RIVAL for o in rest):
        return False
    # words we lack, beyond one in a longer question, need as many of its own text's words:
    # not "the dayton agreement restaurant menu prices", nor "does brics have a mutual defence role"
    unknown = sum(_unknown(index, w) for w in _unexplained(top, words))
    grace = 1 if len(subject_words(words)) > SHORT_QUESTION else 0
    if unknown > grace + len(_own_words(index, top, words)):
        return False
    runner_up = max((other.score for other in rivals), default=0.0)
    return top.score - runner_up >= MARGIN


def _named_after(other: _Evidence, first: _Evidence, words: list[str]) -> bool:
    """Whether every word naming `other` comes after every word naming `first`: the thing
    named first is the subject ("was the Brussels Treaty a warm-up for NATO?")."""
    positions = {w: n for n, w in enumerate(words)}  # a word's last place
    firsts = {w: n for n, w in reversed(list(enumerate(words)))}
    own = [positions[w] for w in first.named if w in positions]
    theirs = [firsts[w] for w in other.named - first.named if w in firsts]
    return bool(own) and bool(theirs) and max(own) < min(theirs)


def _is_sure_pivot_answer(
    index: Index, top: _Evidence, rest: list[_Evidence], words: list[str]
) -> bool:
    """A named entry of another kind than the question's cue, when it still explains nearly
    all of it and no other entry comes close: "when did the sahel states sign their
    confederation treaty" (an alliance, asked about its founding treaty)."""
    if top.cover < NAME_COVER or top.explained < SURE_PIVOT_EXPLAINED:
        return False
    if any(_unknown(index, w) for w in _unexplained(top, words)):
        return False
    lead = top.explained - max((other.explained for other in rest), default=0.0)
    return lead >= SURE_TEXT_LEAD


def _candidate(index: Index, number: int, found: _Evidence) -> Candidate:
    entry_id = index.entries[number].id
    if found.surface is not None and found.cover >= NAME_COVER:
        return Candidate(entry_id, found.score, found.surface.via, found.surface.text)
    return Candidate(entry_id, found.score, Via.TEXT, "its own text")
