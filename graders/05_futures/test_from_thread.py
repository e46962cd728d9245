"""Grader for 05_futures/from_thread: a result handed over from an OS thread.

The grader's jobs are real threads that call the callback after a short real delay, while
the loop (real clock) sleeps in select(). Each job watches whether its result reaches the
coroutine: set_result or call_soon straight from the thread queue work but do not wake the
loop, so the result never arrives; the job then rings the loop itself (thread-safely) and
the grader names the mistake instead of hanging. (asyncio's debug mode is not used: its
"Non-thread-safe operation" error strikes inside set_result after the future is already
done, which leaves the awaiting task stuck for good.)

Docstring sentence -> the check that enforces it:

- "call `start_job(callback)` ... Return that result" -> test_result_from_a_thread,
  test_callback_before_await (start_job is called exactly once: run_jobs)
- "Any result may come back, `None` included" -> test_none_result; an exception object
  as the result (returned, not raised) -> test_an_exception_object_as_the_result
- "the loop must stay free for other tasks: no blocking wait in the coroutine"
  -> test_loop_stays_free (a heartbeat task beside from_thread; a stall names a blocking
  wait, seen as the stall)
- "From the job's thread you must not call `future.set_result(...)` or
  `loop.call_soon(...)`" / "The one safe door is `loop.call_soon_threadsafe`"
  -> check_job (a result that never wakes the loop, or an error in the job's thread)
- "get the loop ... inside the coroutine, before starting the job" -> check_job (an error
  raised in the job's thread names it)
- concurrent calls each get their own result -> test_concurrent_calls_get_their_own_result,
  test_two_results_at_once (both handed over in the same moment)
- "(inside the coroutine, before starting the job ...)" -> test_callback_before_start_job_
  returns (a thread that calls back before start_job returns; check_job names a NameError)
- "If the caller is cancelled while waiting, `from_thread` ends with that CancelledError,
  and the late result must be ignored" -> test_late_result_after_cancel, and
  test_a_result_queued_just_before_the_cancel ("check `future.done()` on the loop's side":
  a result the thread queued just before the cancel), test_cancel_message_comes_through
  ("that CancelledError": its message too), test_cancelled_as_the_result_arrives (cancelled
  in the very loop step the result is set, before from_thread woke up: still cancelled)
- "No polling with `asyncio.sleep`" -> the `sleeps` fixture
- "The job may never call back, so a cancelled `from_thread` must leave no thread behind
  still waiting for the result" -> test_no_thread_left_waiting_after_cancel (threads
  started during the call, still running 0.5 s after the cancel)
- "get the loop with `asyncio.get_running_loop()` (inside the coroutine, before starting the
  job ...)" (the loop of this call: a second call on a new event loop, as a second
  `asyncio.run` makes, gets its result too) -> test_a_call_on_a_new_loop_gets_its_result
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import Any

import kit
import pytest

REAL_SLEEP = asyncio.sleep
WAKE_WINDOW = 1.5  # real seconds a delivered result may take to reach the coroutine

POLLING = (
    "from_thread called asyncio.sleep {n} time(s) while waiting: that is polling. Await a "
    "future that the job's callback resolves through loop.call_soon_threadsafe(...)."
)
THREADSAFE = (
    "From another thread, the only safe call is `loop.call_soon_threadsafe(fn, *args)`: it "
    "runs fn on the loop's thread and wakes the loop up."
)

EARLY_CALLBACK = (
    "the job called back at once, from its thread, and your callback raised {text}: it ran "
    "before from_thread had made what it uses. Get the loop and create the future before "
    "calling start_job(callback): a job may call back before start_job even returns."
)


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


class ThreadJob:
    """A ``start_job``: a real thread calls the callback with ``value`` after ``delay`` s.

    The thread records what the callback raised, and whether the result reached the
    coroutine within WAKE_WINDOW; on trouble it rings ``alarm`` (thread-safely) so the
    grader stops waiting at once.
    """

    def __init__(self, value: Any, delay: float = 0.1) -> None:
        self.value, self.delay = value, delay
        self.errors: list[BaseException] = []
        self.not_woken = False
        self.starts = 0
        self.callback_thread: int | None = None
        self.called = threading.Event()
        self.observed = threading.Event()
        self.threads: list[threading.Thread] = []
        self.alarm: asyncio.Future[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def __call__(self, callback: Callable[[Any], Any]) -> None:
        self.starts += 1
        thread = threading.Thread(target=self.work, args=(callback,), daemon=True)
        self.threads.append(thread)
        thread.start()

    def ring(self) -> None:
        if self.alarm is not None and self.loop is not None:
            try:
                self.loop.call_soon_threadsafe(
                    lambda: self.alarm is None or self.alarm.done() or self.alarm.set_result(None)
                )
            except RuntimeError:  # the loop is closed: nobody is waiting any more
                pass

    def work(self, callback: Callable[[Any], Any]) -> None:
        time.sleep(self.delay)
        self.callback_thread = threading.get_ident()
        try:
            callback(self.value)
        except BaseException as exc:  # noqa: BLE001 - reported as a teaching sentence
            self.errors.append(exc)
            self.called.set()
            self.ring()
            return
        self.called.set()
        if not self.observed.wait(WAKE_WINDOW):
            self.not_woken = True
            self.ring()

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=WAKE_WINDOW + 1)


def check_job(job: ThreadJob) -> None:
    """Fail with a teaching sentence if the job's thread saw a mistake."""
    for exc in job.errors:
        text = f"{type(exc).__name__}: {exc}"
        if "thread-safe" in str(exc) or "other than the current" in str(exc):
            kit.fail(
                f"your callback touched the event loop from the job's thread ({text}): "
                f"future.set_result() and loop.call_soon() are not thread-safe. {THREADSAFE}"
            )
        if type(exc).__name__ == "InvalidStateError":
            kit.fail(
                f"your callback raised {text} in the job's thread: the result came after the "
                "future was already done (cancelled, with its caller). A late result must do "
                "nothing: check `future.done()` on the loop's side, in a function you hand to "
                f"loop.call_soon_threadsafe. {THREADSAFE}"
            )
        if isinstance(exc, NameError):
            kit.fail(EARLY_CALLBACK.format(text=text))
        if "event loop" in str(exc):
            kit.fail(
                f"your callback raised {text} in the job's thread. Get the loop with "
                "asyncio.get_running_loop() inside from_thread, before starting the job (the "
                f"thread has no running loop). {THREADSAFE}"
            )
        kit.fail(f"your callback raised {text} in the job's thread. {THREADSAFE}")
    kit.expect(
        not job.not_woken,
        "the job's thread delivered its result, but your coroutine did not wake up within "
        f"{WAKE_WINDOW:g} s: the event loop was never told. Setting a future (or calling "
        f"call_soon) from another thread does not wake a sleeping loop. {THREADSAFE}",
    )


