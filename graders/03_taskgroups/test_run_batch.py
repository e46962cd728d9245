"""Grader for 03_taskgroups/run_batch: a TaskGroup's ValueErrors handled with `except*`.

Checks: the jobs run at once in a TaskGroup (loop time == the slowest job; a failure cancels
the rest); the ValueErrors' messages come back sorted; any other error propagates in an
ExceptionGroup that no longer holds the ValueErrors; with no failure the result is `[]`.
Hypothesis draws the messages from the whole contract: repeated messages, the empty message,
spaces, capitals and non-ASCII letters (sorted as Python sorts strings), ValueErrors raised in
the same loop step, and a generator of jobs instead of a list.

Docstring sentence -> the check that enforces it:

- "Run them all at once in an `asyncio.TaskGroup`." -> test_all_succeed,
  test_failure_cancels_the_rest, test_many_jobs_all_at_once (thirty jobs, then 300: no
  limit, not even of 100, no batches), test_a_very_slow_job_runs_to_its_end (600 s: no
  timeout)
- "Their return values do not matter." -> test_all_succeed
- "the `ValueError`s are expected ...: return their messages (`str(error)`), sorted" ->
  test_value_errors_sorted, test_any_messages (sorted as Python sorts strings: 'é' after
  'f'), test_any_value_error (a subclass, and ValueError(), ValueError(42),
  ValueError('x', 'y'))
- "any other error is a bug: let it propagate, in an ExceptionGroup, without the ValueErrors" ->
  test_other_errors_propagate, test_only_other_errors
- "if nothing failed, return `[]`" -> test_all_succeed, test_no_jobs
- `jobs` is any iterable (the signature) -> test_any_messages; a job listed twice is two jobs ->
  test_a_job_listed_twice_runs_twice
- "return their messages" (the messages of this call's jobs only) -> test_each_call_afresh,
  test_any_messages (messages left from an earlier call), test_calls_at_the_same_time (two
  calls running at once)
- the caller's cancellation is not swallowed -> test_caller_cancellation_propagates
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

EXAMPLES = grader_settings(max_examples=20)


def leaves(exc: BaseException) -> list[BaseException]:
    """The plain exceptions inside an exception (group), flattened."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for inner in exc.exceptions for leaf in leaves(inner)]
    return [exc]


def raised(kata: kit.Kata, result: kit.Run) -> BaseException | None:
    """The error a run raised; a NotImplementedError means the kata is not started."""
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    return result.error


def make_jobs(
    spec: list[tuple[str, float, BaseException | None]],
) -> tuple[kit.Probe, list[Callable[[], Awaitable[Any]]]]:
    """A probe and one zero-argument job per (name, delay, error) of ``spec``."""
    probe = kit.Probe(
        delay={name: delay for name, delay, _ in spec},
        errors={name: error for name, _, error in spec if error is not None},
    )
    jobs = [lambda name=name: probe(name) for name, _, _ in spec]
    return probe, jobs


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """run_batch is an async def."""
    kata.get("run_batch", "coroutine")


def test_all_succeed(kata: kit.Kata) -> None:
    """No failures: [] after the slowest job, all jobs at once."""
    run_batch = kata.get("run_batch", "coroutine")
    probe, jobs = make_jobs([("x", 2.0, None), ("y", 3.0, None), ("z", 1.0, None)])
    what = "run_batch(3 jobs of 2, 3, 1 s)"
    result = kata.run(lambda: run_batch(jobs), what=what)
    kit.expect_equal(len(probe.calls), 3, f"the number of jobs run by {what}")
    kit.expect_loop_time(
        result,
        3.0,
        what,
        slower=("The jobs ran one after another: " if abs(result.loop_time - 6.0) < 1e-6 else "")
        + "create them all as tasks in the TaskGroup "
        "(`tg.create_task(job())`) and let the group await them.",
        faster="Did you return before every job finished?",
    )
    kit.expect_equal(result.value, [], f"what {what} returned", "With no failure return [].")


