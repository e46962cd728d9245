"""A pytest plugin that writes one JSON record per grader test, for the scoreboard and reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .outcomes import NotStarted
from .running import RUNS

TIMEOUT_SENTENCE = (
    "your code ran for more than {limit} s of real time and was stopped: an endless loop, "
    "or a blocking call that never returns?"
)


def kata_of(nodeid: str) -> str:
    """'graders/02_tasks/test_fetch_all.py::test_x' -> '02_tasks/fetch_all'."""
    path = nodeid.split("::")[0]
    parts = Path(path).parts
    track, module = parts[-2], Path(parts[-1]).stem.removeprefix("test_")
    return f"{track}/{module}"


def message_of(call: pytest.CallInfo[Any]) -> tuple[str, bool]:
    """One line for a failed test, and whether the learner has not started."""
    assert call.excinfo is not None
    exc = call.excinfo.value
    if isinstance(exc, NotStarted):
        return str(exc.msg), True
    if isinstance(exc, pytest.fail.Exception):
        text = str(exc.msg)
        if text.startswith("Timeout"):
            return TIMEOUT_SENTENCE.format(limit=text.split(">")[-1].rstrip("s")), False
        return text, False
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"grader error {type(exc).__name__}: {first}", False


class Recorder:
    """Collects test outcomes and writes them to ``path`` at the end of the session."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: list[dict[str, Any]] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or report.failed or report.skipped:
            doc = (getattr(item, "obj", None).__doc__ or "").strip()
            record: dict[str, Any] = {
                "nodeid": item.nodeid,
                "kata": kata_of(item.nodeid),
                "test": item.name,
                "doc": doc.splitlines()[0] if doc else "",
                "when": report.when,
                "outcome": report.outcome,
                "duration": round(report.duration, 4),
                "message": "",
                "not_started": False,
                "virtual_loop_seconds": round(sum(r[1] for r in RUNS if r[0] == "virtual"), 6),
                "virtual_wall_seconds": round(sum(r[2] for r in RUNS if r[0] == "virtual"), 6),
            }
            RUNS.clear()
            if report.failed and call.excinfo is not None:
                record["message"], record["not_started"] = message_of(call)
            elif report.skipped and isinstance(report.longrepr, tuple):
                record["message"] = str(report.longrepr[2]).removeprefix("Skipped: ")
            self.records.append(record)

    def pytest_sessionfinish(self) -> None:
        self.path.write_text(json.dumps(self.records, indent=1), encoding="utf-8")
