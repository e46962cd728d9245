"""Grader for 02_tasks/fetch_all: every fetch runs at once; results come in input order.

With a stand-in `fetch` whose latencies are the reverse of the input order (the first id is
the slowest), checks the results' order, that the loop time is the slowest latency (not the
sum), and that every fetch was in flight at the same time (peak == number of ids).
"""

from __future__ import annotations

import kit
import pytest

ONE_BY_ONE = (
    "That is the sum of the latencies: each fetch only started after the previous one ended. "
    "Did you await them one by one in a loop (or `await asyncio.create_task(...)` on one "
    "line)? Start them all first, e.g. `await asyncio.gather(*(fetch(i) for i in ids))`."
)


def reversed_latencies(ids: list[str]) -> kit.Probe:
    """A fetch whose first id is the slowest: id k of n takes n - k seconds."""
    n = len(ids)
    return kit.Probe(delay={i: float(n - k) for k, i in enumerate(ids)})


def grade(kata: kit.Kata, ids: list[str]) -> tuple[kit.Run[list[object]], kit.Probe]:
    fetch_all = kata.get("fetch_all", "coroutine")
    probe = reversed_latencies(ids)
    result = kata.run(lambda: fetch_all(ids, probe), what=f"fetch_all({ids!r}, fetch)")
    return result, probe


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """fetch_all is an async def."""
    kata.get("fetch_all", "coroutine")


@pytest.mark.parametrize("ids", [["c", "a", "d", "b"], ["x", "y"], ["solo"]], ids=str)
def test_results_in_input_order(kata: kit.Kata, ids: list[str]) -> None:
    """Results follow the order of ids, even though the last id finishes first."""
    result, _ = grade(kata, ids)
    expected = [("result", i) for i in ids]
    value = result.value
    kit.expect(
        isinstance(value, list | tuple),
        f"fetch_all returned {value!r}; expected a list of the fetch results.",
    )
    value = list(value)  # type: ignore[arg-type]
    completion = [("result", i) for i in reversed(ids)]
    if value == completion and completion != expected:
        kit.fail(
            f"fetch_all({ids!r}, fetch) returned the results in the order they finished, "
            f"{value!r}; expected input order, {expected!r}. as_completed yields by "
            "finish time: use asyncio.gather (argument order) or keep each task and read "
            "them in input order."
        )
    kit.expect_equal(
        value,
        expected,
        f"fetch_all({ids!r}, fetch)",
        "Return one result per id, in the order of ids.",
    )


def test_fetches_run_concurrently(kata: kit.Kata) -> None:
    """Four fetches of 4, 3, 2 and 1 s take 4 s of loop time, all in flight at once."""
    ids = ["c", "a", "d", "b"]
    result, probe = grade(kata, ids)
    kit.expect_loop_time(
        result,
        4.0,
        f"fetch_all({ids!r}, fetch)",
        slower=ONE_BY_ONE,
        faster="Did you await every fetch before returning?",
    )
    kit.expect_equal(
        probe.peak,
        len(ids),
        "The most fetches in flight at once",
        "Start every fetch before awaiting any of them.",
    )


def test_no_ids(kata: kit.Kata) -> None:
    """No ids: an empty list, at once."""
    result, _ = grade(kata, [])
    kit.expect_equal(result.value, [], "fetch_all([], fetch)", "No ids, no results.")
    kit.expect_loop_time(result, 0.0, "fetch_all([], fetch)")