def test_value_errors_sorted(kata: kit.Kata) -> None:
    """Three ValueErrors at once: their messages, sorted."""
    run_batch = kata.get("run_batch", "coroutine")
    _, jobs = make_jobs(
        [
            ("j1", 1.0, ValueError("bravo")),
            ("j2", 1.0, None),
            ("j3", 1.0, ValueError("charlie")),
            ("j4", 1.0, ValueError("alpha")),
        ]
    )
    what = "run_batch(jobs) where three jobs raise ValueError at 1 s"
    result = kata.run(lambda: run_batch(jobs), what=what, raises=BaseExceptionGroup)
    if result.error is not None:
        kinds = sorted({type(leaf).__name__ for leaf in leaves(result.error)})
        kit.fail(
            f"{what} raised an ExceptionGroup of {', '.join(kinds)}: the ValueErrors were not "
            "handled. A TaskGroup wraps errors in an ExceptionGroup, so `except ValueError` "
            "never matches; use `except* ValueError as group:`."
        )
    value = result.value
    kit.expect(
        isinstance(value, list) and sorted(value) == ["alpha", "bravo", "charlie"],
        f"{what} returned {value!r}; expected the messages ['alpha', 'bravo', 'charlie']: "
        "collect `str(error)` for every error in `group.exceptions`.",
    )
    kit.expect_equal(
        value,
        ["alpha", "bravo", "charlie"],
        f"what {what} returned",
        "The messages must be sorted: return `sorted(messages)`.",
    )


def test_other_errors_propagate(kata: kit.Kata) -> None:
    """A KeyError next to a ValueError: an ExceptionGroup of just the KeyError propagates."""
    run_batch = kata.get("run_batch", "coroutine")
    bug = KeyError("bug")
    _, jobs = make_jobs([("j1", 1.0, ValueError("bad input")), ("j2", 1.0, bug)])
    what = "run_batch(jobs) where jobs raise ValueError and KeyError at 1 s"
    result = kata.run(lambda: run_batch(jobs), what=what, raises=Exception)
    if raised(kata, result) is None:
        kit.fail(
            f"{what} returned {result.value!r}: the KeyError was swallowed. Handle only the "
            "ValueErrors (`except* ValueError`); every other error must propagate. "
            "`except ExceptionGroup` or `except Exception` catches bugs too."
        )
    error = result.error
    kit.expect(
        isinstance(error, BaseExceptionGroup),
        f"{what} raised a bare {type(error).__name__}; expected an ExceptionGroup holding the "
        "KeyError: let `except*` re-raise the rest of the group, do not unwrap it.",
    )
    found = leaves(error)
    kit.expect(
        any(leaf is bug for leaf in found),
        f"{what} raised {error!r}, which does not hold the KeyError the job raised: re-raise the "
        "original errors.",
    )
    kit.expect(
        not any(isinstance(leaf, ValueError) for leaf in found),
        f"{what} raised a group that still holds the ValueError: handle the ValueErrors and "
        "re-raise only the other errors (`except* ValueError` does exactly that).",
    )


def test_only_other_errors(kata: kit.Kata) -> None:
    """Only a TypeError: its ExceptionGroup propagates."""
    run_batch = kata.get("run_batch", "coroutine")
    bug = TypeError("oops")
    _, jobs = make_jobs([("j1", 1.0, bug), ("j2", 2.0, None)])
    what = "run_batch(jobs) where one job raises TypeError"
    result = kata.run(lambda: run_batch(jobs), what=what, raises=Exception)
    kit.expect(
        raised(kata, result) is not None and any(leaf is bug for leaf in leaves(result.error)),
        f"{what} returned {result.value!r} instead of raising: the TypeError was swallowed. "
        "Handle only the ValueErrors; every other error must propagate.",
    )


