"""Logging set-up: request threads hand records to a queue; one thread writes them.

The bot logs a line per request. Written directly, every request thread takes the stream
handler's lock and waits for the write: under load (eight gunicorn threads) a sixth of the
served time went there. A `QueueHandler` only enqueues; a `QueueListener` thread formats and
writes. Forked processes (gunicorn's worker) get a listener of their own, and whatever is
still queued is written when the process exits.
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import os
import queue
import sys
import time

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"

_handler: logging.handlers.QueueHandler | None = None
_listener: logging.handlers.QueueListener | None = None


def configure_logging(level: str) -> None:
    """Log at `level` to stderr through a queue (idempotent: the first call wins)."""
    global _handler
    if _handler is not None:
        return
    _handler = logging.handlers.QueueHandler(queue.SimpleQueue())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(_handler)
    _start()
    os.register_at_fork(after_in_child=_start)  # the parent's writer thread is not inherited
    atexit.register(_stop)


class _Formatter(logging.Formatter):
    """The standard format; the date part is worked out once a second, not once a line."""

    _second = -1
    _stamp = ""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        second = int(record.created)
        if second != self._second:  # one writer thread: no race
            self._second = second
            self._stamp = time.strftime("%Y-%m-%d %H:%M:%S", self.converter(second))
        return f"{self._stamp},{int(record.msecs):03d}"


def _start() -> None:
    """A writer thread on a fresh queue (a queue copied by fork may hold a lock it never frees)."""
    global _listener
    assert _handler is not None
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    _handler.queue = records
    writer = logging.StreamHandler(sys.stderr)
    writer.setFormatter(_Formatter(FORMAT))
    _listener = logging.handlers.QueueListener(records, writer, respect_handler_level=True)
    _listener.start()


def _stop() -> None:
    """Write what is still queued, then end the writer thread."""
    if _listener is not None:
        _listener.stop()
