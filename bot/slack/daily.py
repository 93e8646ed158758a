"""Posting the daily fact: exactly once per channel per local date, claimed in the database."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.answer import FactReply
from bot.blocks import render
from bot.config import Settings
from bot.facts import Schedule, choose_fact, due_date, upcoming
from bot.service import Service
from bot.slack.client import create_client
from bot.slack.messages import checked
from bot.storage import Store

log = logging.getLogger("bot.daily")
SEND_ATTEMPTS = 3  # on top of slack-sdk's own retries for 429s, 5xx and dropped connections
STALE_CLAIM = dt.timedelta(minutes=10)  # a claim left by a crashed process may be taken over
BACKOFF = 2.0  # seconds before the second attempt; doubles after each failure
CHECK_EVERY = 20.0  # seconds between checks; the minute is honoured, the ledger decides


@dataclass(frozen=True)
class PostResult:
    channel: str
    local_date: dt.date
    fact_id: str
    status: str  # sent | failed | skipped


def schedule_of(settings: Settings) -> Schedule:
    hours, minutes = (int(p) for p in settings.daily_fact_time.split(":"))
    return Schedule(
        at=dt.time(hours, minutes),
        zone=ZoneInfo(settings.daily_fact_timezone),
        days=settings.fact_days,
        grace=dt.timedelta(minutes=settings.daily_fact_grace_minutes),
    )


def post_due_facts(
    service: Service,
    client: WebClient,
    now: dt.datetime,
    *,
    force: bool = False,
    backoff: float = BACKOFF,
) -> list[PostResult]:
    """Post each channel's fact if due; with force, post today's now unless already posted."""
    schedule = schedule_of(service.settings)
    results = []
    for channel in service.settings.fact_channels:
        local_date = due_date(now, schedule)
        if force:
            local_date = now.astimezone(schedule.zone).date()
        if local_date is None:
            continue
        result = post_fact_once(service, client, channel, local_date, now, backoff=backoff)
        if result is not None:
            results.append(result)
    return results


def post_fact_once(
    service: Service,
    client: WebClient,
    channel: str,
    local_date: dt.date,
    now: dt.datetime,
    *,
    backoff: float = BACKOFF,
) -> PostResult | None:
    """Claim (channel, date) in the ledger, then send; None if another run already has it."""
    store = service.store
    existing = store.post_on(channel, local_date)
    if existing is not None and not _is_stale(existing.status, store, channel, local_date, now):
        return None
    kb = service.knowledge.kb
    facts = {fact_id: (entry, fact) for fact_id, entry, fact in kb.daily_facts()}
    if existing is None:
        history = [(p.fact_id, p.cycle) for p in store.posts(channel)]
        chosen = choose_fact(facts, channel, history)
        if chosen is None:
            log.warning("no daily facts in the knowledge base; nothing to post")
            return None
        fact_id, cycle = chosen
        if not store.claim_post(channel, local_date, fact_id, cycle=cycle, now=now):
            return None  # another instance won the claim
    else:
        fact_id = existing.fact_id
        if fact_id not in facts:
            store.finish_post(
                channel,
                local_date,
                status="failed",
                attempts=0,
                now=now,
                error="fact removed from the knowledge base before sending",
            )
            return PostResult(channel, local_date, fact_id, "failed")
    entry, fact = facts[fact_id]
    message = checked(render(FactReply(fact_id, fact, entry)))
    return _send(service, client, channel, local_date, fact_id, message, backoff)


def _is_stale(
    status: str, store: Store, channel: str, local_date: dt.date, now: dt.datetime
) -> bool:
    """A claim whose process died before sending may be taken over, once, atomically."""
    if status != "claimed":
        return False
    return store.take_over_post(channel, local_date, now=now, stale_before=now - STALE_CLAIM)


def _send(
    service: Service,
    client: WebClient,
    channel: str,
    local_date: dt.date,
    fact_id: str,
    message: dict,
    backoff: float,
) -> PostResult:
    error = ""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            response = client.chat_postMessage(channel=channel, unfurl_links=False, **message)
        except (SlackApiError, SlackClientError, OSError) as exc:
            error = str(exc)
            log.warning(
                "daily fact send failed: channel=%s date=%s attempt=%d error=%s",
                channel,
                local_date,
                attempt,
                error,
            )
            if attempt < SEND_ATTEMPTS:
                time.sleep(min(backoff * 2 ** (attempt - 1), 30.0))
            continue
        service.store.finish_post(
            channel,
            local_date,
            status="sent",
            attempts=attempt,
            now=dt.datetime.now(dt.UTC),
            message_ts=response.get("ts"),
        )
        log.info("daily fact posted: channel=%s date=%s fact=%s", channel, local_date, fact_id)
        return PostResult(channel, local_date, fact_id, "sent")
    service.store.finish_post(
        channel,
        local_date,
        status="failed",
        attempts=SEND_ATTEMPTS,
        now=dt.datetime.now(dt.UTC),
        error=error[:1000],
    )
    log.error(
        "daily fact NOT posted after %d attempts: channel=%s date=%s error=%s",
        SEND_ATTEMPTS,
        channel,
        local_date,
        error,
    )
    return PostResult(channel, local_date, fact_id, "failed")


class DailyScheduler:
    """A small loop in a thread: wakes every CHECK_EVERY seconds and posts what is due.

    Exactly-once comes from the ledger's unique (channel, date) claim, not from this timing,
    so any number of instances may run the loop against one database.
    """

    def __init__(self, service: Service, client: WebClient, *, every: float = CHECK_EVERY) -> None:
        self.service = service
        self.client = client
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="daily-facts", daemon=True)

    def start(self) -> None:
        if not self.service.settings.fact_channels:
            log.info("daily facts off: DAILY_FACT_CHANNEL is not set")
            return
        settings = self.service.settings
        log.info(
            "daily facts on: channels=%s at %s %s on %s",
            ",".join(settings.fact_channels),
            settings.daily_fact_time,
            settings.daily_fact_timezone,
            settings.daily_fact_days,
        )
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the post in progress, if any, has finished."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                post_due_facts(self.service, self.client, dt.datetime.now(dt.UTC))
            except Exception:
                log.exception("daily fact check failed; will try again")
            self._stop.wait(self.every)


def post_today(settings: Settings) -> list[PostResult]:
    """`python -m bot fact --post`: today's fact now, under the same exactly-once ledger."""
    service = Service(settings)
    try:
        client = create_client(settings.secret("slack_bot_token"), settings.slack_api_url)
        return post_due_facts(service, client, dt.datetime.now(dt.UTC), force=True)
    finally:
        service.close()


def preview(settings: Settings, count: int) -> list[tuple[str, dt.date, str, str]]:
    """The next `count` facts per channel, from today, given what the ledger holds."""
    service = Service(settings)
    try:
        schedule = schedule_of(settings)
        facts = {fid: fact.text for fid, _entry, fact in service.knowledge.kb.daily_facts()}
        today = dt.datetime.now(dt.UTC).astimezone(schedule.zone).date()
        rows = []
        for channel in settings.fact_channels:
            posts = service.store.posts(channel)
            start = (
                today + dt.timedelta(days=1) if any(p.local_date == today for p in posts) else today
            )
            history = [(p.fact_id, p.cycle) for p in posts]
            for day, fact_id in upcoming(
                facts, channel, history, start=start, schedule=schedule, count=count
            ):
                rows.append((channel, day, fact_id, facts[fact_id]))
        return rows
    finally:
        service.close()
