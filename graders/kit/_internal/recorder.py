"""The recorder: a pytest plugin in the grader process that reports each check to the parent.

The parent owns the channel (a pipe) and decides the points: see orchestrate.py. Code in the
grader process can still lie to the recorder; it cannot write a result file, and what it
would need to forge a message (the key, the fd) is flagged by the static scan (flags.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import sys
from types import ModuleType
from typing import Any

import pytest

from ..outcomes import NotStarted
from . import channel as channel_format
from . import trace
from .data import CheckRecord
from .paths import GRADERS, kata_of
from .sandbox import WATCHED_PACKAGES, Watch, snapshot
from .settled import Settled, grading_modules

OUTPUT_CAP = 2000  # characters of captured output kept per test
# Bound when the kit is imported, before learner code runs (see sandbox.py).
_id, _map, _sorted, _type, _vars = id, map, sorted, type, vars

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
    """Sends the parent one signed message per event, as it happens, over a pipe the parent
    reads: ``start`` (a check begins), ``record`` (a check's outcome) and ``end`` (the
    session is over). Each message carries a sequence number and an HMAC under a key the
    parent sent through a second pipe, read before any learner code runs."""

    def __init__(self, channel: str, guarded: list[ModuleType] | None = None) -> None:
        self.guarded = [
            *(guarded or []),
            json,
            hmac,
            hashlib,
            channel_format,
            sys.modules[__name__],
        ]
        self.baseline: dict[str, int] = {}
        self.manager: Any = None
        write, _, key = channel.partition(",")
        self.fd = int(write)
        os.set_inheritable(self.fd, False)  # not passed on to processes the learner starts
        with os.fdopen(int(key), "rb") as handle:
            self.key = handle.read()
        self.seq = 0
        self._write_all, self._seal = os.write, channel_format.seal

    def _send(self, kind: str, data: object) -> None:
        self.seq += 1
        line = self._seal({"seq": self.seq, "kind": kind, "data": data}, self.key)
        while line:
            line = line[self._write_all(self.fd, line) :]

    def _identity(self) -> dict[str, int]:
        seen = snapshot(self.guarded, self.manager)
        seen.update({f"Recorder.{k}": _id(v) for k, v in _vars(_type(self)).items()})
        mine = {k: v for k, v in _vars(self).items() if k not in _CHANGING}
        seen.update({f"recorder.{k}": _id(v) for k, v in mine.items()})
        return seen

    def _own_ids(self) -> list[int]:
        """The identities of this recorder's class and attributes (``_identity``'s last part)."""
        ids = [*_map(_id, _vars(_type(self)).values())]
        ids.extend(_id(v) for k, v in _vars(self).items() if k not in _CHANGING)
        return ids

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """What graders rely on, before any learner code runs (it runs only in checks)."""
        self.manager = session.config.pluginmanager
        # asyncio's functions and classes: graders replace some while a check runs
        # (monkeypatch, undone at teardown), so they are compared once the check's teardown ran.
        grading = grading_modules(GRADERS.resolve())
        self.watches = (
            Watch(self.guarded, self.manager),
            Watch([*_asyncio_modules(), *_held_modules(grading)], process_wide=False),
        )
        self.settled = Settled(grading)
        last: dict[str, str] = {}  # kata id -> the node id of its last check
        for item in session.items:
            last[kata_of(item.nodeid)] = item.nodeid
        self.lasts = frozenset(last.values())
        self.baseline = self._identity()
        self._own = self._own_ids()

    def _tampered(self, item: pytest.Item, teardown: bool = False) -> list[str]:
        guarded, in_asyncio = self.watches
        # The graders' own modules (a look that costs ten times the others) once a check's
        # teardown ran, as asyncio: a change made while the check ran fails it then. The
        # other katas' graders once a kata's last check ran, before any of theirs runs.
        settled: list[str] = []
        if teardown:
            last = item.nodeid in self.lasts
            settled = self.settled.changed(None if last else getattr(item, "module", None))
        if (
            not settled
            and not guarded.changed()
            and self._own_ids() == self._own
            and not (teardown and in_asyncio.changed())
        ):
            return []  # the fast look: nothing replaced
        now = self._identity()
        changed = {k for k, v in self.baseline.items() if now.get(k) != v}
        added = now.keys() - self.baseline.keys()
        changed |= {k for k in added if k.startswith(("pytest hook", "Recorder.", "recorder."))}
        changed |= {*settled}
        if teardown:
            after = snapshot(in_asyncio.modules)
            mine = tuple(f"{m.__name__}." for m in in_asyncio.modules)
            changed |= {
                k for k, v in in_asyncio.before.items() if k.startswith(mine) and after.get(k) != v
            }
        return _sorted(changed)

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self._send("start", nodeid)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        trace.reset()  # a check's timeline holds its own runs only

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
        outcome = yield
        report = outcome.get_result()
        teardown = report.when == "teardown"
        send = report.when == "call" or report.failed or report.skipped
        changed = self._tampered(item, teardown) if self.baseline and (send or teardown) else []
        if send or changed:
            doc = (getattr(getattr(item, "obj", None), "__doc__", None) or "").strip()
            kata = getattr(item, "funcargs", {}).get("kata")
            runs = [r for r in getattr(kata, "runs", []) if r.clock == "virtual"]
            state = report.outcome
            if hasattr(report, "wasxfail"):
                state = "xfailed" if report.skipped else "xpassed"
            record: CheckRecord = {
                "nodeid": item.nodeid,
                "kata": kata_of(item.nodeid),
                "test": item.name,
                "doc": doc.splitlines()[0] if doc else "",
                "when": report.when,
                "outcome": state,
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
            if changed:  # a hook, the kit or this recorder replaced: its reports are void
                record["outcome"] = "failed"
                record["message"] = (
                    "the code under grading replaced part of the grader ("
                    + ", ".join(changed[:4])
                    + (", ..." if len(changed) > 4 else "")
                    + "); graders only grade code that leaves them alone."
                )
            self._send("record", record)
            if changed:  # the parent ends this process and grades the other katas afresh
                self._send("tampered", record["kata"])

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self) -> None:
        self._send("end", None)


_CHANGING = ("seq", "baseline", "_own")  # the recorder's attributes that change as it works


# What pytest itself replaces around each check (catch_warnings: warnings._showwarnmsg_impl;
# sys.unraisablehook), builtins (watched otherwise), and unittest.mock, whose ``call`` makes
# a new object for each attribute read.
_NOT_HELD = ("sys", "builtins", "warnings", "unittest")


def _held_modules(grading: list[ModuleType]) -> list[ModuleType]:
    """The other modules the graders and the kit hold by name (``time``, ``random``,
    ``threading``...), but what pytest itself replaces (``_NOT_HELD``): a kata file that
    replaced ``time.monotonic`` at import, in the time module itself, printed `hello` and
    `world` at once, and hello_world's grader read a second between them on its clock
    (10/10, unflagged). Compared once a check's teardown ran, as asyncio is: a grader
    replaces ``threading.excepthook`` while it checks."""
    ours = {_id(m) for m in grading}
    found: dict[str, ModuleType] = {}
    for module in grading:
        for value in list(_vars(module).values()):
            if isinstance(value, ModuleType) and _id(value) not in ours:
                name = value.__name__
                if name.partition(".")[0] not in (*WATCHED_PACKAGES, *_NOT_HELD):
                    found[name] = value
    return [found[name] for name in _sorted(found)]


def _asyncio_modules() -> list[ModuleType]:
    """asyncio and its submodules, as loaded."""
    return [m for name, m in list(sys.modules.items()) if name.partition(".")[0] == "asyncio" and m]
