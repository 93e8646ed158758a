"""Matcher quality on a labelled question set, beside the naive rapidfuzz baseline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import process, utils
from rapidfuzz.fuzz import WRatio

from bot.answer import KINDS, Knowledge
from bot.query import Intent, parse_query
from bot.search import Outcome, search

BASELINE_CUTOFF = 85.0  # the baseline's one fixed cut-off: answer at or above, else nothing


@dataclass(frozen=True)
class Question:
    text: str
    expect: str | None  # entry id, or None for off-topic
    type: str
    source: str = ""  # the question file's name: "questions" (tuned on), "blind" (never)


@dataclass(frozen=True)
class Outcome3:
    """What a matcher did with one question: the answered entry (if any) and its candidates."""

    answer: str | None
    candidates: tuple[str, ...]


@dataclass
class Report:
    name: str
    total: int = 0
    on_topic: int = 0
    off_topic: int = 0
    top1: int = 0
    found: int = 0  # expected entry answered or among the candidates
    false_answers: int = 0  # off-topic answered, or on-topic answered with the wrong entry
    off_topic_answered: int = 0
    per_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    per_source: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[Question, Outcome3]] = field(default_factory=list)

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.on_topic if self.on_topic else 1.0

    @property
    def found_rate(self) -> float:
        return self.found / self.on_topic if self.on_topic else 1.0

    @property
    def false_rate(self) -> float:
        return self.false_answers / self.total if self.total else 0.0

    @property
    def off_topic_rate(self) -> float:
        return self.off_topic_answered / self.off_topic if self.off_topic else 0.0


Matcher = Callable[[str], Outcome3]


def ours(knowledge: Knowledge) -> Matcher:
    """Our matcher, exactly as the bot uses it."""

    def run(text: str) -> Outcome3:
        query = parse_query(text, kinds=KINDS)
        if query.intent is not Intent.ASK:
            return Outcome3(None, ())
        result = search(knowledge.index, query)
        ids = tuple(c.entry_id for c in result.candidates)
        if result.outcome is Outcome.ANSWER:
            return Outcome3(ids[0], ids)
        return Outcome3(None, ids)

    return run


def baseline(knowledge: Knowledge) -> Matcher:
    """rapidfuzz extractOne with WRatio over every name and alias, default processing."""
    choices: list[str] = []
    owners: list[str] = []
    for entry in knowledge.kb.entries:
        for surface in [entry.name, *entry.aliases]:
            choices.append(surface)
            owners.append(entry.id)

    def run(text: str) -> Outcome3:
        best = process.extractOne(text, choices, scorer=WRatio, processor=utils.default_process)
        if best is None or best[1] < BASELINE_CUTOFF:
            return Outcome3(None, ())
        return Outcome3(owners[best[2]], (owners[best[2]],))

    return run


def evaluate(
    name: str, matcher: Matcher, questions: list[Question], kind_of: dict[str, str]
) -> Report:
    report = Report(name)
    for question in questions:
        outcome = matcher(question.text)
        report.total += 1
        if question.expect is None:
            report.off_topic += 1
            if outcome.answer is not None:
                report.off_topic_answered += 1
                report.false_answers += 1
                report.misses.append((question, outcome))
            continue
        report.on_topic += 1
        tally = report.per_kind[kind_of.get(question.expect, "?")]
        tally[1] += 1
        by_source = report.per_source[question.source]
        by_source[1] += 1
        if outcome.answer == question.expect:
            report.top1 += 1
            tally[0] += 1
            by_source[0] += 1
        else:
            report.misses.append((question, outcome))
            if outcome.answer is not None:
                report.false_answers += 1
        if question.expect == outcome.answer or question.expect in outcome.candidates:
            report.found += 1
    return report


def format_reports(reports: list[Report], *, show_misses: bool = True) -> str:
    """A side-by-side table of the figures, then every miss of the first report."""
    lines = [f"{'':34}" + "".join(f"{r.name:>14}" for r in reports)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"{label:34}" + "".join(f"{v:>14}" for v in values))

    row("questions (on-topic / off-topic)", [f"{r.on_topic}/{r.off_topic}" for r in reports])
    row("top-1 accuracy", [f"{r.top1_rate:.1%}" for r in reports])
    kinds = sorted({k for r in reports for k in r.per_kind})
    for kind in kinds:
        row(f"  top-1 {kind}", [_ratio(r.per_kind.get(kind, [0, 0])) for r in reports])
    sources = sorted({s for r in reports for s in r.per_source})
    if len(sources) > 1:
        for source in sources:
            tallies = [r.per_source.get(source, [0, 0]) for r in reports]
            row(f"  top-1 {source}.yaml", [_ratio(tally) for tally in tallies])
    row("expected in answer or candidates", [f"{r.found_rate:.1%}" for r in reports])
    row("off-topic answered", [f"{r.off_topic_rate:.1%}" for r in reports])
    row("off-topic or wrong-entry answers", [f"{r.false_rate:.1%}" for r in reports])
    row("misses", [str(len(r.misses)) for r in reports])
    if show_misses and reports:
        lines.append("")
        lines.append(f"Misses of {reports[0].name}:")
        for question, outcome in reports[0].misses:
            got = outcome.answer or (
                f"suggest {','.join(outcome.candidates)}" if outcome.candidates else "nothing"
            )
            lines.append(
                f"  [{question.source}/{question.type}] {question.text!r}: expected "
                f"{question.expect or 'nothing'}, got {got}"
            )
    return "\n".join(lines)


def _ratio(tally: list[int]) -> str:
    return f"{tally[0] / tally[1]:.1%}" if tally[1] else "-"
