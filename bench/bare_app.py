"""The yardstick: a bare slack-bolt app, configured for speed, acking one static block."""

from __future__ import annotations

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "Static answer."}}]


def create() -> SlackRequestHandler:
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        process_before_response=True,
    )

    @app.command(os.environ.get("SLASH_COMMAND", "/defense"))
    def answer(ack) -> None:
        ack(response_type="ephemeral", text="Static answer.", blocks=BLOCKS)

    return SlackRequestHandler(app)
