"""Grader for 03_taskgroups/first_match: the first value satisfying pred, the rest stopped.

Checks: the sources run at once; the call returns the first matching value (by time, not by
position, and not merely the first answer) at the loop time of that match; every other source
was cancelled then and has finished; with no match, None once all sources answered.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import kit

# (delay, value) per source, listed in an order that differs from the order they answer in.
SOURCES = [(3.0, 30), (1.0, 10), (2.0, 20), (5.0, 50), (4.0, 40)]


def make_sources(
    spec: list[tuple[float, Any]],
) -> tuple[kit.Probe, list[Callable[[], Awaitable[Any]]]]:
    """A probe and one zero-argument source per (delay, value) of ``spec``."""
    probe = kit.Probe(
        delay=lambda i: spec[i][0],
        result=lambda i: spec[i][1],
    )
    return probe, [lambda i=i: probe(i) for i in range(len(spec))]


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """first_match is an async def."""
    kata.get("first_match", "coroutine")


def test_returns_first_match_and_stops_the_rest(kata: kit.Kata) -> None:
    """Values 30@3s, 10@1s, 20@2s, 50@5s, 40@4s with pred v >= 20: 20 at 2 s, others cancelled."""
    first_match = kata.get("first_match", "coroutine")
    probe, sources = make_sources(SOURCES)
    what = "first_match(sources, lambda v: v >= 20)"
    result = kata.run(lambda: first_match(sources, lambda v: v >= 20), what=what)
    kit.expect_equal(len(probe.calls), 5, f"the number of sources {what} asked")
    kit.expect(
        probe.peak == 5,
        f"{what} asked at most {probe.peak} source(s) at once; all 5 should run at the same time.",
    )
    value = result.value
    if value == 10:
        kit.fail(
            f"{what} returned 10, the first answer, which does not satisfy pred: keep waiting "
            "until an answer satisfies pred(value)."
        )
    if value == 30:
        kit.fail(
            f"{what} returned 30, the first matching source in list order; expected 20, the "
            "first match in time (after 2 s): do not await the sources in list order."
        )
    kit.expect_equal(value, 20, f"what {what} returned", "20 is the first answer (at 2 s) >= 20.")
    kit.expect_loop_time(
        result,
        2.0,
        what,
        slower="That is after the first match (20, at 2 s): did you wait for every source? "
        "Stop the others as soon as one answer matches.",
    )
    cancelled = sorted(probe.result(c.args[0]) for c in probe.cancelled)
    kit.expect_equal(
        cancelled,
        [30, 40, 50],
        f"the sources {what} cancelled (by value)",
        "The sources still running at the first match must be cancelled.",
    )


def test_no_match_returns_none(kata: kit.Kata) -> None:
    """No value satisfies pred: None after the slowest source."""
    first_match = kata.get("first_match", "coroutine")
    probe, sources = make_sources(SOURCES)
    what = "first_match(sources, lambda v: v > 100)"
    result = kata.run(lambda: first_match(sources, lambda v: v > 100), what=what)
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}; no value satisfies pred, so it should return None.",
    )
    kit.expect_loop_time(
        result,
        5.0,
        what,
        slower="The sources seem to have run one after another: ask them all at once.",
        faster="Without a match you must wait for every source before returning None.",
    )
    kit.expect(not probe.cancelled, f"{what} cancelled a source although no value matched.")


def test_falsy_match(kata: kit.Kata) -> None:
    """A matching value of 0 is returned, not None."""
    first_match = kata.get("first_match", "coroutine")
    _, sources = make_sources([(2.0, 5), (1.0, 0), (3.0, 7)])
    what = "first_match(sources, lambda v: v == 0) where 0 arrives at 1 s"
    result = kata.run(lambda: first_match(sources, lambda v: v == 0), what=what)
    kit.expect_equal(
        result.value,
        0,
        f"what {what} returned",
        "A match can be a falsy value (0, '', []): test `pred(value)`, not the value itself, "
        "and keep the value in a variable of its own.",
    )
    kit.expect_loop_time(result, 1.0, what, slower="Stop as soon as a value matches.")


def test_no_sources(kata: kit.Kata) -> None:
    """No sources: None, at once."""
    first_match = kata.get("first_match", "coroutine")
    result = kata.run(lambda: first_match([], lambda v: True), what="first_match([], pred)")
    kit.expect(
        result.value is None and result.loop_time == 0,
        f"first_match([], pred) returned {result.value!r} after {result.loop_time:g} s; "
        "expected None at once.",
    )
