"""Checks every outgoing message against slack-sdk's Block Kit models and Slack's limits."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

from bot.answer import EntryReply, Knowledge, Reply
from bot.blocks import render

log = logging.getLogger("bot.slack")

MAX_BLOCKS = 50
MAX_TEXT = 4000
_BROADCAST = re.compile(r"<!(?:channel|here|everyone)\b|<!subteam\^", re.IGNORECASE)


class InvalidMessage(ValueError):
    """A message that Slack would refuse or that could ping people."""


def problems(message: dict[str, Any]) -> list[str]:
    """Everything wrong with a message; empty when Slack will accept it as we mean it."""
    found: list[str] = []
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        found.append("missing text fallback")
    elif len(text) > MAX_TEXT:
        found.append(f"text longer than {MAX_TEXT}")
    blocks = message.get("blocks") or []
    if len(blocks) > MAX_BLOCKS:
        found.append(f"{len(blocks)} blocks (max {MAX_BLOCKS})")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(block_ids) != len(set(block_ids)):
        found.append("duplicate block_id")
    for number, raw in enumerate(blocks):
        try:
            block = Block.parse(raw)
            if block is None:
                raise SlackObjectFormationError(f"unknown block type {raw.get('type')!r}")
            block.validate_json()
        except (SlackObjectFormationError, KeyError, TypeError) as exc:
            found.append(f"block {number}: {exc}")
        found.extend(_limits(raw, number))
    if _BROADCAST.search(_all_text(message)):
        found.append("contains a broadcast mention")
    return found


def _limits(block: dict[str, Any], number: int) -> list[str]:
    found = []
    for field in block.get("fields", []) or []:
        if len(field.get("text", "")) > 2000:
            found.append(f"block {number}: field longer than 2000")
    if block.get("type") == "context" and len(block.get("elements", [])) > 10:
        found.append(f"block {number}: more than 10 context elements")
    action_ids = [e.get("action_id") for e in block.get("elements", []) if e.get("action_id")]
    if len(action_ids) != len(set(action_ids)):
        found.append(f"block {number}: duplicate action_id")
    for element in block.get("elements", []) or []:
        if element.get("type") == "button" and len(element.get("value", "")) > 2000:
            found.append(f"block {number}: button value longer than 2000")
    return found


def _all_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_all_text(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_all_text(v) for v in value)
    return ""


_VALID: set[bytes] = set()  # digests of messages already checked (entry cards repeat a lot)
_VALID_MAX = 4096


def checked(message: dict[str, Any]) -> dict[str, Any]:
    """The message itself if valid; otherwise a plain apology (and the problem is logged)."""
    text = json.dumps(message, separators=(",", ":"), ensure_ascii=False)
    key = hashlib.blake2b(text.encode(), digest_size=16).digest()
    if key in _VALID:
        return message
    found = problems(message)
    if not found:
        if len(_VALID) >= _VALID_MAX:
            _VALID.clear()
        _VALID.add(key)
        return message
    log.error("refusing to send an invalid message: %s", "; ".join(found))
    return {"text": "Sorry, I could not format that answer. The problem has been logged."}


MEMO_MAX = 2048  # entry cards kept per knowledge base, beyond which the memo starts over


def message_for(knowledge: Knowledge, reply: Reply) -> dict[str, Any]:
    """The checked Slack message for a reply. An entry card depends only on the entry and on
    how it was asked for, and popular questions repeat: such cards are rendered and checked
    once per knowledge base (a reload starts afresh), other replies every time."""
    if not isinstance(reply, EntryReply):
        return checked(render(reply))
    key = (reply.entry.id, reply.how, reply.fields, tuple(e.id for e in reply.related))
    memo = knowledge.memo
    found = memo.get(key)
    if found is None:
        if len(memo) >= MEMO_MAX:
            memo.clear()
        found = memo[key] = checked(render(reply))
    return found  # type: ignore[return-value]
