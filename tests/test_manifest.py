"""The Slack app manifest matches what the code listens to."""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST = json.loads((Path(__file__).resolve().parent.parent / "manifest.json").read_text())


def test_manifest_declares_the_command_events_scopes_and_modes() -> None:
    [command] = MANIFEST["features"]["slash_commands"]
    assert command["command"] == "/defense"
    assert 2 <= len(command["command"]) <= 32
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
    }
    assert {"commands", "app_mentions:read", "chat:write", "im:history"} <= set(
        MANIFEST["oauth_config"]["scopes"]["bot"]
    )
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
