"""A pytest plugin that writes one JSON record per grader test, for the scoreboard and reports."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .outcomes import NotStarted
from .running import RUNS

OUTPUT_CAP = 2000  # characters of captured output kept per test

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
            limit = re.search(r">\s*([\d.]+)", text)
            return TIMEOUT_SENTENCE.format(limit=f"{float(limit[1]):g}" if limit else "?"), False
        return text, False
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"grader error {type(exc).__name__}: {first}", False


class Recorder:
    """Writes the collected test ids, then one JSON line per test outcome as it happens, so
    a process that dies mid-way still leaves what it graded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.open("w", encoding="utf-8")

    def _write(self, data: dict[str, Any]) -> None:
        self.file.write(json.dumps(data) + "\n")
        self.file.flush()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._write({"collected": [item.nodeid for item in session.items]})

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
            output = report.capstdout + report.capstderr
            if len(output) > OUTPUT_CAP:
                cut = len(output) - OUTPUT_CAP
                output = output[:OUTPUT_CAP] + f"\n[... {cut} more characters of output cut]"
            record["output"] = output
            if report.failed and call.excinfo is not None:
                record["message"], record["not_started"] = message_of(call)
            elif report.skipped and isinstance(report.longrepr, tuple):
                record["message"] = str(report.longrepr[2]).removeprefix("Skipped: ")
            self._write(record)

    def pytest_unconfigure(self) -> None:
        self.file.close()


def read_report(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The collected test ids and the records of a report file (empty if unreadable)."""
    collected: list[str] = []
    records: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return collected, records
    for line in lines:
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a dying process
        if "collected" in data:
            collected.extend(data["collected"])
        else:
            records.append(data)
    return collected, records
