"""The listener pool bounds its queue: a burst waits briefly instead of piling up in memory."""

from __future__ import annotations

import threading
import time

from bot.slack.executor import BoundedExecutor


def test_submit_waits_for_room_when_the_queue_is_full() -> None:
    gate = threading.Event()
    pool = BoundedExecutor(max_workers=1, max_pending=2)
    pool.submit(gate.wait)
    pool.submit(gate.wait)
    threading.Timer(0.3, gate.set).start()
    started = time.monotonic()
    future = pool.submit(lambda: "done")
    waited = time.monotonic() - started
    assert future.result(timeout=5) == "done"
    assert waited >= 0.25
    pool.shutdown(wait=True)


def test_submit_never_waits_past_the_ack_budget() -> None:
    gate = threading.Event()
    pool = BoundedExecutor(max_workers=1, max_pending=1)
    pool.submit(gate.wait)
    started = time.monotonic()
    future = pool.submit(lambda: "late but accepted")
    assert time.monotonic() - started < 2.0
    gate.set()
    assert future.result(timeout=5) == "late but accepted"
    pool.shutdown(wait=True)
