"""Slips of the keyboard that are not typos of names: a misspelt filler word ("waht"), a
misspelt country or capital ("polnd", "norwey"). Pure functions over fixed word lists."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import OSA  # edit distance where a swap of two letters is one edit

from bot.places import PLACES
from bot.query import ENGLISH_FILLER, FILLER

MIN_TYPO_LEN = 4  # shorter words must match exactly: "us" is not a typo of "un"
MIN_PLACE_SLIP = 5  # shorter words may be slips of several places ("iran", "iraq")
MIN_CHANGED_PLACE = 6  # and a changed letter is a slip only in words this long


def deletions(word: str) -> set[str]:
    """Every word one letter shorter."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def place_slip(word: str) -> str | None:
    """The one place word `word` is a slip of, if there is one: one letter missing, one extra
    or two swapped, or in words of six letters or more one changed ("norwey"); in shorter
    words a changed letter makes real words ("herbs" is no slip of "serbs")."""
    if word in _NOT_PLACE_SLIPS:
        return None
    near = {p for p in _PLACE_VARIANTS.get(word, ()) if len(p) >= MIN_PLACE_SLIP}  # one missing
    for variant in deletions(word):
        if variant in PLACES:
            near.add(variant)  # one extra
        near.update(p for p in _PLACE_VARIANTS.get(variant, ()) if sorted(p) == sorted(word))
    if len(word) >= MIN_CHANGED_PLACE:  # a changed letter in a long name: "norwey"
        near.update(p for v in deletions(word) for p in _PLACE_VARIANTS.get(v, ()))
        near = {p for p in near if len(p) >= MIN_CHANGED_PLACE or sorted(p) == sorted(word)}
    found = [p for p in near if OSA.distance(word, p, score_cutoff=1) <= 1]
    return found[0] if len(found) == 1 else None


# English words one slip from a place: "hungry soldiers" are not Hungarian.
_NOT_PLACE_SLIPS = frozenset("hungry parish merlin athena trance".split())


def is_filler_slip(word: str) -> bool:
    """Whether `word` is a filler word with two letters swapped, or one of four letters or
    more with one letter missing or extra."""
    if word in FILLER or len(word) < MIN_TYPO_LEN - 1:
        return False
    if word in _SHORT_FILLER_SWAPS:
        return True  # "teh", "hwo"
    near = set(_FILLER_VARIANTS.get(word, ()))  # a letter missing
    for variant in deletions(word):
        if variant in _LONG_FILLER:
            near.add(variant)  # a letter extra
        near.update(
            f for f in _FILLER_VARIANTS.get(variant, ()) if sorted(f) == sorted(word)
        )  # two letters swapped (same letters, one edit apart)
    return any(OSA.distance(word, filler, score_cutoff=1) <= 1 for filler in near)


# Slips are looked for among English filler only: "ins" is not a slip of "isn", nor "set"
# of "est".
_LONG_FILLER = frozenset(word for word in ENGLISH_FILLER if len(word) >= MIN_TYPO_LEN)
_SHORT_FILLER_SWAPS = (
    frozenset(
        w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        for w in ENGLISH_FILLER
        if len(w) == 3
        for i in range(2)
    )
    - FILLER
)
_PLACE_VARIANTS: dict[str, set[str]] = defaultdict(set)  # a deletion → the place words
for _word in PLACES:
    if len(_word) >= MIN_PLACE_SLIP:
        for _variant in deletions(_word):
            _PLACE_VARIANTS[_variant].add(_word)
_FILLER_VARIANTS: dict[str, set[str]] = defaultdict(set)  # a deletion → the filler words
for _word in _LONG_FILLER:
    for _variant in deletions(_word):
        _FILLER_VARIANTS[_variant].add(_word)
