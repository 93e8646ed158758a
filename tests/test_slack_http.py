"""The real app over HTTP: signed requests in, recorded Web API calls out."""

from __future__ import annotations

import json
import time

import pytest

from bot.service import Service
from bot.slack.messages import problems
from tests.helpers import (
    action_body,
    event_body,
    get,
    make_settings,
    mention,
    post,
    send_command,
    send_event,
    serve_app,
    signed_headers,
)
from tests.processes import entry_ids
from tests.slack_standin import SlackStandIn


@pytest.mark.parametrize(
    ("question", "entry"),
    [("rimpac", "rimpac"), ("who is in the quad?", "quad"), ("what is article 5?", "article-5")],
)
def test_slash_command_answers_ephemerally_with_the_entry(
    base_url: str, question: str, entry: str
) -> None:
    response = send_command(base_url, question)
    assert response.status == 200
    message = response.json()
    assert message["response_type"] == "ephemeral"
    assert entry_ids(message) == [entry]
    assert message["blocks"][0]["type"] == "header"
    assert problems(message) == []


def test_help_shows_usage_and_presents_no_entry(base_url: str) -> None:
    message = send_command(base_url, "help").json()
    assert entry_ids(message) == []
    assert "/defense list" in json.dumps(message)
    assert problems(message) == []


def test_list_shows_the_entries_of_one_kind(base_url: str, served: tuple[str, Service]) -> None:
    message = send_command(base_url, "list exercises").json()
    text = json.dumps(message)
    exercises = served[1].knowledge.kb.of_kind("exercise")
    assert all(json.dumps(e.name)[1:-1] in text for e in exercises)
    assert "Warsaw Pact" not in text
    assert [b["block_id"] for b in message["blocks"] if b["type"] == "header"] == ["list:exercise"]
    assert problems(message) == []


def test_mention_replies_in_a_new_thread_under_the_message(
    base_url: str, slack: SlackStandIn
) -> None:
    event = mention("what is article 5?")
    assert send_event(base_url, event_body(event)).status == 200
    [call] = slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "C0CHAN1"
    assert call.body["thread_ts"] == event["ts"]
    assert entry_ids(call.body) == ["article-5"]
    assert call.headers["Authorization"].startswith("Bearer xoxb-")
    assert problems(call.body) == []


def test_mention_inside_a_thread_replies_in_that_thread(base_url: str, slack: SlackStandIn) -> None:
    event = mention("baltops", thread_ts="1700000000.000100")
    send_event(base_url, event_body(event))
    [call] = slack.wait_for("chat.postMessage")
    assert call.body["thread_ts"] == "1700000000.000100"
    assert entry_ids(call.body) == ["baltops"]


def test_direct_message_is_answered(base_url: str, slack: SlackStandIn) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0DM1",
        "user": "U0USER1",
        "text": "anzus members",
        "ts": "1700000001.000200",
    }
    send_event(base_url, event_body(event))
    [call] = slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "D0DM1"
    assert entry_ids(call.body) == ["anzus"]
    assert "Members" in json.dumps(call.body["blocks"][1])


def test_channel_messages_without_a_mention_are_ignored(base_url: str, slack: SlackStandIn) -> None:
    event = {
        "type": "message",
        "channel_type": "channel",
        "channel": "C0CHAN1",
        "user": "U0USER1",
        "text": "rimpac",
        "ts": "1700000002.000300",
    }
    assert send_event(base_url, event_body(event)).status == 200
    time.sleep(0.3)
    assert slack.calls_to("chat.postMessage") == []


def test_url_verification_echoes_the_challenge(base_url: str) -> None:
    body = {
        "token": "legacy",
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    }
    response = send_event(base_url, body)
    assert response.status == 200
    assert response.json()["challenge"] == body["challenge"]


