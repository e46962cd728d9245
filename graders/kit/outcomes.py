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


def _theirs(kind: type) -> bool:
    """True for a type defined in the code under grading (kata modules load as kata_*)."""
    return str(getattr(kind, "__module__", "")).startswith("kata_")


def _impostor(actual: object, expected: object, depth: int = 0) -> str | None:
    """The name of a type the code under grading defined that stands where ``expected`` has
    a type it did not define (an object whose ``__eq__`` says yes to everything), looking
    into lists, tuples and dicts; None when there is none."""
    if depth > 20:
        return None
    kind = type(actual)
    if kind is not type(expected) and _theirs(kind) and not _theirs(type(expected)):
        return kind.__name__
    if isinstance(actual, list | tuple) and isinstance(expected, list | tuple):
        pairs = zip(actual, expected, strict=False)
        return next((n for a, e in pairs if (n := _impostor(a, e, depth + 1))), None)
    if isinstance(actual, dict) and isinstance(expected, dict):
        for key, value in actual.items():
            found = _impostor(value, expected[key], depth + 1) if key in expected else None
            if found:
                return found
    return None


def expect_equal(actual: object, expected: object, what: str, hint: str = "") -> None:
    """Fail with 'what was X, expected Y. hint' unless ``actual == expected``, compared by
    value and, for types the code under grading defined, by exact type (an object whose
    ``__eq__`` says yes to everything is not equal to a number)."""
    impostor = _impostor(actual, expected)
    if impostor:
        fail(
            f"{what} was a {impostor} object defined in your code; expected "
            f"{type(expected).__name__} {expected!r}. Return plain values."
        )
    if actual != expected:
        fail(f"{what} was {actual!r}; expected {expected!r}.{' ' + hint if hint else ''}")
