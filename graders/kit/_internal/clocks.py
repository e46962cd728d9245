"""The learner's clocks on a virtual-time loop: ``time.monotonic()`` and friends read loop time.

Code that reads ``time.monotonic()`` (or ``time.perf_counter()``, ``time.time()``) to measure
a deadline is correct on a real loop, whose clock is ``time.monotonic``. On the grader's
virtual-time loop those clocks would stand still while the loop's clock jumps, and correct
code would fail. So while learner code runs on a virtual loop, the names in the kata's module
that hold the ``time`` module or one of those clocks read the running loop's time instead
(``time.sleep`` still blocks, and tells the kit of each call: a coroutine that blocks the
loop however briefly is seen for what it is).

The kit itself reads a loop's clock through ``loop_clock``: the functions it calls are taken
when the kit is imported, before any learner code runs, so code that replaces ``loop.time``
(on the loop, its class or asyncio) cannot make the kit measure a shorter run.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import looptime

# Taken before any learner code runs: what the kit calls to read a loop's clock.
_VIRTUAL_TIME = looptime.LoopTimeEventLoop.time
_REAL_TIME = time.monotonic  # what asyncio.BaseEventLoop.time() reads
_running_loop = asyncio.get_running_loop
_trusted: dict[int, Callable[[], float]] = {}  # id of a loop the kit runs -> its clock


def loop_clock(loop: asyncio.AbstractEventLoop, virtual: bool) -> Callable[[], float]:
    """A reading of ``loop``'s clock that learner code cannot replace: looptime's own
    ``time`` on a virtual loop, ``time.monotonic`` (asyncio's) on a real one."""
    if virtual:
        return functools.partial(_VIRTUAL_TIME, loop)  # type: ignore[arg-type]
    return _REAL_TIME


@contextmanager
def trusted(loop: asyncio.AbstractEventLoop, clock: Callable[[], float]) -> Iterator[None]:
    """While inside, ``now()`` on ``loop`` reads ``clock`` (probes time calls with it)."""
    _trusted[id(loop)] = clock
    try:
        yield
    finally:
        _trusted.pop(id(loop), None)


def now() -> float:
    """The running loop's clock as the kit reads it (``trusted``), else as the loop says."""
    loop = _running_loop()
    clock = _trusted.get(id(loop))
    return clock() if clock is not None else loop.time()


def _on_the_loop(real: Callable[[], float], offset: float = 0.0) -> Callable[[], float]:
    """A clock that reads the running loop's time (plus ``offset``), else ``real``."""

    def clock() -> float:
        try:
            return asyncio.get_running_loop().time() + offset
        except RuntimeError:  # no loop running: the real clock
            return real()

    clock.__name__ = real.__name__
    return clock


def _told(on_sleep: Callable[[float], None] | None) -> Callable[[float], None]:
    """``time.sleep`` that first tells ``on_sleep`` of the call (then blocks all the same)."""
    real = time.sleep

    def sleep(seconds: float, /) -> None:
        if on_sleep is not None:
            on_sleep(seconds)
        real(seconds)

    sleep.__name__ = sleep.__qualname__ = "sleep"
    return sleep


class LoopTime(ModuleType):
    """Stands in for the ``time`` module in the kata's module: its clocks read loop time, and
    its ``sleep`` tells ``on_sleep`` of each call."""

    def __init__(self, on_sleep: Callable[[float], None] | None = None) -> None:
        super().__init__("time")
        self.monotonic = _on_the_loop(time.monotonic)
        self.perf_counter = _on_the_loop(time.perf_counter)
        self.time = _on_the_loop(time.time, offset=time.time())
        self.sleep = _told(on_sleep)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@contextmanager
def loop_clocks(
    module: ModuleType | None, on_sleep: Callable[[float], None] | None = None
) -> Iterator[None]:
    """While inside, ``module``'s names for the time module and its clocks read loop time,
    and its ``time.sleep`` (or ``sleep`` imported from time) tells ``on_sleep`` of each call."""
    if module is None:
        yield
        return
    fake = LoopTime(on_sleep)
    swaps: dict[Any, Any] = {
        time: fake,
        time.monotonic: fake.monotonic,
        time.perf_counter: fake.perf_counter,
        time.time: fake.time,
        time.sleep: fake.sleep,
    }
    names = vars(module)
    saved: dict[str, Any] = {}
    for name, value in list(names.items()):
        try:
            swap = swaps.get(value)
        except TypeError:  # an unhashable global: not a clock
            continue
        if swap is not None:
            saved[name] = value
            names[name] = swap
    try:
        yield
    finally:
        for name, value in saved.items():
            if names.get(name) is swaps.get(value):  # unless learner code rebound it since
                names[name] = value
