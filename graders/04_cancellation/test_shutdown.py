"""Grader for 04_cancellation/shutdown: cancel all, wait at most `grace`, return the stragglers.

The tasks handed to shutdown: one that stops at once when cancelled, one that cleans up for
1.234567 s first (no polling period lands on it), one already finished, and (in some checks)
a stubborn one that ignores cancellation for 10 s, or a faulty one whose cleanup raises an
error after 0.5 s. Checks: every task is cancelled; shutdown waits for the cleanups (cancel()
only asks); it returns as soon as all are done, and never after `grace` (a stubborn task must
not hold it up, a failing cleanup must not end the wait, grace=0 means at once); it returns
exactly the tasks still not done, as a list; an empty list is fine. Other shapes the contract
allows: a generator of tasks, and tasks that are all done already.

Docstring sentence -> the check that enforces it:

- "`tasks` is a list of `asyncio.Task`s (some may already be done)" -> shut_down (a finished
  task in every fleet), test_all_done_already
- "Cancel every task" -> check_waited
- "then wait for them to finish" -> check_waited
- "but never longer than `grace` seconds" -> test_stubborn_task_does_not_hold_up_shutdown,
  test_zero_grace_returns_at_once (grace=0: no minimum wait),
  test_a_fractional_grace_bounds_the_wait (grace=1.75 s: not rounded up to 2 s)
- "return as soon as all are done, or when `grace` has passed, whichever comes first" ->
  test_returns_as_soon_as_all_are_done (grace 5 s; grace 1.5 s, not whole seconds),
  test_stubborn_task_does_not_hold_up_shutdown, test_a_failing_cleanup_does_not_end_the_wait
  (one task's cleanup raises an error: the wait goes on for the others)
- "Return the list of tasks that are still not done (in any order; `[]` if all finished)" ->
  test_stubborn_task_does_not_hold_up_shutdown, test_returns_as_soon_as_all_are_done
- "handle 'no tasks' yourself" -> test_no_tasks
- `tasks` is any iterable (the signature) -> test_a_generator_of_tasks
- "If the caller cancels `shutdown` itself, it lets that CancelledError out at once." ->
  test_cancelling_shutdown_itself_propagates; that very CancelledError, its message included
  -> test_its_own_cancellation_comes_out_as_it_is
- "Return the list of tasks that are still not done" (of this call's `tasks`: a second call
  on the same loop returns only its own stragglers) -> test_each_call_returns_its_own_stragglers
- the same, two calls at once on one loop: each returns its own stragglers ->
  test_two_calls_at_once_return_their_own_stragglers
- "wait for them to finish, but never longer than `grace` seconds" (as long as grace, however
  long: a grace of 1e7 s, beyond an hour, a day or a week, is not capped) ->
  test_a_long_grace_is_kept; and a negative grace leaves no time at all (not "no limit") ->
  test_a_negative_grace_returns_at_once
"""

from __future__ import annotations

import asyncio
import math
import reprlib
from typing import Any

import kit
import pytest

TIDY = 1.234567  # the tidy task's cleanup, in loop seconds: no polling period lands on it
FAULTY = 0.5  # the faulty task's cleanup, in loop seconds, before it raises CleanupError


class CleanupError(OSError):
    """What the faulty task's cleanup raises."""