def expect_ended_cancelled(result: kit.Run[Any], raised_on_loop: str) -> None:
    """Fail unless the cancelled from_thread ended with CancelledError (the scenario returns
    ``task.cancelled()``) and nothing raised on the loop; ``raised_on_loop`` is the sentence
    for an error there, with ``{detail}`` for the error."""
    kit.expect(
        result.value,
        "from_thread did not end with CancelledError when cancelled while waiting: let "
        "the cancellation propagate out of `await future`.",
    )
    for ctx in result.loop_errors:
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        kit.fail(raised_on_loop.format(detail=detail))


OTHER_LOOP = "attached to a different loop"  # asyncio's words for a future of another loop


def run_jobs(
    kata: kit.Kata, jobs: list[ThreadJob], what: str, *, second_loop: bool = False
) -> list[Any]:
    """Run from_thread(job) for every job at once; return the results (None if alarmed).
    On a ``second_loop``, a RuntimeError about a future of another loop is named."""
    from_thread = kata.get("from_thread", "coroutine")

    async def one(job: ThreadJob) -> Any:
        loop = asyncio.get_running_loop()
        job.loop, job.alarm = loop, loop.create_future()
        task = asyncio.create_task(from_thread(job))
        await asyncio.wait({task, job.alarm}, return_when=asyncio.FIRST_COMPLETED)
        job.observed.set()
        if task.done():
            error = None if task.cancelled() else task.exception()
            if second_loop and isinstance(error, RuntimeError) and OTHER_LOOP in str(error):
                kit.fail(
                    f"{what} raised RuntimeError: a future {OTHER_LOOP}, the first call's: "
                    "something made on the first loop (the loop, or a future) was kept and "
                    "used again. Each call uses the loop it runs on: call "
                    "asyncio.get_running_loop() and create the future inside from_thread, "
                    "every call, not once at module level."
                )
            return task.result()  # the learner's own error (or NotImplementedError) surfaces
        task.cancel()
        await asyncio.wait({task})
        return None

    async def scenario() -> list[Any]:
        return list(await asyncio.gather(*(one(job) for job in jobs)))

    try:
        result = kata.run(scenario, what=what, clock="real", limit=10)
    finally:
        for job in jobs:
            job.observed.set()
            job.join()
    for job in jobs:
        check_job(job)
    for job in jobs:
        kit.expect(
            job.starts == 1,
            f"{what} called start_job {job.starts} time(s); call it exactly once.",
        )
    return result.value or []


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """from_thread is an async def."""
    kata.get("from_thread", "coroutine")


