"""Matching against the real knowledge base: answer, did-you-mean, or nothing found."""

from __future__ import annotations

import pytest

from bot.answer import KINDS, EntryReply, Knowledge, NotFoundReply, SuggestReply, answer
from bot.query import parse_query
from bot.search import Outcome, Via, search


def ask(knowledge: Knowledge, text: str):
    return answer(knowledge, text)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("rimpac", "rimpac"),
        ("RIMPAC", "rimpac"),
        ("Rim of the Pacific", "rimpac"),
        ("rimpak", "rimpac"),
        ("whats rimpac", "rimpac"),
        ("who's in the quad?", "quad"),
        ("nato art 5", "article-5"),
        ("what is article 5?", "article-5"),
        ("baltops 2024 :ship:", "baltops"),
        ("OTAN", "nato"),
        ("north atlantic treaty organisation", "nato"),
        ("north atlantic treaty organization", "nato"),
        ("when was asean founded", "asean"),
        ("anzus members", "anzus"),
        ("talisman saber", "talisman-sabre"),
        ("Operation Atalanta", "operation-atalanta"),
    ],
)
def test_common_questions_find_their_entry(knowledge: Knowledge, question: str, entry: str) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply), reply
    assert reply.entry.id == entry


def test_exact_alias_wins_and_says_so(knowledge: Knowledge) -> None:
    result = search(knowledge.index, parse_query("RIMPAC", kinds=KINDS))
    assert result.outcome is Outcome.ANSWER
    assert result.best is not None and result.best.via in (Via.NAME, Via.ALIAS)
    reply = ask(knowledge, "RIMPAC")
    assert isinstance(reply, EntryReply) and "RIMPAC" in reply.how


def test_field_question_brings_the_asked_fact_forward(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "when was asean founded")
    assert isinstance(reply, EntryReply)
    assert reply.fields == ("Founded",)


@pytest.mark.parametrize(
    "question",
    [
        "what's for lunch today",
        "xqzzy plonk",
        "how do I reset my password",
        "best pizza in town",
        "the weather tomorrow",
    ],
)
def test_off_topic_questions_find_nothing(knowledge: Knowledge, question: str) -> None:
    assert isinstance(ask(knowledge, question), NotFoundReply)


def test_a_word_many_names_share_suggests_up_to_three_of_them(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "shield")
    assert isinstance(reply, SuggestReply)
    assert 2 <= len(reply.entries) <= 3
    for entry in reply.entries:
        assert any("shield" in name.lower() for name in [entry.name, *entry.aliases])


def test_every_entry_is_found_by_its_own_name(knowledge: Knowledge) -> None:
    misses = []
    for entry in knowledge.kb.entries:
        for surface in [entry.name, *entry.aliases]:
            reply = ask(knowledge, surface)
            if not (isinstance(reply, EntryReply) and reply.entry.id == entry.id):
                misses.append((entry.id, surface))
    assert misses == []


@pytest.mark.parametrize("question", ["what is nato's article 4?", "article 6 of the nato treaty"])
def test_a_different_article_number_is_never_answered_with_article_5(
    knowledge: Knowledge, question: str
) -> None:
    reply = ask(knowledge, question)
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "article-5")
