"""Grader for 01_coroutines/run_it: a plain `def main(name)` that runs `greet(name)` with
asyncio.run and returns the greeting.

Checks that `main` is a plain function, that it returns the string (not the coroutine
object), that the string comes from running `greet` (a stand-in greet is put in its place),
that names with spaces and non-ASCII letters pass through untouched, that it can be called
again (each call runs its own loop), and that no coroutine was left un-awaited and no event
loop left open.

Docstring sentence -> the check that enforces it:

- "Write `main(name)`, a plain `def` (not `async def`)" -> test_main_is_a_plain_function
- "it runs the coroutine `greet(name)` with `asyncio.run(...)`" -> test_runs_greet_once,
  test_can_be_called_twice
- "and returns its result" -> test_returns_the_greeting, test_runs_greet_once
- "Leave `greet` as it is." -> test_greet_is_left_as_it_is (still an `async def`, still
  "Hello, <name>!", still its 0.01 s sleep)
- "Returning `greet(name)` itself would hand back an un-run coroutine object" -> call_main
  (every check)
- "`asyncio.run` starts a new event loop, runs the coroutine to the end, closes the loop" (each
  call of main runs greet on a loop of its own, closed when main returns) ->
  test_each_call_runs_greet_on_a_new_loop
"""

from __future__ import annotations

import asyncio
import inspect

import kit
import pytest


def call_main(kata: kit.Kata, name: str) -> object:
    """Call the learner's main(name) from plain code and return what it returned."""
    main = kata.get("main", "function")
    result = kata.call(lambda: main(name), what=f"main({name!r})")
    value = result.value
    if inspect.iscoroutine(value):
        value.close()  # it never ran; close it so no warning leaks into other tests
        kit.fail(
            f"main({name!r}) returned a coroutine object, not the greeting: calling greet(name) "
            "only creates the coroutine. Run it with `asyncio.run(greet(name))` and return "
            "what that returns."
        )
    return value


def test_main_is_a_plain_function(kata: kit.Kata) -> None:
    """main is a plain def: it is called from code that has no event loop."""
    kata.get("main", "function")


def test_greet_is_left_as_it_is(kata: kit.Kata) -> None:
    """greet is still the coroutine function of the stub."""
    greet = kata.get("greet", "callable")
    kit.expect(
        inspect.iscoroutinefunction(greet),
        "greet is no longer an `async def`: leave greet as it is and run its coroutine from "
        "main with asyncio.run.",
    )
    value = kata.call(lambda: asyncio.run(greet("Ada")), what="greet('Ada')").value
    kit.expect_equal(value, "Hello, Ada!", "asyncio.run(greet('Ada'))", "Leave greet as it is.")
    # The stub's greet pretends to look something up: it awaits asyncio.sleep(0.01).
    kit.expect_loop_time(
        kata.run(lambda: greet("Ada"), what="greet('Ada')"),
        0.01,
        "greet('Ada')",
        slower="The stub's greet sleeps 0.01 s: leave greet as it is.",
        faster="The stub's greet awaits asyncio.sleep(0.01): leave greet as it is.",
    )


@pytest.mark.parametrize("name", ["Ada", "Grace", "Zoë Ñúñez", "  two  spaces ", ""])
def test_returns_the_greeting(kata: kit.Kata, name: str) -> None:
    """main(name) returns greet's string, for any name (spaces, accents, empty)."""
    value = call_main(kata, name)
    kit.expect_equal(
        value,
        f"Hello, {name}!",
        f"main({name!r})",
        "Return the value of `asyncio.run(greet(name))`, with the name passed on unchanged."
        + (" A function without `return` returns None." if value is None else ""),
    )


def test_runs_greet_once(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """main runs the coroutine greet(name) on an event loop, once, and returns its result."""
    kata.get("main", "function")
    ran: list[tuple[str, bool]] = []

    async def greet(name: str) -> str:
        ran.append((name, asyncio.get_running_loop().is_running()))
        await asyncio.sleep(0)
        return f"greet ran for {name}"

    monkeypatch.setattr(kata.module, "greet", greet)
    value = call_main(kata, "Ada")
    if value == "Hello, Ada!" and not ran:
        kit.fail(
            "main('Ada') returned 'Hello, Ada!' but never ran greet as the module held it when "
            "main was called (the grader had put a stand-in there): main must run the coroutine "
            "greet(name), looked up when main runs, with asyncio.run and return what it "
            "returns, not build the greeting itself or keep greet from import time."
        )
    kit.expect_equal(
        len(ran), 1, "the number of times main('Ada') ran greet", "Run greet(name) once."
    )
    kit.expect_equal(
        value,
        "greet ran for Ada",
        "main('Ada') with another greet",
        "Return what `asyncio.run(greet(name))` returns, not a string of your own.",
    )


def test_can_be_called_twice(kata: kit.Kata) -> None:
    """Calling main again works: each call runs its own event loop."""
    first, second = call_main(kata, "Ada"), call_main(kata, "Linus")
    kit.expect_equal(
        (first, second),
        ("Hello, Ada!", "Hello, Linus!"),
        "Two calls of main",
        "Each call should start a new loop with asyncio.run (a loop that was closed, or one "
        "kept from an earlier call, cannot run again).",
    )


def test_each_call_runs_greet_on_a_new_loop(
    kata: kit.Kata, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each call of main runs greet on a new event loop, closed by the time main returns."""
    kata.get("main", "function")
    loops: list[asyncio.AbstractEventLoop] = []

    async def greet(name: str) -> str:
        loops.append(asyncio.get_running_loop())
        await asyncio.sleep(0)
        return f"greet ran for {name}"

    monkeypatch.setattr(kata.module, "greet", greet)
    for _ in range(2):
        call_main(kata, "Ada")
    kit.expect_equal(
        len(loops),
        2,
        "the number of times two calls of main('Ada') ran greet",
        "Each call of main runs greet(name) anew with asyncio.run.",
    )
    kit.expect(
        loops[0] is not loops[1],
        "two calls of main ran greet on the same event loop; each call should start a new "
        "one with `asyncio.run(greet(name))`.",
    )
    kit.expect(
        all(loop.is_closed() for loop in loops),
        "main('Ada') returned while the event loop greet ran on was still open; "
        "`asyncio.run(greet(name))` closes its loop when greet ends.",
    )
