"""The order in which pytest-xdist hands out test files (nox -s tests: --dist loadfile), and
the tests that run on one Python.

xdist hands out the files with the most tests first, and a worker takes its next file
while the last two tests of its current one run. test_budgets.py and test_lingering.py
hold a few tests that take a minute of real time in all: handed out last, they would end
the run alone. So the first files are: the triangle (minutes), test_kit (its busy_cpu
tests time the watchdog on a CPU shared eight ways, and must run while the other workers
are light: test_budgets starts with the slow burn, which sleeps, and test_lingering with
daemons that wait), test_budgets, test_lingering; then the rest in xdist's order.

A test marked ``once`` is an end-to-end test of the grading parent (a gradebook of a class,
shards merged, every solution and every stub through the scoreboard, Gradescope's
run_autograder, watch and its keys on a terminal, instructors' extra tests, a new kata's
files, the dev check on a copy of the repository): 5 to 40 s of CPU time each, for code
that is the same on every Python. What does differ between Pythons (the grader processes,
the sandbox, the tamper checks) is tested on each by the triangle (its wrong answers taking
turns: see test_triangle.py) and the hostile submissions, so these run on Python 3.11 only
(``once(on=(3, 12))`` or ``(3, 13)``: on another, to even out the sessions);
KATAS_ALL_SLOW=1 runs them on all.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

ONCE_ON = (3, 11)

FIRST = (
    "tests/test_triangle.py",
    "tests/test_kit.py",
    "tests/test_budgets.py",
    "tests/test_lingering.py",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's loadfile scheduling, with the FIRST files at the head of its queue."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FirstFiles(LoadFileScheduling):
        def _assign_work_unit(self, node: Any) -> None:
            queue = getattr(self, "workqueue", {})  # file -> its tests, in xdist's order
            for scope in reversed(FIRST):
                if scope in queue:
                    queue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return FirstFiles(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the tests marked ``once`` on every Python but theirs (ONCE_ON; see above)."""
    if os.environ.get("KATAS_ALL_SLOW"):
        return
    for item in items:
        marker = item.get_closest_marker("once")
        if marker is None:
            continue
        on = tuple(marker.kwargs.get("on", ONCE_ON))
        if sys.version_info[:2] != on:
            version = ".".join(map(str, on))
            reason = (
                f"an end-to-end test of the grading parent: on Python {version} only "
                "(KATAS_ALL_SLOW=1 runs it on every Python)"
            )
            item.add_marker(pytest.mark.skip(reason=reason))
