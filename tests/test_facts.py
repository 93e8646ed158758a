"""Daily-fact timing and rotation (pure functions; the clock is an argument)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.facts import Schedule, choose_fact, due_date, rotation, upcoming

BERLIN = ZoneInfo("Europe/Berlin")
EVERY_DAY = frozenset(range(7))


def schedule(
    at: str = "09:00",
    zone: ZoneInfo = BERLIN,
    days: frozenset[int] = EVERY_DAY,
    grace_minutes: int = 120,
) -> Schedule:
    hours, minutes = map(int, at.split(":"))
    return Schedule(dt.time(hours, minutes), zone, days, dt.timedelta(minutes=grace_minutes))


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        ("2026-01-15 07:59:59", None),  # winter: 09:00 Berlin is 08:00 UTC
        ("2026-01-15 08:00:00", "2026-01-15"),
        ("2026-01-15 09:59:59", "2026-01-15"),  # inside the two-hour catch-up window
        ("2026-01-15 10:00:00", None),  # window closed: never late
        ("2026-03-28 08:00:00", "2026-03-28"),  # the day before DST starts
        ("2026-03-29 07:00:00", "2026-03-29"),  # DST: 09:00 Berlin is now 07:00 UTC
        ("2026-03-29 06:59:00", None),
        ("2026-10-25 08:00:00", "2026-10-25"),  # back to winter time
        ("2026-10-25 07:30:00", None),
    ],
)
def test_post_is_due_from_the_local_minute_across_dst(now: str, due: str | None) -> None:
    expected = dt.date.fromisoformat(due) if due else None
    assert due_date(utc(now), schedule()) == expected


def test_catch_up_never_runs_into_the_next_local_day() -> None:
    late = schedule(at="23:00", grace_minutes=12 * 60)
    assert due_date(utc("2026-01-15 22:30:00"), late) == dt.date(2026, 1, 15)
    assert due_date(utc("2026-01-15 23:00:00"), late) is None  # 00:00 Berlin, next day


def test_only_configured_weekdays_are_due() -> None:
    weekdays = schedule(days=frozenset(range(5)))
    assert due_date(utc("2026-01-16 08:00:00"), weekdays) == dt.date(2026, 1, 16)  # Friday
    assert due_date(utc("2026-01-17 08:00:00"), weekdays) is None  # Saturday


def test_zero_grace_still_allows_the_posting_minute() -> None:
    strict = schedule(grace_minutes=0)
    assert due_date(utc("2026-01-15 08:00:59"), strict) == dt.date(2026, 1, 15)
    assert due_date(utc("2026-01-15 08:01:00"), strict) is None


def test_rotation_is_shuffled_and_stable_per_channel() -> None:
    ids = [f"e.f{i}" for i in range(50)]
    assert rotation(ids, "C1") == rotation(list(reversed(ids)), "C1")
    assert rotation(ids, "C1") != rotation(ids, "C2")
    assert rotation(ids, "C1") != sorted(ids)


def test_a_full_cycle_repeats_nothing_then_starts_again() -> None:
    ids = [f"e.f{i}" for i in range(30)]
    history: list[tuple[str, int]] = []
    for _ in range(30):
        chosen = choose_fact(ids, "C1", history)
        assert chosen is not None
        history.append(chosen)
    assert sorted(f for f, _ in history) == sorted(ids)
    assert {c for _, c in history} == {0}
    assert choose_fact(ids, "C1", history) == (rotation(ids, "C1")[0], 1)


def test_added_facts_join_the_current_cycle_and_removed_ones_leave() -> None:
    ids = ["e.a", "e.b", "e.c"]
    history = [choose_fact(ids, "C1", [])]  # one posted
    assert history[0] is not None
    grown = [*ids, "e.new"]
    rest = []
    past = list(history)
    for _ in range(3):
        chosen = choose_fact(grown, "C1", past)
        assert chosen is not None and chosen[1] == 0
        rest.append(chosen[0])
        past.append(chosen)
    assert sorted([history[0][0], *rest]) == sorted(grown)
    shrunk = [f for f in ids if f != rotation(ids, "C1")[1]]
    assert rotation(ids, "C1")[1] not in rotation(shrunk, "C1")


def test_upcoming_lists_the_planned_facts_on_posting_days() -> None:
    plan = upcoming(
        ["e.a", "e.b"],
        "C1",
        [],
        start=dt.date(2026, 1, 16),
        schedule=schedule(days=frozenset(range(5))),
        count=3,
    )
    assert [d.isoformat() for d, _ in plan] == ["2026-01-16", "2026-01-19", "2026-01-20"]
    assert plan[0][1] != plan[1][1]
    assert plan[2][1] == plan[0][1]
