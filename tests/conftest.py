"""The order in which pytest-xdist hands out test files (nox -s tests: --dist loadfile).

xdist hands out the files with the most tests first, and a worker takes its next file
while the last two tests of its current one run. test_budgets.py and test_lingering.py
hold a few tests that take a minute of real time in all: handed out last, they would end
the run alone. So the first files are: the triangle (minutes), test_kit (its busy_cpu
tests time the watchdog on a CPU shared eight ways, and must run while the other workers
are light: test_budgets starts with the slow burn, which sleeps, and test_lingering with
daemons that wait), test_budgets, test_lingering; then the rest in xdist's order.
"""

from __future__ import annotations

from typing import Any

import pytest

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
