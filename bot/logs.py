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

_handler: _Enqueue | None = None
_writer: _BatchWriter | None = None


def configure_logging(level: str) -> None:
    """Log at `level` to stderr through a queue (idempotent: the first call wins)."""
    global _handler
    if _handler is not None:
        return
    # The format shows none of these, so records need not collect them (the logging HOWTO's
    # "Optimization" section): no caller frame lookup, no thread, process or task names.
    # (The process id stays: gunicorn's own log format shows it.)
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
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
    """Hands the record to the writer thread with its message filled in (so it shows the
    values at the time of the call) but not copied or formatted: the standard handler does
    both so a record can cross to another process, and ours stays in this one. Once the
    writer has stopped (at exit), records are written directly."""

    direct = False

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:  # the traceback as text now; its frames need not be kept alive
            record.exc_text = _FORMATTER.formatException(record.exc_info)
            record.exc_info = None
        return record

    def emit(self, record: logging.LogRecord) -> None:
        if self.direct:
            _write([_format(record)])
        else:
            super().emit(record)


class _Formatter(logging.Formatter):
    """The standard format; the date part is worked out once a second, not once a line."""

    _second = -1
    _stamp = ""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        second = int(record.created)
        if second != self._second:  # one writer at a time (the thread, or after it the caller)
            self._second = second
            self._stamp = time.strftime("%Y-%m-%d %H:%M:%S", self.converter(second))
        return f"{self._stamp},{int(record.msecs):03d}"


_FORMATTER = _Formatter(FORMAT)  # used by the writer thread, or directly once it has stopped


class _BatchWriter(threading.Thread):
    """Drains the queue every FLUSH_EVERY seconds and writes the lines in one call."""

    def __init__(self, records: queue.SimpleQueue[logging.LogRecord]) -> None:
        super().__init__(name="log-writer", daemon=True)
        self.records = records
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
            lines.append(_format(record))
        if lines:
            _write(lines)


def _format(record: logging.LogRecord) -> str:
    try:
        return _FORMATTER.format(record)
    except Exception as error:  # a record that cannot be formatted must not stop the writer
        return f"unformattable log record from {record.name}: {record.msg!r} ({error!r})"


def _write(lines: list[str]) -> None:
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
    """Write what is still queued, end the writer thread, and write later records directly
    (from atexit handlers and threads still running at exit)."""
    if _writer is not None and _writer.is_alive():
        _writer.stopping.set()
        _writer.join(timeout=5)
    if _handler is not None:
        _handler.direct = True
    if _writer is not None:
        _writer.flush()  # whatever arrived between the writer's last flush and now
