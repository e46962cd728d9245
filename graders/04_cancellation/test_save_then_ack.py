"""Grader for 04_cancellation/save_then_ack: shield the save from the caller's cancellation.

Checks: normally ack() starts only after save() has finished; a caller cancelled at 0.5 s
(save takes 1 s) ends with CancelledError, the save is not cancelled and completes at 1.0 s,
and ack() is never called; a failing save propagates its error and is not acknowledged.
A save that waits on a future nobody else holds survives a garbage collection after its
caller was cancelled only if save_then_ack kept a reference to the shielded task.

Docstring sentence -> the check that enforces it:

- "Run `await save()`, and once the save has finished, `await ack()`." -> test_ack_after_save
- "however long it takes (put no time limit of your own on it)" ->
  test_slow_save_is_waited_for (a save of 1e7 s, beyond an hour, a day or a week)
- "It returns nothing." -> test_ack_after_save
- "once the save has finished, `await ack()`" (whatever the save returned: None, 0, "") ->
  test_any_save_result_is_acked
- "the caller gets its `CancelledError` at once" -> test_cancelled_caller_does_not_cut_the_save;
  its own CancelledError, message included, not a new one ->
  test_the_callers_cancellation_comes_out_as_it_is
- "the save carries on in the background to its end" ->
  test_cancelled_caller_does_not_cut_the_save (a 1 s save, and a 1e7 s one: no time limit
  on an orphaned save either)
- "and `ack()` is never called" -> test_cancelled_caller_does_not_cut_the_save,
  test_caller_cancelled_as_the_save_ends (the caller cancelled in the save's last step: the
  save is done when the caller wakes up, and still no ack)
- "If `save()` fails, its error propagates at once (no retry) and `ack()` is not called." ->
  test_failed_save_is_not_acked, test_a_transient_looking_failure_is_not_retried (a
  ConnectionResetError or TimeoutError is no reason to save again)
- "Keep a reference to each shielded task somewhere" ->
  test_shielded_save_survives_garbage_collection (the grader lets go of the cancelled caller
  first: its CancelledError's traceback would keep save_then_ack's locals alive),
  test_two_cancelled_callers_keep_both_saves (one variable keeps only the last save; the
  same save callable twice: a dict keyed by the save keeps only one)
- "drop it once its save is done" -> test_finished_saves_are_let_go (acked, caller
  cancelled, failed, and a cancelled caller with no call after it: not pruned at a later call)
"""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Callable, Coroutine
from typing import Any

import kit
import pytest


def probes() -> tuple[kit.Probe, kit.Probe]:
    """save() takes 1 s, ack() 0.25 s."""
    return kit.Probe(delay=1.0, result=lambda: "saved"), kit.Probe(delay=0.25)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """save_then_ack is an async def."""
    kata.get("save_then_ack", "coroutine")


