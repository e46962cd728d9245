"""Grader for 06_sync/bounded_buffer: a FIFO buffer on one asyncio.Condition.

Docstring sentence -> the check that enforces it:

- "a first-in-first-out buffer" / "removes and returns the oldest item" -> test_fifo,
  test_any_items_in_order
- "holding at most `capacity` items" / "`put(x)` ... waiting while the buffer is full"
  -> test_put_waits_for_room, test_woken_putter_rechecks
- "`get()` ... waiting while it is empty" -> test_get_waits_for_an_item (an item put at
  1.2 s, and one put after 2 hours: no time limit of the learner's own)
- "Any item may be put, `None` included, and the same item any number of times"
  -> test_any_items_in_order (Hypothesis: None, duplicates, blank and non-ASCII text)
- "Each buffer holds its own items: two buffers never share them" ->
  test_two_buffers_keep_their_own_items (a class attribute or a default argument is named)
- "A `put` or `get` cancelled while it waits gives up cleanly" -> test_cancelled_waiters,
  test_a_cancelled_waiter_ends_cancelled (giving up is ending cancelled, not returning);
  and one that went through did not give up: a put() or get() that awaits after its change
  (a cancel there ends cancelled a put() whose item went in, or loses a get()'s item) ->
  test_a_woken_putter_cancelled_passes_the_room_on,
  test_a_woken_getter_cancelled_passes_the_item_on
- "Build it on one `asyncio.Condition`" -> test_uses_a_condition; "waits there for its
  condition" -> test_put_and_get_wait_on_the_condition (a get() or put() that waits is
  inside the Condition's wait(), not in a Queue beside a decorative Condition)
- "calls `self.cond.notify_all()` to wake the waiters" ->
  test_putters_and_getters_share_the_condition (a hang names notify() only when notify()
  and no notify_all() was seen), test_a_woken_putter_cancelled_passes_the_room_on (a
  notify() whose waiter is cancelled loses the wake-up; Python 3.13's Condition passes
  it on, so there notify() is not wrong), test_a_woken_getter_cancelled_passes_the_item_on
  (the same for a put() whose notify() wakes a get() that is then cancelled)
- "Always re-check after waking" -> test_woken_getter_rechecks, test_woken_putter_rechecks
  (a put() or get() that yields before taking the lock lets the woken task run first: no
  race then, nothing to re-check)
- waiting is not polling -> the `sleeps` fixture (asyncio.sleep calls from the learner's
  file are recorded; a sleep(0) only yields and is not counted, a spin of them is stopped by
  the fixture's limit) in the waiting checks; test_producers_and_consumers runs 4 producers
  and 3 consumers with random pauses.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

REAL_SLEEP = asyncio.sleep


ODD = 1.234567  # no polling period lands exactly on it

POLLING = (
    "put/get called asyncio.sleep {n} time(s) while waiting: that is polling. Wait on the "
    "Condition: `await cond.wait_for(predicate)` sleeps until a notify_all() wakes it."
)
RECHECK = (
    "Being woken does not mean the condition holds: re-check it after every wake-up, with "
    "`await cond.wait_for(lambda: ...)` (or `while not ...: await cond.wait()`), not `if`."
)
NOTIFY_ALL = (
    "Putters and getters wait on the same Condition, so notify() may wake one of the wrong "
    "kind, which goes back to sleep while the right one is never woken. Call notify_all()."
)


NOTIFIES = {"one": 0, "all": 0}  # notify() and notify_all() calls on the learner's Conditions
WAITING = [0]  # tasks inside wait() (wait_for() included) of the learner's Conditions now


@pytest.fixture(autouse=True)
def counted_notifies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count notify() and notify_all() calls on the asyncio.Condition objects the learner makes.

    The methods of asyncio.Condition itself are wrapped (for this check only), not the name
    replaced by a subclass: a Condition made through a reference taken at import time
    (`field(default_factory=asyncio.Condition)`, a class attribute) is counted too.
    """
    real = asyncio.Condition
    real_notify, real_notify_all, real_wait = real.notify, real.notify_all, real.wait
    in_all = [False]  # notify_all() calls notify() on some Pythons: count that call once

    def notify(self: asyncio.Condition, n: int = 1) -> None:
        if not in_all[0]:
            NOTIFIES["one"] += 1
        real_notify(self, n)

    def notify_all(self: asyncio.Condition) -> None:
        NOTIFIES["all"] += 1
        in_all[0] = True
        try:
            real_notify_all(self)
        finally:
            in_all[0] = False

    async def wait(self: asyncio.Condition) -> bool:
        WAITING[0] += 1
        try:
            return await real_wait(self)
        finally:
            WAITING[0] -= 1

    NOTIFIES.update(one=0, all=0)
    WAITING[0] = 0
    monkeypatch.setattr(real, "notify", notify)
    monkeypatch.setattr(real, "notify_all", notify_all)
    monkeypatch.setattr(real, "wait", wait)


