"""Runs the bot: HTTP mode under gunicorn, or Socket Mode with an optional health endpoint."""

from __future__ import annotations

import logging
import signal
import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.errors import SlackApiError

from bot.config import Settings, load_settings
from bot.errors import ConfigError
from bot.service import Service
from bot.slack.app import create_app
from bot.slack.daily import DailyScheduler
from bot.slack.executor import BoundedExecutor
from bot.slack.reload import install_sighup
from bot.slack.wsgi import WsgiApp

log = logging.getLogger("bot")


def create_wsgi_app(settings: Settings | None = None) -> WsgiApp:
    """The WSGI callable for HTTP mode, with the daily-fact scheduler running beside it."""
    settings = settings or load_settings()
    service = Service(settings)
    executor = BoundedExecutor()
    app = create_app(service, executor=executor)
    wsgi = WsgiApp(app, service)
    wsgi.executor = executor
    wsgi.scheduler = DailyScheduler(service, app.client)
    wsgi.scheduler.start()
    return wsgi


class _Arbiter(Arbiter):  # type: ignore[misc]
    """gunicorn's master, except that SIGHUP reloads the knowledge base inside the worker
    instead of replacing it: a broken edit is then refused while the last good one serves."""

    def handle_hup(self) -> None:
        self.log.info("SIGHUP: asking the worker to reload the knowledge base")
        self.kill_workers(signal.SIGHUP)


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        self.served = create_wsgi_app(self.settings)
        return self.served

    def run(self) -> None:
        _Arbiter(self).run()

    def on_worker_ready(self, _worker: object) -> None:
        """gunicorn's post_worker_init hook: SIGHUP in the worker reloads the knowledge."""
        served = getattr(self, "served", None)
        if served is not None and served.slack is not None:
            install_sighup(served.service, served.slack.app.client)

    def on_worker_exit(self, _server: object, _worker: object) -> None:
        """gunicorn's worker_exit hook (after in-flight requests): let replies being sent and a
        daily post in progress finish before the process ends."""
        served = getattr(self, "served", None)
        if served is not None:
            served.shutdown()


def serve_http(settings: Settings, *, threads: int = 8) -> None:
    """HTTP mode under gunicorn: one worker (state lives in-process), several threads."""
    options = {
        "bind": f"0.0.0.0:{settings.port or 3000}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        "keepalive": 75,
        "graceful_timeout": 25,
        "timeout": 60,
        "accesslog": None,
        "loglevel": settings.log_level.lower(),
    }
    runner = _Gunicorn(settings, options)
    runner.cfg.set("post_worker_init", runner.on_worker_ready)
    runner.cfg.set("worker_exit", runner.on_worker_exit)
    runner.run()


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def start_health_server(service: Service, port: int) -> WSGIServer:
    """Serve `GET /health` on `port` in a background thread (for platforms' health checks)."""
    server = make_server(
        "0.0.0.0",
        port,
        WsgiApp(None, service),
        server_class=_ThreadingServer,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=server.serve_forever, name="health", daemon=True).start()
    return server


def serve_socket(settings: Settings) -> None:
    """Socket Mode: no public URL needed; `/health` on $PORT when PORT is set.

    SIGTERM stops taking new envelopes, then waits for replies and a daily post in progress.
    """
    service = Service(settings)
    executor = BoundedExecutor()
    app = create_app(service, socket_mode=True, executor=executor)
    handler = SocketModeHandler(app, settings.secret("slack_app_token"))
    log.info("connecting in Socket Mode")
    try:
        handler.connect()
    except SlackApiError as exc:
        service.close()
        error = exc.response.get("error", "unknown error") if exc.response else str(exc)
        raise ConfigError(
            "SLACK_APP_TOKEN",
            f"Slack refused the app-level token ({error}); it needs the connections:write scope",
        ) from None
    health = start_health_server(service, settings.port) if settings.port else None
    scheduler = DailyScheduler(service, app.client)
    scheduler.start()
    install_sighup(service, app.client)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        log.info("shutting down: finishing replies in progress")
        handler.close()
        executor.shutdown(wait=True)
        scheduler.stop()
        if health is not None:
            health.shutdown()
        service.close()
