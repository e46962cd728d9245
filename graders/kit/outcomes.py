"""How a grader says no: one teaching sentence, never a traceback wall."""

from __future__ import annotations

from typing import NoReturn

# pytest's own "fail" outcome (pytest.fail.Exception, typed where pytest defines it); failing
# with pytrace=False prints just our sentence.
from _pytest.outcomes import Failed as _Failed


class NotStarted(_Failed):
    """The learner's code still raises NotImplementedError: the kata is not started."""


def fail(message: str) -> NoReturn:
    """Fail the current check with one teaching sentence."""
    raise _Failed(message, pytrace=False) from None


def not_started(where: str) -> NoReturn:
    """Fail because the learner's stub still raises NotImplementedError."""
    raise NotStarted(
        f"not implemented yet: {where} still raises NotImplementedError. "
        "Open the file, read its docstring and write the code.",
        pytrace=False,
    ) from None


def expect(condition: object, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is true."""
    if not condition:
        fail(message)


def expect_equal(actual: object, expected: object, what: str, hint: str = "") -> None:
    """Fail with 'what was X, expected Y. hint' unless ``actual == expected``."""
    if actual != expected:
        fail(f"{what} was {actual!r}; expected {expected!r}.{' ' + hint if hint else ''}")
