"""Grader for 02_tasks/settle: every outcome as Ok/Err, in input order, concurrently; and
cancelling the caller still cancels.

With stand-in awaitables of mixed latencies, some of which raise, checks the outcomes (the
very exception objects, in input order), that the loop time is the slowest latency (not the
sum), that no exception escapes, and that when the task running settle is cancelled it ends
cancelled at once and the awaitables are cancelled too (cancellation is not an outcome).
Other shapes the contract allows: a generator of awaitables, the same task listed twice, an
awaitable whose value is None, awaitables ending in the same loop step.

Docstring sentence -> the check that enforces it:

- `Ok(value)`, `Err(error)` (the stub's classes, their fields) -> classes (every check that
  reads an outcome)
- "Run them all at once" -> test_runs_them_concurrently, test_many_awaitables_at_once
  (thirty awaitables, then 300: no limit, not even of 100, no batches)
- "when every one has finished, return one outcome per awaitable, in the order of `aws`" ->
  test_every_outcome_in_input_order, test_other_shapes
- "`Ok(value)` for one that returned `value`, `Err(error)` for one that raised the exception
  `error`" -> test_every_outcome_in_input_order (also errors raised from a cause, and an
  ExceptionGroup: Err holds the exception raised, not its cause nor a member),
  test_a_value_that_is_an_exception_is_ok
- "A value may itself be an exception object (returned, not raised): that is `Ok(value)`, so
  tell outcomes apart by how each awaitable ended, not by the type of what it gave." ->
  test_a_value_that_is_an_exception_is_ok, test_a_caught_exception_returned_is_ok (one that
  was raised and caught first, so it has a traceback)
- "One failure must not stop or hide the others." -> run_settle (every check that uses it)
- "Catch `Exception`, never `BaseException`" / "let that CancelledError propagate, not turn it
  into an `Err`" -> test_cancelling_the_caller_propagates, test_a_base_exception_is_not_an_outcome,
  test_a_base_exception_propagates (not an item of the list either: it comes out of settle)
- "settle must stop" (when its task is cancelled) -> test_cancelling_the_caller_propagates
- "let that CancelledError propagate" (that very one, its message included: not a new one
  raised in its place) -> test_the_callers_cancellation_comes_out_as_it_is
- no awaitables -> test_nothing_to_settle
- "`aws` is an iterable of awaitables" (any awaitable: one with `__await__` that is neither a
  coroutine nor a task, which asyncio.create_task refuses) -> test_any_awaitable
- "when every one has finished" (however long it takes: no timeout) ->
  test_a_very_slow_awaitable_is_waited_for
- "return one outcome per awaitable" (of this call's `aws`: a second call on the same loop
  returns only its own outcomes) -> test_each_call_returns_only_its_own_outcomes
- the same, two calls at once on one loop: each returns its own outcomes ->
  test_two_calls_at_once_keep_their_own_outcomes
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import kit
import pytest

DELAYS = {0: 3.0, 1: 1.0, 2: 2.0, 3: 0.5}


class JobError(Exception):
    """What the failing stand-ins raise."""


@dataclass
class Cancelled:
    """What happened when the caller of settle was cancelled."""

    cancelled: bool
    at: float
    value: Any
    still_running: list[int]


def classes(kata: kit.Kata) -> tuple[type, type]:
    ok, err = kata.get("Ok", "class"), kata.get("Err", "class")
    # The graders read outcomes by the stub's field names: a renamed field is named here,
    # not met later as an AttributeError in the grader.
    for cls, field_name in ((ok, "value"), (err, "error")):
        try:
            made = cls(JobError("a sample"))
        except Exception as exc:  # noqa: BLE001 - any error here is the learner's class
            kit.fail(
                f"{cls.__name__}(x) raised {exc!r}: keep the stub's {cls.__name__}, a dataclass "
                f"with the one field `{field_name}`."
            )
        kit.expect(
            hasattr(made, field_name),
            f"{cls.__name__}(x) has no `{field_name}`: keep the stub's {cls.__name__} as it is, "
            f"a dataclass whose one field is `{field_name}` (the example reads "
            f"{cls.__name__}({field_name}=...)).",
        )
    return ok, err


def test_defines_ok_err_and_settle(kata: kit.Kata) -> None:
    """Ok and Err are classes and settle is an async def."""
    classes(kata)
    kata.get("settle", "coroutine")


def plain_errors() -> dict[int, Exception]:
    return {1: JobError("job 1 failed"), 3: JobError("job 3 failed")}


def wrapped_errors() -> dict[int, Exception]:
    """Job 1 raises an ExceptionGroup of two JobErrors, job 3 a JobError raised from an
    OSError (its __cause__)."""
    chained = JobError("job 3 failed")
    chained.__cause__ = OSError("disk full")
    group = ExceptionGroup("job 1 failed twice", [JobError("job 1a"), JobError("job 1b")])
    return {1: group, 3: chained}


def run_settle(
    kata: kit.Kata, errors: dict[int, Exception] | None = None
) -> tuple[kit.Run[Any], dict[int, Exception], kit.Probe]:
    settle = kata.get("settle", "coroutine")
    errors = plain_errors() if errors is None else errors
    probe = kit.Probe(delay=DELAYS, errors=errors)
    result = kata.run(
        lambda: settle([probe(i) for i in DELAYS]),
        what="settle([...])",
        raises=(JobError, BaseExceptionGroup),
    )
    if isinstance(result.error, BaseExceptionGroup):
        kit.fail(
            f"settle raised {result.error!r}, a TaskGroup's group holding an awaitable's "
            "error: in a TaskGroup one failure cancels all the others. Give the group "
            "wrappers that never raise (try/except Exception around each await, returning "
            "Ok or Err)."
        )
    if result.error is not None:
        kit.fail(
            f"settle raised {result.error!r}, the error of one awaitable: one failure must not "
            "stop the others or escape. Turn each outcome into Ok/Err (try/except Exception "
            "around each await, or asyncio.gather(..., return_exceptions=True))."
        )
    stopped = sorted(c.args[0] for c in probe.cancelled)
    kit.expect(
        not stopped,
        f"settle([...]) cancelled the awaitables {stopped} when another one failed: one "
        "failure must not stop the others. Wait for every awaitable (not FIRST_EXCEPTION), "
        "and turn each error into an Err.",
    )
    return result, errors, probe


@pytest.mark.parametrize("wrapped", [False, True], ids=["plain_errors", "group_and_cause"])
def test_every_outcome_in_input_order(kata: kit.Kata, wrapped: bool) -> None:
    """Returns Ok(value) or Err(error) for each awaitable, in input order; then with an
    ExceptionGroup and an error raised from a cause: Err holds the exception raised."""
    ok, err = classes(kata)
    result, errors, _ = run_settle(kata, wrapped_errors() if wrapped else None)
    expected = [err(errors[i]) if i in errors else ok(("result", i)) for i in DELAYS]
    value = result.value
    kit.expect(
        isinstance(value, list) and len(value) == len(expected),
        f"settle([...4 awaitables]) returned {value!r}; expected a list of 4 outcomes.",
    )
    for i, (got, want) in enumerate(zip(value, expected, strict=True)):
        if isinstance(got, err) and isinstance(want, err) and got.error is not want.error:
            raised = want.error
            why = ""
            if got.error is raised.__cause__:
                why = (
                    f" {got.error!r} is its __cause__, the error it was raised from: keep the "
                    "exception itself."
                )
            elif isinstance(raised, BaseExceptionGroup) and got.error in raised.exceptions:
                why = (
                    f" {got.error!r} is one member of the {type(raised).__name__} it raised: "
                    "the group itself is the error (`except*` splits a group; `except "
                    "Exception` keeps it whole)."
                )
            kit.fail(
                f"outcome {i} was {got!r}; expected Err holding the very exception the "
                f"awaitable raised, {raised!r}.{why}"
            )
    kit.expect_equal(
        value,
        expected,
        "settle([...])",
        "One outcome per awaitable, in the order given (not the order they finished): "
        "Ok(value) for a result, Err(error) for an exception.",
    )


def test_runs_them_concurrently(kata: kit.Kata) -> None:
    """Awaitables of 3, 1, 2 and 0.5 s settle in 3 s of loop time."""
    result, _, probe = run_settle(kata)
    kit.expect_loop_time(
        result,
        max(DELAYS.values()),
        "settle of 3, 1, 2 and 0.5 s awaitables",
        slower=(
            "That is the sum: did you await them one by one? "
            if abs(result.loop_time - 6.5) < 1e-6
            else ""
        )
        + "Run them at once "
        "(asyncio.gather or a TaskGroup of wrappers).",
    )
    kit.expect_equal(probe.peak, len(DELAYS), "The most awaitables in flight at once")


def test_nothing_to_settle(kata: kit.Kata) -> None:
    """settle([]) returns [] at once."""
    settle = kata.get("settle", "coroutine")
    result = kata.run(lambda: settle([]), what="settle([])")
    kit.expect_equal(result.value, [], "settle([])")


def test_cancelling_the_caller_propagates(kata: kit.Kata) -> None:
    """Cancelling the task running settle ends it cancelled, and cancels the awaitables."""
    settle = kata.get("settle", "coroutine")
    probe = kit.Probe(delay=DELAYS)

    async def cancel_midway() -> Cancelled:
        task = asyncio.create_task(settle([probe(i) for i in DELAYS]))
        await asyncio.sleep(0.75)
        task.cancel()
        value, cancelled = None, False
        try:
            value = await task
        except asyncio.CancelledError:
            cancelled = True
        at = kit.now()
        for _ in range(3):  # let cancelled awaitables take their last step
            await asyncio.sleep(0)
        return Cancelled(cancelled, at, value, [c.args[0] for c in probe.unfinished])

    # Awaitables left running are judged below, with a message naming the mistake.
    result = kata.run(cancel_midway, what="a cancelled settle([...])", leftover_tasks=True)
    outcome = result.value
    if outcome is None:
        kit.fail("the grader's scenario returned nothing.")
    if not outcome.cancelled:
        kit.fail(
            f"the task running settle was cancelled at 0.75 s, but settle went on and returned "
            f"{outcome.value!r} at {outcome.at:g} s: the cancellation was swallowed. Catching "
            "BaseException (or CancelledError) turns cancellation into an Err; catch "
            "Exception only, so CancelledError propagates."
        )
    kit.expect(
        outcome.at == 0.75,
        f"the task running settle was cancelled at 0.75 s but only ended at {outcome.at:g} s: "
        "let the CancelledError propagate at once.",
    )
    kit.expect(
        not outcome.still_running,
        f"after settle was cancelled, {len(outcome.still_running)} awaitable(s) kept running "
        "in the background: when settle is cancelled, cancel what it awaits too (gather "
        "and a TaskGroup do it for you; tasks you created yourself you must cancel).",
    )


def test_other_shapes(kata: kit.Kata) -> None:
    """A generator of awaitables; the same task twice; a value of None; a tie."""
    ok, err = classes(kata)
    settle = kata.get("settle", "coroutine")
    boom = JobError("job b failed")
    probe = kit.Probe(
        delay={"a": 1.0, "b": 1.0, "none": 2.0}, errors={"b": boom}, result=lambda i: None
    )
    what = (
        "settle(a generator of: a (None after 1 s), b (raises after 1 s), the same task "
        "twice (None after 2 s))"
    )

    async def scenario() -> Any:
        shared = asyncio.ensure_future(probe("none"))
        return await settle(aw for aw in [probe("a"), probe("b"), shared, shared])

    def verdict(result: kit.Run[Any]) -> None:
        """Judged before the kit's own checks: a generator walked twice leaves coroutines
        that were never awaited, and the sentence naming the cause must win."""
        if result.error is not None:
            kit.fail(f"{what} raised {result.error!r}: every error must become an Err.")
        value = result.value
        if isinstance(value, list) and len(value) < 4 and len(probe.calls) < 3:
            kit.fail(
                f"{what} returned {value!r}: aws may be any iterable, here a generator, which "
                "can be walked only once. Make a list of it first (`aws = list(aws)`)."
            )
        kit.expect_equal(
            value,
            [ok(None), err(boom), ok(None), ok(None)],
            what,
            "One outcome per item of aws, in order: a value of None is still Ok(None), and a "
            "task listed twice gets an outcome in each of its places.",
        )

    kata.run(scenario, what=what, raises=(JobError, BaseExceptionGroup), verdict=verdict)


class Halt(BaseException):
    """A BaseException that is not an Exception (nor a cancellation): not an outcome."""


async def returns(value: Any) -> Any:
    await asyncio.sleep(1.0)
    return value


async def halts(error: BaseException) -> None:
    await asyncio.sleep(1.0)
    raise error


def test_a_value_that_is_an_exception_is_ok(kata: kit.Kata) -> None:
    """An awaitable that returns an exception object: Ok(that object), not Err."""
    ok, _ = classes(kata)
    settle = kata.get("settle", "coroutine")
    value = JobError("a value that happens to be an exception")
    what = "settle([an awaitable returning a JobError object after 1 s])"
    result = kata.run(lambda: settle([returns(value)]), what=what, raises=BaseException)
    kit.expect(
        result.error is None and result.value == [ok(value)],
        f"{what} gave {result.value if result.error is None else result.error!r}; expected "
        f"[Ok({value!r})]: an awaitable that returns an exception object returned a value. "
        "Tell outcomes apart by how the awaitable ended (`except Exception` around the "
        "await), not by the type of what came back.",
    )


def test_a_base_exception_is_not_an_outcome(kata: kit.Kata) -> None:
    """An awaitable raising a BaseException that is not an Exception: it is not made an Err."""
    _, err = classes(kata)
    settle = kata.get("settle", "coroutine")
    halt = Halt("stop everything")
    what = "settle([an awaitable raising Halt, a BaseException subclass, after 1 s])"
    result = kata.run(lambda: settle([halts(halt)]), what=what, raises=BaseException)
    caught = result.error is None and any(
        isinstance(o, err) and o.error is halt for o in result.value or []
    )
    kit.expect(
        not caught,
        f"{what} returned {result.value!r}: it caught a BaseException that is not an "
        "Exception. Catch `Exception`, never `BaseException` (nor everything but "
        "CancelledError), and if you read `task.exception()`, make an Err only of an "
        "`Exception`: KeyboardInterrupt, SystemExit and the like must go through.",
    )


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("n", [30, 300])
def test_many_awaitables_at_once(kata: kit.Kata, n: int) -> None:
    """Thirty awaitables of 30, 29, ..., 1 s, then three hundred of 30, 29.9, ..., 0.1 s (no
    limit of 100 or so): all in flight at once, settled in 30 s."""
    ok, _ = classes(kata)
    settle = kata.get("settle", "coroutine")
    step = 30 / n  # the slowest takes 30 s, whatever n
    probe = kit.Probe(delay=lambda i: (n - i) * step)
    what = f"settle({n} awaitables of 30, {30 - step:g}, ..., {step:g} s)"
    result = kata.run(lambda: settle([probe(i) for i in range(n)]), what=what)
    kit.expect(
        probe.peak == n,
        f"{what} had at most {probe.peak} awaitables in flight at once; expected all {n}: "
        "some only started after others had finished. Run them all at once, with no limit "
        "and no batches.",
    )
    kit.expect_loop_time(result, 30.0, what)
    kit.expect_equal(
        result.value, [ok(("result", i)) for i in range(n)], what, "One Ok per awaitable."
    )


async def returns_caught() -> JobError:
    """Raises a JobError, catches it, and returns it: a value (with a traceback)."""
    await asyncio.sleep(1.0)
    try:
        raise JobError("caught, then returned")
    except JobError as caught:
        return caught


def test_a_caught_exception_returned_is_ok(kata: kit.Kata) -> None:
    """An awaitable that catches an exception and returns it: Ok(that object), although the
    object carries a traceback."""
    ok, _ = classes(kata)
    settle = kata.get("settle", "coroutine")
    what = "settle([an awaitable that catches a JobError and returns it after 1 s])"
    result = kata.run(lambda: settle([returns_caught()]), what=what, raises=BaseException)
    value = result.value if result.error is None else None
    kit.expect(
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], ok)
        and isinstance(value[0].value, JobError),
        f"{what} gave {value if result.error is None else result.error!r}; expected [Ok(...)] "
        "holding the JobError: the awaitable caught that exception and returned it, so it "
        "returned a value. An exception object that was raised once (it has a traceback) can "
        "still be a value: tell outcomes apart by how the awaitable ended (`except Exception` "
        "around the await).",
    )


def test_a_base_exception_propagates(kata: kit.Kata) -> None:
    """An awaitable raising a BaseException that is not an Exception: it comes out of settle
    (a group holding it is fine), neither an Err nor an item of the list."""
    settle = kata.get("settle", "coroutine")
    halt = Halt("stop everything")
    what = "settle([an awaitable raising Halt, a BaseException subclass, after 1 s])"
    result = kata.run(lambda: settle([halts(halt)]), what=what, raises=BaseException)
    error = result.error
    out = error is halt or (
        isinstance(error, BaseExceptionGroup) and error.subgroup(lambda e: e is halt) is not None
    )
    if not out and error is None and any(o is halt for o in result.value or []):
        kit.fail(
            f"{what} returned {result.value!r}: the Halt came back as an item of the list "
            "instead of propagating. A BaseException that is not an Exception is no outcome: "
            "let it out (no `return_exceptions=True` around your wrappers, which catches it)."
        )
    kit.expect(
        out,
        f"{what} "
        + (f"raised {error!r}" if error is not None else f"returned {result.value!r}")
        + "; expected that Halt to propagate: a BaseException that is not an Exception is no "
        "outcome.",
    )


def test_a_very_slow_awaitable_is_waited_for(kata: kit.Kata) -> None:
    """An awaitable that takes 600 s of loop time still ends in Ok(its value): settle waits
    for every one to finish, with no timeout."""
    ok, err = classes(kata)
    settle = kata.get("settle", "coroutine")
    probe = kit.Probe(delay={0: 600.0, 1: 1.0})
    what = "settle([an awaitable of 600 s, one of 1 s])"
    result = kata.run(lambda: settle([probe(0), probe(1)]), what=what)
    value = result.value
    if isinstance(value, list) and value and isinstance(value[0], err):
        kit.fail(
            f"{what} gave the slow one {value[0]!r} after {result.loop_time:g} s instead of "
            "waiting for it: an awaitable that is slow still finishes. Wait for every one "
            "however long it takes (no timeout)."
        )
    kit.expect_equal(value, [ok(("result", 0)), ok(("result", 1))], what, "One Ok per awaitable.")
    kit.expect_loop_time(result, 600.0, what)


def test_each_call_returns_only_its_own_outcomes(kata: kit.Kata) -> None:
    """settle([2 awaitables]), then settle([1 awaitable]) on the same loop: the second call
    returns one outcome, its own (not the first call's outcomes too)."""
    ok, _ = classes(kata)
    settle = kata.get("settle", "coroutine")

    async def both() -> Any:
        await settle([returns(1), returns(2)])
        return await settle([returns(3)])

    what = "settle([2 awaitables]), then settle([1 awaitable returning 3])"
    result = kata.run(both, what=what)
    kit.expect_equal(
        result.value,
        [ok(3)],
        f"the second call of {what}",
        "Each call returns the outcomes of its own awaitables only: make the list inside "
        "settle, afresh for each call, not once at module level.",
    )


def test_two_calls_at_once_keep_their_own_outcomes(kata: kit.Kata) -> None:
    """settle([1 s -> 1, 3 s -> 2]) and settle([2 s -> 3]) at once on one loop: each call
    returns its own outcomes, in its own order."""
    ok, _ = classes(kata)
    settle = kata.get("settle", "coroutine")

    async def later(value: Any, delay: float) -> Any:
        await asyncio.sleep(delay)
        return value

    async def both() -> Any:
        return list(
            await asyncio.gather(settle([later(1, 1.0), later(2, 3.0)]), settle([later(3, 2.0)]))
        )

    what = "settle([1 s -> 1, 3 s -> 2]) and settle([2 s -> 3]) at the same time"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    hint = (
        "Each call returns the outcomes of its own awaitables only: keep them inside settle, "
        "afresh for each call, not in a list at module level (not even one cleared at the "
        "start of each call)."
    )
    kit.expect_equal(value[1], [ok(3)], f"the second call of {what}", hint)
    kit.expect_equal(value[0], [ok(1), ok(2)], f"the first call of {what}", hint)


def test_any_awaitable(kata: kit.Kata) -> None:
    """Awaitables that are neither coroutines nor tasks (objects with `__await__`) settle
    too: Ok for the one that returns, Err for the one that raises."""
    ok, err = classes(kata)
    settle = kata.get("settle", "coroutine")
    boom = JobError("job b failed")
    probe = kit.Probe(delay={"a": 1.0, "b": 2.0}, errors={"b": boom})
    what = "settle([two awaitables that are neither coroutines nor tasks: a returns, b raises])"
    result = kata.run(
        lambda: settle([kit.NotACoroutine(probe("a")), kit.NotACoroutine(probe("b"))]),
        what=what,
        raises=(TypeError, JobError, BaseExceptionGroup),
    )
    if isinstance(result.error, TypeError):
        kit.fail(
            f"{what} raised {result.error!r} (at {kata.where(result.error)}): aws may hold any "
            "awaitable, and asyncio.create_task takes coroutines only. Await each one inside "
            "a coroutine of your own (or wrap it with `asyncio.ensure_future(aw)`)."
        )
    kit.expect(result.error is None, f"{what} raised {result.error!r}.")
    kit.expect_equal(
        result.value,
        [ok(("result", "a")), err(boom)],
        what,
        "Any awaitable gets its outcome, coroutine or not.",
    )


def test_the_callers_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """The task running settle cancelled at 0.75 s with a message: the CancelledError that
    comes out is the caller's own, its message included."""
    settle = kata.get("settle", "coroutine")
    probe = kit.Probe(delay=DELAYS)
    what = 'the task running settle([...]) cancelled at 0.75 s with task.cancel("caller gave up")'

    async def scenario() -> Any:
        task = asyncio.create_task(settle([probe(i) for i in DELAYS]))
        await asyncio.sleep(0.75)
        return await kit.cancelled_args(task, "caller gave up")

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(
        result.value,
        "caller gave up",
        what,
        "let that very CancelledError propagate (catch Exception only, and no `except` for "
        "the cancellation that raises another)",
    )
