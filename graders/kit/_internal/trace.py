"""The current check's timeline: the calls its last run made, for the scoreboard to draw.

The data path of a timeline, in the grader process:

- ``kit.run`` calls ``begin`` when the learner's call starts (a fresh timeline per run: the
  last run of a check is the one it judged, Hypothesis replays its failing example last);
- probes, ``http_doubles.Traffic`` and the learner's own ``asyncio.sleep`` calls (only when
  no probe saw a call) add one row per call with ``record`` / ``record_span``;
- ``kit.expect_loop_time`` and ``kit.ideal_timeline`` mark the check as a concurrency check
  and say what was expected (the grader's ideal schedule, when it knows it);
- the recorder stores ``export()`` in the check's record when such a check fails (or always
  with ``KATAS_TIMELINE=1``); the scoreboard, watch and the HTML page draw it.

Standard library only; this module never fails a check.
"""

from __future__ import annotations

import asyncio
import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from .data import TimelineData, TimelineRow

ALWAYS = "KATAS_TIMELINE"  # set to 1: keep the timelines of passing checks too
SLEEP_CODE = asyncio.sleep.__code__  # taken before any grader replaces asyncio.sleep
MAX_KEPT = 400  # rows kept in a record (a runaway loop must not fill the report)


class CallLike(Protocol):
    """What a probe's call or a mocked request has: when it started and ended."""

    started: float
    ended: float | None


@dataclass
class Span:
    """One row of a timeline that is not a probe call: a learner's sleep, a function run in a
    thread (run_in_executor, to_thread), a child process."""

    label: str
    started: float
    ended: float | None = None
    cancelled: bool = False
    group: str = "sleep"  # "sleep", "thread" or "process"


@dataclass
class Trace:
    """What the current check's last run did, in the run's own seconds."""

    clock: Literal["virtual", "real"] = "virtual"
    origin: float = 0.0
    took: float | None = None
    calls: list[tuple[str, Any]] = field(default_factory=list)  # (group, call or request)
    sleeps: list[Span] = field(default_factory=list)
    ideal: list[TimelineRow] = field(default_factory=list)
    expected: float | None = None
    shape: str = ""
    concurrency: bool = False  # a concurrency check (loop time, peak, schedule) looked at it
    limited: bool = False  # a grader read a peak before the loop time: a limit may apply


CURRENT = Trace()


def reset() -> None:
    """Forget everything: a new check starts."""
    global CURRENT
    CURRENT = Trace()


def begin(clock: Literal["virtual", "real"], origin: float) -> None:
    """A run of learner code starts at loop time ``origin``: its calls replace the last run's."""
    CURRENT.clock, CURRENT.origin, CURRENT.took = clock, origin, None
    CURRENT.calls.clear()
    CURRENT.sleeps.clear()


def finish(took: float) -> None:
    """The run took ``took`` seconds (loop seconds, or real seconds on the real clock)."""
    CURRENT.took = took


def record(group: str, call: CallLike) -> None:
    """A probe call or a mocked request started (it is read again when the check ends)."""
    if len(CURRENT.calls) < MAX_KEPT:
        CURRENT.calls.append((group, call))


def record_span(span: Span) -> None:
    """A learner's sleep started."""
    if len(CURRENT.sleeps) < MAX_KEPT:
        CURRENT.sleeps.append(span)


def expect_time(expected: float) -> None:
    """The check compares the run's loop time with ``expected``."""
    CURRENT.concurrency = True
    CURRENT.expected = expected


def peak_read() -> None:
    """A grader read a probe's peak: the check is about concurrency, maybe about a limit."""
    CURRENT.concurrency = True
    if CURRENT.expected is None:
        CURRENT.limited = True


def set_ideal(rows: Sequence[tuple[str, float, float]], shape: str, ends: float | None) -> None:
    """The right schedule of this check's run (see ``kit.ideal_timeline``)."""
    CURRENT.concurrency = True
    CURRENT.ideal = [_row(label, start, end, "") for label, start, end in rows]
    CURRENT.shape = shape
    if ends is not None:
        CURRENT.expected = ends


def _row(
    label: str, start: float, end: float | None, group: str, cancelled: bool = False
) -> TimelineRow:
    return {
        "label": label,
        "group": group,
        "start": round(start, 6),
        "end": None if end is None else round(end, 6),
        "cancelled": cancelled,
    }


