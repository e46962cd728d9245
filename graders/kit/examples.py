"""Checks over many inputs: explicit examples first, then inputs drawn by Hypothesis.

``@kit.drawn(strategy, ..., examples=[...])`` turns a check of some arguments into a check
run on each explicit example, then on inputs Hypothesis draws (derandomized, with no
database: the same inputs on every run). A failing input is shrunk for at most SHRINK_CALLS
more calls, and the check fails with the teaching sentence of the smallest failure seen: a
failing kata stays well inside its time budget however slow the machine, and says the same
on every machine (a bound in seconds did not). The garbage collector is frozen before each
example: the kit's gc.collect() around learner code then walks only what the example made,
not Hypothesis's own objects (one grader took 45 s instead of 1 s).

``grader_settings(max_examples)`` gives the same settings to a grader's own ``@given``
checks (those that need pytest fixtures); the graders' conftest bounds their shrinking the
same way, through ``bounded_shrinking``.

Hypothesis (6.170, pinned in graders/requirements.lock) also draws, now and then, a constant
from the source of the "local" modules loaded: the learner's module is one, so a submission
could steer the drawn inputs by the numbers it defines, and two equal programs could be
tried on different inputs. Importing this module turns that off for the grader process: the
same check draws the same inputs, whatever the code under test holds.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FlakyFailure

from .outcomes import fail


def _no_local_constants() -> None:
    """Let Hypothesis draw no constant from the source of the modules loaded (see above)."""
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a Hypothesis from before local constants
        return
    if hasattr(providers, "_get_local_constants"):
        none = Constants()
        providers._get_local_constants = lambda: none


_no_local_constants()


class _Enough(BaseException):
    """Stops Hypothesis's shrinking once SHRINK_CALLS calls followed the first failure."""


# Said after the sentence of a failure that did not come back when Hypothesis tried the same
# input again (it raises FlakyFailure, whose text names the kit's own wrapper).
NOT_REPEATED = (
    " This input failed once and passed when it was tried again: the same call does not "
    "always behave the same."
)

# Calls of a check after its first failure, at most. Shrinking a failure of fetch_many's
# Hypothesis check took 88 calls of 0.18 s each (16 s idle, past 30 s under a loaded CI).
SHRINK_CALLS = 20


class _Shrinking:
    """Counts a check's calls from its first failure, and keeps each failure."""

    def __init__(self, fixtures: Collection[str] = ()) -> None:
        self.failures: list[tuple[int, BaseException]] = []  # (size of the input, what it raised)
        self.calls = 0
        self.stopped = False
        self.fixtures = fixtures  # arguments that are pytest fixtures, not drawn inputs

    def bound(self, check: Callable[..., Any]) -> Callable[..., Any]:
        """``check``, stopping Hypothesis (``_Enough``) once SHRINK_CALLS calls followed
        its first failure, or at once after a timeout (nothing after it is worth its time)."""

        def bounded(*args: Any, **kwargs: Any) -> Any:
            if self.failures:
                self.calls += 1
                if self.calls > SHRINK_CALLS or _timed_out(self.failures[-1][1]):
                    self.stopped = True
                    raise _Enough
            try:
                return check(*args, **kwargs)
            except (Exception, pytest.fail.Exception) as exc:  # Failed is a BaseException
                drawn = {k: v for k, v in kwargs.items() if k not in self.fixtures}
                self.failures.append((len(repr(args)) + len(repr(drawn)), exc))
                raise

        return bounded

    def verdict(self) -> BaseException:
        """What to fail with: a timeout, else what the smallest input that failed raised
        (by the length of its repr; of two as small, the later: shrunk further)."""
        timeouts = [exc for _, exc in self.failures if _timed_out(exc)]
        if timeouts:
            return timeouts[0]
        return min(reversed(self.failures), key=lambda failure: failure[0])[1]


def _timed_out(exc: BaseException) -> bool:
    """Whether pytest-timeout stopped the check (it fails with "Timeout ...")."""
    return isinstance(exc, pytest.fail.Exception) and str(exc).startswith("Timeout")


@contextmanager
def bounded_shrinking(handle: Any, fixtures: Collection[str] = ()) -> Iterator[None]:
    """Around one call of a ``@given`` test whose ``hypothesis`` handle is ``handle``: its
    inner test stops Hypothesis once SHRINK_CALLS calls followed its first failure, and the
    test then fails with the sentence of the smallest failure seen. ``fixtures`` names the
    arguments that are pytest fixtures: not inputs, so not part of an input's size (the
    ``kata`` fixture's repr grows with every run). A failure that passes when tried again
    fails the test with its own sentence and ``NOT_REPEATED``."""
    shrinking, inner = _Shrinking(fixtures), handle.inner_test
    handle.inner_test = shrinking.bound(inner)
    try:
        yield
    except _Enough:
        if not shrinking.stopped:  # not ours to catch
            raise
        failure = shrinking.verdict()
        if isinstance(failure, pytest.fail.Exception):
            fail(str(failure))
        raise failure from None
    except FlakyFailure:
        if not shrinking.failures:  # not ours to explain
            raise
        failure = shrinking.verdict()
        if isinstance(failure, pytest.fail.Exception):
            fail(str(failure) + NOT_REPEATED)
        raise failure from None
    finally:
        handle.inner_test = inner


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
    found, shrinking for at most SHRINK_CALLS calls after the first failure."""

    def decorate(check: Callable[..., None]) -> Callable[[], None]:
        def attempt(args: tuple[Any, ...]) -> None:
            gc.freeze()  # Hypothesis's own objects: out of the way of the kit's gc.collect()
            check(*args)

        prop: Any = given(st.tuples(*strategies))(attempt)  # carries its .hypothesis handle
        for args in reversed(examples):
            prop = example(args)(prop)
        prop = grader_settings(max_examples, suppress=list(HealthCheck))(prop)

        def run() -> None:
            with bounded_shrinking(prop.hypothesis):
                prop()

        return run

    return decorate
