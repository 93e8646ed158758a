"""Retries, Web API failures, hostile input and oversized requests: nothing lost or duplicated."""

from __future__ import annotations

import json
import time

import pytest

from bot.slack.messages import problems
from tests.helpers import (
    event_body,
    make_settings,
    mention,
    post,
    send_command,
    send_event,
    serve_app,
    signed_headers,
)
from tests.slack_standin import SlackStandIn

HOSTILE = [
    "x" * 10_000,
    "nato " * 2_000,
    "",
    "   \t\n  ",
    "\x00\x00nato\x00",
    "\u200b\u200c\u200d\ufeff",
    "\u202enato\u202c \u2066quad\u2069",
    "🛡️⚓🚢 :ship: :flag-us:",
    "<!channel> <!here> <!everyone> <!subteam^S123|@ops>",
    "<@U123|admin> <#C123|general> <https://evil.example|click me>",
    "*bold* _it_ ~s~ `code` ```block``` > quote",
    "&lt;!channel&gt; &amp;&amp; <script>alert(1)</script>",
    '{"type": "event_callback", "event": {"type": "app_mention"}}',
    "token=abc&command=%2Fdefense&text=rimpac",
    "payload=%7B%22type%22%3A%22block_actions%22%7D",
    "\\u0000 \\n %s %d {0} ${HOME} $(rm -rf /)",
    "' OR 1=1; DROP TABLE fact_posts; --",
    "ＮＡＴＯ",
    "ñ" * 3000,
]


def test_a_retried_event_is_answered_once(base_url: str, slack: SlackStandIn) -> None:
    body = event_body(mention("rimpac"))
    assert send_event(base_url, body).status == 200
    slack.wait_for("chat.postMessage")
    for retry in (1, 2, 3):
        assert send_event(base_url, body, retry=retry).status == 200
    time.sleep(0.5)
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_a_retry_reaching_another_instance_is_not_answered_again(
    slack: SlackStandIn, database_url: str
) -> None:
    settings = make_settings(slack.api_url, database_url)
    body = event_body(mention("aukus"))
    with serve_app(settings) as (first, _s1), serve_app(settings) as (second, _s2):
        send_event(first, body)
        slack.wait_for("chat.postMessage")
        send_event(second, body, retry=1)
        time.sleep(0.5)
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_the_same_message_as_mention_and_dm_event_is_answered_once(
    base_url: str, slack: SlackStandIn
) -> None:
    event = mention("quad", channel="D0DM9")
    dm = {**event, "type": "message", "channel_type": "im"}
    send_event(base_url, event_body(event))
    send_event(base_url, event_body(dm))
    slack.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_rate_limited_reply_is_retried_and_delivered_once(
    base_url: str, slack: SlackStandIn
) -> None:
    slack.fail("chat.postMessage", times=1, status=429, retry_after=1)
    send_event(base_url, event_body(mention("cobra gold")))
    calls = slack.wait_for("chat.postMessage", count=2)
    time.sleep(0.3)
    assert len(slack.calls_to("chat.postMessage")) == 2
    assert calls[1].at - calls[0].at >= 0.9


def test_a_dropped_connection_is_retried_and_the_reply_delivered_once(
    base_url: str, slack: SlackStandIn
) -> None:
    slack.drop("chat.postMessage", times=1)
    send_event(base_url, event_body(mention("pitch black")))
    [call] = slack.wait_for("chat.postMessage")
    assert len(slack.calls_to("chat.postMessage (dropped)")) == 1
    time.sleep(0.3)
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert call.body["blocks"][0]["block_id"] == "entry:pitch-black"


def test_a_reply_that_finally_fails_is_logged_and_the_bot_keeps_answering(
    base_url: str, slack: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fail("chat.postMessage", times=50, status=200, error="channel_not_found")
    with caplog.at_level("ERROR"):
        send_event(base_url, event_body(mention("malabar", channel="C0GONE")))
        slack.wait_for("chat.postMessage")
        deadline = time.monotonic() + 5
        while "reply failed" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "reply failed" in caplog.text and "C0GONE" in caplog.text
    slack.fail("chat.postMessage", times=0)
    send_event(base_url, event_body(mention("malabar")))
    calls = slack.wait_for("chat.postMessage", count=2)
    assert calls[-1].body["channel"] == "C0CHAN1"


@pytest.mark.parametrize("question", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_command_text_gets_a_valid_quick_answer(base_url: str, question: str) -> None:
    started = time.monotonic()
    response = send_command(base_url, question)
    assert time.monotonic() - started < 2.5
    assert response.status == 200
    message = response.json()
    assert problems(message) == []
    assert "<!" not in json.dumps(message)


def test_hostile_mentions_get_valid_replies_in_thread(base_url: str, slack: SlackStandIn) -> None:
    for question in HOSTILE:
        send_event(base_url, event_body(mention(question)))
    calls = slack.wait_for("chat.postMessage", count=len(HOSTILE), timeout=20)
    for call in calls:
        assert problems(call.body) == [], call.body
        assert "<!" not in json.dumps(call.body)


def test_oversized_body_is_refused_before_parsing(base_url: str) -> None:
    body = b"text=" + b"a" * (300 * 1024)
    response = post(
        base_url, "/slack/events", body, signed_headers(body, "application/x-www-form-urlencoded")
    )
    assert response.status == 413


def test_missing_signature_headers_are_refused(base_url: str) -> None:
    body = json.dumps(event_body(mention("rimpac"))).encode()
    response = post(base_url, "/slack/events", body, {"Content-Type": "application/json"})
    assert response.status == 401


def test_unknown_paths_and_methods_are_not_found(base_url: str) -> None:
    assert post(base_url, "/admin", b"", {}).status == 404