def never_woken() -> str:
    """Why a put() or get() was never woken, from the notify calls seen."""
    if NOTIFIES["one"] and not NOTIFIES["all"]:
        return f"Some put() or get() was never woken. {NOTIFY_ALL}"
    if not NOTIFIES["one"] and not NOTIFIES["all"]:
        return (
            "Some put() or get() was never woken, and your code never called notify_all(): "
            "after changing the buffer, wake the waiters with `self.cond.notify_all()`."
        )
    return "Some put() or get() was never woken."


def run_woken(kata: kit.Kata, scenario: Any, what: str, limit: float) -> kit.Run[Any]:
    """kata.run(scenario), naming why a waiter was never woken when it hangs."""
    hung: list[bool] = []

    async def guarded() -> Any:
        try:
            async with asyncio.timeout(limit):
                return await scenario()
        except TimeoutError:
            hung.append(True)
            return None

    def verdict(_result: kit.Run[Any]) -> None:
        if hung:
            kit.fail(f"{what} never finished: still waiting after {limit:g} s. {never_woken()}")

    return kata.run(guarded, what=what, limit=limit * 2, verdict=verdict)


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


YIELDED = object()  # the second get() found nothing: the woken one had already run


async def outcome(aw: Any) -> tuple[str, Any]:
    """Await ``aw``; return ('value', v) or ('raised', exc)."""
    try:
        return "value", await aw
    except Exception as exc:  # noqa: BLE001 - the outcome is what we grade
        return "raised", exc


def test_is_a_class(kata: kit.Kata) -> None:
    """BoundedBuffer is a class."""
    kata.get("BoundedBuffer", "class")


def test_fifo(kata: kit.Kata) -> None:
    """Items come out in the order they went in."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> list[Any]:
        buf = buffer_class(3)
        for x in ("a", "b", "c"):
            await buf.put(x)
        got = [await buf.get() for _ in range(3)]
        await buf.put("d")
        return [*got, await buf.get()]

    result = kata.run(scenario, what="put a, b, c; get x3; put d; get", limit=60)
    kit.expect_equal(result.value, ["a", "b", "c", "d"], "the items got", "First in, first out.")
    kit.expect_loop_time(result, 0.0, "puts and gets that never need to wait")


def test_uses_a_condition(kata: kit.Kata) -> None:
    """The buffer is built on an asyncio.Condition."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def create() -> Any:
        return buffer_class(2)

    buf = kata.run(create, what="BoundedBuffer(2)").value
    kit.expect(
        any(isinstance(v, asyncio.Condition) for v in kit.attributes(buf).values()),
        "a BoundedBuffer holds no asyncio.Condition: this kata is about building the waiting "
        "yourself, on one asyncio.Condition (self.cond = asyncio.Condition()).",
    )


