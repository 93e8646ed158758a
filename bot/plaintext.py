"""Reply → readable terminal text, for `python -m bot ask` and the local console."""

from __future__ import annotations

import textwrap

from bot.answer import (
    EntryReply,
    FactReply,
    HelpReply,
    ListReply,
    NotFoundReply,
    Reply,
    SuggestReply,
)
from bot.schema import Kind


def render_text(reply: Reply, *, width: int = 88) -> str:
    """What the bot would answer, without Slack formatting."""
    if isinstance(reply, EntryReply):
        return _entry(reply, width)
    if isinstance(reply, SuggestReply):
        names = "\n".join(f"  - {e.name}" for e in reply.entries)
        return (
            f"Not sure which topic you mean by “{reply.question.strip()}”. Did you mean:\n{names}"
        )
    if isinstance(reply, NotFoundReply):
        hints = ", ".join(reply.examples)
        return f"I couldn't find anything about “{reply.question.strip()}”.\nTry: {hints}, or help."
    if isinstance(reply, HelpReply):
        examples = "\n".join(f"    {e}" for e in reply.examples)
        kinds = ", ".join(k.plural for k in Kind)
        return (
            f"Ask about international defense cooperation, e.g.\n{examples}\n"
            f"  list [kind]   what I know ({kinds})\n  fact          a random fact\n"
            f"  help          this text"
        )
    if isinstance(reply, ListReply):
        lines = []
        for kind in [Kind(reply.kind)] if reply.kind else list(Kind):
            entries = [e for e in reply.entries if e.kind == kind]
            lines.append(f"{kind.plural.capitalize()} ({len(entries)})")
            lines.extend(f"  - {e.name}" for e in entries)
        return "\n".join(lines)
    if isinstance(reply, FactReply):
        return _wrap(f"Did you know? {reply.fact.text}", width) + f"\n  — {reply.entry.name}"
    return reply.message


def _entry(reply: EntryReply, width: int) -> str:
    entry = reply.entry
    lines = [entry.name, "=" * min(len(entry.name), width)]
    lines.extend(f"{label}: {entry.facts[label]}" for label in reply.fields)
    lines.append(_wrap(entry.summary, width))
    lines.append("")
    labels = [k for k in entry.facts if k not in reply.fields]  # asked ones are shown above
    for label in labels:
        lines.append(_wrap(f"{label}: {entry.facts[label]}", width, indent="  "))
    if reply.related:
        lines.append("Related: " + ", ".join(e.name for e in reply.related))
    lines.append("Sources: " + "; ".join(f"{s.title} <{s.url}>" for s in entry.sources))
    footer = f"Reviewed {entry.reviewed.isoformat()}"
    lines.append(f"{footer} · {reply.how}" if reply.how else footer)
    return "\n".join(lines)


def _wrap(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "  ")