def test_failure_cancels_the_rest(kata: kit.Kata) -> None:
    """A ValueError at 1 s cancels a 5 s job: ['late'] after 1 s."""
    run_batch = kata.get("run_batch", "coroutine")
    _, jobs = make_jobs([("slow", 5.0, None), ("bad", 1.0, ValueError("late"))])
    what = "run_batch(jobs) where a job raises ValueError at 1 s next to a 5 s job"
    result = kata.run(lambda: run_batch(jobs), what=what, raises=BaseExceptionGroup)
    kit.expect(
        result.error is None,
        f"{what} raised {type(result.error).__name__}: the ValueError was not handled; use "
        "`except* ValueError as group:`.",
    )
    kit.expect_loop_time(
        result,
        1.0,
        what,
        slower=(
            "The 5 s job ran to its end: the ValueError did not stop it. "
            if abs(result.loop_time - 5.0) < 1e-6
            else ""
        )
        + "Let the error reach an asyncio.TaskGroup (handle it with `except*` around the "
        "`async with`, not inside each job), which cancels "
        "the other jobs as soon as one fails (asyncio.gather does not).",
    )
    kit.expect_equal(result.value, ["late"], f"what {what} returned")


def test_caller_cancellation_propagates(kata: kit.Kata) -> None:
    """Cancelling the caller is not swallowed."""
    run_batch = kata.get("run_batch", "coroutine")
    _, jobs = make_jobs([("j1", 5.0, None), ("j2", 5.0, None)])
    what = "run_batch(jobs) cancelled after 1 s"

    async def scenario() -> bool:
        task = asyncio.create_task(run_batch(jobs))
        await asyncio.sleep(1.0)
        task.cancel()
        await asyncio.wait([task])
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        return task.cancelled()

    result = kata.run(scenario, what=what)
    kit.expect(
        result.value,
        f"{what} did not end with CancelledError: never swallow the caller's cancellation "
        "(catching BaseException or BaseExceptionGroup does).",
    )


def test_no_jobs(kata: kit.Kata) -> None:
    """No jobs: [] at once."""
    run_batch = kata.get("run_batch", "coroutine")
    result = kata.run(lambda: run_batch([]), what="run_batch([])")
    kit.expect_equal(result.value, [], "run_batch([])", "Nothing failed: return [].")


@EXAMPLES
@given(
    messages=st.lists(st.sampled_from(["b", "a", "B", " a", "", "é", "a b"]), max_size=5),
    generator=st.booleans(),
)
@example(messages=["a", "a"], generator=False)  # the small shapes first
@example(messages=[" a", "b "], generator=False)
@example(messages=["b", "B", "a"], generator=False)
@example(messages=["b", "a"], generator=True)
@example(messages=["é", "f"], generator=False)
@example(messages=["b"], generator=False)  # one job
def test_any_messages(kata: kit.Kata, messages: list[str], generator: bool) -> None:
    """ValueErrors raised in the same loop step, with any messages (repeated, empty, spaces,
    capitals, non-ASCII), jobs given as a list or a generator: every message, sorted."""
    run_batch = kata.get("run_batch", "coroutine")
    spec: list[tuple[str, float, BaseException | None]] = [
        (f"j{n}", 1.0, ValueError(text)) for n, text in enumerate(messages)
    ] + [("ok", 1.0, None)]
    probe, jobs = make_jobs(spec)
    raising = ", ".join(map(repr, messages))
    given_as = "a generator of " if generator else ""
    what = f"run_batch({given_as}jobs raising ValueError({raising}) at 1 s)"
    result = kata.run(
        lambda: run_batch((j for j in jobs) if generator else jobs),
        what=what,
        raises=BaseExceptionGroup,
    )
    if generator and len(probe.calls) < len(jobs):
        kit.fail(
            f"{what} ran {len(probe.calls)} of {len(jobs)} jobs: a generator can be walked "
            "only once. Loop over jobs once (or make a list of it first)."
        )
    if result.error is not None:
        kit.fail(f"{what} raised {result.error!r}: the ValueErrors were not handled.")
    value, expected = result.value, sorted(messages)
    if isinstance(value, list) and value != expected:
        stale = [m for m in value if m not in messages]
        if stale and not Counter(expected) - Counter(value):  # all of this call's, and more
            kit.fail(
                f"{what} returned {value!r}, with messages no job of this call raised "
                f"({', '.join(map(repr, stale))}): they stayed from an earlier call. Make a "
                "fresh list inside run_batch for each call (no mutable default argument, no "
                "list at module level)."
            )
        if sorted(set(value)) == sorted(set(expected)) and len(value) < len(expected):
            kit.fail(
                f"{what} returned {value!r}; expected {expected!r}: two jobs may fail with the "
                "same message, and each error counts. Do not deduplicate (no set())."
            )
        if sorted(value) == expected:
            folded = value == sorted(messages, key=str.lower)
            kit.fail(
                f"{what} returned {value!r}; expected {expected!r}: sort the messages as Python "
                "sorts strings, `sorted(messages)` "
                + (
                    "(no key=str.lower)."
                    if folded
                    else "(no key: Python orders strings by code point, so 'é' comes after 'z')."
                )
            )
    kit.expect_equal(
        value,
        expected,
        what,
        "Return `str(error)` of every ValueError, unchanged (no strip()), sorted.",
    )


