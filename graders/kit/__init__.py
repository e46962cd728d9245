"""The grading kit: the small set of tools every grader uses.

- ``kata`` (a pytest fixture, see graders/conftest.py) loads the kata's module from the
  target under grading; ``kata.get("name", "coroutine")`` fetches and checks a definition.
- ``run(kata, call)`` runs the learner's coroutine on a fresh virtual-time loop and checks
  that it finished, did not block the loop, left no task or coroutine behind.
- ``Probe`` stands in for I/O and records calls, loop times and peak concurrency.
- ``fail``, ``expect``, ``expect_equal``, ``expect_loop_time`` fail with one teaching sentence.
"""

from typing import Any

# The kit's tools are imported when first used (PEP 562), so that the learner's commands
# (python -m kit hint, reset, solution) run on a bare Python without pytest installed.
_EXPORTS = {
    "expect": "outcomes",
    "expect_equal": "outcomes",
    "fail": "outcomes",
    "not_started": "outcomes",
    "Call": "probes",
    "Probe": "probes",
    "now": "probes",
    "Run": "running",
    "run": "running",
    "until": "running",
    "expect_loop_time": "running",
    "Kata": "targets",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
