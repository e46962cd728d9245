"""Grader for 03_taskgroups/all_or_nothing: a TaskGroup fails fast and cancels the siblings.

Checks: results in input order whatever order the fetches finish in; all fetches run at once
(loop time == the slowest fetch); when one fetch fails, the call raises an ExceptionGroup
holding that error at the failure's loop time, and every other fetch was cancelled then, not
left running in the background (what `asyncio.gather` does). Two fetches failing in the same
loop step: the group holds both errors. Hypothesis draws ids from the whole contract:
repeated ids, a None id, ties, and a generator instead of a list.

Docstring sentence -> the check that enforces it:

- "It calls `await fetch(i)` for every id in `ids`, all at the same time" ->
  test_results_in_input_order_and_concurrent, test_any_ids, test_many_ids_all_at_once
  (thirty ids, then 300: no limit, not even of 100, no batches)
- "returns the results in the order of `ids`" -> test_results_in_input_order_and_concurrent,
  test_any_ids, test_repeated_id_gets_its_own_results (each place of a repeated id holds
  the result of its own fetch)
- "Use `asyncio.TaskGroup`" (what it does is checked: fail fast, cancel, group) ->
  test_failure_cancels_siblings
- "the TaskGroup cancels every other fetch at once (they see `CancelledError`)" ->
  test_failure_cancels_siblings
- "raises an `ExceptionGroup` holding the error" -> test_failure_cancels_siblings,
  test_two_failures_at_once
- "Let that group propagate: do not catch it, do not unwrap it." ->
  test_failure_cancels_siblings (nor wrap it in a group of your own),
  test_two_failures_at_once
- "It raises once the cancelled fetches have finished (a fetch may await in its cleanup)." ->
  test_cleanup_is_awaited, test_failure_cancels_siblings (cancelled but not awaited),
  test_a_long_cleanup_is_awaited (a cleanup of 600 s: no timeout)
- "a result of `None`, `0` or `''` is a result like any other" -> test_falsy_results_kept
- no ids -> test_no_ids
- "If the task running `fetch_all_or_fail` is cancelled, every fetch is cancelled too and the
  `CancelledError` propagates." -> test_caller_cancellation_propagates,
  test_caller_cancellation_awaits_long_cleanups (fetches cleaning up for 600 s: no timeout)
- "returns the results" as a list (the signature) -> test_results_in_input_order_and_concurrent
- "It calls `await fetch(i)`" (to its end, however long: no timeout) ->
  test_a_very_slow_fetch_is_awaited
- "if one fetch fails, the TaskGroup cancels every other fetch at once" (the failed fetch is
  not asked again first) -> test_failure_cancels_siblings,
  test_a_transient_looking_failure_is_not_retried (a ConnectionResetError or TimeoutError
  neither)
- "return the results in the order of `ids`" (this call's results: two calls at once on one
  loop each return their own) -> test_two_calls_at_once_keep_their_own_results
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

EXAMPLES = grader_settings(max_examples=20)

DELAYS = {"a": 3.0, "b": 1.0, "c": 2.0, "d": 5.0}


def leaves(exc: BaseException) -> list[BaseException]:
    """The plain exceptions inside an exception (group), flattened."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for inner in exc.exceptions for leaf in leaves(inner)]
    return [exc]


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """fetch_all_or_fail is an async def."""
    kata.get("fetch_all_or_fail", "coroutine")


def test_results_in_input_order_and_concurrent(kata: kit.Kata) -> None:
    """All fetches run at once; results come back in the order of ids."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    probe = kit.Probe(delay=DELAYS)
    ids = ["a", "b", "c", "d"]
    result = kata.run(lambda: f(ids, probe), what="fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch)")
    kit.expect_equal(
        len(probe.calls), 4, "the number of fetch calls", "Call fetch(i) once for every id."
    )
    kit.expect_loop_time(
        result,
        5.0,
        "fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch) with fetches of 3, 1, 2, 5 s",
        slower=(
            "That is the sum of the fetches: did you await them one by one? "
            if abs(result.loop_time - 11.0) < 1e-6
            else "That is more than the slowest fetch. "
        )
        + "Create every task in the TaskGroup first; the group awaits them all at the end.",
        faster="Did you return before every fetch finished?",
    )
    kit.expect(
        probe.peak == 4,
        f"at most {probe.peak} fetch(es) ran at once; all 4 should run at the same time.",
    )
    expected = [("result", i) for i in ids]
    if isinstance(result.value, tuple) and list(result.value) == expected:
        kit.fail(
            f"fetch_all_or_fail({ids!r}, fetch) returned a tuple, {result.value!r}; expected a "
            "list, as the signature says (make one with a list comprehension or list(...))."
        )
    kit.expect_equal(
        result.value,
        expected,
        "the result",
        "Results must be in the order of ids, not the order the fetches finished: keep the "
        "tasks in a list as you create them and read `task.result()` from that list.",
    )


def test_no_ids(kata: kit.Kata) -> None:
    """No ids: an empty list, at once."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    probe = kit.Probe()
    result = kata.run(lambda: f([], probe), what="fetch_all_or_fail([], fetch)")
    kit.expect_equal(result.value, [], "fetch_all_or_fail([], fetch)")