class UnreadableError(ValueError):
    """A ValueError subclass, as json.JSONDecodeError and UnicodeDecodeError are."""


def test_any_value_error(kata: kit.Kata) -> None:
    """A ValueError subclass is a ValueError too; a message is `str(error)`, whatever the
    arguments (none, a number, several)."""
    run_batch = kata.get("run_batch", "coroutine")
    errors = [UnreadableError("bad json"), ValueError(), ValueError(42), ValueError("x", "y")]
    _, jobs = make_jobs([(f"j{n}", 1.0, e) for n, e in enumerate(errors)])
    want = sorted(str(e) for e in errors)
    what = (
        "run_batch(jobs raising a ValueError subclass, ValueError(), ValueError(42) and "
        "ValueError('x', 'y') at 1 s)"
    )
    result = kata.run(lambda: run_batch(jobs), what=what, raises=Exception)
    error = result.error
    if isinstance(error, BaseExceptionGroup) and any(
        isinstance(leaf, UnreadableError) for leaf in leaves(error)
    ):
        kit.fail(
            f"{what} raised {error!r}: a subclass of ValueError is a ValueError too "
            "(`except* ValueError` matches it; `type(e) is ValueError` does not)."
        )
    if error is not None:
        kit.fail(
            f"{what} raised {error!r} (at {kata.where(error)}): a message is `str(error)`, "
            "whatever the error's arguments (`error.args[0]` fails on ValueError())."
        )
    kit.expect_equal(
        result.value,
        want,
        f"what {what} returned",
        "A message is `str(error)`, whatever the error's arguments.",
    )


def test_each_call_afresh(kata: kit.Kata) -> None:
    """Three calls in a row: each returns the messages of its own jobs only."""
    run_batch = kata.get("run_batch", "coroutine")
    for texts in (["first"], [], ["third"]):
        _, jobs = make_jobs(
            [(f"j{n}", 1.0, ValueError(t)) for n, t in enumerate(texts)] + [("ok", 1.0, None)]
        )
        what = f"run_batch(jobs raising ValueError({', '.join(map(repr, texts))}) at 1 s)"
        result = kata.run(lambda jobs=jobs: run_batch(jobs), what=what + " after other calls")
        kit.expect_equal(
            result.value,
            texts,
            f"what {what} returned after other calls",
            "Each call returns the messages of its own jobs only: make a fresh list inside "
            "run_batch for each call (no mutable default argument, no list at module level).",
        )


# Checked last: earlier wrong answers fail the checks above first.


