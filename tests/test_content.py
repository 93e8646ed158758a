"""The real knowledge base: it validates, and every entry and fact renders within Slack's limits."""

from __future__ import annotations

import pytest

from bot.answer import FactReply, Knowledge, entry_reply
from bot.blocks import render
from bot.config import DEFAULT_KNOWLEDGE
from bot.loader import load_knowledge
from bot.schema import Kind
from bot.slack.messages import problems

KB = load_knowledge(DEFAULT_KNOWLEDGE)


@pytest.mark.parametrize("entry", KB.entries, ids=lambda e: e.id)
def test_entry_card_is_valid_block_kit(knowledge: Knowledge, entry) -> None:
    message = render(entry_reply(knowledge.kb, entry))
    assert problems(message) == []
    assert message["blocks"][0] == {
        "type": "header",
        "block_id": f"entry:{entry.id}",
        "text": {"type": "plain_text", "text": entry.name, "emoji": True},
    }


def test_daily_facts_render_as_valid_block_kit(knowledge: Knowledge) -> None:
    for fact_id, entry, fact in knowledge.kb.daily_facts():
        message = render(FactReply(fact_id, fact, entry))
        assert problems(message) == [], fact_id
        assert message["blocks"][0]["block_id"] == f"fact:{fact_id}"


def test_every_kind_has_entries() -> None:
    counts = KB.counts()
    assert all(counts[kind.value] > 0 for kind in Kind)


def test_every_entry_has_a_source_and_a_review_date() -> None:
    assert all(e.sources and e.reviewed for e in KB.entries)
