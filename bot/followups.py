"""Second looks at a decided result, from how the question is put: a name asked for
outright ("anyone know much about Cobra Gold? my cousin…"), a topic set aside before the real
question ("forget rimpac, when is the best time to visit hawaii?"), a question among chat
("lunch was great btw. what does the NPT require?"), a name only a remark before the question
holds, and what came after a named entry ("what replaced isaf")."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from bot.index import (
    CLAUSE_WORDS,
    NAME_FILLER,
    SUCCESSION,
    SUCCESSION_PAIRS,
    Candidate,
    Index,
    Outcome,
    SearchResult,
    Surface,
    Via,
    subject_words,
)
from bot.query import FILLER, MIN_REMARK_WORDS, Intent, Query, parse_query
from bot.schema import Kind

# Words by which a question points back at what it named before: "…, but when did it end?"
BACK_REFERENCES = frozenset("it its they them their one ones this these those".split())

# Nouns that "that" or "this" points back with: "does that group change anything?"
POINTED_NOUNS = frozenset(
    """
    group treaty pact deal agreement accord alliance bloc club organisation organization body
    exercise drill operation mission force deployment clause article quote claim thing one
    """.split()
)

# Words that compare what is asked with a thing named: "the EU counterpart of Ocean Shield"
COMPARISON = frozenset(
    "counterpart counterparts equivalent equivalents analogue similar comparable alongside"
    " unlike besides separate".split()
)

OWNED = frozenset("counterpart counterparts equivalent equivalents".split())
COMPARED_WITHIN = 6  # words after the comparing word (or two before, for OWNED) the named
# thing sits in

CONTRAST_HELD = 0.75  # share of the real question's words its text must hold to stay answered

Research = Callable[[Query], SearchResult]  # the matcher, for a part of the question


def reconsider(
    index: Index, query: Query, result: SearchResult, research: Research
) -> SearchResult:
    """The result, looked at again in the light of how the question is put (see the module)."""
    if result.outcome is Outcome.ANSWER and query.aside:
        return SearchResult(Outcome.SUGGEST, result.candidates)  # "off topic: …"
    if result.outcome is Outcome.SUGGEST and query.asked:
        result = _as_asked(index, query, result)
    if result.outcome is Outcome.ANSWER and query.contrast:
        result = _after_contrast(index, query, result, research)
    elif result.outcome is Outcome.ANSWER and query.questions:
        result = _after_remark(index, query, result, research)
    elif result.outcome is Outcome.SUGGEST and query.contrast and query.dismissed:
        alone = research(parse_query(query.contrast))  # "forget the INF, when did New START…"
        if alone.outcome is Outcome.ANSWER:
            result = alone
    if result.outcome is Outcome.SUGGEST and query.questions and not query.aside:
        result = _as_questioned(query, result, research)
    tokens = query.text.split()
    if result.outcome is Outcome.ANSWER and _asks_succession(tokens):
        result = _with_successor(index, query, result)
    if result.outcome is Outcome.ANSWER and not COMPARISON.isdisjoint(tokens):
        result = _compared(index, query, result, research, tokens)
    best = result.best if result.outcome is Outcome.ANSWER else None
    if best is not None and best.via is Via.TEXT and "difference" in tokens:
        # "difference between a drill and a war game?": two things compared, no one entry
        result = SearchResult(Outcome.SUGGEST, result.candidates)
    elif best is not None and best.via is Via.TEXT and _asks_for_a_tag(index, query, best):
        # "what was the Cuban Missile Crisis?": a thing of its own, only tagged on the Rio Treaty
        result = SearchResult(Outcome.SUGGEST, result.candidates)
    return result


def _as_questioned(query: Query, result: SearchResult, research: Research) -> SearchResult:
    """A message of several sentences whose chat only made the matcher unsure: one of its
    questions alone answers the entry the whole message offered first ("lunch was great btw.
    random one from my kid's homework: what does the Non-Proliferation Treaty actually
    require?")."""
    best = result.best
    if best is None or best.via is Via.TEXT:
        return result
    for question in query.questions:
        alone = research(parse_query(question))
        if alone.outcome is Outcome.ANSWER and alone.best and alone.best.entry_id == best.entry_id:
            return alone
    return result


def _asks_for_a_tag(index: Index, query: Query, best: Candidate) -> bool:
    """Whether the question asks outright for a thing of several words that the answered
    entry only has as a tag ("partnerships" alone is a word of its text)."""
    tags = index.tags(index.position[best.entry_id])
    return any(asked in tags and len(asked.split()) > 1 for asked in query.asked)


def _compared(
    index: Index, query: Query, result: SearchResult, research: Research, tokens: list[str]
) -> SearchResult:
    """ "What is Australia's air combat exercise similar to Red Flag?": Red Flag is named, as
    what something else is compared with. The question without that name decides what is
    offered first, then the named entry; a question naming two entries keeps its answer."""
    best = result.best
    if best is None or best.via is Via.TEXT:
        return result
    number = index.position[best.entry_id]
    names = {t for surface in index.named[number] for t in surface.tokens}
    cues = [n for n, w in enumerate(tokens) if w in COMPARISON]
    near = {  # what follows the comparing word, and what a counterpart is of: "zapad's"
        w
        for n in cues
        for w in tokens[max(0, n - 2) if tokens[n] in OWNED else n + 1 : n + COMPARED_WITHIN]
    }
    if names.isdisjoint(near):
        return result  # compared with something else: "the third task alongside collective…"
    rest = [w for w in tokens if w not in names]
    alone = research(parse_query(" ".join(rest)))
    others = [c for c in alone.candidates if c.entry_id != best.entry_id]
    if not others:
        return SearchResult(Outcome.SUGGEST, (best,))
    if alone.outcome is Outcome.ANSWER and others[0].via is not Via.TEXT:
        return result  # the rest names another entry too: "how is nato like the csto"
    return SearchResult(Outcome.SUGGEST, (others[0], best))


def _after_contrast(
    index: Index, query: Query, result: SearchResult, research: Research
) -> SearchResult:
    """A name answered that the question sets aside before asking its real question ("forget
    rimpac, when is the best time to visit hawaii?", "vostok is in the east, but what's the
    exercise in the west?") is not the answer: the real question alone decides. When that
    answers nothing, an entry dismissed outright is only offered; one given as context stays
    the answer if the real question points back at it ("…but when did it start?"), or if its
    text holds three quarters of the real question's words ("I know NATO has 32 members, but
    when did Finland join?")."""
    best = result.best
    if best is None or best.via is Via.TEXT:
        return result
    after = parse_query(query.contrast)
    if after.intent is not Intent.ASK:
        return result
    alone = research(after)
    if alone.outcome is Outcome.ANSWER and not (query.dismissed and alone.best == best):
        return alone
    if query.dismissed:
        return SearchResult(Outcome.SUGGEST, (best,))
    if BACK_REFERENCES & set(after.text.split()):
        return result
    number = index.position[best.entry_id]
    if index.entries[number].kind is Kind.TREATY and CLAUSE_WORDS & set(after.words.split()):
        return result  # "…about the US-ROK Mutual Defense Treaty, what does Article IV say?"
    asked = list(dict.fromkeys(subject_words(after.words.split())))
    renamed = _names_in(index, number, asked)
    if renamed:  # "…in NATO, is NORDEFCO kind of pointless?", not "…at kakadu national park"
        everyday = all(surface.everyday for surface in renamed)
        return SearchResult(Outcome.SUGGEST, (best,)) if everyday else result
    return result if _holds_most(index, number, after) else SearchResult(Outcome.SUGGEST, (best,))


def _holds_most(index: Index, number: int, question: Query) -> bool:
    """Whether the entry's text holds CONTRAST_HELD of the question's subject words."""
    asked = list(dict.fromkeys(subject_words(question.words.split())))
    held = [w for w in asked if index.text.holds(number, w)]
    return len(held) >= CONTRAST_HELD * len(asked)


def _after_remark(
    index: Index, query: Query, result: SearchResult, research: Research
) -> SearchResult:
    """A name answered that only a remark before the question holds ("I keep seeing the Zapad
    exercise in the news. Do I need a visa to visit Belarus?"): the last question decides
    when it answers alone; otherwise the name stays the answer if the question points back
    at it or its text holds most of the question, and is only offered if not."""
    best = result.best
    if best is None or best.via is Via.TEXT:
        return result
    number = index.position[best.entry_id]
    asked = [parse_query(question) for question in query.questions]
    if any(_names_in(index, number, q.words.split()) for q in asked):
        return result  # the question names it itself
    last = asked[-1]
    tokens = last.text.split()
    if last.intent is not Intent.ASK or _points_back(tokens):
        return result  # "…is that still true?", "does that group change anything?"
    if len(query.text.split()) - len(tokens) < MIN_REMARK_WORDS:
        return result  # a topic set before the question: "UFS in august: why does…"
    alone = research(last)
    if alone.outcome is Outcome.ANSWER:
        return alone
    if BACK_REFERENCES & set(tokens) or _holds_most(index, number, last):
        return result  # "…is it still running?"
    return SearchResult(Outcome.SUGGEST, (best,))


def _points_back(tokens: list[str]) -> bool:
    """Whether a question points back at what was said before it, beyond a pronoun that may
    point within it: "that" or "this" before a noun of the field ("that group"), "is that…"."""
    if tokens[:2] in (["is", "that"], ["was", "that"], ["is", "this"]):
        return True
    return any(
        first in ("that", "this") and second in POINTED_NOUNS
        for first, second in itertools.pairwise(tokens)
    )


def _names_in(index: Index, number: int, words: list[str]) -> list[Surface]:
    """The entry's names whose every word the words hold."""
    held = set(words)
    return [s for s in index.named[number] if s.tokens and set(s.tokens) <= held]


def _asks_succession(tokens: list[str]) -> bool:
    """Whether the question's words ask what came before or after something ("what replaced
    isaf", "who took over in bosnia from sfor"; not "when did nato take over isaf")."""
    pairs = list(itertools.pairwise(tokens))
    if not SUCCESSION.isdisjoint(tokens) or any(pair in SUCCESSION_PAIRS for pair in pairs):
        return True
    return any(
        first in ("took", "take", "taken") and second == "over" and "from" in tokens[n + 2 :]
        for n, (first, second) in enumerate(pairs)
    )


def _with_successor(index: Index, query: Query, result: SearchResult) -> SearchResult:
    """ "what replaced isaf in 2015": ISAF is named (or found by its text: "which EU troops took
    over from NATO in Bosnia in 2004" finds SFOR), but what is asked is the related entry its
    own text names, in a sentence about succession, as what came next (or before): Resolute
    Support, EUFOR Althea. Which way the question points is not read, so both are offered,
    that entry first (the one holding more of the question's words, when there are two); a
    question naming both, or two names of the entry itself ("when did atmis replace
    amisom"), keeps its answer."""
    best = result.best
    if best is None:
        return result
    number = index.position[best.entry_id]
    words = query.words.split()
    neighbours = index.succession(number)
    if not neighbours or any(_names_in(index, n, words) for n in neighbours):
        return result
    own = {frozenset(s.tokens) for s in _names_in(index, number, words)}
    if any(not a <= b and not b <= a for a in own for b in own):
        return result  # two of its own names: "ifor handed over to sfor when?"
    held = index.text.words_held(words, list(neighbours))
    chosen = max(neighbours, key=lambda n: len(held.get(n, ())))  # "which eu force…": EUFOR
    found = Candidate(index.entries[chosen].id, best.score, Via.RELATED, best.matched)
    return SearchResult(Outcome.SUGGEST, (found, best))


def _as_asked(index: Index, query: Query, result: SearchResult) -> SearchResult:
    """A suggestion becomes the answer when the question asks for it outright and it leads:
    "anyone here know much about Cobra Gold? my cousin's unit is heading out for it". The
    request's object must be the name, or begin with it and go on with a word that names
    nothing ("… Desert Storm for a quiz"); a name that is an everyday phrase must be all of
    it ("tell me about red flag", not "what is a red flag in cricket")."""
    best = max(result.candidates, key=lambda c: c.score)
    if best.via is Via.TEXT:
        return result  # named by no name of its own
    for asked in query.asked:
        number = _asked_entry(index, asked.split())
        if number is not None and index.entries[number].id == best.entry_id:
            return SearchResult(Outcome.ANSWER, (best,))
    return result


def _asked_entry(index: Index, tokens: list[str]) -> int | None:
    """The entry whose name the tokens are, or begin with (see `_as_asked`)."""
    qualified = tokens[:1] in (["operation"], ["exercise"])  # "Operation Desert Storm"
    for skip in (1, 0) if qualified else (0,):
        for end in range(len(tokens), skip, -1):
            number = index.exact.get(" ".join(tokens[skip:end]))
            if number is None:
                continue
            surface = index.surfaces[number]
            whole = end == len(tokens)
            if whole or (
                (tokens[end] in FILLER or tokens[end] in NAME_FILLER)
                and (qualified or not surface.everyday)
            ):
                return surface.entry
            return None
    return None
