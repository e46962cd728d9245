"""Timing each loop step in real seconds: what catches a blocked, stuck or spinning loop.

``StepTimer`` wraps two private methods of asyncio's selector loop (``_run_once`` and the
selector's ``select``); both exist unchanged from Python 3.11 to 3.14.
"""

from __future__ import annotations

import _thread
import collections
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# Loop steps in a row without the virtual clock moving before we call it spinning. Every
# solution and alternative answer takes at most about 2,000 (the account cycle); a spin of
# seven tasks around sleep(0) takes 30 microseconds a step here, so 200,000 steps took 6 s
# of CPU and, under a loaded CI, ran past a check's 30 s before it could be named.
SPIN_LIMIT = 50_000
# Real seconds one loop step may run before it is interrupted: on virtual time far above
# kit.running.BLOCK_LIMIT (which already fails such a step; a check that allows long steps,
# block_limit=None, still needs room: 0.5 s cut 1000 transfers short on a busy machine), on
# the real clock far above anything a grader waits for in one step, and counted without the
# step's wait for a CPU (see stuck_guard), so only a stuck step (``while True: pass``) is
# cut short, and a blocking call that a grader names is named, however busy the machine.
STUCK_LIMIT = 1.0
STUCK_LIMIT_REAL = 5.0
# A loop step longer than this (real seconds) is corrected for the time it waited for a CPU;
# the stuck-step watchdog samples that wait every SAMPLE_EVERY seconds.
CORRECT_ABOVE = 0.05
SAMPLE_EVERY = 0.02
# Loop seconds a timer may run before its time (looptime keeps microseconds; asyncio runs a
# timer due within the clock's resolution).
EARLY = 1e-5


class Spinning(BaseException):
    """Raised out of the loop when it turns without end and the clock never moves."""


class Stuck(BaseException):
    """Raised inside a loop step that ran past STUCK_LIMIT (a ``while True: pass``)."""


