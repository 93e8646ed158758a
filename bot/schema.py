"""Pydantic models for the knowledge base: what a curator may write in `knowledge/*.yaml`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Kind(StrEnum):
    ALLIANCE = "alliance"
    TREATY = "treaty"
    EXERCISE = "exercise"
    OPERATION = "operation"
    CHALLENGE = "challenge"
    CONCEPT = "concept"

    @property
    def plural(self) -> str:
        return {"alliance": "alliances", "treaty": "treaties"}.get(self.value, self.value + "s")


REQUIRED_FACTS: dict[Kind, tuple[str, ...]] = {
    Kind.ALLIANCE: ("Founded", "Members", "Headquarters"),
    Kind.TREATY: ("Signed", "In force", "Parties", "Key provisions"),
    Kind.EXERCISE: ("First held", "Frequency", "Lead", "Participants"),
    Kind.OPERATION: ("Dates", "Mandate", "Area", "Lead"),
    Kind.CHALLENGE: ("Why it matters", "Examples"),
    Kind.CONCEPT: ("Why it matters", "Examples"),
}


def _scalar_to_text(value: Any) -> Any:
    """YAML reads `1949` or `2026-01-01` as numbers and dates; facts are text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | dt.date):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_to_text)]
PlainText = Annotated[
    Text,
    Field(min_length=1),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    title: PlainText = Field(
        max_length=150, description="What the source is, e.g. 'NATO official site'."
    )
    url: str = Field(
        max_length=500, description="An http(s) URL to a primary or standard reference."
    )

    @field_validator("url")
    @classmethod
    def _check_url(cls, url: str) -> str:
        parts = urlsplit(url)
        if (
            parts.scheme not in ("http", "https")
            or "." not in parts.netloc
            or any(c.isspace() or c in "<>|" for c in url)
        ):
            raise ValueError(f"not a valid http(s) URL: {url!r}")
        return url


class DailyFact(Strict):
    id: str = Field(pattern=SLUG, max_length=60, description="Slug unique within the entry.")
    text: PlainText = Field(
        max_length=280, description="One self-contained, true sentence, posted on its own."
    )


class Entry(Strict):
    id: str = Field(pattern=SLUG, max_length=60, description="Stable slug, unique across files.")
    kind: Kind = Field(description="alliance, treaty, exercise, operation, challenge or concept.")
    name: PlainText = Field(max_length=150, description="Display name as commonly written.")
    aliases: list[PlainText] = Field(
        default_factory=list,
        description="Acronyms, long forms, spelling variants, former and foreign names.",
    )
    summary: PlainText = Field(max_length=400, description="Neutral, 1-3 sentences.")
    facts: dict[PlainText, PlainText] = Field(
        description="Label -> value (Founded, Members, Headquarters, Frequency...).",
    )
    tags: list[PlainText] = Field(
        default_factory=list, description="Words people use for the entry that are not names."
    )
    everyday: list[PlainText] = Field(
        default_factory=list,
        description="Its names or aliases that are also everyday words or other things' names"
        " ('Red Flag', 'Kakadu'): answered only when the question is about the field.",
    )
    related: list[str] = Field(default_factory=list, description="Ids of related entries.")
    sources: list[Source] = Field(min_length=1, description="At least one reference with a URL.")
    reviewed: dt.date = Field(description="When a curator last checked the entry (YYYY-MM-DD).")
    daily_facts: list[DailyFact] = Field(
        default_factory=list, description="Sentences for the daily fact post (at least two)."
    )

    @field_validator("facts")
    @classmethod
    def _check_facts(cls, facts: dict[str, str]) -> dict[str, str]:
        if len(facts) > 8:
            raise ValueError(f"at most 8 facts, found {len(facts)}")
        for label, value in facts.items():
            if len(label) > 40:
                raise ValueError(f"fact label {label!r} is longer than 40 characters")
            if len(value) > 300:
                raise ValueError(f"fact {label!r} is longer than 300 characters")
        return facts

    def fact_id(self, fact: DailyFact) -> str:
        return f"{self.id}.{fact.id}"


class File(Strict):
    """One YAML file: a list of entries under `entries:`."""

    entries: list[Entry] = Field(default_factory=list)


class KnowledgeBase:
    """The validated entries, indexed by id and kind. Built by the loader; read-only after."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.by_id: dict[str, Entry] = {entry.id: entry for entry in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def of_kind(self, kind: Kind | str | None = None) -> list[Entry]:
        chosen = [e for e in self.entries if kind in (None, "") or e.kind == kind]
        return sorted(chosen, key=lambda e: e.name.casefold())

    def counts(self) -> dict[str, int]:
        """Entries per kind (every kind listed), plus aliases and daily facts in total."""
        counts = {kind.value: 0 for kind in Kind}
        for entry in self.entries:
            counts[entry.kind.value] += 1
        counts["entries"] = len(self.entries)
        counts["aliases"] = sum(len(e.aliases) for e in self.entries)
        counts["daily_facts"] = sum(len(e.daily_facts) for e in self.entries)
        return counts

    def daily_facts(self) -> list[tuple[str, Entry, DailyFact]]:
        """Every daily fact with its global id (`<entry>.<fact>`) and entry."""
        return [(e.fact_id(f), e, f) for e in self.entries for f in e.daily_facts]
