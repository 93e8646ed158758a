"""Reloading the knowledge base: admins only, broken edits refused, the last good one serves."""

from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path

import pytest

from bot.config import DEFAULT_KNOWLEDGE
from tests.helpers import make_settings, send_command, serve_app
from tests.processes import bot_setup, entry_ids, running_bot
from tests.slack_standin import SlackStandIn

ADMIN = "U0ADMIN1"


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE, folder)
    return folder


def edit_summary(folder: Path, entry_id: str, marker: str) -> None:
    """Put `marker` at the start of an entry's summary (a `summary: >-` block)."""
    path = folder / "exercises.yaml"
    text = path.read_text()
    start = text.index(f"  - id: {entry_id}\n")
    at = text.index("    summary: >-\n", start) + len("    summary: >-\n      ")
    path.write_text(text[:at] + marker + " " + text[at:])


def test_reload_command_is_refused_for_non_admins(
    slack: SlackStandIn, sqlite_url: str, knowledge_copy: Path
) -> None:
    settings = make_settings(
        slack.api_url, sqlite_url, knowledge_dir=knowledge_copy, admin_user_ids=ADMIN
    )
    with serve_app(settings) as (base, _service):
        message = send_command(base, "reload", user="U0SOMEONE").json()
    assert "Only the bot's admins" in json.dumps(message)


def test_admin_reload_applies_a_good_edit_and_refuses_a_broken_one(
    slack: SlackStandIn, sqlite_url: str, knowledge_copy: Path
) -> None:
    settings = make_settings(
        slack.api_url, sqlite_url, knowledge_dir=knowledge_copy, admin_user_ids=ADMIN
    )
    with serve_app(settings) as (base, service):
        edit_summary(knowledge_copy, "rimpac", "Freshly edited.")
        assert "Freshly edited." not in json.dumps(send_command(base, "rimpac").json())
        reply = json.dumps(send_command(base, "reload", user=ADMIN).json())
        assert "Knowledge base reloaded" in reply
        assert "Freshly edited." in json.dumps(send_command(base, "rimpac").json())

        (knowledge_copy / "broken.yaml").write_text("entries:\n  - id: nato\n    kind: alliance\n")
        reply = json.dumps(send_command(base, "reload", user=ADMIN).json())
        assert "Reload refused" in reply
        assert "broken.yaml:2: entry 'nato', field 'summary': Field required" in reply
        assert entry_ids(send_command(base, "rimpac").json()) == ["rimpac"]
        assert len(service.knowledge.kb) > 100


def test_sighup_reloads_the_served_bot_and_reports_a_broken_edit_to_admins(
    slack: SlackStandIn, tmp_path: Path, knowledge_copy: Path
) -> None:
    env, port = bot_setup(
        "serve",
        slack.api_url,
        tmp_path,
        KNOWLEDGE_DIR=str(knowledge_copy),
        ADMIN_USER_IDS=ADMIN,
    )
    base = f"http://127.0.0.1:{port}"
    with running_bot("serve", env=env, port=port) as process:
        edit_summary(knowledge_copy, "baltops", "Edited before SIGHUP.")
        process.popen.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while "Edited before SIGHUP." not in json.dumps(send_command(base, "baltops").json()):
            assert time.monotonic() < deadline, process.output()
            time.sleep(0.1)
        (knowledge_copy / "exercises.yaml").write_text("entries: [oops\n")
        process.popen.send_signal(signal.SIGHUP)
        [dm] = slack.wait_for("chat.postMessage")
        assert dm.body["channel"] == ADMIN
        assert "knowledge/exercises.yaml:2: file: invalid YAML" in dm.body["text"]
        assert "refused" in dm.body["text"]
        assert entry_ids(send_command(base, "baltops").json()) == ["baltops"]
        assert process.popen.poll() is None