def test_result_from_a_thread(kata: kit.Kata, sleeps: list[float]) -> None:
    """The value a thread passes to the callback is returned, handed over thread-safely."""
    job = ThreadJob(42)
    values = run_jobs(kata, [job], "from_thread(start_job)")
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect_equal(values[0], 42, "from_thread(start_job), whose thread reported 42,")
    kit.expect(
        job.callback_thread not in (None, threading.get_ident()),
        "the callback ran on the grader's thread; the job must call it from its own thread.",
    )


HEARTBEAT = 0.01  # real seconds between the heartbeat's ticks
STALL_LIMIT = 0.5  # the longest gap a free loop may show (the job takes 1 s)


def test_loop_stays_free(kata: kit.Kata, sleeps: list[float]) -> None:
    """A heartbeat task beside from_thread keeps ticking while the job's thread works."""
    from_thread = kata.get("from_thread", "coroutine")
    job = ThreadJob("slow result", delay=1.0)

    async def scenario() -> tuple[Any, float]:
        gaps = [0.0]

        async def heartbeat() -> None:
            last = time.perf_counter()
            while True:
                await REAL_SLEEP(HEARTBEAT)
                now = time.perf_counter()
                gaps.append(now - last - HEARTBEAT)
                last = now

        beat = asyncio.create_task(heartbeat())
        await REAL_SLEEP(2 * HEARTBEAT)
        try:
            value = await from_thread(job)
            job.observed.set()
            await REAL_SLEEP(3 * HEARTBEAT)
        finally:
            beat.cancel()
            await asyncio.gather(beat, return_exceptions=True)
        return value, max(gaps)

    try:
        result = kata.run(scenario, what="from_thread(start_job)", clock="real", limit=10)
    finally:
        job.observed.set()
        job.join()
    value, stall = result.value or (None, 0.0)
    kit.expect(
        stall < STALL_LIMIT,
        f"while from_thread waited for a job taking 1 s, a heartbeat task ticking every 10 "
        f"ms stalled for {stall:.2f} s: your coroutine blocked the event loop until the job "
        "was done (a blocking wait such as threading.Event.wait(), queue.Queue.get() or "
        "future.result() inside `async def`). Await an asyncio future instead, resolved "
        f"through loop.call_soon_threadsafe(...). {THREADSAFE}",
    )
    check_job(job)
    kit.expect_equal(value, "slow result", "from_thread(start_job) with a 1 s job")


