"""Builds the slack-bolt App: the client pointed at Slack (or a stand-in) and the listeners."""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App

from bot.service import Service
from bot.slack.client import create_client
from bot.slack.executor import BoundedExecutor
from bot.slack.listeners import register_listeners

log = logging.getLogger("bot.slack")


def create_app(
    service: Service, *, socket_mode: bool = False, executor: ThreadPoolExecutor | None = None
) -> App:
    """A single-workspace Bolt app answering from `service`'s knowledge."""
    settings = service.settings
    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        if os.environ.pop(name, None) is not None:
            log.warning("%s ignored: this bot runs in one workspace with SLACK_BOT_TOKEN", name)
    client = create_client(settings.secret("slack_bot_token"), settings.slack_api_url)
    app = App(
        client=client,
        signing_secret=settings.secret("slack_signing_secret") or "unused-in-socket-mode",
        request_verification_enabled=not socket_mode,
        # Ack as soon as the listener calls ack(): without this Bolt polls every 10 ms.
        process_before_response=True,
        listener_executor=executor or BoundedExecutor(),
        logger=logging.getLogger("bot.bolt"),
    )
    register_listeners(app, service)
    return app
