"""SIGTERM finishes what is in flight; logs carry one line per request and never a secret."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from tests.helpers import (
    APP_TOKEN,
    BOT_TOKEN,
    SECRET,
    action_body,
    event_body,
    mention,
    post,
    send_command,
    send_event,
    signed_headers,
)
from tests.processes import bot_setup, running_bot
from tests.slack_standin import SlackStandIn


def test_sigterm_lets_a_reply_in_flight_finish(slack: SlackStandIn, tmp_path: Path) -> None:
    env, port = bot_setup("serve", slack.api_url, tmp_path)
    slack.delay("chat.postMessage", 2.0)
    with running_bot("serve", env=env, port=port) as process:
        send_event(f"http://127.0.0.1:{port}", event_body(mention("kfor")))
        time.sleep(0.3)  # the reply is now being sent
        assert process.stop(signal.SIGTERM) == 0
        assert len(slack.calls_to("chat.postMessage")) == 1
        # gunicorn's own lines go through the same logging set-up (its format shows the pid)
        output = process.output()
        assert "Booting worker" in output and "Worker exiting" in output
        assert "Logging error" not in output and "Traceback" not in output


def test_socket_mode_sigterm_exits_cleanly(slack: SlackStandIn, tmp_path: Path) -> None:
    env, port = bot_setup("socket", slack.api_url, tmp_path)
    with running_bot("socket", env=env, port=port) as process:
        assert process.stop(signal.SIGTERM) == 0
        assert "shutting down" in process.output()


def test_every_surface_logs_one_line_per_request_and_no_secret(
    slack: SlackStandIn, tmp_path: Path
) -> None:
    env, port = bot_setup(
        "serve",
        slack.api_url,
        tmp_path,
        LOG_LEVEL="DEBUG",
        DAILY_FACT_CHANNEL="C0FACTS",
        DAILY_FACT_GRACE_MINUTES="1440",
        DAILY_FACT_TIME="00:00",
        ADMIN_USER_IDS="U0ADMIN",
    )
    base = f"http://127.0.0.1:{port}"
    with running_bot("serve", env=env, port=port) as process:
        send_command(base, "rimpac", user="U0SECRETUSER")
        send_command(base, "nothing like this xqzzy")
        send_command(base, "reload", user="U0ADMIN")
        send_command(base, "rimpac", secret="wrong")
        send_event(base, event_body(mention("quad")))
        dm = {
            "type": "message",
            "channel_type": "im",
            "channel": "D1",
            "user": "U1",
            "text": "aukus",
            "ts": "1.000001",
        }
        send_event(base, event_body(dm))
        body = action_body("nato", response_url=slack.response_url)
        post(base, "/slack/events", body, signed_headers(body, "application/x-www-form-urlencoded"))
        slack.wait_for("chat.postMessage", count=3)  # mention, DM, daily fact
        slack.wait_for("response_url")
        process.stop()
        output = process.output()
    for secret in (BOT_TOKEN, SECRET, APP_TOKEN, BOT_TOKEN.split("-", 1)[1]):
        assert secret not in output
    request_lines = [line for line in output.splitlines() if " surface=" in line]
    surfaces = [line.split("surface=")[1].split()[0] for line in request_lines]
    assert sorted(surfaces) == ["button", "command", "command", "command", "dm", "mention"]
    assert "U0SECRETUSER" not in output
    first = request_lines[0]
    assert "entry=rimpac" in first and "latency_ms=" in first and "score=" in first
    assert json.dumps("daily fact posted")[1:-1] in output