def test_calls_at_the_same_time(kata: kit.Kata) -> None:
    """Two calls running at the same time: each returns the messages of its own jobs."""
    run_batch = kata.get("run_batch", "coroutine")
    _, first = make_jobs([("f1", 1.0, ValueError("first")), ("f2", 1.0, None)])
    _, second = make_jobs([("s1", 2.0, ValueError("second")), ("s2", 2.0, None)])
    what = (
        "two calls of run_batch running at the same time, one whose job raises "
        "ValueError('first') at 1 s, the other ValueError('second') at 2 s"
    )

    async def both() -> list[Any]:
        return list(await asyncio.gather(run_batch(first), run_batch(second)))

    result = kata.run(both, what=what)
    got = result.value or [None, None]
    for value, own, other in ((got[0], "first", "second"), (got[1], "second", "first")):
        if isinstance(value, list) and other in value:
            kit.fail(
                f"{what}: the call whose job raised ValueError({own!r}) returned {value!r}, "
                f"with {other!r} from the other call: the two calls shared one list. Make the "
                "list inside run_batch, a fresh one for each call (not at module level)."
            )
        kit.expect_equal(
            value,
            [own],
            f"what the call whose job raised ValueError({own!r}) returned ({what})",
            "Each call returns the messages of its own jobs only.",
        )


@pytest.mark.parametrize("n", [30, 300])
def test_many_jobs_all_at_once(kata: kit.Kata, n: int) -> None:
    """Thirty jobs of 30, 29, ..., 1 s, then three hundred of 30, 29.9, ..., 0.1 s (no limit
    of 100 or so): all of them run at once."""
    run_batch = kata.get("run_batch", "coroutine")
    step = 30 / n  # the slowest takes 30 s, whatever n
    probe, jobs = make_jobs([(f"j{k}", (n - k) * step, None) for k in range(n)])
    what = f"run_batch({n} jobs of 30, {30 - step:g}, ..., {step:g} s)"
    result = kata.run(lambda: run_batch(jobs), what=what)
    kit.expect(
        probe.peak == len(jobs),
        f"{what} had at most {probe.peak} jobs running at once; expected all {n}: some jobs "
        "only started after others had finished. Create one task per job in the TaskGroup, "
        "with no limit and no batches.",
    )
    kit.expect_loop_time(result, 30.0, what)
    kit.expect_equal(result.value, [], f"what {what} returned", "With no failure return [].")


def test_a_very_slow_job_runs_to_its_end(kata: kit.Kata) -> None:
    """A job of 600 s of loop time next to a quick one: it runs to its end (no timeout), and
    nothing failed, so []."""
    run_batch = kata.get("run_batch", "coroutine")
    probe, jobs = make_jobs([("slow", 600.0, None), ("quick", 1.0, None)])
    what = "run_batch(jobs of 600 s and 1 s, neither failing)"
    result = kata.run(lambda: run_batch(jobs), what=what, raises=BaseExceptionGroup)
    error = raised(kata, result)
    if error is not None or probe.cancelled:
        kit.fail(
            f"{what} gave up on the 600 s job after {result.loop_time:g} s of loop time"
            + (f" and raised {error!r}" if error is not None else "")
            + ": a slow job is no failure. Run every job to its end, however long it takes "
            "(no timeout)."
        )
    kit.expect_loop_time(result, 600.0, what)
    kit.expect_equal(result.value, [], f"what {what} returned", "With no failure return [].")


def test_a_job_listed_twice_runs_twice(kata: kit.Kata) -> None:
    """The same job listed twice is two jobs: it runs twice, and its ValueError counts twice."""
    run_batch = kata.get("run_batch", "coroutine")
    calls: list[str] = []

    async def bad() -> None:
        calls.append("bad")
        await asyncio.sleep(1.0)
        raise ValueError("a")

    async def fine() -> None:
        calls.append("fine")
        await asyncio.sleep(1.0)

    what = "run_batch([bad, fine, bad, fine]) where bad raises ValueError('a') at 1 s"
    result = kata.run(lambda: run_batch([bad, fine, bad, fine]), what=what)
    kit.expect(
        len(calls) == 4,
        f"{what} ran {len(calls)} jobs; expected 4: a job listed twice is two jobs, so run "
        "each item of jobs (no set(), no dict keyed by job).",
    )
    kit.expect_equal(
        result.value,
        ["a", "a"],
        f"what {what} returned",
        "Each of the two runs of bad raised its ValueError: two messages.",
    )
