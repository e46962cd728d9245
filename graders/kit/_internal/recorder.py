"""The recorder: a pytest plugin in the grader process that writes one JSON record per check."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ..outcomes import NotStarted
from . import trace
from .data import CheckRecord
from .paths import kata_of

OUTPUT_CAP = 2000  # characters of captured output kept per test

TIMEOUT_SENTENCE = (
    "your code ran for more than {limit} s of real time and was stopped: an endless loop, "
    "or a blocking call that never returns?"
)


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

    def _write(self, data: CheckRecord | dict[str, list[str]]) -> None:
        self.file.write(json.dumps(data) + "\n")
        self.file.flush()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._write({"collected": [item.nodeid for item in session.items]})

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        trace.reset()  # a check's timeline holds its own runs only

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or report.failed or report.skipped:
            doc = (getattr(getattr(item, "obj", None), "__doc__", None) or "").strip()
            kata = getattr(item, "funcargs", {}).get("kata")
            runs = [r for r in getattr(kata, "runs", []) if r.clock == "virtual"]
            record: CheckRecord = {
                "nodeid": item.nodeid,
                "kata": kata_of(item.nodeid),
                "test": item.name,
                "doc": doc.splitlines()[0] if doc else "",
                "when": report.when,
                "outcome": report.outcome,
                "duration": round(report.duration, 4),
                "message": "",
                "not_started": False,
                "virtual_loop_seconds": round(sum(r.loop_seconds for r in runs), 6),
                "virtual_wall_seconds": round(sum(r.wall_seconds for r in runs), 6),
                "output": "",
            }
            output = report.capstdout + report.capstderr
            if len(output) > OUTPUT_CAP:
                cut = len(output) - OUTPUT_CAP
                output = output[:OUTPUT_CAP] + f"\n[... {cut} more characters of output cut]"
            record["output"] = output
            if report.failed and call.excinfo is not None:
                record["message"], record["not_started"] = message_of(call)
            elif report.skipped and isinstance(report.longrepr, tuple):
                record["message"] = str(report.longrepr[2]).removeprefix("Skipped: ")
            if report.when == "call" and not record["not_started"]:
                timeline = trace.export(failed=report.failed)
                if timeline is not None:
                    record["timeline"] = timeline
            self._write(record)

    def pytest_unconfigure(self) -> None:
        self.file.close()


def read_report(path: Path) -> tuple[list[str], list[CheckRecord]]:
    """The collected test ids and the records of a report file (empty if unreadable)."""
    collected: list[str] = []
    records: list[CheckRecord] = []
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
