"""Generated knowledge bases of a chosen size (in aliases) and questions to ask them."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from bot.schema import REQUIRED_FACTS, Entry, Kind, KnowledgeBase

SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in "aeiou"] + ["tra", "pol", "ner", "dor"]
ALIASES_PER_ENTRY = 5


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def generate_entries(aliases: int, seed: int = 7) -> list[dict]:
    """Entry dicts with unique names and `aliases` aliases in all, related in rings of kind."""
    rng = random.Random(seed)
    count = max(2, aliases // ALIASES_PER_ENTRY)
    vocabulary = [_word(rng, rng.randint(2, 4)) for _ in range(3000)]
    kinds = list(Kind)
    used: set[str] = set()
    entries = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        name = " ".join(_word(rng, rng.randint(2, 3)) for _ in range(rng.randint(1, 3)))
        while name.lower() in used:
            name += " " + _word(rng, 2)
        used.add(name.lower())
        aliases_here = []
        while len(aliases_here) < ALIASES_PER_ENTRY:
            alias = " ".join(_word(rng, rng.randint(1, 3)) for _ in range(rng.randint(1, 3)))
            if alias.lower() not in used:
                used.add(alias.lower())
                aliases_here.append(alias)
        entries.append(
            {
                "id": f"e{number}",
                "kind": kind.value,
                "name": name.title(),
                "aliases": aliases_here,
                "summary": " ".join(rng.choice(vocabulary) for _ in range(30)).capitalize() + ".",
                "facts": {
                    label: " ".join(rng.choice(vocabulary) for _ in range(4))
                    for label in REQUIRED_FACTS[kind]
                },
                "tags": [rng.choice(vocabulary) for _ in range(4)],
                "related": [f"e{(number + 1) % count}", f"e{(number - 1) % count}"],
                "sources": [{"title": "Example", "url": f"https://example.org/{number}"}],
                "reviewed": dt.date(2026, 11, 24),
                "daily_facts": [
                    {
                        "id": f"f{i}",
                        "text": " ".join(rng.choice(vocabulary) for _ in range(15)) + ".",
                    }
                    for i in range(2)
                ],
            }
        )
    return entries


def generate_kb(aliases: int) -> KnowledgeBase:
    return KnowledgeBase([Entry.model_validate(e) for e in generate_entries(aliases)])


def write_yaml(aliases: int, folder: Path) -> Path:
    """The generated entries as YAML files (500 entries a file), for timing start-up."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = generate_entries(aliases)
    for start in range(0, len(entries), 500):
        text = yaml.safe_dump(
            {"entries": entries[start : start + 500]}, sort_keys=False, allow_unicode=True
        )
        (folder / f"part{start // 500:03d}.yaml").write_text(text)
    return folder


def _typo(rng: random.Random, text: str) -> str:
    words = text.split()
    target = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[target]
    if len(word) >= 5:
        cut = rng.randrange(1, len(word) - 1)
        words[target] = word[:cut] + word[cut + 1 :]
    return " ".join(words)


def questions(kb: KnowledgeBase, count: int = 2000, seed: int = 11) -> list[str]:
    """A mix like real traffic: names and aliases, with filler, with typos, and off-topic."""
    rng = random.Random(seed)
    entries = kb.entries
    asked = []
    for number in range(count):
        entry = rng.choice(entries)
        surface = rng.choice([entry.name, *entry.aliases])
        mode = number % 10
        if mode < 4:
            asked.append(surface)
        elif mode < 6:
            asked.append(rng.choice(["what is ", "who is in the ", "when was "]) + surface + "?")
        elif mode < 8:
            asked.append(_typo(rng, surface))
        elif mode == 8:
            asked.append(
                rng.choice(
                    [
                        "lunch at noon?",
                        "who broke the build",
                        "weather today",
                        "standup moved to 10",
                        "quarterly numbers please",
                    ]
                )
            )
        else:
            asked.append(" ".join(entry.summary.split()[3:8]))
    return asked
