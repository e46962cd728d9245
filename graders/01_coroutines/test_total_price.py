"""Grader for 01_coroutines/total_price: sum `await get_price(i)` over all ids.

Checks the total, that every id's price was awaited exactly once (each call of the stand-in
`get_price` ran to its end; a repeated id at least once, at most as often as it appears: its
price kept within the call and counted each time is fine), and explains the two classic
mistakes: adding up coroutine objects (a missing `await`) and calling `asyncio.run` inside a
coroutine. Asking one by one or all at once (gather, TaskGroup) are both fine. Hypothesis
draws the ids: repeated ids (each counts every time), an empty basket, a None id, and a
generator instead of a list.
The price of "fig" takes 6 s, the others 1 s: a slow price is awaited, never given up on.

Docstring sentence -> the check that enforces it:

- "`await get_price(i)` gives the price ... Return the sum of the prices of all `ids`" ->
  test_sums_the_prices, test_any_basket (a slow price, fig's 6 s, is awaited to its end:
  grade_total names a get_price call cancelled on the way), test_a_very_slow_price_is_awaited
  (one that takes 600 s of loop time: no timeout, per price or overall)
- "(0 for no ids)" -> test_no_ids_costs_nothing
- "`await get_price(i)` gives the price" (at every call: a second call with the same
  get_price asks again, no price kept from the first) -> test_a_second_call_asks_again
- "`ids`" is any iterable (the signature): a generator, repeated ids -> test_any_basket
- "`get_price(i)` without `await` ... never runs" (each price awaited) ->
  test_awaits_each_price_once, grade_total
- "Inside `async def` you never need `asyncio.run`" -> grade_total (the kit names the error)
- "If a `get_price` call raises, total_price lets that exception out (a TaskGroup's
  ExceptionGroup holding it is fine)." ->
  test_failed_price_raises (a PriceError, and a KeyError: an unknown id is no free item; the
  failed call is not asked again), test_failed_price_is_let_out_as_it_is (that very
  exception, not a new one), test_a_transient_looking_failure_is_let_out (a
  ConnectionResetError or TimeoutError too: no retry)
- "Return the sum of the prices" (the prices are ints) -> test_total_is_an_int
- "Leave `ids` as it is." -> test_leaves_ids_unchanged (a list in no sorted order: a sort
  in place shows too)
- "Return the sum of the prices of all `ids`" (this call's ids: two calls at once on one loop
  each return their own sum) -> test_two_calls_at_once_keep_their_own_total
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

PRICES: dict[str | None, int] = {"apple": 3, "pear": 4, "plum": 2, "fig": 7, "kiwi": 5, None: 1}
SLOW = {"fig": 6.0}  # loop seconds of a slow price; every other price takes 1 s
# Few, deterministic examples: virtual time makes each one cost a few milliseconds.
EXAMPLES = grader_settings(max_examples=25)


def price_probe(
    slow: dict[str, float] | None = None,
) -> tuple[Callable[[str], Awaitable[int]], kit.Probe]:
    """A stand-in get_price (one second per call, slow[id] for a slow one, SLOW by default;
    the price PRICES[id]) and its probe."""
    delays = SLOW if slow is None else slow
    probe = kit.Probe(delay=lambda i: delays.get(i, 1.0), result=lambda i: PRICES[i])

    async def get_price(i: str) -> int:
        return await probe(i)

    # A never-awaited warning names the coroutine by this: make it the name the learner knows.
    get_price.__qualname__ = "get_price"
    return get_price, probe


def grade_total(
    kata: kit.Kata,
    ids: list[str | None],
    generator: bool = False,
    slow: dict[str, float] | None = None,
) -> tuple[kit.Run[int], kit.Probe]:
    """Run total_price(probe, ids) (ids handed over as a generator if ``generator``; the
    slow prices ``slow``, SLOW by default), turning a TypeError into the mistake it usually
    means."""
    total_price = kata.get("total_price", "coroutine")
    get_price, probe = price_probe(slow)
    what = f"total_price(get_price, {'a generator of ' if generator else ''}{ids!r})"
    result = kata.run(
        # A copy: the checks compute what they expect from ids (test_leaves_ids_unchanged
        # checks the list itself).
        lambda: total_price(get_price, (i for i in ids) if generator else list(ids)),
        what=what,
        raises=(TypeError, TimeoutError),
    )
    error = result.error
    if isinstance(error, TypeError):
        text = str(error)
        if "coroutine" in text:
            kit.fail(
                f"{what} raised TypeError ({text}) at {kata.where(error)}: you added up "
                "coroutine objects. get_price(i) only creates a coroutine; `await get_price(i)` "
                "runs it and gives the price. Did you forget `await`?"
            )
        if "awaitable is required" in text or "unhashable type" in text:
            kit.fail(
                f"{what} raised TypeError ({text}) at {kata.where(error)}: asyncio.gather takes "
                "each awaitable as its own argument. Unpack the list with `*`: "
                "`await asyncio.gather(*coros)`."
            )
        if generator and ("len()" in text or "subscriptable" in text):
            kit.fail(
                f"{what} raised TypeError ({text}) at {kata.where(error)}: ids may be any "
                "iterable, here a generator, which has no len() and no indexing. Loop over it "
                "once (`for i in ids`), or make a list of it first."
            )
        kit.fail(f"{what} raised TypeError: {text} (at {kata.where(error)}).")
    if probe.cancelled:
        call = probe.cancelled[0]
        kit.fail(
            f"{what} cancelled get_price({call.args[0]!r}) after "
            f"{(call.ended or 0.0) - call.started:g} s of loop time, before it gave its price "
            f"(it takes {probe.delay_for(*call.args):g} s): a slow get_price still gives the "
            "price. Await every price to its end, however long it takes (no timeout)."
        )
    if error is not None:
        kit.fail(f"{what} raised {type(error).__name__}: {error} (at {kata.where(error)}).")
    return result, probe


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """total_price is an async def."""
    kata.get("total_price", "coroutine")


@pytest.mark.parametrize(
    "ids", [["apple", "pear"], ["fig", "plum", "kiwi", "apple"], ["kiwi"]], ids=str
)
def test_sums_the_prices(kata: kit.Kata, ids: list[str]) -> None:
    """The total is the sum of every id's price."""
    result, _ = grade_total(kata, ids)
    expected = sum(PRICES[i] for i in ids)
    kit.expect(
        not isinstance(result.value, list | tuple),
        f"total_price returned the list {result.value!r}; return one number, their sum "
        "(`sum(...)`).",
    )
    kit.expect_equal(
        result.value,
        expected,
        f"total_price(get_price, {ids!r})",
        "Add up the awaited price of every id.",
    )


