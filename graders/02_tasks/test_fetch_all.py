"""Grader for 02_tasks/fetch_all: every fetch runs at once; results come in input order.

With a stand-in `fetch` whose latencies are the reverse of the input order (the first id is
the slowest), checks the results' order, that the loop time is the slowest latency (not the
sum), and that every fetch was in flight at the same time (peak == number of ids).
Hypothesis then draws ids from the whole contract: repeated ids (whose second fetch returns
a result of its own), a None id, ties (fetches ending in the same loop step), no ids, and a
generator instead of a list.

Docstring sentence -> the check that enforces it:

- "Start `fetch(i)` for every id at the same time" -> test_fetches_run_concurrently,
  test_any_ids
- "return the list of results in the same order as `ids`" -> test_results_in_input_order,
  test_any_ids
- "whichever fetch finishes first" -> test_results_in_input_order (the last id finishes first)
- `ids` is any iterable (the signature): a generator, repeats -> test_any_ids
- "return the list of results" (a repeated id: each place holds the result of its own fetch)
  -> test_any_ids
- no ids -> test_no_ids
- "Start `fetch(i)` for every id" (at every call: a second call with the same fetch
  fetches again, no result kept from the first) -> test_a_second_call_fetches_again
- "Start `fetch(i)` for every id at the same time" (many ids: no limit, no batches) ->
  test_many_fetches_all_at_once (50 ids, then 300: a limit of 100 is a limit too)
- "return the list of results" (None and other falsy results included) ->
  test_falsy_results_kept
- "If a fetch raises, fetch_all lets that exception out (a TaskGroup's ExceptionGroup holding
  it is fine); it never returns it in the list." -> test_failed_fetch_raises (a FetchError,
  and a ConnectionError: a network error is let out too; the failed fetch is not asked
  again), test_a_timed_out_fetch_is_not_asked_again (a TimeoutError neither),
  test_early_failure_is_let_out_as_it_is (that very exception, also while other
  fetches are still running)
- "return the list of results" (a result that is an exception object is a result, even one
  that was raised and caught before) -> test_a_returned_exception_is_a_result
- "return the list of results in the same order as `ids`" (this call's results: two calls
  at once on one loop each return their own) -> test_two_calls_at_once_keep_their_own_results
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

EXAMPLES = grader_settings(max_examples=25)

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
        isinstance(value, list),
        f"fetch_all returned {value!r}, a {type(value).__name__}; expected a list of the fetch "
        "results, as the signature says (make one with list(...)).",
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
        slower=ONE_BY_ONE
        if abs(result.loop_time - 10.0) < 1e-6
        else "Start every fetch at once and return as soon as the slowest one is done.",
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


def test_a_second_call_fetches_again(kata: kit.Kata) -> None:
    """fetch_all(['a', 'b'], fetch) twice with the same fetch: the second call fetches every
    id again and returns what those fetches returned (nothing kept from the first call)."""
    fetch_all = kata.get("fetch_all", "coroutine")
    asked: dict[str, int] = {}

    def result(i: str) -> tuple[object, ...]:
        asked[i] = asked.get(i, 0) + 1
        return ("result", i, asked[i])

    probe = kit.Probe(delay=1.0, result=result)

    async def twice() -> Any:
        await fetch_all(["a", "b"], probe)
        return await fetch_all(["a", "b"], probe)

    what = "fetch_all(['a', 'b'], fetch) called a second time with the same fetch"
    result = kata.run(twice, what=what)
    second = list(result.value) if isinstance(result.value, list | tuple) else result.value
    kit.expect(
        len(probe.calls) == 4,
        f"{what}: the second call made {len(probe.calls) - 2} fetch call(s) and returned "
        f"{second!r}; expected "
        "2 fresh fetches, [('result', 'a', 2), ('result', 'b', 2)]: every call of fetch_all "
        "fetches each of its ids anew. Keep no result from one call to the next (no cache at "
        "module level).",
    )
    kit.expect_equal(
        second,
        [("result", "a", 2), ("result", "b", 2)],
        what,
        "Return what this call's fetches returned.",
    )


@EXAMPLES
@given(
    spec=st.lists(
        st.tuples(st.sampled_from([None, "a", "b", "é x"]), st.sampled_from([1.0, 2.0])),
        min_size=1,
        max_size=5,
    ),
    generator=st.booleans(),
)
@example(spec=[("a", 2.0), ("b", 1.0), ("a", 2.0)], generator=False)  # small shapes first
@example(spec=[("a", 2.0), ("b", 1.0)], generator=True)
@example(spec=[(None, 1.0), ("b", 1.0)], generator=False)
def test_any_ids(kata: kit.Kata, spec: list[tuple[Hashable, float]], generator: bool) -> None:
    """Any ids (repeated, None, ending in the same loop step, given as a generator): one
    fetch per id, all at once, results in the order of ids."""
    fetch_all = kata.get("fetch_all", "coroutine")
    ids = [i for i, _ in spec]
    latency = dict(spec[::-1])  # an id that repeats keeps its first latency
    asked: dict[Hashable, int] = {}

    def result(i: Hashable) -> tuple[object, ...]:
        # ('result', i) for the first fetch of i, ('result', i, n) for its n-th one.
        asked[i] = asked.get(i, 0) + 1
        return ("result", i) if asked[i] == 1 else ("result", i, asked[i])

    probe = kit.Probe(delay=latency, result=result)
    shown = f"{'a generator of ' if generator else ''}{ids!r}"
    what = (
        f"fetch_all({shown}, fetch) with fetches of {', '.join(f'{latency[i]:g}' for i in ids)} s"
    )
    result = kata.run(lambda: fetch_all((i for i in ids) if generator else ids, probe), what=what)
    returned = list(result.value) if isinstance(result.value, list | tuple) else result.value
    # The checks below first judge each result without its fetch's number ('result', i).
    value = (
        [
            r[:2] if isinstance(r, tuple) and len(r) == 3 and r[0] == "result" else r
            for r in returned
        ]
        if isinstance(returned, list)
        else returned
    )
    expected = [("result", i) for i in ids]
    if generator and len(probe.calls) < len(ids) and len(set(ids)) == len(ids):
        kit.fail(
            f"{what} fetched {len(probe.calls)} of {len(ids)} ids: a generator can be walked "
            "only once, and something walked it before the fetches started. Loop over ids "
            "once (or make a list of it first)."
        )
    if len(set(ids)) < len(ids) and value != expected:
        kit.fail(
            f"{what} returned {value!r}; expected {expected!r}: an id that appears twice gets "
            "a result in each of its places. Keep results by position (gather, or a list of "
            "tasks), not in a dict keyed by id or at ids.index(i)."
        )
    kit.expect_equal(value, expected, what, "Return one result per id, in the order of ids.")
    kit.expect_equal(
        len(probe.calls),
        len(ids),
        f"The number of fetches {what} started",
        "Call fetch(i) once for every id in ids, repeated ids included.",
    )
    one_by_one = abs(result.loop_time - sum(latency[i] for i in ids)) < 1e-6
    kit.expect_loop_time(
        result,
        max(latency.values()),
        what,
        slower=ONE_BY_ONE if one_by_one else "Start every fetch at once.",
        faster="Await every fetch.",
    )
    # Each fetch's own result, once: the n-th fetch of a repeated id returned ('result', i, n).
    made: dict[Hashable, int] = {}
    own = []
    for i in ids:
        made[i] = made.get(i, 0) + 1
        own.append(("result", i) if made[i] == 1 else ("result", i, made[i]))
    kit.expect(
        sorted(map(repr, returned)) == sorted(map(repr, own)),  # type: ignore[arg-type]
        f"{what}, whose second fetch of a repeated id returns ('result', id, 2), returned "
        f"{returned!r}; expected {own!r}: an id that appears twice is fetched twice, and each "
        "of its places gets the result of its own fetch. Keep results by position (gather, or "
        "a list of tasks), not in a dict keyed by id.",
    )


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("n", [50, 300])
def test_many_fetches_all_at_once(kata: kit.Kata, n: int) -> None:
    """Fifty ids, then three hundred: all of them in flight at once (no limit of 100 or so),
    done after the slowest one."""
    ids = [f"id{k}" for k in range(n)]
    fetch_all = kata.get("fetch_all", "coroutine")
    probe = reversed_latencies(ids)
    what = f"fetch_all({n} ids, fetch) with fetches of {n}, {n - 1}, ..., 1 s"
    result = kata.run(lambda: fetch_all(ids, probe), what=what)
    kit.expect(
        probe.peak == len(ids),
        f"{what} had at most {probe.peak} fetches in flight at once; expected all {n}: some "
        "fetches only started after others had finished. Start every fetch at once, with no "
        "limit and no batches.",
    )
    kit.expect_loop_time(
        result,
        float(n),
        what,
        slower="Start every fetch at once and return as soon as the slowest one is done.",
        faster="Did you await every fetch before returning?",
    )
    kit.expect_equal(
        result.value, [("result", i) for i in ids], what, "One result per id, in input order."
    )


def test_falsy_results_kept(kata: kit.Kata) -> None:
    """Fetches that return None, 0, '' or []: those are results too, one per id."""
    fetch_all = kata.get("fetch_all", "coroutine")
    values = {"a": None, "b": 0, "c": "", "d": [], "e": "data"}
    ids = list(values)
    probe = kit.Probe(delay=1.0, result=lambda i: values[i])
    what = (
        "fetch_all(['a', 'b', 'c', 'd', 'e'], fetch) whose fetches return None, 0, '', [], 'data'"
    )
    result = kata.run(lambda: fetch_all(ids, probe), what=what)
    expected = [values[i] for i in ids]
    value = list(result.value) if isinstance(result.value, list | tuple) else result.value
    kit.expect(
        not isinstance(value, list) or len(value) >= len(ids),
        f"{what} returned {value!r}; expected {expected!r}: it dropped some results. None, 0 "
        "and other falsy values are results too: keep exactly one result per id.",
    )
    kit.expect_equal(value, expected, what, "Return one result per id, in the order of ids.")


class FetchError(Exception):
    """The failure of one fetch."""


@pytest.mark.parametrize(
    "boom",
    [FetchError("fetch of 'b' failed"), ConnectionError("connection to 'b' reset")],
    ids=["FetchError", "ConnectionError"],
)
def test_failed_fetch_raises(kata: kit.Kata, boom: Exception) -> None:
    """A fetch that raises (a network error too): its exception comes out of fetch_all,
    never inside the list, and the failed fetch is not asked again."""
    fetch_all = kata.get("fetch_all", "coroutine")
    name = type(boom).__name__
    ids = ["a", "b", "c"]
    probe = kit.Probe(delay={"a": 1.0, "b": 3.0, "c": 2.0}, errors={"b": boom})
    what = f"fetch_all(['a', 'b', 'c'], fetch) whose fetch('b') raises {name} at 3 s"
    result = kata.run(
        lambda: fetch_all(ids, probe), what=what, raises=(type(boom), BaseExceptionGroup)
    )
    error, value = result.error, result.value
    if error is not None:
        kit.expect(
            not isinstance(error, BaseExceptionGroup) or error.subgroup(type(boom)) is not None,
            f"{what} raised {error!r}, which does not hold the {name}; let that exception out.",
        )
        asked = sum(1 for call in probe.calls if call.args[0] == "b")
        kit.expect(
            asked == 1,
            f"{what} asked fetch('b') {asked} times: it raised the first time, and a fetch "
            "that raises is not asked again. Let its exception out at once (no retry).",
        )
        return
    shown = list(value) if isinstance(value, list | tuple) else value
    kit.expect(
        not (isinstance(shown, list) and any(r is boom for r in shown)),
        f"{what} returned {shown!r}, with the exception of the failed fetch in its list: "
        "a fetch that raises must make fetch_all raise (asyncio.gather does, unless told "
        "return_exceptions=True).",
    )
    kit.fail(f"{what} returned {shown!r}; expected the {name} to come out of fetch_all.")


def leaves_of(group: BaseExceptionGroup[BaseException]) -> list[BaseException]:
    """Every exception in a group, nested groups flattened."""
    leaves: list[BaseException] = []
    for exc in group.exceptions:
        leaves.extend(leaves_of(exc) if isinstance(exc, BaseExceptionGroup) else [exc])
    return leaves


def test_early_failure_is_let_out_as_it_is(kata: kit.Kata) -> None:
    """A fetch that raises while slower fetches before it in ids are still running: that very
    exception comes out (a group holding it is fine)."""
    fetch_all = kata.get("fetch_all", "coroutine")
    boom = FetchError("fetch of 'b' failed")
    probe = kit.Probe(delay={"a": 3.0, "b": 1.0, "c": 2.0}, errors={"b": boom})
    what = (
        "fetch_all(['a', 'b', 'c'], fetch) with fetches of 3, 1, 2 s whose fetch('b') raises "
        "FetchError at 1 s"
    )
    # Whether the other fetches are stopped is not part of the contract: not judged here.
    result = kata.run(
        lambda: fetch_all(["a", "b", "c"], probe),
        what=what,
        raises=BaseException,
        leftover_tasks=True,
    )
    error = result.error
    if error is None:
        kit.fail(f"{what} returned {result.value!r}; expected that FetchError to come out.")
    if isinstance(error, BaseExceptionGroup):
        leaves = leaves_of(error)
        kit.expect(
            boom in leaves,
            f"{what} raised a group holding {leaves!r}, not the FetchError fetch('b') raised; "
            "let that exception out as it is.",
        )
        return
    if isinstance(error, FetchError) and error is not boom:
        kit.fail(
            f"{what} raised a new FetchError, {error!r}, not the one fetch('b') raised; let that "
            "very exception out as it is (a bare `raise`, or no try at all)."
        )
    kit.expect(
        error is boom,
        f"{what} raised {error!r}, not the FetchError fetch('b') raised; let that exception out.",
    )


@pytest.mark.parametrize("caught", [False, True], ids=["never_raised", "caught_earlier"])
def test_a_returned_exception_is_a_result(kata: kit.Kata, caught: bool) -> None:
    """A fetch that returns an exception object (without raising it), even one it caught
    earlier (which has a traceback): that is its result."""
    fetch_all = kata.get("fetch_all", "coroutine")
    value = FetchError("an error report, returned as data")
    if caught:
        try:
            raise value
        except FetchError:
            pass  # raised once and caught: it has a traceback, and is still just a value
    probe = kit.Probe(delay=1.0, result=lambda i: value if i == "b" else ("result", i))
    what = "fetch_all(['a', 'b'], fetch) whose fetch('b') returns (not raises) a FetchError" + (
        " it caught earlier" if caught else ""
    )
    result = kata.run(lambda: fetch_all(["a", "b"], probe), what=what, raises=BaseException)
    shown = list(result.value) if isinstance(result.value, list | tuple) else result.value
    kit.expect(
        result.error is None and shown == [("result", "a"), value],
        f"{what} "
        + (f"raised {result.error!r}" if result.error is not None else f"returned {shown!r}")
        + f"; expected [('result', 'a'), {value!r}]: a fetch that returns an exception object "
        "returned a value, so it goes in the list like any other result.",
    )


def test_two_calls_at_once_keep_their_own_results(kata: kit.Kata) -> None:
    """fetch_all([1, 3]) and fetch_all([2]) at once on one loop (fetch(i) takes i s and
    returns f"data {i}"): each call returns its own results, in its own order."""
    fetch_all = kata.get("fetch_all", "coroutine")

    async def fetch(i: int) -> str:
        await asyncio.sleep(i)
        return f"data {i}"

    async def both() -> Any:
        return list(await asyncio.gather(fetch_all([1, 3], fetch), fetch_all([2], fetch)))

    what = "fetch_all([1, 3], fetch) and fetch_all([2], fetch) at the same time"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    hint = (
        "Each call returns the results of its own fetches only: keep them inside fetch_all, "
        "afresh for each call, not in a list at module level (not even one cleared at the "
        "start of each call)."
    )
    kit.expect_equal(value[1], ["data 2"], f"the second call of {what}", hint)
    kit.expect_equal(value[0], ["data 1", "data 3"], f"the first call of {what}", hint)


def test_a_timed_out_fetch_is_not_asked_again(kata: kit.Kata) -> None:
    """A fetch that raises TimeoutError (an error that looks transient): its exception comes
    out of fetch_all too, and the failed fetch is not asked again."""
    test_failed_fetch_raises(kata, TimeoutError("fetch of 'b' timed out"))
