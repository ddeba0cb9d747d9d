"""Stopping code that runs past its time, so one layer stuck on one document cannot hang a run.

In a process's main thread (the CLI, each worker of a process pool) a SIGALRM
timer raises :class:`Expired` inside the running code; the regular-expression
engine checks for signals too, so catastrophic backtracking is stopped as well.
In other threads (a threaded cluster worker) the exception is sent to the thread
asynchronously; it lands at the next Python instruction.  Neither can stop a C
extension that never returns to Python, nor code that swallows BaseException.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Expired", "time_limit"]


class Expired(BaseException):
    """Time is up.  A BaseException, so a layer's ``except Exception`` cannot swallow it."""


# No limit: a shared do-nothing context, entered once per layer and document without the
# cost of a generator-based one.
_NO_LIMIT = contextlib.nullcontext()


def time_limit(seconds: float | None) -> contextlib.AbstractContextManager[None]:
    """Raise :class:`Expired` in the body once it has run ``seconds`` (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        return _NO_LIMIT
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _alarm(seconds)
    return _async_raise(seconds)


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _async_raise(seconds: float) -> Iterator[None]:
    ident = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, ctypes.py_object(Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:  # not delivered yet: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, None)