def test_no_ids_costs_nothing(kata: kit.Kata) -> None:
    """With no ids the total is 0 and get_price is never called."""
    result, _ = grade_total(kata, [])
    kit.expect_equal(result.value, 0, "total_price(get_price, [])", "An empty basket costs 0.")


def test_awaits_each_price_once(kata: kit.Kata) -> None:
    """Every id's get_price call ran, to its end, exactly once."""
    ids = ["apple", "pear", "plum"]
    _, probe = grade_total(kata, ids)
    asked = sorted(call.args[0] for call in probe.calls)
    kit.expect_equal(
        asked,
        sorted(ids),
        "The ids whose price was awaited",
        "Await get_price(i) once for every id: no id skipped, none asked twice.",
    )
    kit.expect(
        not probe.unfinished and not probe.cancelled,
        "some get_price calls started but never finished: await every one to its end.",
    )


def test_a_second_call_asks_again(kata: kit.Kata) -> None:
    """total_price(get_price, ['apple', 'pear']) twice with the same get_price, whose prices
    went up by 10 in between: the second call awaits every price again and sums the new ones."""
    total_price = kata.get("total_price", "coroutine")
    raise_by = {"now": 0}
    probe = kit.Probe(delay=1.0, result=lambda i: PRICES[i] + raise_by["now"])

    async def get_price(i: str) -> int:
        return int(await probe(i))

    get_price.__qualname__ = "get_price"

    async def twice() -> Any:
        await total_price(get_price, ["apple", "pear"])
        raise_by["now"] = 10
        return await total_price(get_price, ["apple", "pear"])

    what = (
        "total_price(get_price, ['apple', 'pear']) called a second time with the same "
        "get_price, whose prices went up by 10 in between"
    )
    result = kata.run(twice, what=what)
    kit.expect(
        len(probe.calls) == 4,
        f"{what}: the second call made {len(probe.calls) - 2} get_price call(s) and returned "
        f"{result.value!r}; "
        "expected 2 fresh calls and 27: every call of total_price awaits the price of each of "
        "its ids anew. Keep no price from one call to the next (no cache at module level).",
    )
    kit.expect_equal(result.value, 27, what, "Add up the prices this call awaited.")