class Fleet:
    """The tasks to shut down, and when each one saw its (first) cancellation."""

    def __init__(self, stubborn: bool, faulty: bool = False) -> None:
        self.asked: dict[str, float] = {}
        self.failed_at: float | None = None  # when the faulty task's cleanup raised
        self.tasks: dict[str, asyncio.Task[Any]] = {
            "quick": asyncio.create_task(self.quick(), name="quick"),
            "tidy": asyncio.create_task(self.tidy(), name="tidy"),
            "finished": asyncio.create_task(asyncio.sleep(0, "done"), name="finished"),
        }
        if stubborn:
            self.tasks["stubborn"] = asyncio.create_task(self.stubborn(), name="stubborn")
        if faulty:
            self.tasks["faulty"] = asyncio.create_task(self.faulty(), name="faulty")

    async def quick(self) -> None:
        """Stops at once when cancelled."""
        try:
            await asyncio.sleep(1000)
        except asyncio.CancelledError:
            self.asked["quick"] = kit.now()
            raise

    async def tidy(self) -> None:
        """Cleans up for TIDY seconds when cancelled, then stops."""
        try:
            await asyncio.sleep(1000)
        except asyncio.CancelledError:
            self.asked["tidy"] = kit.now()
            await asyncio.sleep(TIDY)
            raise

    async def faulty(self) -> None:
        """Cleans up for FAULTY seconds when cancelled, then fails with CleanupError."""
        try:
            await asyncio.sleep(1000)
        except asyncio.CancelledError:
            self.asked["faulty"] = kit.now()
            await asyncio.sleep(FAULTY)
            self.failed_at = kit.now()
            raise CleanupError("cleanup failed") from None

    async def stubborn(self) -> None:
        """Ignores every cancellation for 10 s after the first one, then stops."""
        try:
            await asyncio.sleep(1000)
        except asyncio.CancelledError:
            self.asked["stubborn"] = kit.now()
            end = kit.now() + 10.0
            while kit.now() < end:
                try:
                    await asyncio.sleep(end - kit.now())
                except asyncio.CancelledError:
                    pass
            raise

    async def close(self) -> None:
        """Stop whatever is still running, so the grader leaves nothing behind."""
        rest = [t for t in self.tasks.values() if not t.done()]
        for task in rest:
            task.cancel()
        if rest:
            await asyncio.wait(rest)
        for task in self.tasks.values():  # the faulty task's error: seen, not left unretrieved
            if not task.cancelled():
                task.exception()


def shut_down(
    kata: kit.Kata, grace: float, stubborn: bool, generator: bool = False, faulty: bool = False
) -> dict[str, Any]:
    """Run shutdown(fleet, grace) and record what it returned, when, and the tasks' state."""
    shutdown = kata.get("shutdown", "coroutine")
    seen: dict[str, Any] = {}
    what = f"shutdown({'a generator of tasks' if generator else 'tasks'}, grace={grace:g})"

    async def scenario() -> None:
        fleet = Fleet(stubborn, faulty)
        await asyncio.sleep(0.5)  # everything is running (and "finished" is done)
        start = kit.now()
        try:
            tasks = list(fleet.tasks.values())
            try:
                seen["value"] = await shutdown((t for t in tasks) if generator else tasks, grace)
            except (TypeError, ValueError, AssertionError) as exc:
                if not generator:  # asyncio.wait on a spent generator, by Python version
                    raise
                seen["type_error"] = exc
        finally:
            seen["elapsed"] = round(kit.now() - start, 6)
            seen["not_done"] = {n for n, t in fleet.tasks.items() if not t.done()}
            seen["cancelled"] = {n for n, t in fleet.tasks.items() if t.cancelled()}
            # Cancel requested but not yet delivered: cancel() came just before the return.
            seen["requested"] = {
                n
                for n, t in fleet.tasks.items()
                if not t.done() and t.cancelling() and n not in fleet.asked
            }
            # Asked to stop: saw CancelledError, or has a cancel() request not yet delivered.
            seen["asked"] = set(fleet.asked) | {
                n for n, t in fleet.tasks.items() if t.cancelled() or t.cancelling()
            }
            seen["names"] = {t: n for n, t in fleet.tasks.items()}
            if fleet.failed_at is not None:
                seen["failed_after"] = round(fleet.failed_at - start, 6)
            await fleet.close()

    kata.run(scenario, what=what)
    seen["what"], seen["grace"] = what, grace
    if "type_error" in seen:
        exc = seen["type_error"]
        kit.fail(
            f"{what} raised {type(exc).__name__} ({exc}) at {kata.where(exc)}: tasks may be any "
            "iterable, here a generator, which can be walked only once (and asyncio.wait wants "
            "a collection). Make a list of it first (`tasks = list(tasks)`) and use that list."
        )
    return seen