@pytest.mark.parametrize("put_at", [ODD, 7200 + ODD], ids=["put at 1.2 s", "put after 2 h"])
def test_get_waits_for_an_item(kata: kit.Kata, sleeps: list[float], put_at: float) -> None:
    """get() on an empty buffer returns the moment an item is put, however late."""
    buffer_class = kata.get("BoundedBuffer", "class")
    ended: list[float] = []

    async def scenario() -> tuple[Any, float]:
        buf = buffer_class(2)
        getter = asyncio.create_task(buf.get())
        getter.add_done_callback(lambda _: ended.append(kit.now()))
        await REAL_SLEEP(put_at)
        await buf.put("x")
        try:
            value = await getter
        except TimeoutError as exc:
            if ended[0] < put_at:
                return exc, ended[0]  # it gave up before the put: named below
            raise
        return value, kit.now()

    what = f"get() on an empty buffer, put at {put_at:g} s"
    result = kata.run(scenario, what=what, limit=60 + put_at)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    value, at = result.value or (None, 0.0)
    if isinstance(value, TimeoutError):
        kit.fail(
            f"{what}: the get() raised TimeoutError at {at:g} s, before the put: get() "
            "waits while the buffer is empty, however long that is, with no time limit of "
            "its own."
        )
    kit.expect_equal(result.value, ("x", put_at), "(item, loop time) the waiting get() returned")


def test_put_waits_for_room(kata: kit.Kata, sleeps: list[float]) -> None:
    """put() on a full buffer waits, and returns the moment a get() makes room."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> tuple[bool, float, list[Any]]:
        buf = buffer_class(2)
        await buf.put(1)
        await buf.put(2)
        done_at: list[float] = []

        async def third() -> None:
            await buf.put(3)
            done_at.append(kit.now())

        putter = asyncio.create_task(third())
        await REAL_SLEEP(ODD)
        waited = not putter.done()
        first = await buf.get()
        await putter
        return waited, done_at[0], [first, await buf.get(), await buf.get()]

    result = kata.run(scenario, what="put() on a full buffer, get at 1.234567 s", limit=60)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    waited, done_at, items = result.value or (False, 0.0, [])
    kit.expect(
        waited,
        "put(3) on a full BoundedBuffer(2) returned at once; it must wait until a get() "
        "makes room.",
    )
    kit.expect_equal(done_at, ODD, "the loop time the waiting put() returned")
    kit.expect_equal(items, [1, 2, 3], "the items got")


def test_woken_getter_rechecks(kata: kit.Kata) -> None:
    """A woken get() finds the item taken by a faster get() and waits on."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> tuple[tuple[str, Any], Any, float]:
        buf = buffer_class(1)
        slow = asyncio.create_task(outcome(buf.get()))
        await REAL_SLEEP(1.0)
        await buf.put("a")  # wakes the waiting get() ...
        try:
            async with asyncio.timeout(1.0):
                fast = await buf.get()  # ... but this get() takes "a" before it runs
        except TimeoutError:  # get() yielded before the lock: the woken get() took "a"
            fast = YIELDED
        await REAL_SLEEP(1.0)
        if not slow.done():
            await buf.put("b")
        return await slow, fast, kit.now()

    result = kata.run(scenario, what="two get()s racing for one item", limit=60)
    (kind, value), fast, _ = result.value or (("value", None), None, 0.0)
    if fast is YIELDED and (kind, value) == ("value", "a"):
        return  # no race to lose: the woken get() ran first and took the item, in order
    kit.expect_equal(fast, "a", "the item the second get() took")
    if kind == "raised":
        kit.fail(
            f"a get() woken by notify found the buffer empty and raised "
            f"{type(value).__name__}: {value}: another get() took the item between the "
            f"notify and the wake-up. {RECHECK}"
        )
    kit.expect(
        value == "b",
        f"the woken get() returned {value!r} although a faster get() had taken the only "
        f"item; it should have waited for the next one ('b'). {RECHECK}",
    )


