"""Reply → a Slack message (Block Kit dicts + a plain-text fallback), within Slack's limits."""

from __future__ import annotations

from typing import Any

from bot.answer import (
    EntryReply,
    FactReply,
    HelpReply,
    ListReply,
    NotFoundReply,
    Reply,
    SuggestReply,
)
from bot.schema import Entry, Kind

Message = dict[str, Any]
Block = dict[str, Any]

OPEN_ENTRY = "open_entry"  # action_id prefix of every button that opens an entry
FEEDBACK = "feedback"  # action_id prefix of the helpful / not helpful buttons
MAX_BLOCKS = 50
MAX_TEXT = 3000  # section text
MAX_FIELD = 2000
MAX_HEADER = 150
MAX_BUTTON = 75
MAX_FALLBACK = 3000
MAX_ECHO = 200  # how much of the user's question we quote back
MAX_RELATED_BUTTONS = 5


def escape(text: str) -> str:
    """Escape mrkdwn control characters so user text can never form a mention or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(question: str) -> str:
    """The user's question, shortened, flattened and escaped, for echoing back."""
    flat = " ".join(question.split())
    return "“" + escape(clip(flat, MAX_ECHO)) + "”"


def plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": True}


def mrkdwn(text: str, limit: int = MAX_TEXT) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": clip(text, limit) or " "}


