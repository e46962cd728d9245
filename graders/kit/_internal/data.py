"""The records that travel between the kit's parts: a leaf module that imports nothing of the kit.

- ``Status``: a kata's grade, as the scoreboard and the reports name it.
- ``CheckRecord``: what the recorder writes for one grader check (one pytest test).
- ``KataResult``: the grade of one kata, folded from its checks' records.
- ``RunRecord``: one run of learner code on a loop (for the report's virtual-time figures).
- ``TimelineData``: the calls a check's last run made, to draw as a timeline.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

if TYPE_CHECKING:
    from .manifest import KataInfo


class Status(enum.StrEnum):
    """A kata's grade. The values are the words the scoreboard and progress file use."""

    PASS = "pass"
    FAIL = "fail"
    NOT_STARTED = "not started"


class TimelineRow(TypedDict):
    """One call on a timeline, in seconds from the start of the learner's call."""

    label: str  # "fetch('c')", "sleep(10)", "/items?page=2"
    group: str  # the probe's name, "sleep", or "" for a grader's ideal row
    start: float
    end: float | None  # None: still running when the call returned
    cancelled: bool


class TimelineData(TypedDict):
    """A check's timeline: the learner's calls and, when the grader knows it, the ideal."""

    clock: str  # "virtual" (loop seconds) or "real" (measured real seconds)
    rows: list[TimelineRow]
    ideal: list[TimelineRow]
    took: float | None  # how long the learner's call took
    expected: float | None  # how long it should have taken, when the check says
    shape: str  # the expected shape in words, when the grader gives it
    checked: bool  # a concurrency check (loop time, peak, schedule) judged this run


class CheckRecord(TypedDict):
    """One grader check's outcome, as the recorder writes it (one JSON line)."""

    nodeid: str
    kata: str  # "02_tasks/fetch_all"
    test: str
    doc: str
    when: str  # "setup", "call" or "teardown"
    outcome: Literal["passed", "failed", "skipped"]
    duration: float
    message: str
    not_started: bool
    virtual_loop_seconds: float
    virtual_wall_seconds: float
    output: str
    timeline: NotRequired[TimelineData]  # when a concurrency check failed (or --timeline)


@dataclass(frozen=True)
class RunRecord:
    """One run of learner code: its clock and the loop and real seconds it took."""

    clock: Literal["virtual", "real"]
    loop_seconds: float
    wall_seconds: float


@dataclass
class KataResult:
    """The grade of one kata."""

    info: KataInfo
    status: Status
    message: str = ""
    checks: list[CheckRecord] = field(default_factory=list)
    output: str = ""  # pytest's own output, shown with -v
    # For a human to review (kit._internal.flags, and what grading saw): never changes points.
    flags: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        """Points earned: all of them for a pass, none otherwise."""
        return self.info.points if self.status is Status.PASS else 0