def test_failure_cancels_siblings(kata: kit.Kata) -> None:
    """One fetch fails at 1 s: the call raises an ExceptionGroup at 1 s, the others cancelled."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    boom = ValueError("b is broken")
    probe = kit.Probe(delay=DELAYS, errors={"b": boom})
    ids = ["a", "b", "c", "d"]
    what = "fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch) where fetch('b') fails after 1 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        start = kit.now()
        try:
            value = await f(ids, probe)
        except NotImplementedError:
            raise
        except Exception as exc:  # noqa: BLE001 - the error is what we grade
            seen["error"] = exc
        else:
            seen["value"] = value
        seen["at"] = kit.now() - start
        # Which other fetches were still running when the error reached the caller?
        seen["running"] = [c.args[0] for c in probe.unfinished]
        # Had they been asked to stop (cancel() called, not yet awaited)?
        me = asyncio.current_task()
        seen["asked"] = sum(
            1 for t in asyncio.all_tasks() if t is not me and not t.done() and t.cancelling()
        )

    # gather-style code leaves siblings running: they are cancelled by the kit afterwards.
    kata.run(scenario, what=what, leftover_tasks=True)
    if "error" not in seen:
        kit.fail(
            f"{what} returned {seen.get('value')!r} instead of raising: let the TaskGroup's "
            "ExceptionGroup propagate (do not catch the error or turn it into a value)."
        )
    running = seen["running"]
    kit.expect(
        not running or seen["asked"] < len(running),
        f"when {what.split(' where')[0]} raised, the fetches of {running} had been cancelled "
        "but had not finished yet: cancel() only asks. Await the cancelled fetches before "
        "raising (a TaskGroup does it for you).",
    )
    kit.expect(
        not running,
        f"when {what.split(' where')[0]} raised, the fetches of {running} were still running "
        "in the background: one failure must cancel the others. asyncio.gather does not cancel "
        "its siblings when one fails; use `async with asyncio.TaskGroup() as tg:`.",
    )
    asked = sum(1 for c in probe.calls if c.args[0] == "b")
    kit.expect(
        asked <= 1,
        f"{what} asked fetch('b') {asked} times: it failed the first time, and a failed fetch "
        "is not asked again. Let its error out at once (no retry), so the TaskGroup cancels "
        "the others.",
    )
    kit.expect(
        abs(seen["at"] - 1.0) < 1e-6,
        f"{what} raised after {seen['at']:g} s of loop time; expected 1 s, the moment fetch('b') "
        "failed. Did you wait for every fetch before raising? A TaskGroup cancels the rest "
        "at once.",
    )
    error = seen["error"]
    kit.expect(
        isinstance(error, BaseExceptionGroup),
        f"{what} raised a bare {type(error).__name__}; expected an ExceptionGroup holding it. "
        "A TaskGroup wraps task errors in an ExceptionGroup: let it propagate, do not unwrap it "
        "(callers handle it with `except* ValueError`).",
    )
    kit.expect(
        any(leaf is boom for leaf in leaves(error)),
        f"{what} raised {error!r}, which does not hold the ValueError fetch('b') raised. "
        "Let the TaskGroup's ExceptionGroup propagate unchanged.",
    )
    inner = [e for e in error.exceptions if isinstance(e, BaseExceptionGroup)]
    if inner:
        kit.fail(
            f"{what} raised {type(error).__name__}({error.message!r}) holding another "
            f"{type(inner[0]).__name__}({inner[0].message!r}), which holds the ValueError: the "
            "TaskGroup's group was caught and wrapped in a new one. Let it propagate unchanged "
            "(do not catch it), so that `except* ValueError` and `.exceptions` see the error "
            "itself."
        )
    cancelled = sorted(c.args[0] for c in probe.cancelled)
    kit.expect_equal(
        cancelled,
        ["a", "c", "d"],
        "the fetches that saw CancelledError",
        "When fetch('b') fails, every unfinished sibling must be cancelled (a TaskGroup does it).",
    )
    late = [c.args[0] for c in probe.cancelled if c.ended != 1.0]
    kit.expect(
        not late,
        f"the fetches {late} ended later than 1 s, the moment fetch('b') failed: cancel the "
        "siblings at once (a TaskGroup does it).",
    )


def test_caller_cancellation_propagates(kata: kit.Kata) -> None:
    """Cancelling the caller cancels every fetch and the call raises CancelledError."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    probe = kit.Probe(delay=DELAYS)
    what = "fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch), cancelled after 0.5 s"

    running: list[Any] = []

    async def scenario() -> bool:
        task = asyncio.create_task(f(["a", "b", "c", "d"], probe))
        await asyncio.sleep(0.5)
        task.cancel()
        await asyncio.wait([task])
        # As the call ends, before the kit's own cleanup cancels what it left behind.
        running.extend(c.args[0] for c in probe.unfinished)
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        return task.cancelled()

    def verdict(_: kit.Run[bool]) -> None:
        kit.expect(
            not running,
            f"when {what}, the fetches of {running} were still running as it ended: cancelling "
            "the call must cancel every fetch and await them, also when the cancellation "
            "arrives while you wait (a TaskGroup does it; by hand, in a `finally:`).",
        )

    result = kata.run(scenario, what=what, verdict=verdict)
    kit.expect(
        result.value,
        f"{what} did not end with CancelledError: never swallow the cancellation of the caller.",
    )
    kit.expect_equal(
        len(probe.cancelled),
        4,
        f"the number of fetches cancelled in {what}",
        "Cancelling the caller must cancel every fetch.",
    )


