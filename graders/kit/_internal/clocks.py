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
import builtins
import contextlib
import functools
import inspect
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


class _LoopClock:
    """A clock that reads the running loop's time (plus ``offset``), else ``real``: an object,
    not a function, so that kept as a class attribute it is not bound as a method, as the
    builtin clock it stands for is not."""

    def __init__(self, real: Callable[[], float], offset: float = 0.0, scale: int = 0) -> None:
        self._real = real
        self._offset = offset
        self._scale = scale  # 0: seconds as a float; else nanoseconds as an int
        self.__name__ = real.__name__

    def __call__(self) -> float:
        try:
            seconds = asyncio.get_running_loop().time() + self._offset
        except RuntimeError:  # no loop running: the real clock
            return self._real()
        return int(seconds * self._scale) if self._scale else seconds


def _on_the_loop(real: Callable[[], float], offset: float = 0.0) -> Callable[[], float]:
    """A clock that reads the running loop's time (plus ``offset``), else ``real``."""
    return _LoopClock(real, offset)


def _on_the_loop_ns(real: Callable[[], int], offset: float = 0.0) -> Callable[[], float]:
    """The ``_ns`` twin of ``_on_the_loop``: integer nanoseconds."""
    return _LoopClock(real, offset, scale=1_000_000_000)


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
        self.monotonic_ns = _on_the_loop_ns(time.monotonic_ns)
        self.perf_counter_ns = _on_the_loop_ns(time.perf_counter_ns)
        self.time_ns = _on_the_loop_ns(time.time_ns, offset=time.time())
        self.sleep = _told(on_sleep)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@contextmanager
def loop_clocks(
    module: ModuleType | None, on_sleep: Callable[[float], None] | None = None
) -> Iterator[None]:
    """While inside, ``module``'s names for the time module and its clocks read loop time,
    and its ``time.sleep`` (or ``sleep`` imported from time) tells ``on_sleep`` of each call.

    A clock kept one step further is swapped too: as an attribute of a class of the module
    (``clock = time.monotonic``), or as a default argument of one of its functions or of a
    class's methods (``def f(clock=time.monotonic)``, a dataclass field's default), or in
    such a function's closure (a dataclass field's ``default_factory=time.monotonic``), or
    imported while the call runs (``import time`` inside a function)."""
    if module is None:
        yield
        return
    fake = LoopTime(on_sleep)
    swaps: dict[Any, Any] = {
        time: fake,
        time.monotonic: fake.monotonic,
        time.perf_counter: fake.perf_counter,
        time.time: fake.time,
        time.monotonic_ns: fake.monotonic_ns,
        time.perf_counter_ns: fake.perf_counter_ns,
        time.time_ns: fake.time_ns,
        time.sleep: fake.sleep,
    }

    def swap_of(value: Any) -> Any:
        try:
            return swaps.get(value)
        except Exception:  # noqa: BLE001 - unhashable, or a learner __hash__ that raises
            return None

    undo: list[Callable[[], None]] = []
    names = vars(module)
    for name, value in list(names.items()):
        swap = swap_of(value)
        if swap is not None:
            _put(
                functools.partial(names.get, name),
                functools.partial(names.__setitem__, name),
                swap,
                undo,
            )
    for owner in _owned(module):
        if isinstance(owner, type):
            for name, value in list(vars(owner).items()):
                swap = swap_of(value)
                if swap is not None:
                    _put(
                        functools.partial(vars(owner).get, name),
                        functools.partial(setattr, owner, name),
                        swap,
                        undo,
                    )
                elif (function := _function_of(value)) is not None:
                    _swap_defaults(function, swap_of, undo)
        else:
            _swap_defaults(owner, swap_of, undo)
    # An import statement of the kata's own code run during the call (`from time import
    # monotonic` inside a function) gets the stand-in too; any other module's import is left
    # alone (the kit's and the libraries' modules keep the real time module).
    real_import = builtins.__import__
    kata_globals = names

    def kata_import(
        name: str,
        globals: Any = None,
        locals: Any = None,
        fromlist: Any = (),
        level: int = 0,
    ) -> Any:
        if name == "time" and level == 0 and globals is kata_globals:
            return fake
        return real_import(name, globals, locals, fromlist, level)

    _put(*_slot(builtins, "__import__"), kata_import, undo)
    try:
        yield
    finally:
        for step in reversed(undo):
            step()


def _put(
    get: Callable[[], Any], put: Callable[[Any], object], swap: Any, undo: list[Callable[[], None]]
) -> None:
    """Put ``swap`` in the place ``get`` reads and ``put`` writes (a name, a class attribute,
    a cell, a function's defaults), and add to ``undo`` the step that puts the old value back
    unless learner code changed the place since. A place that refuses (a class whose
    metaclass forbids it, a cell emptied since) is left as it is."""
    try:
        value = get()
        put(swap)
    except (AttributeError, TypeError, ValueError):
        return

    def restore() -> None:
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            if get() is swap:
                put(value)

    undo.append(restore)


def _owned(module: ModuleType) -> list[Any]:
    """The classes and functions defined in ``module`` (not imported into it)."""
    owned: list[Any] = []
    for value in list(vars(module).values()):
        if isinstance(value, type) or inspect.isfunction(value):
            if getattr(value, "__module__", None) == module.__name__:
                owned.append(value)
    return owned


def _function_of(value: Any) -> Any:
    """The plain function of a class attribute (a method, static or class method), or None."""
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    return value if inspect.isfunction(value) else None


def _swap_defaults(
    function: Any, swap_of: Callable[[Any], Any], undo: list[Callable[[], None]]
) -> None:
    """Swap the clocks among ``function``'s default arguments (positional and keyword-only)
    and in its closure (a dataclass's ``__init__`` holds a ``default_factory`` there)."""
    defaults = function.__defaults__
    if defaults and any(swap_of(d) is not None for d in defaults):
        swapped = tuple(swap_of(d) or d for d in defaults)
        _put(*_slot(function, "__defaults__"), swapped, undo)
    kwdefaults = function.__kwdefaults__
    if kwdefaults and any(swap_of(d) is not None for d in kwdefaults.values()):
        swapped_kw = {k: swap_of(d) or d for k, d in kwdefaults.items()}
        _put(*_slot(function, "__kwdefaults__"), swapped_kw, undo)
    for cell in function.__closure__ or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        swap = swap_of(value)
        if swap is not None:
            _put(*_slot(cell, "cell_contents"), swap, undo)


def _slot(owner: Any, name: str) -> tuple[Callable[[], Any], Callable[[Any], object]]:
    """The reader and the writer of ``owner``'s attribute ``name``, for ``_put``."""
    return functools.partial(getattr, owner, name), functools.partial(setattr, owner, name)