def test_none_result(kata: kit.Kata, sleeps: list[float]) -> None:
    """A job whose result is None: from_thread returns None."""
    job = ThreadJob(None, delay=0.05)
    values = run_jobs(kata, [job], "from_thread(start_job) whose thread reports None")
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect_equal(values[0], None, "from_thread with a job reporting None")


def test_callback_before_await(kata: kit.Kata, sleeps: list[float]) -> None:
    """A thread that reports back at once (maybe before you await) works too."""
    job = ThreadJob("quick", delay=0.0)
    values = run_jobs(kata, [job], "from_thread(start_job) with an instant job")
    kit.expect_equal(values[0], "quick", "from_thread with a job that reports at once")


def test_concurrent_calls_get_their_own_result(kata: kit.Kata, sleeps: list[float]) -> None:
    """Five from_thread calls at once each get their own thread's result."""
    jobs = [ThreadJob(f"job {i}", delay=0.02 * (5 - i)) for i in range(5)]
    values = run_jobs(kata, jobs, "five from_thread calls at once")
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect_equal(
        values,
        [f"job {i}" for i in range(5)],
        "the results of five concurrent calls",
        "Each call needs its own future, created inside from_thread (not a shared one), and "
        "its own result passed into that future, not through a variable that every call "
        "shares.",
    )


