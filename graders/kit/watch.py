"""Watch mode: grade the current kata, wait for a save, grade again; move on when it passes.

    python -m kit watch [KATA-or-TRACK ...] [--poll] [--interval SECONDS] [--target PATH]

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
from .grade import MARKS, Result, Style, grade, unknown_names
from .manifest import Entry, catalogue
from .paths import REPO, display, resolve_target


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


def screen(result: Result, done: int, total: int, target: Path, style: Style) -> str:
    """One screen about the current kata."""
    entry = result.entry
    filled = round(30 * done / total) if total else 30
    mark, colour = MARKS[result.status]
    lines = [
        f"asyncio-katas watch · {done}/{total} passed [{'█' * filled}{'░' * (30 - filled)}]",
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


def run(entries: list[Entry], target: Path, wait: Callable[[], None]) -> int:
    """The watch loop; returns when every kata passes."""
    style = Style(sys.stdout)
    track_progress = target == REPO / "exercises"
    status = dict(learn.load_progress()["status"]) if track_progress else {}
    while True:
        todo = [e for e in entries if status.get(e.id) != "pass"]
        if not todo:
            print(f"Every kata here passes ({len(entries)}/{len(entries)}). Well done!")
            return 0
        result = grade([todo[0]], target)[0]
        status[result.entry.id] = result.status
        if track_progress:
            learn.record_statuses({result.entry.id: result.status})
        if result.status == "pass":
            nxt = next((e.name for e in todo[1:]), None)
            print(
                style(f"✓ {result.entry.name} passes!", "32")
                + (f" Moving on to {nxt}." if nxt else ""),
                flush=True,
            )
            continue
        done = sum(1 for e in entries if status.get(e.id) == "pass")
        if style.on:
            print("\033[2J\033[H", end="")
        print(screen(result, done, len(entries), target, style), flush=True)
        wait()


def main(args: list[str]) -> int:
    """``python -m kit watch``."""
    ap = argparse.ArgumentParser(prog="nox -s watch --", description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="katas or tracks to work through (default: all)")
    ap.add_argument("--poll", action="store_true", help="poll for changes (WSL, network drives)")
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
    ap.add_argument("--target", default=None, help="folder to watch (default: exercises)")
    parsed = ap.parse_args(args)
    cat = catalogue()
    try:
        entries = cat.select(parsed.names)
    except LookupError as exc:
        print(unknown_names(str(exc.args[0]), cat), file=sys.stderr)
        return 2
    target = resolve_target(parsed.target)
    try:
        return run(entries, target, waiter(target, parsed.poll, parsed.interval))
    except KeyboardInterrupt:
        print("\nStopped watching. Your progress is saved: nox -s watch picks up where you are.")
        return 0
