"""Grader for 06_sync/bounded_buffer: a FIFO buffer on one asyncio.Condition.

Checks: FIFO order; put waits while full and get while empty, waking at the exact loop time
room or an item appears (no polling: the grader records asyncio.sleep calls from the
learner's file); a woken getter re-checks, because another get() can take the item between
the notify and the wake-up (this breaks `if` instead of `wait_for`/`while`); the same for a
woken putter and a slot taken by another put(); putters and getters sharing the Condition
are all woken (this breaks `notify()`); a random producer/consumer run delivers every item
exactly once; the buffer is built on an asyncio.Condition.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

import kit
import pytest

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


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


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
        any(isinstance(v, asyncio.Condition) for v in vars(buf).values()),
        "a BoundedBuffer holds no asyncio.Condition: this kata is about building the waiting "
        "yourself, on one asyncio.Condition (self.cond = asyncio.Condition()).",
    )


def test_get_waits_for_an_item(kata: kit.Kata, sleeps: list[float]) -> None:
    """get() on an empty buffer returns the moment an item is put."""
    buffer_class = kata.get("BoundedBuffer", "class")

    async def scenario() -> tuple[Any, float]:
        buf = buffer_class(2)
        getter = asyncio.create_task(buf.get())
        await REAL_SLEEP(ODD)
        await buf.put("x")
        value = await getter
        return value, kit.now()

    result = kata.run(scenario, what="get() on an empty buffer, put at 1.234567 s", limit=60)
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
    kit.expect_equal(result.value, ("x", ODD), "(item, loop time) the waiting get() returned")


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
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
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
        fast = await buf.get()  # ... but this get() takes "a" before it runs
        await REAL_SLEEP(1.0)
        if not slow.done():
            await buf.put("b")
        return await slow, fast, kit.now()

    result = kata.run(scenario, what="two get()s racing for one item", limit=60)
    (kind, value), fast, _ = result.value or (("value", None), None, 0.0)
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

    async def scenario() -> tuple[bool, list[Any]]:
        buf = buffer_class(1)
        await buf.put("a")
        slow = asyncio.create_task(buf.put("b"))
        await REAL_SLEEP(1.0)
        first = await buf.get()  # wakes the waiting put("b") ...
        await buf.put("c")  # ... but this put() takes the free slot first
        await REAL_SLEEP(1.0)
        overfilled = slow.done()
        rest = [await buf.get()]
        await slow
        rest.append(await buf.get())
        return overfilled, [first, *rest]

    result = kata.run(scenario, what="two put()s racing for one free slot", limit=60)
    overfilled, items = result.value or (True, [])
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

    result = kata.run(
        scenario,
        what="3 getters waiting, then 3 putters, on BoundedBuffer(1)",
        limit=600,
        hang_hint=f"Some put() or get() was never woken. {NOTIFY_ALL}",
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

    kata.run(
        scenario,
        what="4 producers and 3 consumers",
        limit=3600,
        hang_hint=f"Some put() or get() was never woken. {NOTIFY_ALL}",
    )
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
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