def test_late_result_after_cancel(kata: kit.Kata) -> None:
    """A result that arrives after the caller was cancelled causes no error on the loop."""
    from_thread = kata.get("from_thread", "coroutine")
    job = ThreadJob("too late", delay=0.2)

    async def scenario() -> bool:
        task = asyncio.create_task(from_thread(job))
        await REAL_SLEEP(0.05)
        task.cancel()
        await asyncio.wait({task})
        job.observed.set()
        if not task.cancelled():
            task.result()  # the learner's own error (or NotImplementedError) surfaces here
        await kit.until(job.called.is_set, timeout=5.0)()
        await REAL_SLEEP(0.1)  # let the loop run whatever the thread queued
        return task.cancelled()

    try:
        result = kata.run(
            scenario,
            what="from_thread, cancelled before the result came,",
            clock="real",
            limit=10,
            loop_errors=True,
        )
    finally:
        job.observed.set()
        job.join()
    check_job(job)
    expect_ended_cancelled(
        result,
        "the job's result arrived after the caller was cancelled, and setting it raised on "
        "the loop ({detail}). The future was already done (cancelled): in the function you "
        "pass to call_soon_threadsafe, check `if not future.done():` first.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_a_result_queued_just_before_the_cancel(kata: kit.Kata) -> None:
    """The job's thread hands over its result, and the caller is cancelled before the loop
    runs what the thread queued: the result must be dropped on the loop's side."""
    from_thread = kata.get("from_thread", "coroutine")
    callbacks: list[Callable[[Any], Any]] = []
    errors: list[BaseException] = []

    def deliver(value: Any) -> None:
        try:
            callbacks[0](value)
        except BaseException as exc:  # noqa: BLE001 - reported as a teaching sentence
            errors.append(exc)

    async def scenario() -> bool:
        task = asyncio.create_task(from_thread(callbacks.append))
        await REAL_SLEEP(0.05)
        if not callbacks:
            kit.fail("from_thread did not call start_job(callback) before awaiting its result.")
        # The thread's call is queued on the loop (this step holds it a moment), and the
        # cancel comes before the loop gets to it: the future is done (cancelled) by then.
        thread = threading.Thread(target=deliver, args=("just too late",))
        thread.start()
        thread.join(timeout=5)
        task.cancel()
        await asyncio.wait({task})
        await REAL_SLEEP(0.05)  # let the loop run whatever the thread queued
        if not task.cancelled():
            task.result()  # the learner's own error surfaces here
        return task.cancelled()

    result = kata.run(
        scenario,
        what="from_thread, cancelled just after its result was handed over,",
        clock="real",
        limit=10,
        loop_errors=True,
    )
    for exc in errors:
        kit.fail(
            f"your callback raised {type(exc).__name__}: {exc} in the job's thread. {THREADSAFE}"
        )
    expect_ended_cancelled(
        result,
        "the caller was cancelled just after the job's thread handed over its result, and "
        "setting it raised on the loop ({detail}). Checking future.done() in the job's "
        "thread comes too early: by the time the loop runs your call, the future may be "
        "done. Check `if not future.done():` on the loop's side, inside the function you "
        "pass to call_soon_threadsafe.",
    )


LEFT_WAITING = 0.5  # real seconds a thread started by from_thread may take to end after a cancel


def test_no_thread_left_waiting_after_cancel(kata: kit.Kata) -> None:
    """A job that never calls back, and a cancel: no thread that from_thread started is
    still running half a second later (asyncio.run() would wait for it at exit)."""
    from_thread = kata.get("from_thread", "coroutine")
    callbacks: list[Callable[[Any], Any]] = []
    running: list[threading.Thread] = []
    # The loop's default executor, made here so that its idle workers can be told to end.
    executor = concurrent.futures.ThreadPoolExecutor()

    async def scenario() -> bool:
        asyncio.get_running_loop().set_default_executor(executor)
        before = set(threading.enumerate())
        task = asyncio.create_task(from_thread(callbacks.append))
        await REAL_SLEEP(0.05)
        task.cancel()
        await asyncio.wait({task})
        if not task.cancelled():
            task.result()  # the learner's own error surfaces here
        executor.shutdown(wait=False)  # idle workers end; a busy one does not
        started = [t for t in threading.enumerate() if t not in before]
        await kit.until(lambda: not any(t.is_alive() for t in started), LEFT_WAITING)()
        running.extend(t for t in started if t.is_alive())
        if running:  # the job calls back at last, from its own thread, to free them
            for callback in callbacks:
                thread = threading.Thread(target=callback, args=("at last",))
                thread.start()
                thread.join(timeout=5)
            await kit.until(lambda: not any(t.is_alive() for t in running), 5.0)()
        return task.cancelled()

    try:
        result = kata.run(
            scenario,
            what="from_thread, cancelled while its job never called back,",
            clock="real",
            limit=15,
            loop_errors=True,
        )
    finally:
        executor.shutdown(wait=False)
    expect_ended_cancelled(
        result,
        "from_thread was cancelled while its job never called back, and something raised on "
        "the loop ({detail}).",
    )
    kit.expect(
        not running,
        f"from_thread was cancelled while its job had not called back, and {len(running)} "
        f"thread(s) it started were still running {LEFT_WAITING:g} s later. A job may never "
        "call back, and then such a thread waits for good (asyncio.run() waits for the "
        "executor's threads when it ends). Await an asyncio future resolved through "
        "loop.call_soon_threadsafe(...) instead: a cancel simply drops it.",
    )


def test_callback_before_start_job_returns(kata: kit.Kata) -> None:
    """A job whose thread calls back before start_job returns: the result still arrives."""
    from_thread = kata.get("from_thread", "coroutine")
    errors: list[BaseException] = []

    def start_job(callback: Callable[[Any], Any]) -> None:
        def work() -> None:
            try:
                callback("early")
            except BaseException as exc:  # noqa: BLE001 - reported as a teaching sentence
                errors.append(exc)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        thread.join(timeout=5)

    async def scenario() -> Any:
        task = asyncio.create_task(from_thread(start_job))
        await asyncio.wait({task}, timeout=2.0)
        if not task.done():
            task.cancel()
            await asyncio.wait({task})
            return None
        return task.result()  # the learner's own error (or NotImplementedError) surfaces

    what = "from_thread(start_job) whose thread calls back before start_job returns"
    result = kata.run(scenario, what=what, clock="real", limit=10)
    for exc in errors:
        kit.fail(EARLY_CALLBACK.format(text=f"{type(exc).__name__}: {exc}"))
    kit.expect_equal(result.value, "early", what)


def test_two_results_at_once(kata: kit.Kata) -> None:
    """Two calls whose threads hand over their results in the same moment each get their own."""
    from_thread = kata.get("from_thread", "coroutine")
    callbacks: list[Callable[[Any], Any]] = []
    errors: list[BaseException] = []

    def deliver() -> None:
        for k, callback in enumerate(callbacks):
            try:
                callback(f"job {k}")
            except BaseException as exc:  # noqa: BLE001 - reported as a teaching sentence
                errors.append(exc)

    async def scenario() -> list[Any]:
        tasks = [asyncio.create_task(from_thread(callbacks.append)) for _ in range(2)]
        await REAL_SLEEP(0.05)
        if len(callbacks) != 2:
            kit.fail("two from_thread calls did not each call start_job(callback) once.")
        # Both results are handed over while this step holds the loop: the loop then runs
        # both queued calls one after the other.
        thread = threading.Thread(target=deliver)
        thread.start()
        thread.join(timeout=5)
        _, pending = await asyncio.wait(tasks, timeout=2.0)
        for task in pending:
            task.cancel()
        await asyncio.wait(tasks)
        return [None if task.cancelled() else task.result() for task in tasks]

    what = "two from_thread calls whose threads hand over 'job 0' and 'job 1' at the same moment"
    result = kata.run(scenario, what=what, clock="real", limit=10)
    for exc in errors:
        kit.fail(f"your callback raised {type(exc).__name__}: {exc} in the job's thread.")
    kit.expect_equal(
        result.value,
        ["job 0", "job 1"],
        f"the results of {what}",
        "Each call must get its own result: pass it along, `loop.call_soon_threadsafe("
        "settle, result)`, into that call's own future, not through a variable that every "
        "call shares.",
    )


def test_cancel_message_comes_through(kata: kit.Kata) -> None:
    """Cancelled with a message, from_thread ends with that very CancelledError."""
    from_thread = kata.get("from_thread", "coroutine")
    callbacks: list[Callable[[Any], Any]] = []

    async def scenario() -> tuple[Any, ...] | None:
        task = asyncio.create_task(from_thread(callbacks.append))
        await REAL_SLEEP(0.05)
        task.cancel("caller gave up")
        await asyncio.wait({task})
        if not task.cancelled():
            task.result()  # the learner's own error surfaces here
            return None
        try:
            task.result()
        except asyncio.CancelledError as exc:
            return exc.args
        return None

    what = "from_thread, cancelled with task.cancel('caller gave up'),"
    result = kata.run(scenario, what=what, clock="real", limit=10)
    kit.expect(
        result.value is not None,
        f"{what} did not end with CancelledError: let the cancellation propagate.",
    )
    kit.expect(
        result.value == ("caller gave up",),
        f"{what} ended with CancelledError{result.value!r}, not the one it was cancelled "
        "with: let that very CancelledError propagate (a bare `raise`, or no try at all), "
        "do not raise a new one; its message says why the caller gave up.",
    )


def test_a_call_on_a_new_loop_gets_its_result(kata: kit.Kata, sleeps: list[float]) -> None:
    """from_thread(start_job) on one event loop, then again on a new one (two asyncio.run
    calls of one program): the second call gets its own result too."""
    first = run_jobs(kata, [ThreadJob("first", delay=0.02)], "from_thread(start_job)")
    kit.expect_equal(first, ["first"], "the result of from_thread(start_job)")
    what = "from_thread(start_job) called again, on a new event loop (a second asyncio.run)"
    second = run_jobs(kata, [ThreadJob("second", delay=0.02)], what, second_loop=True)
    kit.expect_equal(
        second,
        ["second"],
        f"the result of {what}",
        "Each call uses the loop it runs on: call asyncio.get_running_loop() inside "
        "from_thread, every call, not once at module level.",
    )


def test_cancelled_as_the_result_arrives(kata: kit.Kata) -> None:
    """The loop sets the job's result and, in the same loop step, before from_thread has
    woken up, its caller is cancelled: from_thread ends with that CancelledError."""
    from_thread = kata.get("from_thread", "coroutine")
    callbacks: list[Callable[[Any], Any]] = []
    errors: list[BaseException] = []

    async def scenario() -> str:
        loop = asyncio.get_running_loop()
        task = asyncio.create_task(from_thread(callbacks.append))
        await REAL_SLEEP(0.05)
        if not callbacks:
            kit.fail("from_thread did not call start_job(callback) before awaiting its result.")

        def deliver() -> None:
            try:
                callbacks[0]("in time")
            except BaseException as exc:  # noqa: BLE001 - reported as a teaching sentence
                errors.append(exc)
            # Queued right behind whatever the callback queued: the loop runs both in one step.
            loop.call_soon_threadsafe(task.cancel, "caller gave up")

        thread = threading.Thread(target=deliver)
        thread.start()
        thread.join(timeout=5)
        await asyncio.wait({task}, timeout=5.0)
        if not task.done():
            task.cancel()
            await asyncio.wait({task})
            return "never ended"
        if task.cancelled():
            return ""
        error = task.exception()
        if error is None:
            return f"returned {task.result()!r}"
        return f"raised {type(error).__name__}: {error}"

    what = (
        "from_thread, whose result arrived and whose caller was cancelled in the same loop "
        "step, before it woke up,"
    )
    result = kata.run(scenario, what=what, clock="real", limit=15)
    for exc in errors:
        kit.fail(
            f"your callback raised {type(exc).__name__}: {exc} in the job's thread. {THREADSAFE}"
        )
    kit.expect(
        not result.value,
        f"{what} {result.value} instead of ending with CancelledError: once its caller is "
        "cancelled, from_thread must end with that cancellation, even though the result had "
        "just arrived; let the CancelledError propagate out of `await future`, do not catch "
        "it to return the result.",
    )


def test_an_exception_object_as_the_result(kata: kit.Kata) -> None:
    """A job whose result is an exception object (a value it reports, not an error it
    raises): from_thread returns that very object."""
    from_thread = kata.get("from_thread", "coroutine")
    value = ValueError("a result that happens to be an exception")
    job = ThreadJob(value, delay=0.05)
    what = "from_thread(start_job) whose thread reports a ValueError object as its result"

    async def scenario() -> str:
        loop = asyncio.get_running_loop()
        job.loop, job.alarm = loop, loop.create_future()
        task = asyncio.create_task(from_thread(job))
        await asyncio.wait({task, job.alarm}, return_when=asyncio.FIRST_COMPLETED)
        job.observed.set()
        if not task.done():
            task.cancel()
            await asyncio.wait({task})
            return "never returned"
        error = task.exception()
        if error is value:
            return "raised it"
        if error is not None:
            raise error  # the learner's own error (or NotImplementedError)
        return "" if task.result() is value else f"returned {task.result()!r}"

    try:
        result = kata.run(scenario, what=what, clock="real", limit=10)
    finally:
        job.observed.set()
        job.join()
    check_job(job)
    kit.expect(
        not result.value,
        f"{what} {result.value}; any result may come back, an exception object too: it is "
        "the job's result, so set it as the future's result (`future.set_result(result)`) "
        "and return it. Do not tell a result from an error by its type.",
    )
