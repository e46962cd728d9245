"""The learner's view: the scoreboard, its colours and its progress bar."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .data import KataResult, Status
from .manifest import Catalogue
from .paths import display


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


def _wrap(text: str, indent: int, width: int) -> Iterable[str]:
    return textwrap.wrap(text, width=max(40, width - indent), break_on_hyphens=False)


def scoreboard(
    results: list[KataResult],
    cat: Catalogue,
    target: Path,
    stream: Any = sys.stdout,
    hide_paths: bool = False,
) -> str:
    """The learner's view: per track and kata, status, points, and one sentence per failure."""
    style = Style(stream)
    width = min(shutil.get_terminal_size((100, 20)).columns, 110)
    lines = [style(f"asyncio-katas · grading {display(target)}/", "1"), ""]
    tracks: dict[str, list[KataResult]] = {}
    for result in results:
        tracks.setdefault(result.info.track, []).append(result)
    for track, track_results in tracks.items():
        earned = sum(r.score for r in track_results)
        possible = sum(r.info.points for r in track_results)
        title = f"{track[:2]}  {cat.tracks.get(track, track)}"
        lines.append(style(f"{title:<{width - 12}}{earned:>5}/{possible:<4}", "1"))
        for r in track_results:
            mark, colour = MARKS[r.status]
            label = f"  {style(mark, colour)} {r.info.name:<20} {r.info.title}"
            pad = width - 12 - len(f"  {mark} {r.info.name:<20} {r.info.title}")
            lines.append(f"{label}{' ' * max(1, pad)}{r.score:>5}/{r.info.points:<4}")
            if hide_paths:
                continue
            if r.status is Status.NOT_STARTED:
                lines.append(
                    style(f"      not started: {display(target / (r.info.id + '.py'))}", "2")
                )
            elif r.status is Status.FAIL:
                for i, part in enumerate(_wrap(r.message, 6, width)):
                    lines.append(style(("    → " if i == 0 else "      ") + part, "33"))
        lines.append("")
    earned = sum(r.score for r in results)
    possible = sum(r.info.points for r in results)
    counts = {s: sum(1 for r in results if r.status == s) for s in MARKS}
    share = earned / possible if possible else 0.0
    lines.append(
        style(f"Total {earned}/{possible}", "1")
        + f"  {bar(share)} {share:.0%}   "
        + f"{counts[Status.PASS]} passed, {counts[Status.FAIL]} failing, "
        + f"{counts[Status.NOT_STARTED]} not started"
    )
    todo = next((r for r in results if r.status is not Status.PASS), None)
    if todo:
        lines.append(
            f"Next: {todo.info.name} — edit {display(target / (todo.info.id + '.py'))}, "
            f"then run: nox -s grade -- {todo.info.name}"
        )
    else:
        lines.append("Every kata here passes. Well done!")
    return "\n".join(lines)
