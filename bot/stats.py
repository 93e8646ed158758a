"""Knowledge-base statistics for curators: coverage per kind, upkeep, gaps."""

from __future__ import annotations

from bot.schema import REQUIRED_FACTS, Entry, Kind, KnowledgeBase

OLDEST = 10


def missing_optional(entry: Entry) -> list[str]:
    """Optional parts an entry lacks that make it more findable and useful."""
    gaps = []
    if not entry.aliases:
        gaps.append("aliases")
    if not entry.tags:
        gaps.append("tags")
    if len(entry.facts) <= len(REQUIRED_FACTS[entry.kind]):
        gaps.append("facts beyond the required ones")
    if len(entry.sources) < 2:
        gaps.append("a second source")
    if len(entry.daily_facts) < 3:
        gaps.append("a third daily fact")
    return gaps


def format_stats(kb: KnowledgeBase) -> str:
    lines = [f"{'kind':<12}{'entries':>8}{'aliases':>9}{'tags':>7}{'daily facts':>13}"]
    for kind in Kind:
        entries = kb.of_kind(kind)
        lines.append(
            f"{kind.value:<12}{len(entries):>8}{sum(len(e.aliases) for e in entries):>9}"
            f"{sum(len(e.tags) for e in entries):>7}"
            f"{sum(len(e.daily_facts) for e in entries):>13}"
        )
    counts = kb.counts()
    lines.append(
        f"{'all':<12}{counts['entries']:>8}{counts['aliases']:>9}"
        f"{sum(len(e.tags) for e in kb.entries):>7}{counts['daily_facts']:>13}"
    )
    lines.append("")
    lines.append(f"Oldest reviews ({OLDEST}):")
    for entry in sorted(kb.entries, key=lambda e: (e.reviewed, e.id))[:OLDEST]:
        lines.append(f"  {entry.reviewed.isoformat()}  {entry.id}")
    gaps = [(e, missing_optional(e)) for e in kb.entries]
    gaps = [(e, g) for e, g in gaps if g]
    lines.append("")
    lines.append(f"Entries missing optional parts ({len(gaps)}):")
    for entry, missing in sorted(gaps, key=lambda item: (-len(item[1]), item[0].id)):
        lines.append(f"  {entry.id}: {', '.join(missing)}")
    return "\n".join(lines)
