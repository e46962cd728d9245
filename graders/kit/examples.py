"""Checks over many inputs: explicit examples first, then inputs drawn by Hypothesis.

``@kit.drawn(strategy, ..., examples=[...])`` turns a check of some arguments into a check
run on each explicit example, then on inputs Hypothesis draws (derandomized, with no
database: the same inputs on every run). A failing input is shrunk for at most
SHRINK_SECONDS of real time, and the check fails with the teaching sentence of the smallest
failure seen, so a failing kata stays well inside its time budget. The garbage collector is
frozen before each example: the kit's gc.collect() around learner code then walks only what
the example made, not Hypothesis's own objects (one grader took 45 s instead of 1 s).

``grader_settings(max_examples)`` gives the same settings to a grader's own ``@given``
checks (those that need pytest fixtures).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .outcomes import fail


class _Enough(BaseException):
    """Stops Hypothesis's shrinking once it has run for SHRINK_SECONDS."""


SHRINK_SECONDS = 3.0  # real seconds spent shrinking a failure, at most


def grader_settings(
    max_examples: int = 25,
    *,
    suppress: Sequence[HealthCheck] = (HealthCheck.function_scoped_fixture,),
) -> settings:
    """Hypothesis settings for a grader's checks (``drawn``, or a grader's own ``@given``):
    the same inputs on every run (derandomized, no database), no deadline (real time is the
    grader's to judge), no reproduction blob, one failure reported (the first found: a
    learner reads one sentence, not a group of them), and the health checks in ``suppress``
    off."""
    return settings(
        derandomize=True,
        database=None,
        max_examples=max_examples,
        deadline=None,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=list(suppress),
    )


def drawn(
    *strategies: Any, examples: Sequence[tuple[Any, ...]] = (), max_examples: int = 25
) -> Callable[[Callable[..., None]], Callable[[], None]]:
    """Run the decorated check on ``examples``, then on inputs drawn by Hypothesis
    (derandomized, no database); fail with the sentence of the smallest failing input
    found, shrinking for at most SHRINK_SECONDS of real time."""

    def decorate(check: Callable[..., None]) -> Callable[[], None]:
        failures: list[str] = []
        started: list[float] = []

        def attempt(args: tuple[Any, ...]) -> None:
            gc.freeze()  # Hypothesis's own objects: out of the way of the kit's gc.collect()
            try:
                check(*args)
            except pytest.fail.Exception as exc:
                failures.append(str(exc))
                started.append(time.perf_counter())
                if started[-1] - started[0] > SHRINK_SECONDS:
                    raise _Enough from None
                raise

        prop = given(st.tuples(*strategies))(attempt)
        for args in reversed(examples):
            prop = example(args)(prop)
        prop = grader_settings(max_examples, suppress=list(HealthCheck))(prop)

        def run() -> None:
            try:
                prop()
            except _Enough:
                fail(min(failures, key=len))

        return run

    return decorate