def test_woken_putter_rechecks(kata: kit.Kata) -> None:
    """A woken put() finds the slot taken by a faster put() and waits on."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> tuple[bool, list[Any]] | None:
        buf = buffer_class(1)
        await buf.put("a")
        slow = asyncio.create_task(buf.put("b"))
        await REAL_SLEEP(1.0)
        first = await buf.get()  # wakes the waiting put("b") ...
        try:
            async with asyncio.timeout(60):
                await buf.put("c")  # ... but this put() takes the free slot first
        except TimeoutError:
            if slow.done() and not slow.cancelled() and slow.exception() is None:
                # put("c") yielded before the lock: the woken put("b") took the slot first.
                return False, [first, await buf.get()]
            slow.cancel()
            await asyncio.wait([slow])
            return None
        await REAL_SLEEP(1.0)
        overfilled = slow.done()
        rest = [await buf.get()]
        await slow
        rest.append(await buf.get())
        return overfilled, [first, *rest]

    result = kata.run(scenario, what="two put()s racing for one free slot", limit=600)
    kit.expect(
        result.value is not None,
        "put('c') never returned, though the get() just before it had taken the only item "
        "out of a BoundedBuffer(1) (a put('b') was waiting too): with room in the buffer, a "
        "put() goes through at once. Add an item only once there is room for it, never "
        "before waiting.",
    )
    overfilled, items = result.value or (True, [])
    if items == ["a", "b"]:
        return  # the woken put("b") ran first (put("c") yielded before the lock), in order
    kit.expect(
        not overfilled,
        "a put() woken by notify added its item although a faster put() had just filled "
        f"the only slot: the BoundedBuffer(1) held 2 items. {RECHECK}",
    )
    kit.expect_equal(items, ["a", "c", "b"], "the items got")


def test_putters_and_getters_share_the_condition(kata: kit.Kata) -> None:
    """Three waiting getters and three putters all finish (every waiter gets woken)."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> list[Any]:
        buf = buffer_class(1)
        getters = [asyncio.create_task(buf.get()) for _ in range(3)]
        await REAL_SLEEP(1.0)
        putters = [asyncio.create_task(buf.put(x)) for x in ("a", "b", "c")]
        await asyncio.gather(*putters)
        return sorted(await asyncio.gather(*getters))

    result = run_woken(
        kata, scenario, "3 getters waiting, then 3 putters, on BoundedBuffer(1)", 600
    )
    kit.expect_equal(result.value, ["a", "b", "c"], "the items the three getters got")


def test_producers_and_consumers(kata: kit.Kata, sleeps: list[float]) -> None:
    """4 producers and 3 consumers with random pauses move 60 items, each exactly once."""
    buffer_class = kata.get("BoundedBuffer", "class")
    rng = random.Random(99)
    pauses = [rng.choice([0.0, 0.0, 0.5, 1.0, 2.5]) for _ in range(200)]
    took: list[Any] = []

    async def scenario() -> list[Any]:
        buf = buffer_class(2)
        pause = iter(pauses)

        async def producer(p: int) -> None:
            for k in range(15):
                await REAL_SLEEP(next(pause))
                await buf.put((p, k))

        async def consumer() -> None:
            for _ in range(20):
                took.append(await buf.get())
                await REAL_SLEEP(next(pause))

        await asyncio.gather(*(producer(p) for p in range(4)), *(consumer() for _ in range(3)))
        return took

    run_woken(kata, scenario, "4 producers and 3 consumers", 3600)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect_equal(
        sorted(took),
        sorted((p, k) for p in range(4) for k in range(15)),
        "the 60 items the consumers got (sorted)",
        "Every item put must come out exactly once.",
    )
    for p in range(4):
        mine = [k for q, k in took if q == p]
        kit.expect(
            mine == sorted(mine), f"producer {p}'s items came out in the order {mine}: FIFO."
        )