def check_waited(seen: dict[str, Any]) -> None:
    """The shared checks: every task asked to stop, and the cleanups awaited."""
    what = seen["what"]
    never = sorted({"quick", "tidy"} - seen["asked"])
    kit.expect(
        not never,
        f"{what}: the task(s) {never} were never cancelled: call `task.cancel()` on every "
        "task, then wait for them.",
    )
    late = sorted({"quick", "tidy"} & seen["requested"])
    if late and seen["elapsed"] > 0:
        kit.fail(
            f"{what} cancelled {late} only at the end, after waiting {seen['elapsed']:g} s, and "
            "returned before they could stop: cancel every task first, then wait for them."
        )
    unfinished = sorted({"quick", "tidy"} & seen["not_done"])
    elapsed, grace = seen["elapsed"], seen["grace"]
    if unfinished and abs(elapsed - seen.get("failed_after", -1.0)) < 1e-6:
        kit.fail(
            f"{what} returned after {elapsed:g} s, as soon as the task whose cleanup raised "
            f"CleanupError ended, while {unfinished} were still finishing their cancellation: "
            "one task's error must not end the wait (no return_when=FIRST_EXCEPTION); wait "
            "until all are done or grace has passed."
        )
    if unfinished and 0 < elapsed < grace - 1e-6:
        whole = elapsed == int(grace)
        kit.fail(
            f"{what} returned after {elapsed:g} s, before the grace period ({grace:g} s) had "
            f"passed, while {unfinished} were still finishing their cancellation: wait until "
            "all are done or the whole grace has passed"
            + (
                " (it waited only the whole seconds of grace: count its fraction too)."
                if whole
                else "."
            )
        )
    kit.expect(
        "tidy" not in seen["not_done"] and "quick" not in seen["not_done"],
        f"{what} returned after {seen['elapsed']:g} s while tasks were still finishing their "
        f"cancellation ({sorted(seen['not_done'])}): cancel() only asks; wait for the tasks to "
        "finish, e.g. `await asyncio.wait(tasks, timeout=grace)`.",
    )
    kit.expect(
        {"quick", "tidy"} <= seen["cancelled"],
        f"{what}: the tasks did not end cancelled; cancel them with task.cancel().",
    )


def returned_names(seen: dict[str, Any]) -> set[str]:
    """The fleet names of the tasks shutdown returned (a list, as the docstring says)."""
    value = seen["value"]
    if not isinstance(value, list):
        names = seen["names"]
        shown = (
            [names.get(x, type(x).__name__) for x in value]
            if isinstance(value, set | tuple | frozenset)
            else repr(value)
        )
        kit.fail(
            f"{seen['what']} returned a {type(value).__name__} ({shown}); expected a list of "
            "the tasks not done (`[]` if all finished): asyncio.wait gives sets, so make a "
            "list of its `pending` (`list(pending)`)."
        )
    items = list(value)
    names = seen["names"]
    unknown = [x for x in items if x not in names]
    kit.expect(
        not unknown,
        f"{seen['what']} returned {unknown!r}, which are not tasks it was given: return the "
        "Task objects themselves that are still not done.",
    )
    return {names[x] for x in items}


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """shutdown is an async def."""
    kata.get("shutdown", "coroutine")