def test_ack_after_save(kata: kit.Kata) -> None:
    """Not cancelled: save from 0 to 1 s, then ack from 1 s to 1.25 s."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = probes()
    what = "save_then_ack(save, ack) with a 1 s save and a 0.25 s ack"
    result = kata.run(lambda: save_then_ack(save, ack), what=what)
    kit.expect_equal(len(save.calls), 1, "the number of save() calls", "Call save() once.")
    kit.expect_equal(len(ack.calls), 1, "the number of ack() calls", "Call ack() once.")
    kit.expect(
        ack.calls[0].started >= 1.0,
        f"{what}: ack() started at {ack.calls[0].started:g} s, before the save finished (1 s): "
        "await the save first, then ack().",
    )
    kit.expect_loop_time(result, 1.25, what, faster="Did you await ack()?")
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}; it returns nothing (None).",
    )


SLOW_SAVE = 1e7  # about 116 days: beyond any "generous" time limit (an hour, a day, a week)


@pytest.mark.parametrize("delay", [1.0, SLOW_SAVE], ids=["1s", "slow"])
def test_cancelled_caller_does_not_cut_the_save(kata: kit.Kata, delay: float) -> None:
    """Caller cancelled at 0.5 s: CancelledError, the save completes at its end (1 s, and
    1e7 s: no time limit on an orphaned save either), no ack."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = kit.Probe(delay=delay, result=lambda: "saved"), kit.Probe(delay=0.25)
    what = f"save_then_ack(save, ack) whose caller is cancelled at 0.5 s (save takes {delay:g} s)"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(save_then_ack(save, ack))
        await asyncio.sleep(0.5)
        task.cancel()
        await asyncio.wait([task])
        seen["ended"] = kit.now()
        seen["cancelled"] = task.cancelled()
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        # Give a save running in the background (and any stray ack) time to finish.
        await asyncio.sleep(delay + 4.5)

    kata.run(scenario, what=what, limit=max(3600.0, 2 * delay))
    kit.expect_equal(len(save.calls), 1, "the number of save() calls", "Call save() once.")
    ended = save.calls[0].ended or 0.0
    kit.expect(
        not save.cancelled or ended > 0.5,
        f"{what}: the save was cancelled at {ended:g} s, half done. Wrap it in "
        "`asyncio.shield(...)` so the caller's cancellation does not reach it.",
    )
    kit.expect(
        not save.cancelled,
        f"{what}: the save was cancelled at {ended:g} s, {ended - 0.5:g} s after its caller "
        "was cancelled, half done: an orphaned save runs on to its end however long it takes "
        "(put no time limit of your own on it, not even once its caller is gone).",
    )
    kit.expect(
        save.calls[0].ended == delay,
        f"{what}: the save ended at {save.calls[0].ended:g} s; it should run on to {delay:g} s.",
    )
    kit.expect(
        not ack.calls,
        f"{what}: ack() was called at {ack.calls[0].started if ack.calls else 0:g} s although "
        "the caller was cancelled: only ack after a save that finished while the caller was "
        "still there (no ack in `finally:` or in `except CancelledError:`).",
    )
    kit.expect(
        seen["cancelled"],
        f"{what}: the caller did not end with CancelledError: after shielding the save, let "
        "the cancellation propagate (do not catch CancelledError and return).",
    )
    kit.expect(
        seen["ended"] == 0.5,
        f"{what}: the caller only got its CancelledError at {seen['ended']:g} s; it must get "
        "it at once (0.5 s), while the save carries on in the background. Do not wait for "
        "the save before re-raising: `await asyncio.shield(...)` raises at once.",
    )


