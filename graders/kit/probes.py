"""Stand-ins for I/O that graders hand to the learner's code, and that watch how it is used."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ._internal import clocks, trace


def now() -> float:
    """The running loop's clock, rounded to the microsecond like looptime's own (read as the
    kit reads it: code under grading cannot make it lie by replacing ``loop.time``)."""
    return round(clocks.now(), 6)


@dataclass
class Call:
    """One call of a probe: its arguments and the loop times it started and ended."""

    args: tuple[Any, ...]
    started: float
    ended: float | None = None
    cancelled: bool = False
    awaited: bool = True


@dataclass
class Probe:
    """An async callable that stands in for I/O: ``await probe(x)`` sleeps, then returns.

    ``delay`` is the loop time each call takes: a number, a mapping from the first argument
    to a number, or a function of the arguments. ``result`` maps the arguments to the return
    value (default: ``("result", first_arg)``). ``errors`` maps a first argument to the
    exception that call raises after its delay. The probe records every call and the most
    calls in flight at once (``peak``). ``name`` labels its calls on a timeline
    (``fetch('c')``; default ``call``).
    """

    delay: float | Mapping[Hashable, float] | Callable[..., float] = 1.0
    result: Callable[..., Any] = field(default=lambda *args: ("result", *args[:1]))
    errors: Mapping[Hashable, BaseException] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0
    name: str = "call"

    def delay_for(self, *args: Any) -> float:
        """The loop time a call with ``args`` takes."""
        if callable(self.delay):
            return float(self.delay(*args))
        if isinstance(self.delay, Mapping):
            return float(self.delay[args[0]])
        return float(self.delay)

    def __getattribute__(self, name: str) -> Any:
        if name == "peak":  # a grader reading the peak is checking concurrency: keep a timeline
            trace.peak_read()
        return object.__getattribute__(self, name)

    async def __call__(self, *args: Any) -> Any:
        call = Call(args, now())
        self.calls.append(call)
        trace.record(self.name, call)
        self.in_flight += 1
        state = self.__dict__  # not through self.peak: that read is the grader's signal
        state["peak"] = max(state["peak"], self.in_flight)
        try:
            await asyncio.sleep(self.delay_for(*args))
            if args and args[0] in self.errors:
                raise self.errors[args[0]]
            return self.result(*args)
        except asyncio.CancelledError:
            call.cancelled = True
            raise
        finally:
            self.in_flight -= 1
            call.ended = now()

    @property
    def cancelled(self) -> list[Call]:
        """The calls that were cancelled while in flight."""
        return [c for c in self.calls if c.cancelled]

    @property
    def unfinished(self) -> list[Call]:
        """The calls that started and have not ended (still running)."""
        return [c for c in self.calls if c.ended is None]


T = TypeVar("T")


class NotACoroutine(Generic[T]):
    """An awaitable that is neither a coroutine nor a future, as some libraries return (an
    object with ``__await__``): awaiting it awaits ``inner``. ``await`` takes it, while
    ``asyncio.create_task`` refuses it (``asyncio.ensure_future`` wraps it)."""

    def __init__(self, inner: Awaitable[T]) -> None:
        self.inner = inner

    def __await__(self) -> Generator[Any, None, T]:
        return self.inner.__await__()

    def __repr__(self) -> str:
        return "<an awaitable that is not a coroutine>"