def test_stubborn_task_does_not_hold_up_shutdown(kata: kit.Kata) -> None:
    """A task ignoring cancellation for 10 s: shutdown returns [it] after exactly grace=2 s."""
    seen = shut_down(kata, 2.0, stubborn=True)
    what = seen["what"]
    if 2.0 + 1e-6 < seen["elapsed"] < 10.0 - 1e-6:  # bounded, yet not by grace: no gather
        kit.fail(
            f"{what} took {seen['elapsed']:g} s of loop time; grace is 2 s, the most it may "
            f"wait: the wait was bounded, but went {seen['elapsed'] - 2.0:g} s past grace. "
            "Bound it by grace itself, nothing added (`asyncio.wait(tasks, timeout=grace)`)."
        )
    kit.expect(
        seen["elapsed"] <= 2.0 + 1e-6,
        f"{what} took {seen['elapsed']:g} s of loop time; grace is 2 s. A task that ignores "
        "cancellation must not hold up the shutdown: bound the wait with `asyncio.wait(tasks, "
        "timeout=grace)` (gather waits without limit, and wait_for also waits for the "
        "cancelled gather to finish).",
    )
    check_waited(seen)
    kit.expect(
        abs(seen["elapsed"] - 2.0) < 1e-6,
        f"{what} returned after {seen['elapsed']:g} s; the stubborn task was still running, so "
        "it should wait the whole grace period (2 s).",
    )
    kit.expect_equal(
        sorted(returned_names(seen)),
        ["stubborn"],
        f"the tasks {what} returned",
        "Return exactly the tasks still not done when the grace period ends.",
    )


@pytest.mark.parametrize("grace", [5.0, 1.5], ids=["grace_5", "grace_1.5"])
def test_returns_as_soon_as_all_are_done(kata: kit.Kata, grace: float) -> None:
    """No stubborn task: [] after TIDY s (the slowest cleanup), not after the whole grace;
    also with a grace that is no whole number of seconds."""
    check_all_done(shut_down(kata, grace, stubborn=False))


def check_all_done(seen: dict[str, Any]) -> None:
    """Every task stopped in time: shutdown returned [] after TIDY s, when the last was done."""
    what = seen["what"]
    check_waited(seen)
    kit.expect(
        abs(seen["elapsed"] - TIDY) < 1e-6,
        f"{what} returned after {seen['elapsed']:g} s; every task was done after {TIDY:g} s, so "
        "it should return then: "
        + (
            "grace is the most to wait, not a fixed sleep."
            if abs(seen["elapsed"] - seen["grace"]) < 1e-6
            else "it noticed late that all were done (checking now and then misses the moment)."
        )
        + " Return as soon as all are done (`asyncio.wait(tasks, timeout=grace)` does).",
    )
    kit.expect_equal(
        sorted(returned_names(seen)),
        [],
        f"the tasks {what} returned",
        "All tasks finished in time: return an empty list.",
    )


def test_no_tasks(kata: kit.Kata) -> None:
    """No tasks: [] at once."""
    shutdown = kata.get("shutdown", "coroutine")
    result = kata.run(lambda: shutdown([], 2.0), what="shutdown([], grace=2)")
    kit.expect(
        result.value is not None and list(result.value) == [],
        f"shutdown([], grace=2) returned {result.value!r}; expected [].",
    )
    kit.expect_loop_time(result, 0.0, "shutdown([], grace=2)", slower="Nothing to wait for.")


def test_a_generator_of_tasks(kata: kit.Kata) -> None:
    """Tasks given as a generator: the same shutdown as with a list, [] after TIDY s."""
    seen = shut_down(kata, 5.0, stubborn=False, generator=True)
    stopped = {"quick", "tidy"} <= seen["asked"] and not ({"quick", "tidy"} & seen["not_done"])
    value = seen["value"]
    if not stopped or not isinstance(value, list | tuple | set) or list(value):
        kit.fail(
            f"{seen['what']} returned {value!r} after {seen['elapsed']:g} s, with "
            f"{sorted({'quick', 'tidy'} & seen['not_done']) or 'no task'} still running; given "
            "a list, the same shutdown worked. tasks may be any iterable, here a generator, "
            "which can be walked only once: make a list of it first (`tasks = list(tasks)`)."
        )