@EXAMPLES
@given(
    ids=st.lists(st.sampled_from(sorted(PRICES, key=str)), max_size=6),
    generator=st.booleans(),
)
@example(ids=["apple", "apple"], generator=False)  # the small shapes first: a repeated id,
@example(ids=["apple", "pear"], generator=True)  # a generator
def test_any_basket(kata: kit.Kata, ids: list[str | None], generator: bool) -> None:
    """Any basket (repeated ids, a None id, none at all, a generator): every id's price,
    counted as often as the id appears."""
    result, probe = grade_total(kata, ids, generator)
    what = f"total_price(get_price, {'a generator of ' if generator else ''}{ids!r})"
    asked = sorted((call.args[0] for call in probe.calls), key=str)
    if generator and len(probe.calls) < len(ids) and len(set(ids)) == len(ids):
        kit.fail(
            f"{what} asked for {len(probe.calls)} of {len(ids)} prices: a generator can be "
            "walked only once, and something walked it before the loop did. Loop over ids "
            "once (or make a list first)."
        )
    if len(set(ids)) < len(ids) and sorted(set(asked), key=str) == sorted(set(ids), key=str):
        if result.value != sum(PRICES[i] for i in ids):
            kit.fail(
                f"{what} returned {result.value!r}; expected {sum(PRICES[i] for i in ids)}: an "
                "id that appears twice is two items in the basket, and its price counts twice. "
                "Do not deduplicate the ids (no set(), no dict keyed by id)."
            )
    kit.expect_equal(
        result.value,
        sum(PRICES[i] for i in ids),
        what,
        "Add up the awaited price of every id in ids, each time it appears.",
    )
    # A repeated id may be asked once and its price counted each time it appears (a memo
    # kept within the call): at least once, at most as often as it appears.
    too_few = [i for i in dict.fromkeys(ids) if i not in asked]
    too_many = [i for i in dict.fromkeys(asked) if asked.count(i) > ids.count(i)]
    kit.expect(
        not too_few and not too_many,
        f"The ids whose price {what} awaited were {asked!r}; expected {sorted(ids, key=str)!r}. "
        "Await get_price(i) once for every id in ids.",
    )


class PriceError(Exception):
    """The failure of one get_price call."""


@pytest.mark.parametrize(
    "boom",
    [PriceError("no price for 'pear'"), KeyError("pear")],
    ids=["PriceError", "KeyError"],
)
def test_failed_price_raises(kata: kit.Kata, boom: Exception) -> None:
    """A get_price call that raises (an unknown id's KeyError too): its exception comes out
    of total_price, and the failed call is not asked again."""
    total_price = kata.get("total_price", "coroutine")
    name = type(boom).__name__
    probe = kit.Probe(
        delay={"apple": 1.0, "plum": 1.0, "pear": 2.0},
        result=lambda i: PRICES[i],
        errors={"pear": boom},
    )

    async def get_price(i: str) -> int:
        return int(await probe(i))

    get_price.__qualname__ = "get_price"
    ids = ["apple", "plum", "pear"]
    what = f"total_price(get_price, {ids!r}) whose get_price('pear') raises {name}"
    result = kata.run(
        lambda: total_price(get_price, ids),
        what=what,
        raises=(type(boom), BaseExceptionGroup, TypeError),
    )
    error = result.error
    if isinstance(error, TypeError):
        kit.fail(
            f"{what} raised TypeError ({error}) instead of that {name}: let the exception "
            "of a failed get_price call out (asyncio.gather raises it, unless told "
            "return_exceptions=True)."
        )
    if error is not None:
        kit.expect(
            not isinstance(error, BaseExceptionGroup) or error.subgroup(type(boom)) is not None,
            f"{what} raised {error!r}, which does not hold the {name}; let that exception out.",
        )
        asked = sum(1 for call in probe.calls if call.args[0] == "pear")
        kit.expect(
            asked == 1,
            f"{what} asked get_price('pear') {asked} times: it raised the first time, and a "
            "call that raises is not asked again. Let its exception out at once (no retry).",
        )
        return
    kit.fail(
        f"{what} returned {result.value!r} instead of raising that {name}: a price that "
        "could not be got can be neither added up nor left out (not even for an unknown id), "
        "so let its exception out."
    )


