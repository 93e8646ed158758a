"""The real commands end to end: serve under gunicorn, Socket Mode, ask, check, config errors."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.helpers import APP_TOKEN, BOT_TOKEN, SECRET, event_body, mention, send_command
from tests.processes import bot_env, bot_setup, entry_ids, free_port, run_bot, running_bot
from tests.slack_standin import SlackStandIn


def test_serve_runs_under_gunicorn_and_answers_signed_commands(
    slack: SlackStandIn, tmp_path: Path
) -> None:
    env, port = bot_setup("serve", slack.api_url, tmp_path)
    with running_bot("serve", env=env, port=port) as process:
        message = send_command(f"http://127.0.0.1:{port}", "cobra gold").json()
        assert entry_ids(message) == ["cobra-gold"]
        assert process.stop() == 0
        assert "gunicorn" in process.output().lower()


def test_socket_mode_answers_commands_and_mentions(slack: SlackStandIn, tmp_path: Path) -> None:
    env, port = bot_setup("socket", slack.api_url, tmp_path)
    with running_bot("socket", env=env, port=port):
        deadline = time.monotonic() + 10
        while not slack.connections and time.monotonic() < deadline:
            time.sleep(0.05)
        assert slack.calls_to("apps.connections.open")[0].headers["Authorization"] == (
            f"Bearer {APP_TOKEN}"
        )
        slack.deliver(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": {
                    "command": "/defense",
                    "text": "malabar",
                    "user_id": "U0USER1",
                    "channel_id": "C0CHAN1",
                    "team_id": "T1",
                    "response_url": slack.response_url,
                    "trigger_id": "1.2.3",
                    "api_app_id": "A1",
                },
            }
        )
        ack = slack.wait_for_ack("env-1")
        assert entry_ids(ack["payload"]) == ["malabar"]
        assert ack["payload"]["response_type"] == "ephemeral"
        event = mention("what is the rio treaty")
        body_id = "EvSOCKET0001"
        slack.deliver(
            {
                "envelope_id": "env-2",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_body(event, event_id=body_id),
            }
        )
        slack.wait_for_ack("env-2")
        [call] = slack.wait_for("chat.postMessage")
        assert call.body["thread_ts"] == event["ts"]
        assert entry_ids(call.body) == ["rio-treaty"]
        # Slack redelivers the same event (a retry): it is acknowledged, not answered again.
        slack.deliver(
            {
                "envelope_id": "env-3",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 1,
                "retry_reason": "timeout",
                "payload": event_body(event, event_id=body_id),
            }
        )
        slack.wait_for_ack("env-3")
        time.sleep(0.5)
        assert len(slack.calls_to("chat.postMessage")) == 1


def test_ask_prints_a_readable_answer() -> None:
    result = run_bot("ask", "when was nato founded")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "NATO"
    assert "Founded: " in result.stdout.splitlines()[2]
    assert "Sources: " in result.stdout


def test_ask_json_prints_the_exact_slack_payload() -> None:
    result = run_bot("ask", "--json", "rimpac")
    payload = json.loads(result.stdout)
    assert payload["response_type"] == "ephemeral"
    assert entry_ids(payload) == ["rimpac"]
    assert payload["text"]


def test_console_answers_until_quit() -> None:
    result = run_bot("ask", stdin="rimpac\nlist treaties\nquit\n")
    assert result.returncode == 0
    assert "Rim of the Pacific" in result.stdout or "RIMPAC" in result.stdout
    assert "Treaties (" in result.stdout


def test_default_command_without_credentials_opens_the_console() -> None:
    result = run_bot(stdin="anzus\n")
    assert result.returncode == 0
    assert "local console" in result.stderr
    assert "ANZUS" in result.stdout


def test_check_passes_on_the_real_knowledge_base() -> None:
    result = run_bot("check")
    assert result.returncode == 0, result.stdout
    assert "0 problems" in result.stdout


def test_check_reports_every_error_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "bad.yaml").write_text("entries:\n  - id: Bad Id\n    kind: alliance\n")
    result = run_bot("check", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("knowledge/bad.yaml:2: entry 'Bad Id', field 'id'") for line in lines
    )
    assert any("field 'summary': Field required" in line for line in lines)
    assert "problems in the knowledge base" in lines[-1]


def test_a_broken_knowledge_base_never_starts_the_bot(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "x.yaml").write_text("entries: [1]\n")
    env = bot_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        PORT=str(free_port()),
        KNOWLEDGE_DIR=str(tmp_path / "k"),
    )
    result = run_bot("serve", env=env, timeout=30)
    assert result.returncode == 1
    assert "cannot start" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_setting_names_the_variable_without_a_traceback() -> None:
    result = run_bot("check", env=bot_env(PORT="eighty"))
    assert result.returncode == 2
    assert result.stderr.startswith("configuration error: PORT:")
    assert "Traceback" not in result.stderr


def test_serve_without_a_token_names_the_missing_variable() -> None:
    result = run_bot("serve", env=bot_env(SLACK_SIGNING_SECRET=SECRET))
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr


def test_report_shows_feedback_and_the_daily_ledger(tmp_path: Path) -> None:
    import datetime as dt

    from bot.storage import Store

    url = f"sqlite:///{tmp_path}/r.sqlite3"
    now = dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC)
    store = Store(url)
    store.record_feedback("rimpac", "U1", helpful=False, now=now)
    store.record_feedback("rimpac", "U2", helpful=True, now=now)
    store.claim_post("C0REP", now.date(), "nato.founding", cycle=0, now=now)
    store.finish_post("C0REP", now.date(), status="sent", attempts=1, now=now)
    store.close()
    result = run_bot("report", env=bot_env(DATABASE_URL=url, DAILY_FACT_CHANNEL="C0REP"))
    assert result.returncode == 0, result.stderr
    assert "Feedback on answers (2 votes)" in result.stdout
    assert "1 helpful    1 not helpful  RIMPAC" in result.stdout
    assert "2026-11-24 sent     nato.founding" in result.stdout


def test_a_token_slack_refuses_is_named_without_a_traceback(
    slack: SlackStandIn, tmp_path: Path
) -> None:
    slack.fail("auth.test", times=1, status=200, error="invalid_auth")
    env, _port = bot_setup("serve", slack.api_url, tmp_path)
    result = run_bot("serve", env=env, timeout=60)
    assert result.returncode == 2
    assert "configuration error: SLACK_BOT_TOKEN: Slack refused the token (invalid_auth)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_an_unreachable_slack_api_url_is_named_without_a_traceback(tmp_path: Path) -> None:
    env, _port = bot_setup("socket", f"http://127.0.0.1:{free_port()}/api/", tmp_path)
    result = run_bot("socket", env=env, timeout=60)
    assert result.returncode == 2
    assert "configuration error: SLACK_API_URL: cannot reach the Slack Web API" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_app_token_slack_refuses_is_named_without_a_traceback(
    slack: SlackStandIn, tmp_path: Path
) -> None:
    slack.fail("apps.connections.open", times=1, status=200, error="invalid_auth")
    env, _port = bot_setup("socket", slack.api_url, tmp_path)
    result = run_bot("socket", env=env, timeout=60)
    assert result.returncode == 2
    assert "configuration error: SLACK_APP_TOKEN: Slack refused the app-level token" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
