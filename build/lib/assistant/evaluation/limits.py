"""A time limit for one call, so a question that makes the pipeline loop cannot hang an eval or a benchmark."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any


class CallTimeout(Exception):
    pass


def limited(fn: Callable[[], Any], seconds: float | None) -> Any:
    """fn(), interrupted with CallTimeout after `seconds`. Uses SIGALRM, which stops pure-Python loops
    (a C call finishes first); off the main thread, or with seconds=None, fn runs without a limit."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        return fn()

    def expire(signum: int, frame: Any) -> None:
        raise CallTimeout(f"no result within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
