"""Test helpers: signed Slack requests, payload builders, and serving the real app on loopback."""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import urlencode, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk.signature import SignatureVerifier

from bot.config import Settings, load_settings
from bot.service import Service
from bot.slack.app import create_app
from bot.slack.wsgi import WsgiApp

SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-token-do-not-leak-42"
APP_TOKEN = "xapp-test-app-token-do-not-leak-42"
_ids = itertools.count(1)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def make_settings(api_url: str, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "_env_file": None,
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SECRET,
        "slack_app_token": APP_TOKEN,
        "slack_api_url": api_url,
        "database_url": database_url,
        "log_level": "INFO",
    }
    values.update(overrides)
    return load_settings(**values)


def post(base: str, path: str, body: bytes, headers: dict[str, str]) -> Response:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers=headers)
        reply = conn.getresponse()
        return Response(reply.status, dict(reply.getheaders()), reply.read())
    finally:
        conn.close()


def get(base: str, path: str) -> Response:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        return Response(reply.status, dict(reply.getheaders()), reply.read())
    finally:
        conn.close()


def signed_headers(
    body: bytes, content_type: str, *, secret: str = SECRET, timestamp: int | None = None
) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
    }


def send_command(
    base: str,
    text: str,
    *,
    response_url: str = "http://127.0.0.1:9/unused",
    user: str = "U0USER1",
    command: str = "/defense",
    **sign: Any,
) -> Response:
    body = urlencode(
        {
            "token": "legacy",
            "team_id": "T1",
            "team_domain": "test",
            "channel_id": "C0CHAN1",
            "channel_name": "general",
            "user_id": user,
            "user_name": "someone",
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    ).encode()
    return post(
        base,
        "/slack/events",
        body,
        signed_headers(body, "application/x-www-form-urlencoded", **sign),
    )


def event_body(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": "T1",
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": "UBOT0001", "is_bot": True}],
        "event": event,
    }


def mention(
    text: str,
    *,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel: str = "C0CHAN1",
    user: str = "U0USER1",
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@UBOT0001> {text}",
        "ts": ts or f"{int(time.time())}.{next(_ids):06d}",
        "channel": channel,
        "event_ts": "1.1",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def send_event(
    base: str, body: dict[str, Any], *, retry: int | None = None, **sign: Any
) -> Response:
    raw = json.dumps(body).encode()
    headers = signed_headers(raw, "application/json", **sign)
    if retry is not None:
        headers["X-Slack-Retry-Num"] = str(retry)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return post(base, "/slack/events", raw, headers)


def action_body(
    value: str, *, response_url: str, user: str = "U0USER1", action_id: str = "open_entry:0"
) -> bytes:
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": "1.2.3",
        "channel": {"id": "C0CHAN1"},
        "container": {"type": "message"},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "related",
                "value": value,
                "action_ts": "1.2",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        return


@contextmanager
def serve_app(settings: Settings) -> Iterator[tuple[str, Service]]:
    """The real WSGI app (as gunicorn runs it) on a loopback port chosen by the OS."""
    service = Service(settings)
    app = WsgiApp(create_app(service), service)
    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", service
    finally:
        server.shutdown()
        server.server_close()
        service.close()