class RunQueue:
    """How long this thread waited for a CPU (Linux: the run-queue delay in
    ``/proc/thread-self/schedstat``): on a machine busy with other grader processes, a loop
    step of a few milliseconds can take tenths of a second of real time, none of it the code's.

    Reading that file costs about 16 microseconds, too much for every loop step, so the
    stuck-step watchdog samples it every SAMPLE_EVERY seconds and a long step is corrected
    from the first sample taken after it began: the correction can only fall short, so a
    step is never made to look shorter than it was. Where the file is missing, or no
    watchdog runs (a loop off the main thread), nothing is corrected."""

    def __init__(self) -> None:
        try:
            self._fd: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._fd = None
        self._samples: collections.deque[tuple[float, float]] = collections.deque(maxlen=64)

    def read(self) -> float | None:
        """Seconds this thread has waited for a CPU so far (None where unknown)."""
        if self._fd is None:
            return None
        try:
            return int(os.pread(self._fd, 128, 0).split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            return None

    def sample(self) -> float | None:
        """Note the delay so far (from any thread: the file is the loop thread's); return it."""
        now, delay = time.perf_counter(), self.read()
        if delay is not None:
            self._samples.append((now, delay))
        return delay

    def since(self, start: float) -> float:
        """Seconds spent waiting for a CPU since the first sample at or after ``start``."""
        first = next((d for t, d in list(self._samples) if t >= start), None)
        now = self.read()
        return 0.0 if first is None or now is None else max(0.0, now - first)

    def close(self) -> None:
        """Close the file."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class StepTimer:
    """Times each loop step in real seconds, leaving out the time spent waiting in select()
    and (for a long step) waiting for a CPU, and (on virtual time) notices a loop that spins
    without ever letting time pass."""

    def __init__(self, loop: Any, virtual: bool, clock: Callable[[], float] | None = None) -> None:
        self.loop = loop
        self.longest = 0.0
        self.spun = False
        self.slept: list[float] = []  # time.sleep(seconds) called inside a loop step
        self._thread = threading.get_ident()  # the loop's own thread
        # On virtual time the clock moves only inside looptime's select(); a move anywhere
        # else, or a ``time`` that is no longer the loop class's own, is code changing the
        # clock (what it was seen doing, for the sentence; "" while nothing was).
        self.clock = clock or loop.time
        self.clock_changed = ""
        self._mark = self.clock()
        self._loop_class, self._time_fn = type(loop), getattr(type(loop), "time", None)
        self.step_started: float | None = None  # perf_counter() while a step runs
        self.selecting = False  # True while the step waits in select(): not the code's time
        self.queue = RunQueue()
        self._waited = 0.0
        self._own_since = 0.0  # perf_counter() when the step's select() returned
        self._queued_uncounted = 0.0  # the step's wait for a CPU inside uncounted()
        self._same_time = 0
        self._last = self.clock()
        run_once, select = loop._run_once, loop._selector.select

        def timed_select(timeout: float | None = None) -> Any:
            if virtual:
                self.check_clock()
            start = time.perf_counter()
            self.selecting = True
            try:
                return select(timeout)
            finally:
                self.selecting = False
                self._own_since = time.perf_counter()
                self._waited += self._own_since - start
                self._mark = self.clock()

        def timed_run_once() -> None:
            self._waited = self._queued_uncounted = 0.0
            start = self.step_started = self._own_since = time.perf_counter()
            try:
                run_once()
            finally:
                self.step_started = None
            took = time.perf_counter() - start - self._waited
            if took > CORRECT_ABOVE:  # uncounted() time is left out whole already
                queued = self.queue.since(self._own_since) - self._queued_uncounted
                took -= max(0.0, queued)
            self.longest = max(self.longest, took)
            if virtual and not self.spun:
                now = self.clock()
                self._same_time = self._same_time + 1 if now == self._last else 0
                self._last = now
                if self._same_time > SPIN_LIMIT:
                    self.spun = True
                    raise Spinning

        call_at = loop.call_at

        def timed_call_at(when: float, callback: Any, *args: Any, context: Any = None) -> Any:
            def due(*args: Any) -> Any:
                if self.clock() + EARLY < when and not self.clock_changed:
                    self.clock_changed = f"a timer due at {when:g} s ran at {self.clock():g} s"
                return callback(*args)

            return call_at(when, due, *args, context=context)

        def timed_call_later(delay: float, callback: Any, *args: Any, context: Any = None) -> Any:
            # From the kit's clock, not through the loop class's call_later or time(), which
            # code can replace for a moment (a sleep started then ends early).
            # Through the loop's call_at as the kit set it (the timeline's watch wraps it).
            return self._own_at(self.clock() + delay, callback, *args, context=context)

        loop._selector.select = timed_select
        loop._run_once = timed_run_once
        if virtual:  # a timer that runs before its time: one moved on the loop's heap
            loop.call_at = timed_call_at
            loop.call_later = timed_call_later
        self._own_step, self._own_later = timed_run_once, timed_call_later
        self._own_at: Callable[..., Any] = timed_call_at

    def adopt_timers(self) -> None:
        """Take the loop's ``call_at`` as the kit's own (once the kit has wrapped it further)."""
        self._own_at = vars(self.loop).get("call_at", self._own_at)

    def check_clock(self) -> None:
        """Note (once) a virtual clock that moved since looptime's last select(), or a loop
        whose ``time``, class, step or timers (as this timer wraps them) were replaced.
        Called before each select() (what the step before did) and once a run ends."""
        if self.clock_changed:
            return
        loop = self.loop
        own = loop.__dict__
        if type(loop) is not self._loop_class or type(loop).time is not self._time_fn:
            self.clock_changed = "replaced the loop's class or its time()"
        elif "time" in own:
            self.clock_changed = "replaced loop.time"
        elif (
            own.get("_run_once") is not self._own_step
            or own.get("call_at") is not self._own_at
            or own.get("call_later") is not self._own_later
        ):
            self.clock_changed = "replaced how the loop runs its steps or timers"
        elif (now := self.clock()) != self._mark:
            self.clock_changed = f"moved it from {self._mark:g} s to {now:g} s"

    def heard_sleep(self, seconds: Any) -> None:
        """Note a ``time.sleep(seconds)`` (seconds > 0) called by the loop's own thread
        during a step (not in the kit's uncounted work): a coroutine that blocks the loop,
        however briefly, seen for what it is (kit._internal.clocks tells of each call)."""
        try:
            seconds = float(seconds)
        except (TypeError, ValueError):
            return
        if (
            seconds > 0
            and self.step_started is not None
            and not self.selecting
            and threading.get_ident() == self._thread
        ):
            self.slept.append(seconds)

    @contextmanager
    def uncounted(self) -> Iterator[None]:
        """Time spent inside is the kit's own work (a gc.collect() after the learner's call),
        not the step's: it counts as waiting, for the step timer and the watchdog alike."""
        start, queued = time.perf_counter(), self.queue.read()
        self.selecting = True
        try:
            yield
        finally:
            self.selecting = False
            self._waited += time.perf_counter() - start
            now = self.queue.read()
            if queued is not None and now is not None:
                self._queued_uncounted += now - queued

    @contextmanager
    def stuck_guard(self, limit: float, *, own_time: bool = False) -> Iterator[list[bool]]:
        """Interrupt a step (not a wait in select) that runs longer than ``limit`` real
        seconds by raising ``Stuck`` in it; yields a flag list that is ``[True]`` if so.
        With ``own_time`` (the real clock, whose limit is long enough for a blocking call
        that a grader names: hashing a big file on the loop), the step's wait for a CPU is
        left out, as the watchdog samples it from its first look at the step: on a machine
        busy enough, such a call once took over 5 s of real time and was called stuck. A
        spin still costs ``limit`` seconds of CPU time, however busy the machine.

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

        seen: list[float] = [-1.0, 0.0]  # the step the watchdog saw begin, its wait for a CPU then

        def busy_for(queued: float | None = None) -> float:
            """The step's time so far; with ``own_time``, less its wait for a CPU since the
            watchdog first saw it (``queued``: that wait, just sampled; else read now)."""
            started = self.step_started
            if started is None or self.selecting:
                return 0.0
            # On virtual time, real time: not corrected for the wait for a CPU, or on a busy
            # machine a spin would run several times the limit (an honest step is
            # milliseconds long, and the limit is far above kit.running.BLOCK_LIMIT).
            busy = time.perf_counter() - started - self._waited
            if own_time and seen[0] == started:
                queued = self.queue.read() if queued is None else queued
                if queued is not None:
                    busy -= max(0.0, queued - seen[1])
            return busy

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
            while not done.wait(SAMPLE_EVERY) and not fired:
                queued = self.queue.sample()
                started = self.step_started
                if own_time and started is not None and started != seen[0]:
                    seen[:] = [started, queued or 0.0]
                if busy_for(queued) > limit:
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