def test_cancelled_waiters(kata: kit.Kata) -> None:
    """A get() and a put() cancelled while they wait leave the buffer working."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> list[Any]:
        buf = buffer_class(1)
        getter = asyncio.create_task(buf.get())
        await REAL_SLEEP(1.0)
        getter.cancel()
        await asyncio.wait([getter])
        await buf.put("a")
        putter = asyncio.create_task(buf.put("lost"))
        await REAL_SLEEP(1.0)
        putter.cancel()
        await asyncio.wait([putter])
        got = [await buf.get()]
        await buf.put("b")
        got.append(await buf.get())
        return got

    result = kata.run(
        scenario,
        what="a get() and a put() cancelled while waiting, then more puts and gets",
        limit=60,
        hang_hint="After a waiting get() or put() was cancelled, the next put() or get() "
        "never went through: the cancelled call kept the Condition's lock. Take it with "
        "`async with self.cond:` (it releases however the block ends), not acquire() "
        "without a `finally: release()`.",
    )
    kit.expect_equal(
        result.value,
        ["a", "b"],
        "the items got after a cancelled get() and a cancelled put('lost')",
        "A cancelled get() must not take an item, and a cancelled put() must not add one.",
    )


def test_a_woken_putter_cancelled_passes_the_room_on(kata: kit.Kata) -> None:
    """A full buffer, two put()s waiting; a get() frees the room and the first woken put()
    is cancelled at once: the other put() still goes through (wake every waiter, so no
    wake-up is lost on a cancelled one)."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> list[Any]:
        buf = buffer_class(1)
        await buf.put("full")
        first = asyncio.create_task(buf.put("first"))
        second = asyncio.create_task(buf.put("second"))
        await REAL_SLEEP(1.0)
        got = [await buf.get()]
        if first.done() and not first.cancelled():
            second.cancel()
            await asyncio.wait([second])
            return ["put() went through before get() returned"]
        first.cancel()  # woken by the get() (or not), but it has not run yet
        await asyncio.wait([first])
        await asyncio.wait([second], timeout=5.0)
        if not second.done():
            # Stuck: a lost wake-up leaves the buffer empty, a put() that added its item
            # and then ended cancelled anyway leaves that item in it.
            second.cancel()
            await asyncio.wait([second])
            async with asyncio.timeout(5.0):
                left = await buf.get()
            if left == "first" and first.cancelled():
                return ["cancelled put() added its item"]
            raise TimeoutError
        second.result()
        got.append(await buf.get())
        return got

    what = "a get() from a full buffer with two put()s waiting, the first of them then cancelled"
    result = kata.run(scenario, what=what, limit=60, raises=TimeoutError)
    if result.value == ["put() went through before get() returned"]:
        kit.fail(
            f"{what}: a waiting put() had already run to its end when get() returned, so get() "
            "awaited something after taking its item; a cancel arriving there loses the item. "
            "Return at once after the change: no await after it."
        )
    if result.value == ["cancelled put() added its item"]:
        kit.fail(
            f"{what}: put('first') ended cancelled, yet its item was in the buffer, so the "
            "other put() found no room. A put() that has added its item has succeeded: "
            "await nothing after the change (a cancel there makes a put that went through "
            "look given up)."
        )
    if isinstance(result.error, TimeoutError):
        why = (
            "Your code called notify(), which wakes one waiter: when that waiter is "
            "cancelled before it runs, the wake-up is lost. Call `self.cond.notify_all()`."
            if NOTIFIES["one"]
            else "Wake every waiter after changing the buffer: `self.cond.notify_all()`."
        )
        kit.fail(f"{what}: the other put() was never woken, though there was room. {why}")
    kit.expect_equal(result.value, ["full", "second"], f"the items got after {what}")


ITEMS = st.lists(
    st.one_of(st.none(), st.integers(0, 2), st.sampled_from(["", " ", "é", "a b"])),
    max_size=6,
)
PAUSES = st.lists(st.sampled_from([0.0, 1.0]), max_size=6)


