"""Watch mode: grade the current kata, wait for a save, grade again; move on when it passes.

The current kata is the first one, in teaching order, that has not passed. File changes
come from the ``watchfiles`` package (inotify and friends); ``--poll`` checks modification
times instead, for WSL, network drives and containers where change events do not arrive.
Ctrl-C stops it; progress is saved as you go.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from . import learn
from .data import KataResult, Status
from .manifest import KataInfo, catalogue
from .orchestrate import grade
from .paths import REPO, display, resolve_target
from .scoreboard import MARKS, Style, bar


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every .py file under ``folder``."""
    out = {}
    for path in folder.rglob("*.py"):
        try:
            stat = path.stat()
        except OSError:
            continue
        out[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return out


def wait_by_polling(folder: Path, interval: float) -> None:
    """Return once a .py file under ``folder`` changes (checked every ``interval`` s)."""
    before = snapshot(folder)
    while snapshot(folder) == before:
        time.sleep(interval)


def wait_for_events(folder: Path) -> None:
    """Return once a .py file under ``folder`` changes (file system events)."""
    import watchfiles

    for _ in watchfiles.watch(folder, watch_filter=lambda _c, p: p.endswith(".py"), debounce=200):
        return


def waiter(folder: Path, poll: bool, interval: float) -> Callable[[], None]:
    """The way to wait for a save: events when watchfiles is installed and not ``poll``."""
    if not poll:
        try:
            import watchfiles  # noqa: F401
        except ImportError:
            print("(watchfiles is not installed: checking for changes by polling)")
        else:
            return lambda: wait_for_events(folder)
    return lambda: wait_by_polling(folder, interval)


def screen(result: KataResult, done: int, total: int, target: Path, style: Style) -> str:
    """One screen about the current kata."""
    entry = result.info
    mark, colour = MARKS[result.status]
    lines = [
        f"asyncio-katas watch · {done}/{total} passed [{bar(done / total if total else 1.0)}]",
        "",
        style(f"{entry.name}: {entry.title}", "1"),
        f"file: {display(target / (entry.id + '.py'))}",
        "",
        style(f"{mark} {result.status}", colour),
    ]
    if result.message:
        lines += textwrap.wrap(result.message, 96, initial_indent="  ", subsequent_indent="  ")
    lines += [
        "",
        f"Save the file to grade it again. Stuck? nox -s hint -- {entry.name}. Ctrl-C to quit.",
    ]
    return "\n".join(lines)


def run(entries: list[KataInfo], target: Path, wait: Callable[[], None]) -> int:
    """The watch loop; returns when every kata passes."""
    style = Style(sys.stdout)
    track_progress = target == REPO / "exercises"
    status = dict(learn.load_progress()["status"]) if track_progress else {}
    while True:
        todo = [e for e in entries if status.get(e.id) != Status.PASS]
        if not todo:
            print(f"Every kata here passes ({len(entries)}/{len(entries)}). Well done!")
            return 0
        result = grade([todo[0]], target)[0]
        status[result.info.id] = result.status
        if track_progress:
            learn.record_statuses({result.info.id: result.status})
        if result.status is Status.PASS:
            nxt = next((e.name for e in todo[1:]), None)
            print(
                style(f"✓ {result.info.name} passes!", "32")
                + (f" Moving on to {nxt}." if nxt else ""),
                flush=True,
            )
            continue
        done = sum(1 for e in entries if status.get(e.id) == Status.PASS)
        if style.on:
            print("\033[2J\033[H", end="")
        print(screen(result, done, len(entries), target, style), flush=True)
        wait()


def command(args: argparse.Namespace) -> int:
    """``python -m kit watch``."""
    cat = catalogue()
    try:
        infos = cat.select(args.names)
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])), file=sys.stderr)
        return 2
    target = resolve_target(args.target)
    try:
        return run(infos, target, waiter(target, args.poll, args.interval))
    except KeyboardInterrupt:
        print("\nStopped watching. Your progress is saved: nox -s watch picks up where you are.")
        return 0