def test_failed_save_is_not_acked(kata: kit.Kata) -> None:
    """save() raises OSError: the error propagates and ack() is not called."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    boom = OSError("disk full")
    save = kit.Probe(delay=1.0, errors={None: boom})
    ack = kit.Probe(delay=0.25)
    what = "save_then_ack(save, ack) where save() raises OSError after 1 s"
    result = kata.run(lambda: save_then_ack(lambda: save(None), ack), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        not ack.calls,
        f"{what}: ack() was called although the save failed: only ack a finished save.",
    )
    kit.expect(
        len(save.calls) == 1,
        f"{what}: save() was called {len(save.calls)} times; call it once, and when it "
        "fails let its error out at once (no retry).",
    )
    kit.expect(
        result.error is boom,
        f"{what}: "
        + (
            "the call returned normally; let the save's error propagate."
            if result.error is None
            else f"the caller got {type(result.error).__name__} instead of the save's OSError."
        ),
    )


class FragileSave:
    """A save that waits on a future nobody else holds: only its task keeps it alive."""

    def __init__(self) -> None:
        self.finished: float | None = None
        self.ends: list[float] = []  # one per call, when the same save is passed twice

    async def __call__(self) -> str:
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.call_later(1.0, _wake, weakref.ref(done))
        await done
        self.finished = kit.now()
        self.ends.append(self.finished)
        return "saved"


def _wake(ref: weakref.ReferenceType[asyncio.Future[None]]) -> None:
    future = ref()
    if future is not None and not future.done():
        future.set_result(None)


async def cancel_at_half_a_second(call: Coroutine[Any, Any, Any]) -> None:
    """Run ``call`` as a task, cancel it at 0.5 s, wait for it to end, and let go of it."""
    task = asyncio.create_task(call)
    await asyncio.sleep(0.5)
    task.cancel()
    await asyncio.wait([task])
    if not task.cancelled() and task.exception() is not None:
        raise task.exception()  # type: ignore[misc]


def test_shielded_save_survives_garbage_collection(kata: kit.Kata) -> None:
    """Caller cancelled at 0.5 s, garbage collected at 0.6 s: the save still ends at 1 s."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = FragileSave(), kit.Probe(delay=0.25)
    what = (
        "save_then_ack(save, ack) whose caller is cancelled at 0.5 s, with a garbage "
        "collection at 0.6 s (save takes 1 s)"
    )

    async def scenario() -> None:
        await cancel_at_half_a_second(save_then_ack(save, ack))
        # The cancelled caller and its CancelledError are gone now (the traceback would
        # hold save_then_ack's locals): only what save_then_ack kept holds the save.
        await asyncio.sleep(0.1)
        gc.collect()
        await asyncio.sleep(2.0)

    result = kata.run(scenario, what=what, loop_errors=True)
    destroyed = any(
        "destroyed but it is pending" in str(c.get("message")) for c in result.loop_errors
    )
    kit.expect(
        save.finished == 1.0 and not destroyed,
        f"{what}: the save never finished, its task was garbage-collected half-way (asyncio: "
        "'Task was destroyed but it is pending!'). The loop keeps only weak references to "
        "tasks: keep the shielded task in a module-level set until it is done "
        "(`task.add_done_callback(the_set.discard)`); a local variable or a WeakSet does not "
        "keep it alive once the caller is gone.",
    )


@pytest.mark.parametrize("same", [False, True], ids=["two_saves", "same_save"])
def test_two_cancelled_callers_keep_both_saves(kata: kit.Kata, same: bool) -> None:
    """Two callers at once, both cancelled at 0.5 s, a garbage collection at 0.6 s: both
    saves still end at 1 s (one variable holding "the" save keeps only the last one), also
    when both calls get the same save callable (a dict keyed by the save keeps only one)."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    first = FragileSave()
    saves, ack = (first, first if same else FragileSave()), kit.Probe(delay=0.25)
    what = (
        "two save_then_ack(save, ack) calls at once"
        + (" with the same save callable" if same else "")
        + ", both callers cancelled at 0.5 s, with a garbage collection at 0.6 s (each save "
        "takes 1 s)"
    )

    async def scenario() -> None:
        await asyncio.gather(*(cancel_at_half_a_second(save_then_ack(s, ack)) for s in saves))
        await asyncio.sleep(0.1)
        gc.collect()
        await asyncio.sleep(2.0)

    result = kata.run(scenario, what=what, loop_errors=True)
    if same:
        finished: list[float | None] = [*first.ends, None, None][:2]
    else:
        finished = [save.finished for save in saves]
    kit.expect(
        finished == [1.0, 1.0],
        f"{what}: the saves finished at {finished} (None: never); both should end at 1 s. A "
        "save whose caller is gone is kept alive only by your reference to it, and each call "
        + (
            "needs its own, even when two calls share the same save callable: a dict keyed by "
            "the save (or its id) keeps only the last one, so keep every pending task in a set "
            "(`the_set.add(task)`)."
            if same
            else "needs its own: a single variable keeps only the last save, so keep every "
            "pending save in a set (`the_set.add(task)`)."
        ),
    )
    kit.expect(
        not result.loop_errors,
        f"{what}: asyncio reported {result.loop_errors[0].get('message')!r}."
        if result.loop_errors
        else "",
    )


class Receipt:
    """What a save returns: a fresh object, so the grader can tell whether it is still held."""


class DiskFullError(OSError):
    """A save's error (unlike OSError itself, it can be weakly referenced)."""