def _label(group: str, call: Any) -> str:
    """``fetch('c')`` for a probe call, the path of a mocked request's URL."""
    url = getattr(call, "url", None)
    if isinstance(url, str):
        parts = urlsplit(url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    args = getattr(call, "args", ())
    return f"{group}({', '.join(repr(a) for a in args)})"


def rows() -> list[TimelineRow]:
    """The current run's rows, in the order the calls started (sleeps only if no call)."""
    out: list[TimelineRow] = []
    origin = CURRENT.origin
    for group, call in CURRENT.calls:
        ended = call.ended
        out.append(
            _row(
                _label(group, call),
                call.started - origin,
                None if ended is None else ended - origin,
                group,
                bool(getattr(call, "cancelled", False)),
            )
        )
    if not out:
        for span in CURRENT.sleeps:
            end = None if span.ended is None else span.ended - origin
            out.append(_row(span.label, span.started - origin, end, span.group, span.cancelled))
    out.sort(key=lambda r: r["start"])
    return out


def all_at_once(found: list[TimelineRow]) -> list[TimelineRow]:
    """The ideal when the check expected everything at once: every call starting at 0 and
    taking its own time, the slowest ending at the expected time. Not when the grader checked
    a peak first (a limit may apply) or told the ideal itself."""
    expected = CURRENT.expected
    if expected is None or CURRENT.limited or CURRENT.clock != "virtual" or len(found) < 2:
        return []
    if any(r["end"] is None or r["cancelled"] for r in found):
        return []
    durations = [float(r["end"] or 0.0) - r["start"] for r in found]
    if abs(max(durations) - expected) > 1e-6:
        return []
    return [_row(r["label"], 0.0, d, r["group"]) for r, d in zip(found, durations, strict=True)]


def export(failed: bool) -> TimelineData | None:
    """The timeline to store in the check's record, or None when there is none to draw."""
    always = bool(os.environ.get(ALWAYS))
    if not always and not (failed and CURRENT.concurrency):
        return None
    found = rows()
    if not found:
        return None
    return {
        "clock": CURRENT.clock,
        "rows": found,
        "ideal": list(CURRENT.ideal) or all_at_once(found),
        "took": CURRENT.took,
        "expected": CURRENT.expected,
        "shape": CURRENT.shape,
        "checked": CURRENT.concurrency,
    }


def watch_learner_sleeps(loop: asyncio.AbstractEventLoop, path: Path) -> None:
    """Record each ``asyncio.sleep`` the learner's file (``path``) makes on ``loop``: a
    timeline row for katas whose graders hand over no probe (two_sleepers)."""
    wakes = getattr(asyncio.futures, "_set_result_unless_cancelled", None)  # sleep's timer
    learner = str(path)
    call_at = loop.call_at

    def learners() -> bool:
        frame: FrameType | None = sys._getframe(2)
        for _ in range(3):  # call_later, sleep, then the learner's line
            if frame is None:
                return False
            if frame.f_code.co_filename == learner:
                return True
            frame = frame.f_back
        # a task of a bare sleep, create_task(asyncio.sleep(5)): only learners make those
        task = asyncio.current_task(loop)
        return task is not None and getattr(task.get_coro(), "cr_code", None) is SLEEP_CODE

    def traced(when: float, callback: Any, *args: Any, context: Any = None) -> Any:
        if callback is wakes and args and isinstance(args[0], asyncio.Future) and learners():
            start = loop.time()
            span = Span(f"sleep({round(when - start, 6):g})", start)
            record_span(span)

            def ended(future: asyncio.Future[Any], span: Span = span) -> None:
                span.ended, span.cancelled = loop.time(), future.cancelled()

            args[0].add_done_callback(ended)
        return call_at(when, callback, *args, context=context)

    loop.call_at = traced  # type: ignore[method-assign, assignment]


def _name(fn: Any) -> str:
    """A function's name, looking through partials (to_thread wraps ``ctx.run, fn, *args``)."""
    while isinstance(fn, functools.partial):
        fn = fn.args[0] if getattr(fn.func, "__name__", "") == "run" and fn.args else fn.func
    return str(getattr(fn, "__name__", type(fn).__name__))


def watch_threads_and_processes(loop: asyncio.AbstractEventLoop) -> None:
    """Record each function run in a thread and each child process started on ``loop``:
    timeline rows for the real-clock katas (threads, subprocesses)."""
    run_in_executor, subprocess_exec = loop.run_in_executor, loop.subprocess_exec

    def traced_executor(executor: Any, func: Any, *args: Any) -> Any:
        future = run_in_executor(executor, func, *args)
        span = Span(f"{_name(func)}()", loop.time(), group="thread")
        record_span(span)

        def ended(done: Any) -> None:
            span.ended, span.cancelled = loop.time(), done.cancelled()

        future.add_done_callback(ended)
        return future

    async def traced_exec(protocol_factory: Any, program: Any, *args: Any, **kwargs: Any) -> Any:
        name = os.path.basename(str(program))
        tail = [str(a) for a in args[-2:]] if len(args) > 2 else [str(a) for a in args]
        shown = " ".join([name, *(["…"] if len(args) > 2 else []), *tail])
        span = Span(shown if len(shown) <= 40 else shown[:39] + "…", loop.time(), group="process")

        def factory() -> Any:
            protocol = protocol_factory()
            exited = protocol.process_exited

            def process_exited() -> None:
                span.ended = loop.time()
                exited()

            protocol.process_exited = process_exited
            return protocol

        transport, protocol = await subprocess_exec(factory, program, *args, **kwargs)
        record_span(span)
        return transport, protocol

    loop.run_in_executor = traced_executor  # type: ignore[method-assign, assignment]
    loop.subprocess_exec = traced_exec  # type: ignore[method-assign]
