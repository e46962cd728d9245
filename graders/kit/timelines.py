"""What a check tells the scoreboard about the right schedule, to draw when it fails."""

from __future__ import annotations

from collections.abc import Sequence

from ._internal import trace


def ideal_timeline(
    rows: Sequence[tuple[str, float, float]] = (), shape: str = "", ends: float | None = None
) -> None:
    """Say what the right schedule of this check's run looks like, to draw it beside the
    learner's own when the check fails: ``rows`` as (label, start, end) in loop seconds from
    the call's start, ``shape`` in one line ("all 4 start at 0 s; the last ends at 4 s"),
    ``ends`` the time the whole run should take. Never fails."""
    trace.set_ideal(rows, shape, ends)