def test_all_done_already(kata: kit.Kata) -> None:
    """Every task finished before the shutdown: [] at once."""
    shutdown = kata.get("shutdown", "coroutine")

    async def scenario() -> tuple[Any, float]:
        tasks = [asyncio.create_task(asyncio.sleep(0.5 * n, n)) for n in range(3)]
        await asyncio.sleep(2.0)
        start = kit.now()
        value = await shutdown(tasks, 5.0)
        return value, kit.now() - start

    what = "shutdown(3 finished tasks, grace=5)"
    result = kata.run(scenario, what=what)
    value, took = result.value or (None, -1.0)
    kit.expect(
        value is not None and list(value) == [] and took == 0.0,
        f"{what} returned {value!r} after {took:g} s; expected [] at once: nothing is left "
        "to wait for.",
    )


def test_cancelling_shutdown_itself_propagates(kata: kit.Kata) -> None:
    """The caller cancels shutdown while it waits: shutdown ends cancelled, at once."""
    shutdown = kata.get("shutdown", "coroutine")
    what = "shutdown(tasks, grace=5) whose own task is cancelled 1 s into the wait"

    async def scenario() -> tuple[bool, float, Any]:
        fleet = Fleet(stubborn=True)
        await asyncio.sleep(0.5)
        start = kit.now()
        try:
            task = asyncio.create_task(shutdown(list(fleet.tasks.values()), 5.0))
            await asyncio.sleep(1.0)
            task.cancel()
            await asyncio.wait([task])
            took = round(kit.now() - start, 6)
            if task.cancelled():
                return True, took, None
            error = task.exception()
            if error is not None:
                return False, took, error
            value, names = task.result(), {t: n for n, t in fleet.tasks.items()}
            if isinstance(value, list | set | tuple):  # name the tasks, not their long reprs
                return False, took, [names.get(t, t) for t in value]
            return False, took, value
        finally:
            await fleet.close()

    result = kata.run(scenario, what=what)
    cancelled, took, outcome = result.value or (False, 0.0, None)
    shown = f"raised {outcome!r}" if isinstance(outcome, BaseException) else f"returned {outcome!r}"
    kit.expect(
        cancelled,
        f"{what} {shown} after {took:g} s instead of raising CancelledError: shutdown must let "
        "its own cancellation out. Do not catch CancelledError around the wait without "
        "re-raising it (asyncio.wait never raises a task's CancelledError).",
    )
    kit.expect(
        took == 1.0,
        f"{what} raised CancelledError only {took:g} s after it was called; expected at once, "
        "after 1 s.",
    )


def test_zero_grace_returns_at_once(kata: kit.Kata) -> None:
    """grace=0: every task is cancelled and shutdown returns at once, with the tasks not done."""
    seen = shut_down(kata, 0.0, stubborn=True)
    what = seen["what"]
    kit.expect(
        seen["elapsed"] == 0.0,
        f"{what} took {seen['elapsed']:g} s of loop time; grace is 0 s, the most it may wait: "
        "return at once with the tasks not done (no minimum wait of your own).",
    )
    never = sorted({"quick", "tidy", "stubborn"} - seen["asked"])
    kit.expect(
        not never,
        f"{what}: the task(s) {never} were never cancelled: call `task.cancel()` on every "
        "task, even when there is no time to wait for them.",
    )
    kit.expect_equal(
        sorted(returned_names(seen)),
        sorted(seen["not_done"]),
        f"the tasks {what} returned",
        "Return exactly the tasks still not done when it returns.",
    )


def test_a_failing_cleanup_does_not_end_the_wait(kata: kit.Kata) -> None:
    """A task whose cleanup raises an error after FAULTY s: shutdown still waits for the
    others, and returns [] after TIDY s."""
    check_all_done(shut_down(kata, 5.0, stubborn=False, faulty=True))