def test_any_items_in_order(kata: kit.Kata) -> None:
    """Any items (None, duplicates, blank text), any capacity, any pauses: FIFO, once each."""
    buffer_class = kata.get("BoundedBuffer", "class")

    @kit.drawn(
        ITEMS,
        st.integers(1, 3),
        PAUSES,
        PAUSES,
        examples=[
            (
                [None, 1, None, " "],
                1,
                [],
                [1.0],
            ),
            (["é"], 2, [1.0], []),  # one item
        ],
        max_examples=40,
    )
    def check(
        items: list[Any], capacity: int, put_pauses: list[float], get_pauses: list[float]
    ) -> None:
        got: list[Any] = []

        async def scenario() -> None:
            buf = buffer_class(capacity)

            async def producer() -> None:
                for k, item in enumerate(items):
                    await REAL_SLEEP(put_pauses[k] if k < len(put_pauses) else 0.0)
                    await buf.put(item)

            async def consumer() -> None:
                for k in range(len(items)):
                    got.append(await buf.get())
                    await REAL_SLEEP(get_pauses[k] if k < len(get_pauses) else 0.0)

            try:
                async with asyncio.timeout(100):
                    await asyncio.gather(producer(), consumer())
            except TimeoutError:
                pass  # reported below: some item never came out

        kata.run(scenario, what=f"BoundedBuffer({capacity}) fed {items!r}", limit=1000)
        kit.expect(
            got == items,
            f"one producer put {items!r} into a BoundedBuffer({capacity}) and one consumer "
            f"called get() {len(items)} times, getting {got!r}: every item must come out "
            "exactly once, oldest first (None and repeated items are items too).",
        )

    check()


# Checked last: earlier wrong answers fail the checks above first.


def test_a_cancelled_waiter_ends_cancelled(kata: kit.Kata) -> None:
    """A get() waiting on an empty buffer and a put() waiting on a full one, cancelled: each
    ends cancelled (CancelledError reaches its caller), not with a made-up result."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> dict[str, Any]:
        buf = buffer_class(1)
        seen: dict[str, Any] = {}
        getter = asyncio.create_task(buf.get())
        await REAL_SLEEP(1.0)
        getter.cancel()
        await asyncio.wait([getter])
        seen["get"] = None if getter.cancelled() else outcome_of(getter)
        await buf.put("a")
        putter = asyncio.create_task(buf.put("b"))
        await REAL_SLEEP(1.0)
        putter.cancel()
        await asyncio.wait([putter])
        seen["put"] = None if putter.cancelled() else outcome_of(putter)
        return seen

    result = kata.run(scenario, what="a waiting get() and a waiting put(), cancelled", limit=60)
    seen = result.value or {}
    for call, ended in (("get()", seen.get("get")), ("put('b')", seen.get("put"))):
        if ended is not None:
            kit.fail(
                f"a {call} cancelled while it waited {ended} instead of ending cancelled: it "
                "swallowed the CancelledError, so its caller cannot tell the give-up from a "
                "real result (None is an item too). Let the CancelledError propagate: do not "
                "catch it (or re-raise it with a bare `raise`)."
            )


def outcome_of(task: asyncio.Task[Any]) -> str:
    """How a task that was not cancelled ended, for a message."""
    error = task.exception()
    if error is not None:
        return f"raised {type(error).__name__}"
    return f"returned {task.result()!r}"


def test_put_and_get_wait_on_the_condition(kata: kit.Kata) -> None:
    """A get() waiting on an empty buffer, and a put() waiting on a full one, wait inside
    the Condition's wait() (or wait_for()), not somewhere else."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> dict[str, int]:
        buf = buffer_class(1)
        waiting: dict[str, int] = {}
        getter = asyncio.create_task(buf.get())
        await REAL_SLEEP(1.0)
        waiting["get()"] = WAITING[0] if not getter.done() else 1
        await buf.put("a")
        await getter
        await buf.put("b")
        putter = asyncio.create_task(buf.put("c"))
        await REAL_SLEEP(1.0)
        waiting["put('c')"] = WAITING[0] if not putter.done() else 1
        await buf.get()
        await putter
        await buf.get()
        return waiting

    result = kata.run(scenario, what="a get() and a put() that must wait", limit=60)
    for call, where in (("get()", "an empty"), ("put('c')", "a full")):
        kit.expect(
            (result.value or {}).get(call, 0) > 0,
            f"a {call} on {where} BoundedBuffer(1) waited, but not in wait() or wait_for() "
            "of an asyncio.Condition: every put and get waits for its condition inside "
            "`async with self.cond:`, with `await self.cond.wait_for(lambda: ...)`.",
        )


