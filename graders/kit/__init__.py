"""The grading kit: the small set of tools every grader uses.

- ``kata`` (a pytest fixture, see graders/conftest.py) loads the kata's module from the
  target under grading; ``kata.get("name", "coroutine")`` fetches and checks a definition.
- ``run(kata, call)`` runs the learner's coroutine on a fresh virtual-time loop and checks
  that it finished, did not block the loop, left no task or coroutine behind.
- ``Probe`` stands in for I/O and records calls, loop times and peak concurrency.
- ``fail``, ``expect``, ``expect_equal``, ``expect_loop_time`` fail with one teaching sentence.
"""

from .outcomes import expect, expect_equal, fail, not_started
from .probes import Call, Probe, now
from .running import Run, run, until
from .targets import Kata


def expect_loop_time(
    result: Run, expected: float, what: str, *, slower: str = "", faster: str = ""
) -> None:
    """Fail unless ``result`` took exactly ``expected`` seconds of loop time.

    ``slower`` is the hint when it took longer (the classic: awaiting one by one), ``faster``
    when it took less (the classic: not waiting at all).
    """
    if abs(result.loop_time - expected) > 1e-6:
        hint = slower if result.loop_time > expected else faster
        fail(
            f"{what} took {result.loop_time:g} s of loop time; expected {expected:g} s."
            + (f" {hint}" if hint else "")
        )


__all__ = [
    "Call",
    "Kata",
    "Probe",
    "Run",
    "expect",
    "expect_equal",
    "expect_loop_time",
    "fail",
    "not_started",
    "now",
    "run",
    "until",
]
