"""Property tests: any input, any entry → a payload that passes slack-sdk validation and limits."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import KINDS, EntryReply, Knowledge, answer, entry_reply
from bot.blocks import render
from bot.query import fold, normalise, parse_query
from bot.slack.messages import problems
from tests.conftest import load_real_knowledge

KNOWLEDGE: Knowledge = load_real_knowledge()
ENTRIES = KNOWLEDGE.kb.entries

slack_markup = st.sampled_from(
    [
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<@U123>",
        "<@U1|bob>",
        "<#C1|general>",
        "<https://x.example|x>",
        ":ship:",
        "&amp;",
        "&lt;",
        "*",
        "_",
        "`",
        "```",
        ">",
        "\u202e",
        "\u200b",
        "\x00",
        "nato",
        "rimpac",
        "quad",
        "article 5",
        "when was",
        "who is in",
        "list",
    ]
)
questions = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(slack_markup, st.text(max_size=12)), max_size=30).map(" ".join),
)
relaxed = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@relaxed
@given(questions)
def test_any_question_yields_a_valid_payload(question: str) -> None:
    message = render(answer(KNOWLEDGE, question))
    assert problems(message) == []
    assert "<!" not in json.dumps(message)


@relaxed
@given(st.text(max_size=200))
def test_normalise_is_idempotent_and_plain(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert once == once.strip() and "  " not in once
    assert fold(once) == once


@relaxed
@given(st.sampled_from(ENTRIES), st.text(max_size=120))
def test_any_entry_with_any_question_renders_within_limits(entry, question: str) -> None:
    query = parse_query(question, kinds=KINDS)
    reply = entry_reply(KNOWLEDGE.kb, entry, None, query.fields)
    message = render(reply)
    assert problems(message) == []
    assert message["blocks"][0]["block_id"] == f"entry:{entry.id}"


@relaxed
@given(
    st.sampled_from(ENTRIES),
    st.sampled_from(["", "what is ", "tell me about ", "<@U1> "]),
    st.sampled_from(["", "?", " pls", " :shield:"]),
)
def test_any_entry_name_or_alias_in_a_question_finds_that_entry(
    entry,
    prefix: str,
    suffix: str,
) -> None:
    for surface in [entry.name, *entry.aliases]:
        reply = answer(KNOWLEDGE, f"{prefix}{surface}{suffix}")
        assert isinstance(reply, EntryReply), (surface, reply)
        assert reply.entry.id == entry.id, surface