def test_a_woken_getter_cancelled_passes_the_item_on(kata: kit.Kata) -> None:
    """An empty buffer, two get()s waiting; a put() adds an item and the first woken get()
    is cancelled at once: the other get() still gets the item (wake every waiter, so no
    wake-up is lost on a cancelled one)."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> Any:
        buf = buffer_class(2)
        first = asyncio.create_task(buf.get())
        second = asyncio.create_task(buf.get())
        await REAL_SLEEP(1.0)
        await buf.put("item")
        if first.done() and not first.cancelled():
            second.cancel()
            await asyncio.wait([second])
            return "get() went through before put() returned"
        first.cancel()  # woken by the put() (or not), but it has not run yet
        await asyncio.wait([first])
        await asyncio.wait([second], timeout=5.0)
        if second.done():
            return second.result()
        # Stuck: a lost wake-up leaves the item in the buffer (a new put wakes the other
        # get(), which then gets "item"); a get() that took the item and then ended
        # cancelled anyway leaves the buffer empty (the other get() gets the new one).
        await buf.put("another")
        await asyncio.wait([second], timeout=5.0)
        if second.done() and second.result() == "another" and first.cancelled():
            return "cancelled get() took the item"
        second.cancel()
        await asyncio.wait([second])
        raise TimeoutError

    what = "a put() into an empty buffer with two get()s waiting, the first of them then cancelled"
    result = kata.run(scenario, what=what, limit=60, raises=TimeoutError)
    if result.value == "get() went through before put() returned":
        kit.fail(
            f"{what}: a waiting get() had already taken the item when put() returned, so put() "
            "awaited something after adding its item; a cancel arriving there makes a put() "
            "that went through end cancelled. Return at once after the change: no await "
            "after it."
        )
    if result.value == "cancelled get() took the item":
        kit.fail(
            f"{what}: the first get() ended cancelled, yet it had taken the item out of the "
            "buffer, so the item was lost. A get() that has taken its item has succeeded: "
            "await nothing after the change (return the item at once)."
        )
    if isinstance(result.error, TimeoutError):
        why = (
            "Your code called notify(), which wakes one waiter: when that waiter is "
            "cancelled before it runs, the wake-up is lost. Call `self.cond.notify_all()`."
            if NOTIFIES["one"]
            else "Wake every waiter after changing the buffer: `self.cond.notify_all()`."
        )
        kit.fail(f"{what}: the other get() was never woken, though there was an item. {why}")
    kit.expect_equal(result.value, "item", f"the item the other get() got after {what}")


def test_two_buffers_keep_their_own_items(kata: kit.Kata) -> None:
    """Two buffers side by side: each get() returns an item put into that same buffer."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> list[Any]:
        first, second = buffer_class(2), buffer_class(2)
        await first.put("first's item")
        await second.put("second's item")
        async with asyncio.timeout(5.0):
            return [await second.get(), await first.get()]

    what = "first.put(x); second.put(y); second.get(); first.get(), on two BoundedBuffer(2)"
    result = kata.run(scenario, what=what, limit=60, raises=TimeoutError)
    if isinstance(result.error, TimeoutError):
        kit.fail(f"{what}: a put() or get() waited, though each buffer held 1 item of 2.")
    kit.expect(
        result.value == ["second's item", "first's item"],
        f"{what}: the gets returned {result.value!r}; each buffer should give back its own "
        "item. The buffers share their items: make the deque in __init__ "
        "(`self.items = deque()`). A class attribute, or a default argument such as "
        "`items=deque()`, is one object shared by every buffer.",
    )
