"""The learner's view: the scoreboard, its colours and its progress bar."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path
from typing import Any

from .data import KataResult, Status, TimelineData
from .hygiene import for_terminal
from .manifest import Catalogue
from .paths import display
from .timeline import can_draw_unicode
from .timeline import render as render_timeline


class Style:
    """Colour when writing to a terminal, plain text otherwise (and when NO_COLOR is set)."""

    def __init__(self, stream: Any) -> None:
        self.on = (
            hasattr(stream, "isatty")
            and stream.isatty()
            and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb"
        )

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


MARKS = {Status.PASS: ("✓", "32"), Status.FAIL: ("✗", "31"), Status.NOT_STARTED: ("·", "2")}


def bar(share: float, width: int = 30, full: str = "█", empty: str = "░") -> str:
    """A progress bar ``width`` characters wide, ``share`` (0 to 1) of it full."""
    filled = round(max(0.0, min(1.0, share)) * width)
    return full * filled + empty * (width - filled)


def columns(stream: Any = None) -> int:
    """The width to fit: ``COLUMNS`` if set, else the terminal's, else 100 (a file or pipe);
    never under 40 nor over 120 (wider lines are hard to read)."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        width = int(env)
    else:
        width = 100
        try:
            if stream is not None and stream.isatty():
                width = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            pass
    return max(40, min(width, 120))


def fit(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` wrapped to ``width`` columns, later lines indented by ``indent``."""
    return textwrap.wrap(text, width=width, subsequent_indent=indent, break_on_hyphens=False) or [
        ""
    ]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def total_lines(results: list[KataResult], width: int, style: Style) -> list[str]:
    """'Total 10/50  ███░░ 20%   1 passed, ...', on two lines when one does not fit."""
    earned = sum(r.score for r in results)
    possible = sum(r.info.points for r in results)
    counts = {s: sum(1 for r in results if r.status == s) for s in MARKS}
    share = earned / possible if possible else 0.0
    head = f"Total {earned}/{possible}"
    tail = (
        f"{counts[Status.PASS]} passed, {counts[Status.FAIL]} failing, "
        f"{counts[Status.NOT_STARTED]} not started"
    )
    percent = f" {share:.0%}"
    room = width - len(head) - 2 - len(percent) - 3 - len(tail)
    if room >= 10:
        return [style(head, "1") + f"  {bar(share, min(30, room))}{percent}   {tail}"]
    room = max(10, min(30, width - len(head) - 2 - len(percent)))
    return [style(head, "1") + f"  {bar(share, room)}{percent}", tail]


def timeline_of(result: KataResult, passing: bool = False) -> TimelineData | None:
    """The timeline to draw for a kata: its failed check's, or with ``passing`` the first
    concurrency check's (then any check's) of a kata that passes."""
    if result.status is Status.FAIL:
        failed = next((c for c in result.checks if c["outcome"] == "failed"), None)
        return failed.get("timeline") if failed else None
    if passing and result.status is Status.PASS:
        found = [c["timeline"] for c in result.checks if "timeline" in c]
        return next((t for t in found if t["checked"]), found[0] if found else None)
    return None


def scoreboard(
    results: list[KataResult],
    cat: Catalogue,
    target: Path,
    stream: Any = sys.stdout,
    hide_paths: bool = False,
    timelines: bool = False,
) -> str:
    """The learner's view: per track and kata, status, points, and one sentence per failure
    (with its timeline when a concurrency check failed; ``timelines`` for passing katas too).
    Every line fits ``columns(stream)``."""
    style = Style(stream)
    width = columns(stream)
    draw_unicode = can_draw_unicode(stream)
    head = fit(f"asyncio-katas · grading {for_terminal(display(target))}/", width, "  ")
    lines = [*(style(part, "1") for part in head), ""]
    tracks: dict[str, list[KataResult]] = {}
    for result in results:
        tracks.setdefault(result.info.track, []).append(result)
    for track, track_results in tracks.items():
        earned = sum(r.score for r in track_results)
        possible = sum(r.info.points for r in track_results)
        points = f"{earned:>5}/{possible:<4}"
        title = _cut(f"{track[:2]}  {cat.tracks.get(track, track)}", width - len(points) - 1)
        lines.append(style(f"{title:<{width - len(points)}}{points}", "1"))
        for r in track_results:
            mark, colour = MARKS[r.status]
            points = f"{r.score:>5}/{r.info.points:<4}"
            plain = _cut(f"  {mark} {r.info.name:<20} {r.info.title}", width - len(points) - 1)
            label = f"  {style(mark, colour)}{plain[3:]}"
            lines.append(f"{label}{' ' * (width - len(points) - len(plain))}{points}")
            if hide_paths:
                continue
            if r.status is Status.NOT_STARTED:
                where = f"      not started: {for_terminal(display(target / (r.info.id + '.py')))}"
                lines.extend(style(part, "2") for part in fit(where, width, " " * 6))
            elif r.status is Status.FAIL:
                for i, part in enumerate(fit(for_terminal(r.message), width - 6)):
                    lines.append(style(("    → " if i == 0 else "      ") + part, "33"))
            for flag in r.flags:  # for the instructor: never changes the points
                flagged = f"      ⚑ flagged for review: {for_terminal(flag)}"
                lines.extend(style(part, "35") for part in fit(flagged, width, " " * 8))
            drawn = timeline_of(r, passing=timelines)
            if drawn is not None:
                lines.extend(
                    render_timeline(drawn, width=width, unicode=draw_unicode, paint=style, indent=6)
                )
        lines.append("")
    lines.extend(total_lines(results, width, style))
    todo = next((r for r in results if r.status is not Status.PASS), None)
    if todo:
        path = for_terminal(display(target / (todo.info.id + ".py")))
        edit = f"Next: {todo.info.name} — edit {path},"
        then = f"then run: nox -s grade -- {todo.info.name}"
        if len(edit) + 1 + len(then) <= width:
            lines.append(f"{edit} {then}")
        else:
            lines.extend([*fit(edit, width, " " * 6), *fit("      " + then, width, " " * 6)])
    else:
        lines.append("Every kata here passes. Well done!")
    return "\n".join(line.rstrip() for line in lines)
