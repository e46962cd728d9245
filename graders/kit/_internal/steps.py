"""Timing each loop step in real seconds: what catches a blocked, stuck or spinning loop.

``StepTimer`` wraps two private methods of asyncio's selector loop (``_run_once`` and the
selector's ``select``); both exist unchanged from Python 3.11 to 3.14.
"""

from __future__ import annotations

import _thread
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Loop steps in a row without the virtual clock moving before we call it spinning.
SPIN_LIMIT = 200_000
# Real seconds one loop step may run before it is interrupted: on virtual time far above
# kit.running.BLOCK_LIMIT (which already fails such a step), on the real clock far above anything a
# grader waits for in one step, so only a stuck step (``while True: pass``) is cut short.
STUCK_LIMIT = 1.0
STUCK_LIMIT_REAL = 5.0


class Spinning(BaseException):
    """Raised out of the loop when it turns without end and the clock never moves."""


class Stuck(BaseException):
    """Raised inside a loop step that ran past STUCK_LIMIT (a ``while True: pass``)."""


class StepTimer:
    """Times each loop step in real seconds, leaving out the time spent waiting in select(),
    and (on virtual time) notices a loop that spins without ever letting time pass."""

    def __init__(self, loop: Any, virtual: bool) -> None:
        self.loop = loop
        self.longest = 0.0
        self.spun = False
        self.step_started: float | None = None  # perf_counter() while a step runs
        self.selecting = False  # True while the step waits in select(): not the code's time
        self._waited = 0.0
        self._same_time = 0
        self._last = loop.time()
        run_once, select = loop._run_once, loop._selector.select

        def timed_select(timeout: float | None = None) -> Any:
            start = time.perf_counter()
            self.selecting = True
            try:
                return select(timeout)
            finally:
                self.selecting = False
                self._waited += time.perf_counter() - start

        def timed_run_once() -> None:
            self._waited = 0.0
            start = self.step_started = time.perf_counter()
            try:
                run_once()
            finally:
                self.step_started = None
            self.longest = max(self.longest, time.perf_counter() - start - self._waited)
            if virtual and not self.spun:
                now = loop.time()
                self._same_time = self._same_time + 1 if now == self._last else 0
                self._last = now
                if self._same_time > SPIN_LIMIT:
                    self.spun = True
                    raise Spinning

        loop._selector.select = timed_select
        loop._run_once = timed_run_once

    @contextmanager
    def uncounted(self) -> Iterator[None]:
        """Time spent inside is the kit's own work (a gc.collect() after the learner's call),
        not the step's: it counts as waiting, for the step timer and the watchdog alike."""
        start = time.perf_counter()
        self.selecting = True
        try:
            yield
        finally:
            self.selecting = False
            self._waited += time.perf_counter() - start

    @contextmanager
    def stuck_guard(self, limit: float) -> Iterator[list[bool]]:
        """Interrupt a step (not a wait in select) that runs longer than ``limit`` real
        seconds by raising ``Stuck`` in it; yields a flag list that is ``[True]`` if so.

        A watchdog thread sends SIGUSR1 to the main thread, whose handler raises: pure-Python
        spins and ``time.sleep`` are interrupted at once. Where there is no SIGUSR1 or
        ``pthread_kill`` (Windows), it calls ``_thread.interrupt_main(SIGINT)`` instead, and a
        real Ctrl-C meanwhile still stops grading. Off the main thread, nothing is guarded
        (and pytest-timeout still is the last guard).
        """
        fired: list[bool] = []
        if threading.current_thread() is not threading.main_thread():
            yield fired
            return
        done = threading.Event()
        usr1 = getattr(signal, "SIGUSR1", None)
        if usr1 is not None and hasattr(signal, "pthread_kill"):
            signum = usr1

            def poke() -> None:
                signal.pthread_kill(threading.main_thread().ident or 0, usr1)

        else:  # Windows: the interpreter's own way to interrupt the main thread
            signum = signal.SIGINT

            def poke() -> None:
                _thread.interrupt_main(signal.SIGINT)

        def busy_for() -> float:
            started = self.step_started
            if started is None or self.selecting:
                return 0.0
            return time.perf_counter() - started - self._waited

        def interrupt(sig: int, frame: Any) -> None:
            if busy_for() > limit and not fired:
                fired.append(True)
                raise Stuck
            if sig == signal.SIGINT:  # a real Ctrl-C: what it would have done
                if callable(previous):
                    previous(sig, frame)
                else:
                    raise KeyboardInterrupt

        def watch() -> None:
            while not done.wait(0.1) and not fired:
                if busy_for() > limit:
                    poke()

        previous = signal.signal(signum, interrupt)
        watchdog = threading.Thread(target=watch, name="katas-stuck-step", daemon=True)
        watchdog.start()
        try:
            yield fired
        finally:
            done.set()
            watchdog.join()
            signal.signal(signum, previous)
