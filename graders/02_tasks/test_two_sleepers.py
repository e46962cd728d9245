"""Grader for 02_tasks/two_sleepers: two tasks sleeping at once take the longer, not the sum."""

import kit
import pytest

SEQUENTIAL = (
    "That is the sum of both sleeps: the second sleep only started after the first ended. "
    "Create both tasks first, then await them (`await asyncio.create_task(...)` in one line "
    "waits for that task before the next line runs)."
)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """two_sleepers is an async def."""
    kata.get("two_sleepers", "coroutine")


@pytest.mark.parametrize(("a", "b"), [(10.0, 5.0), (1.0, 2.0), (3.0, 3.0)])
def test_sleeps_overlap(kata: kit.Kata, a: float, b: float) -> None:
    """Both sleeps run at once: the loop clock moves by the longer one."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    result = kata.run(lambda: two_sleepers(a, b), what=f"two_sleepers({a:g}, {b:g})")
    kit.expect_loop_time(
        result,
        max(a, b),
        f"two_sleepers({a:g}, {b:g})",
        slower=SEQUENTIAL,
        faster="Did you await both tasks before returning?",
    )
    kit.expect(
        isinstance(result.value, float | int) and abs(result.value - max(a, b)) < 1e-6,
        f"two_sleepers({a:g}, {b:g}) returned {result.value!r}; it should return the elapsed "
        f"loop time, {max(a, b):g}. Read `asyncio.get_running_loop().time()` before and after "
        "(time.time() and time.monotonic() are not the loop's clock).",
    )


def test_defaults_are_ten_and_five(kata: kit.Kata) -> None:
    """Called with no arguments it sleeps 10 s and 5 s."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    result = kata.run(lambda: two_sleepers(), what="two_sleepers()")
    kit.expect_loop_time(result, 10.0, "two_sleepers()", slower=SEQUENTIAL)