def section(text: str, block_id: str | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if block_id:
        block["block_id"] = block_id
    return block


def button(label: str, value: str, action_id: str) -> dict[str, Any]:
    return {
        "type": "button",
        "text": plain(label, MAX_BUTTON),
        "value": value,
        "action_id": action_id,
    }


def entry_buttons(entries: tuple[Entry, ...] | list[Entry], block_id: str) -> Block:
    return {
        "type": "actions",
        "block_id": block_id,
        "elements": [
            button(entry.name, entry.id, f"{OPEN_ENTRY}:{number}")
            for number, entry in enumerate(entries[:MAX_RELATED_BUTTONS])
        ],
    }


def render(reply: Reply) -> Message:
    """The Slack message for any reply."""
    if isinstance(reply, EntryReply):
        return render_entry(reply)
    if isinstance(reply, SuggestReply):
        return render_suggestions(reply)
    if isinstance(reply, NotFoundReply):
        return render_not_found(reply)
    if isinstance(reply, HelpReply):
        return render_help(reply)
    if isinstance(reply, ListReply):
        return render_list(reply)
    if isinstance(reply, FactReply):
        return render_fact(reply)
    return message(escape(reply.message), [section(escape(reply.message))])


def message(fallback: str, blocks: list[Block]) -> Message:
    return {"text": clip(fallback, MAX_FALLBACK), "blocks": blocks[:MAX_BLOCKS]}


def render_entry(reply: EntryReply) -> Message:
    entry = reply.entry
    blocks: list[Block] = [
        {"type": "header", "block_id": f"entry:{entry.id}", "text": plain(entry.name, MAX_HEADER)}
    ]
    lead = "".join(f"*{escape(label)}:* {escape(entry.facts[label])}\n" for label in reply.fields)
    blocks.append(section(lead + escape(entry.summary)))
    labels = [label for label in entry.facts if label not in reply.fields]  # asked: shown above
    if labels:
        fields = [
            mrkdwn(f"*{escape(label)}*\n{escape(entry.facts[label])}", MAX_FIELD)
            for label in labels[:10]
        ]
        blocks.append({"type": "section", "fields": fields})
    if reply.related:
        blocks.append({"type": "context", "elements": [mrkdwn("*Related*")]})
        blocks.append(entry_buttons(reply.related, "related"))
    blocks.append({"type": "context", "elements": [mrkdwn(entry_context(entry, reply.how))]})
    blocks.append(
        {
            "type": "actions",
            "block_id": "feedback",
            "elements": [
                button("👍 Helpful", entry.id, f"{FEEDBACK}:yes"),
                button("👎 Not helpful", entry.id, f"{FEEDBACK}:no"),
            ],
        }
    )
    fallback = f"{entry.name}: {entry.summary}"
    return message(escape(fallback), blocks)


def entry_context(entry: Entry, how: str = "") -> str:
    sources = " · ".join(
        f"<{escape(s.url)}|{escape(s.title).replace('|', '/')}>" for s in entry.sources[:5]
    )
    parts = [f"Sources: {sources}", f"Reviewed {entry.reviewed.isoformat()}"]
    if how:
        parts.append(escape(how))
    return clip(" · ".join(parts), MAX_FIELD)


def render_suggestions(reply: SuggestReply) -> Message:
    names = ", ".join(e.name for e in reply.entries)
    text = f"I'm not sure which topic you mean by {quote(reply.question)}. Did you mean:"
    blocks = [section(text, "did-you-mean"), entry_buttons(reply.entries, "suggestions")]
    return message(f"Did you mean: {escape(names)}?", blocks)


def render_not_found(reply: NotFoundReply) -> Message:
    text = (
        f"I couldn't find anything about {quote(reply.question)} in the knowledge base. "
        "I know about alliances, treaties, exercises, operations, and the challenges and "
        "concepts of defense cooperation."
    )
    hints = " · ".join(f"`{escape(e)}`" for e in reply.examples)
    blocks = [section(text, "not-found")]
    if hints:
        blocks.append({"type": "context", "elements": [mrkdwn(f"Try: {hints} · or `help`")]})
    return message("Nothing found. Try asking about an alliance, treaty or exercise.", blocks)


def render_help(reply: HelpReply) -> Message:
    c = reply.command
    examples = "\n".join(f"• `{c} {escape(e)}`" for e in reply.examples)
    usage = (
        f"*Ask me about international defense cooperation.*\n"
        f"• `{c} <question>` answers privately, e.g.\n{examples}\n"
        f"• `{c} list [kind]` lists what I know: "
        + ", ".join(k.plural for k in Kind)
        + f"\n• `{c} fact` shows a random fact\n"
        "• Mention me in a channel or thread, or message me directly, to answer there."
    )
    counts = reply.counts
    summary = ", ".join(f"{counts.get(k.value, 0)} {k.plural}" for k in Kind)
    blocks = [
        section(usage, "help"),
        {"type": "context", "elements": [mrkdwn(f"Knowledge base: {summary}.")]},
    ]
    return message(f"Usage: {c} <question> | {c} list [kind] | {c} fact | {c} help", blocks)


def render_list(reply: ListReply) -> Message:
    kinds = [Kind(reply.kind)] if reply.kind else list(Kind)
    blocks: list[Block] = []
    for kind in kinds:
        entries = [e for e in reply.entries if e.kind == kind]
        title = f"{kind.plural.capitalize()} ({len(entries)})"
        blocks.append(
            {"type": "header", "block_id": f"list:{kind.value}", "text": plain(title, MAX_HEADER)}
        )
        lines = [f"• {escape(_with_short_name(e))}" for e in entries] or ["_None yet._"]
        blocks.extend(section(chunk) for chunk in _chunks(lines, MAX_TEXT))
    hint = f"Ask `{reply.command} <name>` for any of these."
    blocks.append({"type": "context", "elements": [mrkdwn(hint)]})
    names = ", ".join(e.name for e in reply.entries)
    return message(escape(f"{len(reply.entries)} entries: {names}"), blocks)


def _with_short_name(entry: Entry) -> str:
    short = [a for a in entry.aliases if a.isupper() and len(a) <= 8 and a not in entry.name]
    return f"{entry.name} ({short[0]})" if short else entry.name


def _chunks(lines: list[str], limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    chunks.append(current)
    return chunks


def render_fact(reply: FactReply) -> Message:
    entry = reply.entry
    blocks = [
        section(f"*Did you know?* {escape(reply.fact.text)}", f"fact:{reply.fact_id}"),
        {
            "type": "actions",
            "block_id": "fact-actions",
            "elements": [button(f"Read more: {entry.name}", entry.id, f"{OPEN_ENTRY}:fact")],
        },
        {
            "type": "context",
            "elements": [mrkdwn(f"From *{escape(entry.name)}* · " + entry_context(entry))],
        },
    ]
    return message(escape(f"Did you know? {reply.fact.text}"), blocks)