@pytest.mark.parametrize(
    "sign",
    [{"secret": "wrong-secret"}, {"timestamp": int(time.time()) - 600}],
    ids=["bad-signature", "stale-timestamp"],
)
def test_unverified_requests_are_refused_before_any_listener(
    base_url: str, slack: SlackStandIn, sign: dict
) -> None:
    assert send_command(base_url, "rimpac", **sign).status == 401
    assert send_event(base_url, event_body(mention("rimpac")), **sign).status == 401
    time.sleep(0.2)
    assert slack.calls_to("chat.postMessage") == []


def test_unsigned_request_is_refused(base_url: str) -> None:
    response = post(
        base_url,
        "/slack/events",
        b"command=/defense&text=rimpac",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 401


def test_entry_button_answers_the_clicker_ephemerally(base_url: str, slack: SlackStandIn) -> None:
    body = action_body("nato", response_url=slack.response_url)
    response = post(
        base_url, "/slack/events", body, signed_headers(body, "application/x-www-form-urlencoded")
    )
    assert response.status == 200
    [call] = slack.wait_for("response_url")
    assert call.body["response_type"] == "ephemeral"
    assert call.body["replace_original"] is False
    assert entry_ids(call.body) == ["nato"]


def test_health_reports_knowledge_counts(base_url: str, served: tuple[str, Service]) -> None:
    response = get(base_url, "/health")
    assert response.status == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["knowledge"]["entries"] == len(served[1].knowledge.kb)
    assert body["knowledge"]["exercise"] > 0


def test_broadcast_mentions_in_a_question_are_never_echoed(
    base_url: str, slack: SlackStandIn
) -> None:
    question = "<!channel> <!here|here> <!everyone> <@U999> xqzzy plonk &lt;b&gt;"
    message = send_command(base_url, question).json()
    assert problems(message) == []
    send_event(base_url, event_body(mention(question)))
    [call] = slack.wait_for("chat.postMessage")
    for sent in (message, call.body):
        text = json.dumps(sent)
        assert "<!" not in text and "<@" not in text
        assert entry_ids(sent) == []


def test_command_name_is_configurable(slack: SlackStandIn, sqlite_url: str) -> None:
    settings = make_settings(slack.api_url, sqlite_url, slash_command="/intel")
    with serve_app(settings) as (base, _service):
        message = send_command(base, "rimpac", command="/intel").json()
        assert entry_ids(message) == ["rimpac"]
        assert "/intel list" in json.dumps(send_command(base, "help", command="/intel").json())


def test_feedback_buttons_record_one_vote_per_user(
    base_url: str, slack: SlackStandIn, served: tuple[str, Service]
) -> None:
    card = send_command(base_url, "rimpac").json()
    [feedback] = [b for b in card["blocks"] if b.get("block_id") == "feedback"]
    assert [e["action_id"] for e in feedback["elements"]] == ["feedback:yes", "feedback:no"]
    for user, action_id in [("U1", "feedback:no"), ("U1", "feedback:yes"), ("U2", "feedback:yes")]:
        body = action_body(
            "rimpac", response_url=slack.response_url, user=user, action_id=action_id
        )
        assert (
            post(
                base_url,
                "/slack/events",
                body,
                signed_headers(body, "application/x-www-form-urlencoded"),
            ).status
            == 200
        )
    calls = slack.wait_for("response_url", count=3)
    assert all(c.body["response_type"] == "ephemeral" for c in calls)
    assert served[1].store.feedback_counts() == {"rimpac": (2, 0)}


def test_unknown_buttons_and_events_are_acknowledged_not_refused(base_url: str) -> None:
    body = action_body("x", response_url="http://127.0.0.1:9/unused", action_id="old_button")
    response = post(
        base_url, "/slack/events", body, signed_headers(body, "application/x-www-form-urlencoded")
    )
    assert response.status == 200
    event = {"type": "reaction_added", "user": "U1", "reaction": "ship", "event_ts": "1.2"}
    assert send_event(base_url, event_body(event)).status == 200
