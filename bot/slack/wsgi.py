"""The WSGI application the production server runs: Slack's endpoint plus a health check."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

from bot.service import Service
from bot.slack.daily import DailyScheduler

EVENTS_PATH = "/slack/events"
MAX_BODY = 256 * 1024  # Slack's payloads are far smaller; larger bodies are refused unread

StartResponse = Callable[..., Any]


class _SlackHandler(SlackRequestHandler):
    """Bolt's WSGI handler, mended for slash-command text that contains the word "payload".

    Bolt reads any form body containing "payload" as an interactivity payload and finds none,
    so `/defense what payload does X carry` would go unanswered (404). Parse such bodies as the
    plain form they are.
    """

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        bolt_request = BoltRequest(
            body=request.get_body(), query=request.query_string, headers=request.get_headers()
        )
        if not bolt_request.body and bolt_request.raw_body and not _is_json(bolt_request):
            form = dict(parse_qsl(bolt_request.raw_body, keep_blank_values=True))
            if "payload" not in form:
                bolt_request.body = form
                bolt_request.context = build_context(BoltContext(), form)
        return self.app.dispatch(bolt_request)


def _is_json(request: BoltRequest) -> bool:
    return request.content_type == "application/json" or request.raw_body.startswith("{")


class WsgiApp:
    """Routes `POST /slack/events` to Bolt, `GET /health` to a JSON status, the rest to 404."""

    def __init__(self, app: App | None, service: Service) -> None:
        self.service = service
        self.scheduler: DailyScheduler | None = None
        self.executor: ThreadPoolExecutor | None = None
        self.slack = _SlackHandler(app, path=EVENTS_PATH) if app is not None else None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path in ("/health", "/healthz") and method in ("GET", "HEAD"):
            return self._health(start_response, head=method == "HEAD")
        if self.slack is not None and path == EVENTS_PATH:
            if method != "POST":
                return _plain(start_response, "405 Method Not Allowed", "use POST")
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if length < 0 or length > MAX_BODY:
                return _plain(start_response, "413 Content Too Large", "request body too large")
            return self.slack(environ, start_response)
        return _plain(start_response, "404 Not Found", "not found")

    def shutdown(self) -> None:
        """Finish replies being sent and a daily post in progress; then release the database."""
        if self.executor is not None:
            self.executor.shutdown(wait=True)
        if self.scheduler is not None:
            self.scheduler.stop()
        self.service.close()

    def _health(self, start_response: StartResponse, *, head: bool) -> Iterable[bytes]:
        counts = self.service.knowledge.counts
        body = json.dumps({"status": "ok", "knowledge": counts}).encode()
        start_response(
            "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [] if head else [body]


def _plain(start_response: StartResponse, status: str, text: str) -> Iterable[bytes]:
    body = text.encode()
    start_response(
        status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    )
    return [body]
