"""Grader for 01_coroutines/run_it: a plain `def main(name)` that runs `greet(name)` with
asyncio.run and returns the greeting.

Checks that `main` is a plain function, that it returns the string (not the coroutine
object), that it can be called again (each call runs its own loop), and that no coroutine
was left un-awaited and no event loop left open.
"""

from __future__ import annotations

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


@pytest.mark.parametrize("name", ["Ada", "Grace"])
def test_returns_the_greeting(kata: kit.Kata, name: str) -> None:
    """main(name) returns greet's string."""
    value = call_main(kata, name)
    kit.expect_equal(
        value,
        f"Hello, {name}!",
        f"main({name!r})",
        "Return the value of `asyncio.run(greet(name))`."
        + (" A function without `return` returns None." if value is None else ""),
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
