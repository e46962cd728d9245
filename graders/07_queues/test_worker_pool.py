"""Grader for 07_queues/worker_pool: `workers` tasks share one queue of items.

Checks: every result comes back (any order); exactly `workers` handler calls run at once;
the loop time matches a pool of `workers` (not one by one, not all at once); a handler that
raises neither stops the pool nor hangs `queue.join()` (its exception takes its place); no
worker task is left running.
"""

import heapq
from collections.abc import Sequence

import kit
import pytest

HANG = (
    "queue.join() only returns after queue.task_done() was called once for every item: "
    "does each worker call task_done() after each item?"
)
HANG_ON_ERROR = (
    "A handler raised, and queue.join() then waited forever: call queue.task_done() in a "
    "`finally:` (and catch the handler's exception) so a failed item is still counted as done."
)

FASTER = (
    "That is faster than `workers` workers can go: more handler calls ran at once than the "
    "pool allows (one task per item?)."
)


def pool_time(delays: Sequence[float], workers: int) -> float:
    """Loop time for a pool of `workers` taking items in order, each as soon as it is free."""
    free = [0.0] * workers
    end = 0.0
    for delay in delays:
        start = heapq.heappop(free)
        end = max(end, start + delay)
        heapq.heappush(free, start + delay)
    return end


def same_items(actual: object, expected: list[object]) -> bool:
    """True if `actual` is a list holding exactly `expected`, in any order."""
    return isinstance(actual, list) and sorted(actual, key=repr) == sorted(expected, key=repr)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """process_all is an async def."""
    kata.get("process_all", "coroutine")


@pytest.mark.parametrize(("n", "workers"), [(10, 3), (4, 4), (5, 1), (3, 5)])
def test_results_with_a_pool_of_workers(kata: kit.Kata, n: int, workers: int) -> None:
    """All results come back, with `workers` handler calls in flight at once."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    items = list(range(n))
    what = f"process_all({n} items, handler, workers={workers})"
    result = kata.run(
        lambda: process_all(items, handler, workers), what=what, limit=1000, hang_hint=HANG
    )
    expected = [("result", i) for i in items]
    kit.expect(
        same_items(result.value, expected),
        f"{what} returned {result.value!r}; expected a list of all {n} results (any order), "
        f"{expected!r}. Did every worker keep its handler's result?",
    )
    kit.expect_equal(
        sorted(c.args[0] for c in handler.calls),
        items,
        f"the items handled by {what}",
        "Each item must be handled exactly once.",
    )
    want_peak = min(n, workers)
    kit.expect(
        handler.peak <= want_peak,
        f"{what} ran {handler.peak} handler calls at once; at most {want_peak} may run. "
        "Start exactly `workers` worker tasks, not one task per item.",
    )
    kit.expect(
        handler.peak == want_peak,
        f"{what} ran only {handler.peak} handler call(s) at once; expected {want_peak}. "
        "Start all `workers` workers before waiting, so they take items side by side.",
    )
    kit.expect_loop_time(
        result,
        pool_time([1.0] * n, workers),
        what,
        slower="The workers did not all keep busy: each should take the next item as soon "
        "as it finishes one.",
        faster=FASTER,
    )


def test_mixed_durations(kata: kit.Kata) -> None:
    """A free worker takes the next item at once: the loop time is the pool's schedule."""
    process_all = kata.get("process_all", "coroutine")
    delays = {0: 3.0, 1: 1.0, 2: 2.0, 3: 1.0, 4: 1.0, 5: 2.0, 6: 0.5}
    handler = kit.Probe(delay=delays)
    what = "process_all(7 items of 0.5 to 3 s, handler, workers=2)"
    result = kata.run(
        lambda: process_all(list(delays), handler, 2), what=what, limit=1000, hang_hint=HANG
    )
    kit.expect(
        same_items(result.value, [("result", i) for i in delays]),
        f"{what} returned {result.value!r}; expected all 7 results in any order.",
    )
    kit.expect_loop_time(
        result,
        pool_time(list(delays.values()), 2),
        what,
        slower="A worker sat idle while items waited: did the workers take turns in lockstep "
        "(gather a batch of `workers`, then the next batch) instead of each pulling its next "
        "item from the queue as soon as it is free?",
        faster=FASTER,
    )


def test_a_failing_item_does_not_stop_the_pool(kata: kit.Kata) -> None:
    """A handler that raises: its exception takes its place, the other items still run."""
    process_all = kata.get("process_all", "coroutine")
    error = ValueError("bad item 2")
    handler = kit.Probe(delay=1.0, errors={2: error})
    items = list(range(6))
    what = "process_all(6 items, handler that raises for item 2, workers=2)"
    result = kata.run(
        lambda: process_all(items, handler, 2),
        what=what,
        limit=1000,
        hang_hint=HANG_ON_ERROR,
        raises=ValueError,
    )
    if result.error is not None:
        kit.fail(
            f"{what} raised the handler's {result.error!r}; a failed item must not stop "
            "the pool: catch the exception in the worker and put it in the results in that "
            "item's place."
        )
    value = result.value if isinstance(result.value, list) else []
    kit.expect(
        any(x is error for x in value),
        f"{what} returned {result.value!r}, without the handler's ValueError: put the "
        "exception object in the results in place of the failed item's result (a worker "
        "that lets it escape dies, and the error is lost).",
    )
    others = [x for x in value if x is not error]
    expected = [("result", i) for i in items if i != 2]
    kit.expect(
        same_items(others, expected),
        f"besides the error, {what} returned {others!r}; expected {expected!r} in any order.",
    )
    kit.expect_loop_time(
        result,
        3.0,
        what,
        slower="After the failure fewer workers were left: did the exception kill a worker?",
        faster=FASTER,
    )


def test_no_items(kata: kit.Kata) -> None:
    """No items: an empty list, at once, and no worker left behind."""
    process_all = kata.get("process_all", "coroutine")
    handler = kit.Probe(delay=1.0)
    what = "process_all([], handler, workers=3)"
    result = kata.run(lambda: process_all([], handler, 3), what=what, limit=1000, hang_hint=HANG)
    kit.expect_equal(result.value, [], f"the result of {what}")
    kit.expect_loop_time(result, 0.0, what)
