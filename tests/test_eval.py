"""Matcher quality on the labelled evaluation set (`python -m bot eval` prints the details).

The set is `tests/eval/`: questions.yaml (written alongside the matcher) and blind*.yaml
(each written by another author who saw only the knowledge base). Floors are set just under
what the matcher achieves today on all of them together, so a change that makes answers worse
fails; the issue's top-1 target of 97 % is not reached yet — see the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer import Knowledge
from bot.evaluate import Report, baseline, evaluate, ours
from bot.loader import load_questions

QUESTIONS = load_questions(Path(__file__).parent / "eval")


@pytest.fixture(scope="module")
def reports(knowledge: Knowledge) -> tuple[Report, Report]:
    kind_of = {e.id: e.kind.value for e in knowledge.kb.entries}
    return (
        evaluate("ours", ours(knowledge), QUESTIONS, kind_of),
        evaluate("baseline", baseline(knowledge), QUESTIONS, kind_of),
    )


def test_evaluation_set_is_large_and_labelled_with_real_entries(knowledge: Knowledge) -> None:
    assert len(QUESTIONS) >= 300
    assert sum(q.expect is None for q in QUESTIONS) >= 60
    assert {q.expect for q in QUESTIONS if q.expect} <= set(knowledge.kb.by_id)
    assert {q.type for q in QUESTIONS} >= {
        "name",
        "acronym",
        "typo",
        "paraphrase",
        "field",
        "markup",
        "off-topic",
    }


def test_top1_accuracy_floor(reports: tuple[Report, Report]) -> None:
    assert reports[0].top1_rate >= 0.95


def test_expected_entry_is_answered_or_suggested(reports: tuple[Report, Report]) -> None:
    assert reports[0].found_rate >= 0.99


def test_off_topic_or_wrong_answers_stay_at_most_one_percent(
    reports: tuple[Report, Report],
) -> None:
    assert reports[0].false_rate <= 0.01


def test_we_miss_at_most_half_as_often_as_the_naive_baseline(
    reports: tuple[Report, Report],
) -> None:
    ours_report, naive = reports
    assert len(ours_report.misses) * 2 <= len(naive.misses)