def test_failed_price_is_let_out_as_it_is(kata: kit.Kata) -> None:
    """The exception that comes out is the one get_price raised, not a new one."""
    total_price = kata.get("total_price", "coroutine")
    boom = PriceError("no price for 'pear'")
    probe = kit.Probe(delay=1.0, result=lambda i: PRICES[i], errors={"pear": boom})

    async def get_price(i: str) -> int:
        return int(await probe(i))

    get_price.__qualname__ = "get_price"
    what = "total_price(get_price, ['apple', 'pear']) whose get_price('pear') raises PriceError"
    result = kata.run(
        lambda: total_price(get_price, ["apple", "pear"]),
        what=what,
        raises=(PriceError, BaseExceptionGroup),
    )
    error = result.error
    if isinstance(error, BaseExceptionGroup):
        leaves = leaves_of(error)
        kit.expect(
            boom in leaves,
            f"{what} raised a group holding {leaves!r}, not the PriceError get_price raised; "
            "let that exception out as it is, without making a new one.",
        )
        return
    if isinstance(error, PriceError) and error is not boom:
        kit.fail(
            f"{what} raised a new PriceError, {error!r}, not the one get_price('pear') raised; "
            "let that very exception out as it is (a bare `raise`, or no try at all)."
        )
    kit.expect(
        error is boom,
        f"{what} raised {error!r}, not the PriceError get_price('pear') raised; let that "
        "exception out.",
    )


def leaves_of(group: BaseExceptionGroup[BaseException]) -> list[BaseException]:
    """Every exception in a group, nested groups flattened."""
    leaves: list[BaseException] = []
    for exc in group.exceptions:
        leaves.extend(leaves_of(exc) if isinstance(exc, BaseExceptionGroup) else [exc])
    return leaves


@pytest.mark.parametrize("ids", [["apple", "pear"], []], ids=str)
def test_total_is_an_int(kata: kit.Kata, ids: list[str]) -> None:
    """The prices are ints, so their sum is an int (not a float)."""
    result, _ = grade_total(kata, ids)
    kit.expect(
        type(result.value) is int,
        f"total_price(get_price, {ids!r}) returned {result.value!r}, a "
        f"{type(result.value).__name__}; the prices are ints, so their sum is an int: add "
        "them up as they are, starting from 0.",
    )


def test_leaves_ids_unchanged(kata: kit.Kata) -> None:
    """The list of ids the caller passes is the same after the call."""
    total_price = kata.get("total_price", "coroutine")
    get_price, _ = price_probe()
    # Neither sorted nor reverse-sorted: a sort or reverse in place shows too.
    ids = ["plum", "apple", "pear"]
    kata.run(lambda: total_price(get_price, ids), what=f"total_price(get_price, {ids!r})")
    kit.expect_equal(
        ids,
        ["plum", "apple", "pear"],
        "The list ['plum', 'apple', 'pear'] after total_price(get_price, ...) read it",
        "Read ids without changing it (no pop, remove, sort or clear).",
    )


def test_a_very_slow_price_is_awaited(kata: kit.Kata) -> None:
    """A price that takes ten minutes of loop time is still awaited to its end and counted."""
    ids = ["apple", "fig", "pear"]
    # grade_total names a get_price call cancelled on the way (a timeout, per price or overall).
    result, _ = grade_total(kata, ids, slow={"fig": 600.0})
    kit.expect_equal(
        result.value,
        sum(PRICES[i] for i in ids),
        f"total_price(get_price, {ids!r}) whose get_price('fig') takes 600 s",
        "Await every price to its end, however long it takes (no timeout).",
    )


def test_two_calls_at_once_keep_their_own_total(kata: kit.Kata) -> None:
    """total_price(get_price, [1, 2, 3]) and total_price(get_price, [10, 20]) at once on one
    loop (the price of i is i, after i/10 s): 6 and 30, each call its own sum."""
    total_price = kata.get("total_price", "coroutine")

    async def get_price(i: int) -> int:
        await asyncio.sleep(i / 10)
        return i

    async def both() -> Any:
        return list(
            await asyncio.gather(
                total_price(get_price, [1, 2, 3]), total_price(get_price, [10, 20])
            )
        )

    what = "total_price(get_price, [1, 2, 3]) and total_price(get_price, [10, 20]) at the same time"
    result = kata.run(both, what=what)
    kit.expect_equal(
        list(result.value or [None, None]),
        [6, 30],
        f"the two totals of {what}",
        "Each call adds up its own prices: keep the running total in a local variable of "
        "total_price, not in a global shared by every call.",
    )


@pytest.mark.parametrize(
    "boom",
    [ConnectionResetError("connection reset asking for 'pear'"), TimeoutError("no answer")],
    ids=["ConnectionResetError", "TimeoutError"],
)
def test_a_transient_looking_failure_is_let_out(kata: kit.Kata, boom: Exception) -> None:
    """A get_price call that raises ConnectionResetError, or TimeoutError: errors that look
    transient come out of total_price too, and the failed call is not asked again."""
    test_failed_price_raises(kata, boom)