def test_its_own_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """The caller cancels shutdown while it waits, with task.cancel("stop now"): the caller
    gets that very CancelledError, its message included."""
    shutdown = kata.get("shutdown", "coroutine")
    what = (
        "shutdown(tasks, grace=5) whose own task is cancelled 1 s into the wait with "
        'task.cancel("stop now")'
    )

    async def scenario() -> tuple[Any, ...] | None:
        fleet = Fleet(stubborn=True)
        await asyncio.sleep(0.5)
        try:
            task = asyncio.create_task(shutdown(list(fleet.tasks.values()), 5.0))
            await asyncio.sleep(1.0)
            return await kit.cancelled_args(task, "stop now")
        finally:
            await fleet.close()

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(result.value, "stop now", what)


def test_each_call_returns_its_own_stragglers(kata: kit.Kata) -> None:
    """shutdown([a task ignoring cancellation for 10 s], grace=1), then shutdown([a task that
    stops at once], grace=5) on the same loop: the second call returns [] (the first call's
    straggler is not one of its tasks)."""
    shutdown = kata.get("shutdown", "coroutine")

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await asyncio.sleep(10.0)
            raise

    async def scenario() -> Any:
        stub = asyncio.create_task(stubborn(), name="stubborn")
        quick = asyncio.create_task(asyncio.sleep(3600), name="quick")
        await asyncio.sleep(0.5)
        await shutdown([stub], 1.0)
        second = await shutdown([quick], 5.0)
        await asyncio.wait([stub])
        return [t.get_name() if isinstance(t, asyncio.Task) else repr(t) for t in second]

    what = "shutdown([a stubborn task], grace=1), then shutdown([a quick task], grace=5)"
    result = kata.run(scenario, what=what)
    kit.expect_equal(
        result.value,
        [],
        f"the names of the tasks the second call of {what} returned",
        "Each call returns its own stragglers only: make the list inside shutdown, afresh for "
        "each call, not once at module level.",
    )


def test_two_calls_at_once_return_their_own_stragglers(kata: kit.Kata) -> None:
    """shutdown([a task ignoring cancellation for 10 s], grace=1) and shutdown([another such
    task], grace=2) at once on one loop: each returns [its own task]."""
    shutdown = kata.get("shutdown", "coroutine")

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await asyncio.sleep(10.0)
            raise

    def names(tasks: Any) -> list[str]:
        return [t.get_name() if isinstance(t, asyncio.Task) else repr(t) for t in tasks or []]

    async def scenario() -> Any:
        one = asyncio.create_task(stubborn(), name="one")
        two = asyncio.create_task(stubborn(), name="two")
        await asyncio.sleep(0.5)
        first, second = await asyncio.gather(shutdown([one], 1.0), shutdown([two], 2.0))
        await asyncio.wait([one, two])
        return [names(first), names(second)]

    what = (
        "shutdown([stubborn task one], grace=1) and shutdown([stubborn task two], grace=2) at once"
    )
    result = kata.run(scenario, what=what)
    value = list(result.value or [None, None])
    hint = (
        "Each call returns its own stragglers only: keep them inside shutdown, afresh for "
        "each call, not in a list at module level (not even one cleared at the start of each "
        "call)."
    )
    kit.expect_equal(
        value[0], ["one"], f"the names of the tasks the first call of {what} returned", hint
    )
    kit.expect_equal(
        value[1], ["two"], f"the names of the tasks the second call of {what} returned", hint
    )


