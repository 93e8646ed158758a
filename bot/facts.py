"""Daily-fact rotation and timing, pure: the clock, channel and history come in as arguments."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Schedule:
    """When a channel gets its fact: local time, zone, weekdays (0 = Monday), catch-up window."""

    at: dt.time
    zone: ZoneInfo
    days: frozenset[int]
    grace: dt.timedelta

    def posting_instant(self, local_date: dt.date) -> dt.datetime:
        """The UTC instant of the post on a local date (DST-aware via zoneinfo)."""
        local = dt.datetime.combine(local_date, self.at, tzinfo=self.zone)
        return local.astimezone(dt.UTC)


def due_date(now: dt.datetime, schedule: Schedule) -> dt.date | None:
    """The local date whose post is due at `now`, or None.

    Due from the posting minute until the grace window closes, and never past the end of that
    local day: a bot that was down all day does not post yesterday's fact today.
    """
    local_date = now.astimezone(schedule.zone).date()
    if local_date.weekday() not in schedule.days:
        return None
    start = schedule.posting_instant(local_date)
    next_midnight = dt.datetime.combine(
        local_date + dt.timedelta(days=1), dt.time(), tzinfo=schedule.zone
    ).astimezone(dt.UTC)
    end = min(start + schedule.grace, next_midnight) if schedule.grace else start
    if start <= now.astimezone(dt.UTC) < max(end, start + dt.timedelta(minutes=1)):
        return local_date
    return None


def rotation(fact_ids: Iterable[str], channel: str) -> list[str]:
    """All facts in a shuffled order that is stable per channel (same ids → same order)."""
    return sorted(
        set(fact_ids), key=lambda f: hashlib.sha256(f"{channel}\x00{f}".encode()).hexdigest()
    )


def choose_fact(
    fact_ids: Iterable[str], channel: str, history: Iterable[tuple[str, int]]
) -> tuple[str, int] | None:
    """The next fact for a channel and the rotation cycle it belongs to.

    `history` holds (fact id, cycle) of earlier posts. A cycle ends when every current fact has
    been posted in it; facts added since join the current cycle, removed ones simply drop out.
    """
    order = rotation(fact_ids, channel)
    if not order:
        return None
    past = list(history)
    cycle = max((c for _, c in past), default=0)
    posted = {f for f, c in past if c == cycle}
    remaining = [f for f in order if f not in posted]
    if not remaining:
        return order[0], cycle + 1
    return remaining[0], cycle


def upcoming(
    fact_ids: Iterable[str],
    channel: str,
    history: Iterable[tuple[str, int]],
    *,
    start: dt.date,
    schedule: Schedule,
    count: int,
) -> list[tuple[dt.date, str]]:
    """The next `count` posting dates from `start` on, with the fact each would carry."""
    ids = list(fact_ids)
    past = list(history)
    plan: list[tuple[dt.date, str]] = []
    day = start
    while len(plan) < count and ids and day < start + dt.timedelta(days=count * 7 + 7):
        if day.weekday() in schedule.days:
            chosen = choose_fact(ids, channel, past)
            if chosen is None:
                break
            plan.append((day, chosen[0]))
            past.append(chosen)
        day += dt.timedelta(days=1)
    return plan
