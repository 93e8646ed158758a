"""A stand-in for Slack on loopback: the Web API, response_url and Socket Mode's WebSocket.

It records every request body so tests can assert on exactly what the bot sent, and can be
told to answer a method with errors (e.g. 429 with Retry-After) a number of times first.
"""

from __future__ import annotations

import itertools
import json
import queue
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from websockets.sync.server import ServerConnection, serve

BOT_USER = "UBOT0001"


@dataclass
class Call:
    method: str  # Web API method ("chat.postMessage") or "response_url"
    body: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


class SlackStandIn:
    """Run with `with SlackStandIn() as slack:`; point the bot at `slack.api_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.acks: list[dict[str, Any]] = []  # Socket Mode acknowledgements
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self._delays: dict[str, float] = {}
        self._drops: dict[str, int] = {}
        self._changed = threading.Condition()
        self._envelopes: queue.Queue[dict[str, Any]] = queue.Queue()
        self._ts = itertools.count(1)
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.daemon_threads = True
        self._ws = serve(self._socket, "127.0.0.1", 0)
        self.connections = 0

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> SlackStandIn:
        threading.Thread(target=self._http.serve_forever, args=(0.05,), daemon=True).start()
        threading.Thread(target=self._ws.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._ws.shutdown()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/api/"

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/respond/T1"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self._ws.socket.getsockname()[1]}/link"

    # -- scripting and inspection ------------------------------------------------------------
    def fail(
        self,
        method: str,
        times: int,
        status: int = 429,
        retry_after: int = 1,
        error: str = "ratelimited",
    ) -> None:
        """Answer `method` with an error `times` times before answering normally."""
        headers = {"Retry-After": str(retry_after)} if status == 429 else {}
        self._failures[method] = [(status, headers, {"ok": False, "error": error})] * times

    def drop(self, method: str, times: int) -> None:
        """Close the connection without answering `method`, `times` times (a network drop)."""
        self._drops[method] = times

    def delay(self, method: str, seconds: float) -> None:
        """Answer `method` only after `seconds` (a slow Slack)."""
        self._delays[method] = seconds

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until `count` calls to `method` arrived; return them (fails on timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} call(s) to {method}, got {found}")
                self._changed.wait(left)

    def deliver(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to the connected client."""
        self._envelopes.put(envelope)

    def wait_for_ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for ack in self.acks:
                    if ack.get("envelope_id") == envelope_id:
                        return ack
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no ack for envelope {envelope_id}")
                self._changed.wait(left)

    # -- behaviour --------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, str], dict]:
        pending = self._failures.get(method)
        if pending:
            return pending.pop(0)
        if method == "auth.test":
            return (
                200,
                {},
                {
                    "ok": True,
                    "url": "https://example.slack.com/",
                    "team": "Test",
                    "user": "defensebot",
                    "team_id": "T1",
                    "user_id": BOT_USER,
                    "bot_id": "BBOT0001",
                },
            )
        if method == "apps.connections.open":
            return 200, {}, {"ok": True, "url": self.ws_url}
        if method == "chat.postMessage":
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            return (
                200,
                {},
                {
                    "ok": True,
                    "channel": body.get("channel"),
                    "ts": ts,
                    "message": {"text": body.get("text", "")},
                },
            )
        return 200, {}, {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = _parse(raw, self.headers.get("Content-Type", ""))
                path = self.path.split("?")[0]
                method = path.removeprefix("/api/") if path.startswith("/api/") else "response_url"
                if standin._drops.get(method, 0) > 0:
                    standin._drops[method] -= 1
                    standin._record(Call(f"{method} (dropped)", body, dict(self.headers.items())))
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                status, headers, answer = standin._answer(method, body)
                time.sleep(standin._delays.get(method, 0.0))
                standin._record(Call(method, body, dict(self.headers.items())))
                payload = json.dumps(answer).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                return

        return Handler

    def _socket(self, connection: ServerConnection) -> None:
        self.connections += 1
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        while True:
            try:
                envelope = self._envelopes.get(timeout=0.05)
                connection.send(json.dumps(envelope))
            except queue.Empty:
                pass
            try:
                message = connection.recv(timeout=0.01)
            except TimeoutError:
                continue
            except Exception:
                return
            data = json.loads(message)
            with self._changed:
                self.acks.append(data)
                self._changed.notify_all()


def _parse(raw: bytes, content_type: str) -> dict[str, Any]:
    text = raw.decode("utf-8", "replace")
    if "json" in content_type:
        return json.loads(text or "{}")
    form = {k: v[0] for k, v in parse_qs(text).items()}
    for key in ("blocks", "attachments"):
        if isinstance(form.get(key), str):
            form[key] = json.loads(form[key])
    return form
