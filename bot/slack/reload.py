"""Reloading the knowledge base on SIGHUP; a refused reload is reported to the admins."""

from __future__ import annotations

import logging
import signal
import threading

from slack_sdk import WebClient

from bot.blocks import escape
from bot.service import Service

log = logging.getLogger("bot")


def reload_and_report(service: Service, client: WebClient) -> bool:
    """Reload; on errors keep serving the last good knowledge and DM the errors to admins."""
    error = service.reload()
    if error is None:
        return True
    report = error.report()
    text = (
        f"Knowledge reload refused ({error}); still serving the last good knowledge base.\n"
        f"```{escape(report[:3500])}```"
    )
    for admin in sorted(service.settings.admins):
        try:
            client.chat_postMessage(channel=admin, text=text)
        except Exception as exc:
            log.error("could not report the refused reload to %s: %s", admin, exc)
    return False


def install_sighup(service: Service, client: WebClient) -> None:
    """SIGHUP reloads in a thread (never inside the signal handler itself)."""

    def on_hup(_signum: int, _frame: object) -> None:
        log.info("SIGHUP: reloading the knowledge base")
        threading.Thread(
            target=reload_and_report, args=(service, client), name="reload", daemon=True
        ).start()

    signal.signal(signal.SIGHUP, on_hup)
