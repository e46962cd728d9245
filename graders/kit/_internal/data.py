"""The records that travel between the kit's parts: a leaf module that imports nothing of the kit.

- ``Status``: a kata's grade, as the scoreboard and the reports name it.
- ``CheckRecord``: what the recorder writes for one grader check (one pytest test).
- ``KataResult``: the grade of one kata, folded from its checks' records.
- ``RunRecord``: one run of learner code on a loop (for the report's virtual-time figures).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypedDict

if TYPE_CHECKING:
    from .manifest import KataInfo


class Status(enum.StrEnum):
    """A kata's grade. The values are the words the scoreboard and progress file use."""

    PASS = "pass"
    FAIL = "fail"
    NOT_STARTED = "not started"


class CheckRecord(TypedDict):
    """One grader check's outcome, as the recorder writes it (one JSON line)."""

    nodeid: str
    kata: str  # "02_tasks/fetch_all"
    test: str
    doc: str
    when: str  # "setup", "call" or "teardown"
    outcome: str  # "passed", "failed" or "skipped"
    duration: float
    message: str
    not_started: bool
    virtual_loop_seconds: float
    virtual_wall_seconds: float
    output: str


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

    @property
    def score(self) -> int:
        """Points earned: all of them for a pass, none otherwise."""
        return self.info.points if self.status is Status.PASS else 0
