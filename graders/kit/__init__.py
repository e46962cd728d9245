"""The grading kit: what a grader author uses (see docs/contributing.md).

- ``kata`` (a pytest fixture) is the kata's module loaded from the target under grading, a
  ``Kata``; ``kata.get("name", "coroutine")`` fetches and checks a definition;
  ``attributes(obj)`` reads what an object of the learner's holds (slots too).
- ``kata.run(call)`` (or ``run(kata, call)``) runs the learner's coroutine on a fresh
  virtual-time loop and checks that it finished, did not block the loop, and left no task or
  coroutine behind; ``kata.call(fn)`` does the same for plain code; ``judge`` runs a
  real-clock scenario.
- ``Probe`` stands in for I/O and records calls, loop times and peak concurrency;
  ``NotACoroutine(aw)`` is an awaitable that is not a coroutine (``await`` takes it,
  ``create_task`` does not).
- ``fail``, ``expect``, ``expect_equal``, ``expect_loop_time`` fail with one teaching sentence.
- ``ideal_timeline`` tells the scoreboard the right schedule of a check's run, to draw it
  under the learner's timeline when the check fails.
- ``drawn`` runs a check on explicit examples, then on inputs Hypothesis draws.
- ``watch_sleeps`` records the learner's ``asyncio.sleep`` calls (polling detection);
  ``polls`` keeps those that let time pass.
- ``left_after_cancel`` counts the tasks a cancelled consumer left running;
  ``cancelled_args`` cancels a task with a message and tells what its caller got, and
  ``expect_the_callers_cancellation`` fails unless that was the very same cancellation.
- ``grader_settings`` gives a grader's own ``@given`` checks the settings ``drawn`` uses.
- Submodules for real I/O: ``kit.streams`` (sockets), ``kit.subprocesses`` (child processes),
  ``kit.http_doubles`` (aiohttp mocks and a real test server), ``kit.queues``
  (the learner's asyncio.Queue objects, counted). ``import kit`` is enough to use them.

Everything else lives in ``kit._internal``: the tools (scoreboard, reports, gradebook, watch,
the sandbox), not for graders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import http_doubles, queues, streams, subprocesses
    from .examples import drawn, grader_settings
    from .kata import Kata, attributes
    from .outcomes import expect, expect_equal, fail, not_started
    from .probes import Call, NotACoroutine, Probe, now
    from .running import (
        Run,
        cancelled_args,
        expect_loop_time,
        expect_the_callers_cancellation,
        judge,
        left_after_cancel,
        run,
        until,
    )
    from .sleeps import PollingDetected, polls, watch_sleeps
    from .timelines import ideal_timeline

# Imported when first used (PEP 562): the learner's commands (hint, reset, solution) import
# this package and must run on a bare Python without pytest installed.
_EXPORTS = {
    "expect": "outcomes",
    "expect_equal": "outcomes",
    "fail": "outcomes",
    "not_started": "outcomes",
    "Call": "probes",
    "Probe": "probes",
    "NotACoroutine": "probes",
    "now": "probes",
    "Run": "running",
    "run": "running",
    "judge": "running",
    "until": "running",
    "left_after_cancel": "running",
    "cancelled_args": "running",
    "expect_the_callers_cancellation": "running",
    "expect_loop_time": "running",
    "Kata": "kata",
    "attributes": "kata",
    "PollingDetected": "sleeps",
    "polls": "sleeps",
    "watch_sleeps": "sleeps",
    "ideal_timeline": "timelines",
    "drawn": "examples",
    "grader_settings": "examples",
}
_SUBMODULES = ("http_doubles", "queues", "streams", "subprocesses")

__all__ = [
    "Call",
    "Kata",
    "NotACoroutine",
    "PollingDetected",
    "Probe",
    "Run",
    "attributes",
    "cancelled_args",
    "drawn",
    "expect",
    "expect_equal",
    "expect_loop_time",
    "expect_the_callers_cancellation",
    "fail",
    "grader_settings",
    "http_doubles",
    "ideal_timeline",
    "judge",
    "left_after_cancel",
    "not_started",
    "now",
    "polls",
    "queues",
    "run",
    "streams",
    "subprocesses",
    "until",
    "watch_sleeps",
]


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
