"""Logging set-up: request threads hand records to a queue; one thread writes them in batches.

The bot logs a line per request. Written directly, each line is a write call in the request
thread; handed to a thread woken for every record, each line is a thread switch. Under load
(eight gunicorn threads sharing one interpreter lock) either cost a tenth of the throughput.
So a `QueueHandler` only enqueues, and a writer thread wakes every `FLUSH_EVERY` seconds to
format and write what has gathered, in one call. Forked processes (gunicorn's worker) get a
writer of their own; whatever is still queued is written when the process exits.
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import os
import queue
import sys
import threading
import time

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
FLUSH_EVERY = 0.1  # seconds a line may wait before it is written

_handler: logging.handlers.QueueHandler | None = None
_writer: _BatchWriter | None = None


def configure_logging(level: str) -> None:
    """Log at `level` to stderr through a queue (idempotent: the first call wins)."""
    global _handler
    if _handler is not None:
        return
    # The format shows none of these, so records need not collect them (the logging HOWTO's
    # "Optimization" section): no caller frame lookup, no thread, process or task names.
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    logging.logAsyncioTasks = False  # type: ignore[attr-defined]
    _handler = _Enqueue(queue.SimpleQueue())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(_handler)
    _start()
    os.register_at_fork(after_in_child=_start)  # the parent's writer thread is not inherited
    atexit.register(_stop)


class _Enqueue(logging.handlers.QueueHandler):
    """Hands the record over as it is. The standard handler first formats and copies it so it
    could cross to another process; ours is read in this process by the writer thread, which
    formats it there, off the request's path."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record


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


class _BatchWriter(threading.Thread):
    """Drains the queue every FLUSH_EVERY seconds and writes the lines in one call."""

    def __init__(self, records: queue.SimpleQueue[logging.LogRecord]) -> None:
        super().__init__(name="log-writer", daemon=True)
        self.records = records
        self.formatter = _Formatter(FORMAT)
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(FLUSH_EVERY):
            self.flush()
        self.flush()

    def flush(self) -> None:
        lines = []
        while True:
            try:
                record = self.records.get_nowait()
            except queue.Empty:
                break
            try:
                lines.append(self.formatter.format(record))
            except Exception:  # a record that cannot be formatted is dropped, not the writer
                lines.append(f"unformattable log record from {record.name}")
        if lines:
            try:
                sys.stderr.write("\n".join(lines) + "\n")
                sys.stderr.flush()
            except (OSError, ValueError):  # stderr closed at exit: nothing left to write to
                pass


def _start() -> None:
    """A writer thread on a fresh queue (a queue copied by fork may hold a lock it never frees)."""
    global _writer
    assert _handler is not None
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    _handler.queue = records
    _writer = _BatchWriter(records)
    _writer.start()


def _stop() -> None:
    """Write what is still queued, then end the writer thread."""
    if _writer is not None and _writer.is_alive():
        _writer.stopping.set()
        _writer.join(timeout=5)
