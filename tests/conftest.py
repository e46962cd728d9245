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
turns: see test_triangle.py) and the hostile submissions (taking turns too, below), so
these run on Python 3.11 only (``once(on=(3, 12))`` or ``(3, 13)``: on another, to even out
the sessions);
KATAS_ALL_SLOW=1 runs them on all.

A parametrized test marked ``turns`` grades one hostile submission per case, a whole
grading parent each (2 to 6 s of CPU time): its cases take turns as the triangle's wrong
answers do, the first (in sorted order) on 3.11, the second on 3.12, the third on 3.13, so
that ``nox -s tests`` on the three Pythons runs each once and every Python meets a third of
the attacks. On every Python they took about 60 of the 256 s of CPU time of a session
(3.12, 2 cores; test_integrity and test_isolation went from 120 s to 79 s), and CI on a
slower machine had come within 22 s of its 20 minutes. KATAS_ALL_SLOW=1 runs every case on
every Python.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

ONCE_ON = (3, 11)
PYTHONS = ((3, 11), (3, 12), (3, 13))  # what `nox -s tests` runs on, in turn

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
    """Skip the tests marked ``once`` on every Python but theirs (ONCE_ON), and the cases of
    a test marked ``turns`` that another Python runs (see above)."""
    if os.environ.get("KATAS_ALL_SLOW"):
        return
    here = sys.version_info[:2]
    cases: dict[tuple[str, str], list[pytest.Item]] = {}  # a test -> its cases
    for item in items:
        if here in PYTHONS and item.get_closest_marker("turns") is not None:
            cases.setdefault((str(item.path), item.originalname), []).append(item)
    for group in cases.values():
        for i, item in enumerate(sorted(group, key=lambda it: it.name)):
            version = PYTHONS[i % len(PYTHONS)]
            if version != here:
                reason = (
                    f"a hostile case taking turns: Python {'.'.join(map(str, version))} runs "
                    "it (KATAS_ALL_SLOW=1 runs it on every Python)"
                )
                item.add_marker(pytest.mark.skip(reason=reason))
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