def test_two_failures_at_once(kata: kit.Kata) -> None:
    """fetch('b') and fetch('c') fail in the same loop step: the group holds both errors."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    first, second = ValueError("b is broken"), KeyError("c is missing")
    probe = kit.Probe(delay={"a": 3.0, "b": 1.0, "c": 1.0}, errors={"b": first, "c": second})
    what = "fetch_all_or_fail(['a', 'b', 'c'], fetch) where fetch('b') and fetch('c') fail at 1 s"
    result = kata.run(lambda: f(["a", "b", "c"], probe), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    error = result.error
    kit.expect(
        error is not None,
        f"{what} returned {result.value!r} instead of raising: let the TaskGroup's "
        "ExceptionGroup propagate.",
    )
    found = leaves(error)  # type: ignore[arg-type]
    missing = [e for e in (first, second) if not any(leaf is e for leaf in found)]
    kit.expect(
        isinstance(error, BaseExceptionGroup) and not missing,
        f"{what} raised {error!r}; expected the TaskGroup's ExceptionGroup holding both "
        f"errors, but {', '.join(repr(e) for e in missing) or 'the group'} was lost: let the "
        "group propagate unchanged (do not pick one error out of it).",
    )


@EXAMPLES
@given(
    spec=st.lists(
        st.tuples(st.sampled_from([None, "a", "b", "é x"]), st.sampled_from([1.0, 2.0])),
        max_size=5,
    ),
    generator=st.booleans(),
)
@example(spec=[("a", 2.0), ("b", 1.0), ("a", 2.0)], generator=False)  # small shapes first
@example(spec=[("a", 2.0), ("b", 1.0)], generator=True)
@example(spec=[("a", 2.0)], generator=False)  # one id
def test_any_ids(kata: kit.Kata, spec: list[tuple[Any, float]], generator: bool) -> None:
    """Any ids (repeated, None, ending in the same loop step, a generator): one fetch per
    id, all at once, results in the order of ids."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    ids = [i for i, _ in spec]
    latency = dict(spec[::-1])  # an id that repeats keeps its first latency
    probe = kit.Probe(delay=latency)
    shown = f"{'a generator of ' if generator else ''}{ids!r}"
    what = f"fetch_all_or_fail({shown}, fetch)"
    result = kata.run(lambda: f((i for i in ids) if generator else ids, probe), what=what)
    expected = [("result", i) for i in ids]
    if generator and len(probe.calls) < len(ids) and len(set(ids)) == len(ids):
        kit.fail(
            f"{what} fetched {len(probe.calls)} of {len(ids)} ids: a generator can be walked "
            "only once, and something walked it before the fetches started. Loop over ids "
            "once (or make a list of it first)."
        )
    if len(set(ids)) < len(ids) and result.value != expected:
        kit.fail(
            f"{what} returned {result.value!r}; expected {expected!r}: an id that appears twice "
            "gets a result in each of its places. Keep the tasks in a list in the order of "
            "ids, not in a dict keyed by id or at ids.index(i)."
        )
    kit.expect_equal(result.value, expected, what, "One result per id, in the order of ids.")
    kit.expect_equal(
        len(probe.calls),
        len(ids),
        f"the number of fetches {what} started",
        "Call fetch(i) once for every id in ids, repeated ids included.",
    )
    kit.expect_loop_time(result, max(latency.values(), default=0.0), what)


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("n", [30, 300])
def test_many_ids_all_at_once(kata: kit.Kata, n: int) -> None:
    """Thirty ids with fetches of 30, 29, ..., 1 s, then three hundred of 30, 29.9, ..., 0.1 s
    (no limit of 100 or so): all of them in flight at once."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    ids = [f"id{k}" for k in range(n)]
    step = 30 / n  # the slowest takes 30 s, whatever n
    probe = kit.Probe(delay={i: (n - k) * step for k, i in enumerate(ids)})
    what = f"fetch_all_or_fail({n} ids, fetch) with fetches of 30, {30 - step:g}, ..., {step:g} s"
    result = kata.run(lambda: f(ids, probe), what=what)
    kit.expect(
        probe.peak == len(ids),
        f"{what} had at most {probe.peak} fetches in flight at once; expected all {n}: some "
        "fetches only started after others had finished. Create one task per id in the "
        "TaskGroup, with no limit and no batches.",
    )
    kit.expect_loop_time(result, 30.0, what)
    kit.expect_equal(
        result.value, [("result", i) for i in ids], what, "One result per id, in input order."
    )


def raise_with_cleanup(kata: kit.Kata, pause: float) -> tuple[str, dict[str, Any]]:
    """Run the call where fetch('b') fails at 1 s and a cancelled fetch cleans up for
    ``pause`` s; what it is, and when it raised with which fetches still cleaning up."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    boom = ValueError("b is broken")
    probe = kit.Probe(delay=DELAYS, errors={"b": boom})
    cleaning: list[Any] = []

    async def fetch(i: Any) -> Any:
        try:
            return await probe(i)
        except asyncio.CancelledError:
            cleaning.append(i)
            await asyncio.sleep(pause)
            cleaning.remove(i)
            raise

    what = (
        "fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch) where fetch('b') fails after 1 s and "
        f"a cancelled fetch cleans up for {pause:g} s"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        try:
            await f(["a", "b", "c", "d"], fetch)
        except NotImplementedError:
            raise
        except Exception:  # noqa: BLE001 - the error itself is graded elsewhere
            pass
        seen["at"] = kit.now()
        seen["cleaning"] = sorted(cleaning)

    kata.run(scenario, what=what, leftover_tasks=True)
    return what, seen


def test_cleanup_is_awaited(kata: kit.Kata) -> None:
    """Fetches that await for 1 s in their cleanup when cancelled: fetch('b') fails at 1 s, the
    call raises at 2 s, once the cancelled fetches have finished."""
    what, seen = raise_with_cleanup(kata, 1.0)
    kit.expect(
        not seen["cleaning"],
        f"{what} raised after {seen['at']:g} s while the cancelled fetches of "
        f"{seen['cleaning']} were still cleaning up: cancel() only asks, and a fetch may await "
        "in its cleanup (`asyncio.sleep(0)` is not enough). Await the cancelled fetches before "
        "raising (a TaskGroup does it for you).",
    )
    kit.expect(
        abs(seen["at"] - 2.0) < 1e-6,
        f"{what} raised after {seen['at']:g} s of loop time; expected 2 s: fetch('b') failed "
        "at 1 s and the cancelled fetches had finished their cleanup at 2 s.",
    )


def test_falsy_results_kept(kata: kit.Kata) -> None:
    """Fetches returning None, 0, '' and False: each result kept in its place."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    answers = {"n": None, "z": 0, "a": "x", "e": "", "f": False}
    probe = kit.Probe(delay={"n": 1.0, "z": 2.0, "a": 1.0, "e": 3.0, "f": 1.0})
    probe.result = answers.__getitem__
    ids = list(answers)
    what = f"fetch_all_or_fail({ids!r}, fetch) where the fetches return {list(answers.values())!r}"
    result = kata.run(lambda: f(ids, probe), what=what)
    kit.expect(
        isinstance(result.value, list)
        and len(result.value) == len(ids)
        and all(
            type(r) is type(a) and r == a
            for r, a in zip(result.value, answers.values(), strict=True)
        ),
        f"{what} returned {result.value!r}; expected {list(answers.values())!r}: a result of "
        "None, 0, '' or False is a result like any other. Keep every result in its place; do "
        "not use None (or a falsy value) to mean 'no result'.",
    )


def test_repeated_id_gets_its_own_results(kata: kit.Kata) -> None:
    """ids ['a', 'b', 'a'] where every fetch returns a value of its own: each place of 'a'
    holds the result of its own fetch."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    made: list[str] = []

    def answer(i: Any) -> str:
        made.append(f"{i}#{len(made) + 1}")
        return made[-1]

    probe = kit.Probe(delay={"a": 1.0, "b": 2.0}, result=answer)
    ids = ["a", "b", "a"]
    what = "fetch_all_or_fail(['a', 'b', 'a'], fetch) where each fetch returns a value of its own"
    result = kata.run(lambda: f(ids, probe), what=what)
    value = result.value
    ok = (
        isinstance(value, list)
        and len(value) == len(ids)
        and all(
            isinstance(v, str) and v.split("#")[0] == i for v, i in zip(value, ids, strict=True)
        )
        and sorted(value) == sorted(made)
    )
    if not ok:
        shown = value if isinstance(value, list) else []
        twice = next((v for v in shown if shown.count(v) > 1), None)
        kit.fail(
            f"{what} returned {value!r}, but the fetches returned {', '.join(made)}: "
            + (
                f"{twice!r} stood in two places and another result was lost, as when results "
                "are kept in a dict keyed by id. Each place of a repeated id gets the result of "
                "its own fetch: keep the tasks (or results) by position."
                if twice
                else "each place of a repeated id gets the result of its own fetch, in the "
                "order of ids."
            )
        )


def test_a_very_slow_fetch_is_awaited(kata: kit.Kata) -> None:
    """A fetch that takes 600 s of loop time still gives its result (no timeout)."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    probe = kit.Probe(delay={"a": 1.0, "slow": 600.0})
    ids = ["a", "slow"]
    what = f"fetch_all_or_fail({ids!r}, fetch) where fetch('slow') takes 600 s"
    result = kata.run(lambda: f(ids, probe), what=what, raises=(BaseExceptionGroup, TimeoutError))
    if result.error is not None or probe.cancelled:
        kit.fail(
            f"{what} gave up on fetch('slow') after {result.loop_time:g} s of loop time instead "
            "of awaiting it: a slow fetch still gives its result. Await every fetch to its end, "
            "however long it takes (no timeout)."
        )
    kit.expect_equal(
        result.value, [("result", "a"), ("result", "slow")], what, "One result per id, in order."
    )
    kit.expect_loop_time(result, 600.0, what)


def test_a_long_cleanup_is_awaited(kata: kit.Kata) -> None:
    """Cancelled fetches that clean up for 600 s: the call still raises only once they have
    finished, at 601 s (no timeout on the wait)."""
    what, seen = raise_with_cleanup(kata, 600.0)
    kit.expect(
        not seen["cleaning"],
        f"{what} raised after {seen['at']:g} s while the cancelled fetches of "
        f"{seen['cleaning']} were still cleaning up: it stopped waiting for them too soon. "
        "Await the cancelled fetches however long their cleanup takes (no timeout; a "
        "TaskGroup does it for you).",
    )
    kit.expect(
        abs(seen["at"] - 601.0) < 1e-6,
        f"{what} raised after {seen['at']:g} s of loop time; expected 601 s: fetch('b') failed "
        "at 1 s and the cancelled fetches had finished their cleanup 600 s later.",
    )


def test_caller_cancellation_awaits_long_cleanups(kata: kit.Kata) -> None:
    """Cancelling the caller at 0.5 s, with fetches that clean up for 600 s when cancelled:
    the call ends in CancelledError only once they have finished (no timeout)."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    probe = kit.Probe(delay=DELAYS)
    cleaning: list[Any] = []

    async def fetch(i: Any) -> Any:
        try:
            return await probe(i)
        except asyncio.CancelledError:
            cleaning.append(i)
            await asyncio.sleep(600.0)
            cleaning.remove(i)
            raise

    what = (
        "fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch), cancelled after 0.5 s, where a "
        "cancelled fetch cleans up for 600 s"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(f(["a", "b", "c", "d"], fetch))
        await asyncio.sleep(0.5)
        task.cancel()
        await asyncio.wait([task])
        seen["at"] = kit.now()
        seen["cleaning"] = sorted(cleaning)  # before the kit's cleanup stops them

    kata.run(scenario, what=what, leftover_tasks=True)
    kit.expect(
        not seen["cleaning"],
        f"{what} ended at {seen['at']:g} s while the cancelled fetches of {seen['cleaning']} "
        "were still cleaning up: it stopped waiting for them before they had finished. Await "
        "the cancelled fetches however long their cleanup takes (no timeout; a TaskGroup "
        "does it for you).",
    )


def test_two_calls_at_once_keep_their_own_results(kata: kit.Kata) -> None:
    """fetch_all_or_fail([1, 3]) and fetch_all_or_fail([2]) at once on one loop (fetch(i)
    takes i s and returns f"data {i}"): each call returns its own results, in its own order."""
    fetch_all_or_fail = kata.get("fetch_all_or_fail", "coroutine")

    async def fetch(i: int) -> str:
        await asyncio.sleep(i)
        return f"data {i}"

    async def both() -> Any:
        return list(
            await asyncio.gather(fetch_all_or_fail([1, 3], fetch), fetch_all_or_fail([2], fetch))
        )

    what = "fetch_all_or_fail([1, 3], fetch) and fetch_all_or_fail([2], fetch) at the same time"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    hint = (
        "Each call returns the results of its own fetches only: keep them inside "
        "fetch_all_or_fail, afresh for each call, not in a list or dict at module level (not "
        "even one cleared at the start of each call)."
    )
    kit.expect_equal(value[1], ["data 2"], f"the second call of {what}", hint)
    kit.expect_equal(value[0], ["data 1", "data 3"], f"the first call of {what}", hint)


@pytest.mark.parametrize(
    "error", [ConnectionResetError, TimeoutError], ids=["ConnectionResetError", "TimeoutError"]
)
def test_a_transient_looking_failure_is_not_retried(kata: kit.Kata, error: type[Exception]) -> None:
    """fetch('b') raises ConnectionResetError, or TimeoutError, after 1 s: errors that look
    transient fail the call too, at once (no retry): an ExceptionGroup holding it at 1 s."""
    f = kata.get("fetch_all_or_fail", "coroutine")
    boom = error("b failed")
    name = error.__name__
    probe = kit.Probe(delay=DELAYS, errors={"b": boom})
    what = (
        f"fetch_all_or_fail(['a', 'b', 'c', 'd'], fetch) where fetch('b') raises {name} after 1 s"
    )
    result = kata.run(
        lambda: f(["a", "b", "c", "d"], probe), what=what, raises=Exception, leftover_tasks=True
    )
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    asked = sum(1 for c in probe.calls if c.args[0] == "b")
    kit.expect(
        asked == 1,
        f"{what} asked fetch('b') {asked} times: it failed the first time, whatever the error "
        "(a dropped connection or a timeout too), and a failed fetch is not asked again. Let "
        "its error out at once (no retry), so the TaskGroup cancels the others.",
    )
    error_out = result.error
    kit.expect(
        isinstance(error_out, BaseExceptionGroup) and boom in leaves(error_out),
        f"{what} "
        + (f"raised {error_out!r}" if error_out is not None else f"returned {result.value!r}")
        + f"; expected the TaskGroup's ExceptionGroup holding that {name}.",
    )
    kit.expect_loop_time(result, 1.0, what)
