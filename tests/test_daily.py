"""Daily posts through the real store and the Slack stand-in: exactly once, retried, caught up."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from bot.service import Service
from bot.slack.client import create_client
from bot.slack.daily import DailyScheduler, post_due_facts, post_fact_once
from tests.helpers import BOT_TOKEN, make_settings, serve_app
from tests.processes import ROOT, bot_env, bot_setup, running_bot
from tests.slack_standin import SlackStandIn

BERLIN_NINE_WINTER = dt.datetime(2026, 1, 15, 8, 0, 10, tzinfo=dt.UTC)


@pytest.fixture
def service(slack: SlackStandIn, database_url: str) -> Iterator[Service]:
    settings = make_settings(
        slack.api_url,
        database_url,
        daily_fact_channel="C0FACTS",
        daily_fact_time="09:00",
        daily_fact_timezone="Europe/Berlin",
        daily_fact_grace_minutes=240,
    )
    service = Service(settings)
    yield service
    service.close()


def posted_fact_ids(slack: SlackStandIn) -> list[str]:
    return [
        c.body["blocks"][0]["block_id"].removeprefix("fact:")
        for c in slack.calls_to("chat.postMessage")
    ]


def test_fact_goes_out_once_at_the_local_minute(service: Service, slack: SlackStandIn) -> None:
    client = create_client(BOT_TOKEN, slack.api_url)
    early = BERLIN_NINE_WINTER - dt.timedelta(minutes=1)
    assert post_due_facts(service, client, early) == []
    [result] = post_due_facts(service, client, BERLIN_NINE_WINTER)
    assert result.status == "sent"
    assert post_due_facts(service, client, BERLIN_NINE_WINTER + dt.timedelta(seconds=30)) == []
    [call] = slack.calls_to("chat.postMessage")
    assert call.body["channel"] == "C0FACTS"
    assert call.body["text"].startswith("Did you know?")
    fact_id = call.body["blocks"][0]["block_id"].removeprefix("fact:")
    entry_id = fact_id.split(".")[0]
    assert call.body["blocks"][1]["elements"][0]["value"] == entry_id
    ledger = service.store.post_on("C0FACTS", dt.date(2026, 1, 15))
    assert ledger is not None and (ledger.status, ledger.fact_id) == ("sent", fact_id)


def test_restart_in_the_posting_minute_does_not_post_twice(
    service: Service, slack: SlackStandIn
) -> None:
    client = create_client(BOT_TOKEN, slack.api_url)
    post_due_facts(service, client, BERLIN_NINE_WINTER)
    restarted = Service(service.settings)
    try:
        assert post_due_facts(restarted, client, BERLIN_NINE_WINTER) == []
    finally:
        restarted.close()
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_racing_threads_on_one_database_post_once(service: Service, slack: SlackStandIn) -> None:
    client = create_client(BOT_TOKEN, slack.api_url)
    barrier = threading.Barrier(6)
    results = []

    def race() -> None:
        barrier.wait()
        results.append(
            post_fact_once(service, client, "C0FACTS", dt.date(2026, 1, 15), BERLIN_NINE_WINTER)
        )

    threads = [threading.Thread(target=race) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status for r in results if r is not None] == ["sent"]
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_two_processes_posting_at_once_post_once(
    slack: SlackStandIn, database_url: str, tmp_path: Path
) -> None:
    env = bot_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=slack.api_url,
        DATABASE_URL=database_url,
        DAILY_FACT_CHANNEL="C0RACE,C0RACE2",
    )
    Service(make_settings(slack.api_url, database_url)).close()  # schema in place first
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "fact", "--post"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    calls = slack.calls_to("chat.postMessage")
    assert sorted(c.body["channel"] for c in calls) == ["C0RACE", "C0RACE2"]
    assert sum(o.count(": sent") for o in outputs) == 2


def test_catch_up_posts_later_the_same_day_but_not_the_next(
    service: Service, slack: SlackStandIn
) -> None:
    client = create_client(BOT_TOKEN, slack.api_url)
    back_next_morning = dt.datetime(2026, 1, 16, 7, 0, tzinfo=dt.UTC)  # 08:00 Berlin
    assert post_due_facts(service, client, back_next_morning) == []
    back_after_lunch = dt.datetime(2026, 1, 16, 11, 30, tzinfo=dt.UTC)  # 12:30 Berlin
    [result] = post_due_facts(service, client, back_after_lunch)
    assert (result.status, result.local_date) == ("sent", dt.date(2026, 1, 16))
    assert service.store.post_on("C0FACTS", dt.date(2026, 1, 15)) is None


def test_rate_limited_send_is_retried_and_delivered_once(
    service: Service, slack: SlackStandIn
) -> None:
    slack.fail("chat.postMessage", times=1, status=429, retry_after=1)
    client = create_client(BOT_TOKEN, slack.api_url)
    [result] = post_due_facts(service, client, BERLIN_NINE_WINTER)
    assert result.status == "sent"
    calls = slack.calls_to("chat.postMessage")
    assert len(calls) == 2  # the 429 and the delivery
    assert calls[1].at - calls[0].at >= 0.9  # waited for Retry-After


def test_a_send_that_keeps_failing_is_recorded_not_dropped(
    service: Service, slack: SlackStandIn
) -> None:
    slack.fail("chat.postMessage", times=20, status=200, error="channel_not_found")
    client = create_client(BOT_TOKEN, slack.api_url)
    [result] = post_due_facts(service, client, BERLIN_NINE_WINTER, backoff=0.01)
    assert result.status == "failed"
    ledger = service.store.post_on("C0FACTS", dt.date(2026, 1, 15))
    assert ledger is not None
    assert (ledger.status, ledger.attempts) == ("failed", 3)
    assert "channel_not_found" in (ledger.error or "")
    assert post_due_facts(service, client, BERLIN_NINE_WINTER) == []  # never a second post


def test_full_cycle_posts_every_fact_once_before_any_repeats(
    slack: SlackStandIn, sqlite_url: str
) -> None:
    settings = make_settings(
        slack.api_url, sqlite_url, daily_fact_channel="C0CYCLE", daily_fact_time="06:00"
    )
    service = Service(settings)
    client = create_client(BOT_TOKEN, slack.api_url)
    total = len(service.knowledge.kb.daily_facts())
    day = dt.datetime(2027, 1, 1, 6, 0, 5, tzinfo=dt.UTC)
    for n in range(total + 3):
        post_due_facts(service, client, day + dt.timedelta(days=n))
    service.close()
    posted = posted_fact_ids(slack)
    assert len(posted) == total + 3
    assert len(set(posted[:total])) == total
    assert posted[total:] == posted[:3]  # the next cycle starts in the same stable order


def test_served_app_runs_the_scheduler_at_the_local_minute_across_dst(
    slack: SlackStandIn, sqlite_url: str
) -> None:
    settings = make_settings(
        slack.api_url,
        sqlite_url,
        daily_fact_channel="C0DST",
        daily_fact_time="09:00",
        daily_fact_timezone="Europe/Berlin",
    )
    # 29 March 2026: clocks go forward in Berlin, so 09:00 local is 07:00 UTC.
    with (
        time_machine.travel(dt.datetime(2026, 3, 29, 7, 0, 1, tzinfo=dt.UTC), tick=True),
        serve_app(settings) as (_base, service),
    ):
        scheduler = DailyScheduler(service, create_client(BOT_TOKEN, slack.api_url), every=0.1)
        scheduler.start()
        try:
            [call] = slack.wait_for("chat.postMessage")
        finally:
            scheduler.stop()
        assert call.body["channel"] == "C0DST"
        assert service.store.post_on("C0DST", dt.date(2026, 3, 29)) is not None


def test_two_served_bots_with_schedulers_on_one_database_post_once(
    slack: SlackStandIn, database_url: str, tmp_path: Path
) -> None:
    Service(make_settings(slack.api_url, database_url)).close()  # schema in place first
    bots = []
    for number in range(2):
        env, port = bot_setup(
            "serve",
            slack.api_url,
            tmp_path / str(number),
            DATABASE_URL=database_url,
            DAILY_FACT_CHANNEL="C0TWO",
            DAILY_FACT_TIME="00:00",
            DAILY_FACT_GRACE_MINUTES="1440",
        )
        bots.append((env, port))
    with (
        running_bot("serve", env=bots[0][0], port=bots[0][1]),
        running_bot("serve", env=bots[1][0], port=bots[1][1]),
    ):
        slack.wait_for("chat.postMessage")
        time.sleep(1.0)  # both schedulers have checked by now (each checks at start)
    assert [c.body["channel"] for c in slack.calls_to("chat.postMessage")] == ["C0TWO"]
