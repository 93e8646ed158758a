"""A thread pool whose queue is bounded, so a burst of events slows acks instead of memory."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

MAX_PENDING = 64  # replies waiting for a worker; past this, new events wait a little
WAIT_LIMIT = 1.5  # seconds a request may wait for room: Slack's ack limit is 3 s


class BoundedExecutor(ThreadPoolExecutor):
    """ThreadPoolExecutor that holds a request briefly when too much work is queued."""

    def __init__(self, max_workers: int = 8, max_pending: int = MAX_PENDING) -> None:
        super().__init__(max_workers=max_workers, thread_name_prefix="listener")
        self._room = threading.BoundedSemaphore(max_pending)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        acquired = self._room.acquire(timeout=WAIT_LIMIT)
        future = super().submit(fn, *args, **kwargs)
        if acquired:
            future.add_done_callback(lambda _done: self._room.release())
        return future