def test_a_fractional_grace_bounds_the_wait(kata: kit.Kata) -> None:
    """A task ignoring cancellation for 10 s and grace=1.75 s (no whole number of seconds):
    shutdown returns [it] after exactly 1.75 s, not after 2 s."""
    grace = 1.75
    seen = shut_down(kata, grace, stubborn=True)
    what, elapsed = seen["what"], seen["elapsed"]
    if elapsed > grace + 1e-6:
        rounded = abs(elapsed - round(grace)) < 1e-6 or abs(elapsed - math.ceil(grace)) < 1e-6
        kit.fail(
            f"{what} took {elapsed:g} s of loop time; grace is {grace:g} s, the most it may "
            "wait, fraction included"
            + (
                ": the wait was rounded up to whole seconds. Pass grace on as it is "
                "(`asyncio.wait(tasks, timeout=grace)`)."
                if rounded
                else ". Bound the wait by grace itself (`asyncio.wait(tasks, timeout=grace)`)."
            )
        )
    check_waited(seen)
    kit.expect(
        abs(elapsed - grace) < 1e-6,
        f"{what} returned after {elapsed:g} s; the stubborn task was still running, so it "
        f"should wait the whole grace period ({grace:g} s).",
    )
    kit.expect_equal(
        sorted(returned_names(seen)),
        ["stubborn"],
        f"the tasks {what} returned",
        "Return exactly the tasks still not done when the grace period ends.",
    )


LONG = 1e7  # about 116 days: beyond any "generous" cap (an hour, a day, a week)


def test_a_long_grace_is_kept(kata: kit.Kata) -> None:
    """A task that cleans up for 3e6 s when cancelled, grace=1e7 s: shutdown waits for it
    and returns [] after 3e6 s (no cap of the code's own on grace)."""
    shutdown = kata.get("shutdown", "coroutine")
    cleanup = 3e6
    what = f"shutdown([a task that cleans up for {cleanup:g} s when cancelled], grace={LONG:g})"
    seen: dict[str, Any] = {}

    async def slow() -> None:
        try:
            await asyncio.sleep(10 * LONG)
        except asyncio.CancelledError:
            await asyncio.sleep(cleanup)
            raise

    async def scenario() -> None:
        task = asyncio.create_task(slow())
        await asyncio.sleep(0.5)
        start = kit.now()
        try:
            seen["value"] = value = await shutdown([task], LONG)
            seen["shown"] = (
                "[the task]" if value == [task] else "[]" if value == [] else reprlib.repr(value)
            )
        finally:
            seen["elapsed"] = round(kit.now() - start, 6)
            seen["done"] = task.done()
            if not task.done():
                task.cancel()
                await asyncio.wait([task])

    kata.run(scenario, what=what, limit=2 * LONG)
    kit.expect(
        seen["done"],
        f"{what} returned {seen['shown']} after {seen['elapsed']:g} s of loop time, long "
        f"before its grace of {LONG:g} s had passed, while the task was still finishing its "
        "cancellation: grace is the caller's, however long; pass it on as it is, with no cap of "
        "your own (`asyncio.wait(tasks, timeout=grace)`).",
    )
    kit.expect(
        seen["value"] == [] and abs(seen["elapsed"] - cleanup) < 1e-6,
        f"{what} returned {seen['shown']} after {seen['elapsed']:g} s of loop time; expected "
        f"[] after {cleanup:g} s, as soon as the task had finished.",
    )


def test_a_negative_grace_returns_at_once(kata: kit.Kata) -> None:
    """grace=-1: as with grace=0, every task is cancelled and shutdown returns at once, with
    the tasks not done (a negative grace is no time at all, not "no limit")."""
    seen = shut_down(kata, -1.0, stubborn=True)
    what = seen["what"]
    kit.expect(
        seen["elapsed"] == 0.0,
        f"{what} took {seen['elapsed']:g} s of loop time; a negative grace leaves no time to "
        "wait at all (it does not mean no limit): return at once with the tasks not done. "
        "Pass grace on as it is (`asyncio.wait(tasks, timeout=grace)`).",
    )
    kit.expect_equal(
        sorted(returned_names(seen)),
        sorted(seen["not_done"]),
        f"the tasks {what} returned",
        "Return exactly the tasks still not done when it returns.",
    )