def test_finished_saves_are_let_go(kata: kit.Kata) -> None:
    """Once a save is done (acked, cancelled caller, or failed), nothing keeps its task."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    ack = kit.Probe(delay=0.25)
    held: list[tuple[str, weakref.ReferenceType[Any]]] = []

    def save(how: str) -> Callable[[], Coroutine[Any, Any, Receipt]]:
        async def run() -> Receipt:
            await asyncio.sleep(1.0)
            if how == "failed":
                error = DiskFullError("disk full")
                held.append((how, weakref.ref(error)))
                raise error
            receipt = Receipt()
            held.append((how, weakref.ref(receipt)))
            return receipt

        return run

    async def scenario() -> None:
        await save_then_ack(save("acked"), ack)
        await cancel_at_half_a_second(save_then_ack(save("cancelled"), ack))
        await asyncio.sleep(1.0)  # that save ends in the background
        try:
            await save_then_ack(save("failed"), ack)
        except DiskFullError:
            pass
        # No call after this one: nothing but the save's own end may let its task go.
        await cancel_at_half_a_second(save_then_ack(save("cancelled last"), ack))
        await asyncio.sleep(1.0)

    what = (
        "save_then_ack called four times (a save that is acked, one whose caller is "
        "cancelled at 0.5 s, one that fails, and one more whose caller is cancelled)"
    )
    kata.run(scenario, what=what)
    gc.collect()
    kept = [how for how, ref in held if ref() is not None]
    kit.expect(
        kept != ["cancelled last"],
        f"{what}: after every save had finished, your code still held the task of the last "
        "save, whose caller was cancelled, while the earlier ones were let go: it drops a "
        "finished task only when a later call came. Drop each task as soon as its save is "
        "done: `task.add_done_callback(the_set.discard)`.",
    )
    kit.expect(
        not kept,
        f"{what}: after every save had finished, your code still held the task of the save "
        f"that was {', the one that was '.join(kept)}: what you keep of pending saves only "
        "grows. Drop each task once it is done: `task.add_done_callback(the_set.discard)`.",
    )


def test_slow_save_is_waited_for(kata: kit.Kata) -> None:
    """A save that takes 1e7 s is still awaited to its end, then acked."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = kit.Probe(delay=SLOW_SAVE, result=lambda: "saved"), kit.Probe(delay=0.25)
    what = f"save_then_ack(save, ack) with a save that takes {SLOW_SAVE:g} s (116 days)"
    result = kata.run(
        lambda: save_then_ack(save, ack), what=what, limit=2 * SLOW_SAVE, raises=Exception
    )
    kit.expect(
        result.error is None and len(ack.calls) == 1,
        f"{what}: "
        + (
            f"the call raised {type(result.error).__name__} and never acked"
            if result.error is not None
            else f"ack() was called {len(ack.calls)} times"
        )
        + ": wait for the save however long it takes (put no time limit of your own on it), "
        "then ack once.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_the_callers_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """Caller cancelled at 0.5 s with task.cancel("user gave up"): the caller gets that very
    CancelledError, its message included (and the save still ends at 1 s)."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = probes()
    what = (
        "save_then_ack(save, ack) whose caller is cancelled at 0.5 s with "
        'task.cancel("user gave up") (save takes 1 s)'
    )

    async def scenario() -> tuple[Any, ...] | None:
        task = asyncio.create_task(save_then_ack(save, ack))
        await asyncio.sleep(0.5)
        args = await kit.cancelled_args(task, "user gave up")
        await asyncio.sleep(1.5)  # the save ends in the background
        return args

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(result.value, "user gave up", what)


@pytest.mark.parametrize("saved", [None, 0, ""], ids=["None", "zero", "blank"])
def test_any_save_result_is_acked(kata: kit.Kata, saved: Any) -> None:
    """A save that returns None (as most saves do), 0 or "": it finished, so it is acked."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    save, ack = kit.Probe(delay=1.0, result=lambda: saved), kit.Probe(delay=0.25)
    what = f"save_then_ack(save, ack) with a 1 s save that returns {saved!r}"
    kata.run(lambda: save_then_ack(save, ack), what=what)
    kit.expect(
        len(ack.calls) == 1,
        f"{what}: ack() was called {len(ack.calls)} times; the save finished, so ack once. "
        "What save() returns does not tell whether it finished (it may return "
        f"{saved!r}): ack after `await` of the save has returned, not after testing its "
        "result.",
    )


@pytest.mark.parametrize(
    "error", [ConnectionResetError, TimeoutError], ids=["ConnectionResetError", "TimeoutError"]
)
def test_a_transient_looking_failure_is_not_retried(kata: kit.Kata, error: type[Exception]) -> None:
    """save() raises ConnectionResetError, or TimeoutError, after 1 s: errors that look
    transient propagate at once too (no retry), and ack() is not called."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    boom = error("the save failed")
    save = kit.Probe(delay=1.0, errors={None: boom})
    ack = kit.Probe(delay=0.25)
    name = error.__name__
    what = f"save_then_ack(save, ack) where save() raises {name} after 1 s"
    result = kata.run(lambda: save_then_ack(lambda: save(None), ack), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        len(save.calls) == 1,
        f"{what}: save() was called {len(save.calls)} times; call it once, and when it fails, "
        f"whatever the error (a dropped connection or a timeout too), let its error out at "
        "once (no retry).",
    )
    kit.expect(
        not ack.calls,
        f"{what}: ack() was called although the save failed: only ack a finished save.",
    )
    kit.expect(
        result.error is boom,
        f"{what}: "
        + (
            "the call returned normally; let the save's error propagate."
            if result.error is None
            else f"the caller got {result.error!r} instead of the save's {name}."
        ),
    )


def test_caller_cancelled_as_the_save_ends(kata: kit.Kata) -> None:
    """The save cancels the caller in its very last step, then returns: the caller was
    cancelled while the save ran, so it ends with CancelledError at once (1 s) and ack() is
    never called, although the save has finished by the time the caller wakes up."""
    save_then_ack = kata.get("save_then_ack", "coroutine")
    ack = kit.Probe(delay=0.25)
    caller: list[asyncio.Task[Any]] = []

    async def save() -> str:
        await asyncio.sleep(1.0)
        caller[0].cancel()  # the caller is cancelled while the save still runs...
        return "saved"  # ...and the save ends in the same step

    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(save_then_ack(save, ack))
        caller.append(task)
        await asyncio.wait([task])
        seen["ended"] = kit.now()
        seen["cancelled"] = task.cancelled()
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        await asyncio.sleep(1.0)

    what = "save_then_ack(save, ack) whose caller is cancelled in the save's last step (at 1 s)"
    kata.run(scenario, what=what)
    kit.expect(
        not ack.calls,
        f"{what}: ack() was called at {ack.calls[0].started if ack.calls else 0:g} s although "
        "the caller was cancelled while the save ran: the save being done by the time the "
        "caller wakes up does not make the caller any less cancelled. Ack only after "
        "`await asyncio.shield(...)` returned normally (no ack in `finally:` or in "
        "`except CancelledError:`, even when the save is done).",
    )
    kit.expect(
        seen["cancelled"] and seen["ended"] == 1.0,
        f"{what}: the caller ended at {seen['ended']:g} s "
        + ("with CancelledError" if seen["cancelled"] else "without CancelledError")
        + "; it must get its CancelledError at once, at 1 s.",
    )
