"""Watch mode: grade the current kata, wait for a save, grade again; move on when it passes.

The current kata is the first one, in teaching order, that has not passed. File changes
come from the ``watchfiles`` package (inotify and friends); ``--poll`` checks modification
times instead, for WSL, network drives and containers where change events do not arrive.

On a terminal, keys act at once (the legend is the last line): ``h`` the next hint, ``l``
the list with progress, ``n`` the next unsolved kata, ``r`` reset the kata (asks first; your
file is backed up), ``s`` the solution once the kata passed, ``c`` regrade every kata, ``t``
the timeline of the last check, ``q`` quit. The terminal is put in cbreak mode (termios), so
keys work over SSH and in containers too; when stdin is not a terminal there are no keys.
Ctrl-C stops it as well; progress is saved as you go.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from . import learn
from .data import KataResult, Status
from .manifest import KataInfo, catalogue
from .orchestrate import discard, grade, prepare
from .paths import REPO, display, resolve_target
from .scoreboard import MARKS, Style, bar, columns, fit, scoreboard, timeline_of
from .timeline import can_draw_unicode
from .timeline import render as render_timeline
from .trace import ALWAYS

KEYS = {
    "h": "hint",
    "l": "list",
    "n": "next",
    "r": "reset",
    "s": "solution",
    "c": "check all",
    "t": "timeline",
    "q": "quit",
}
SAVED = "save"  # what a wait returns when a file changed
STOPPED = "Stopped watching. Your progress is saved: nox -s watch picks up where you are."


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


def wait_by_polling(folder: Path, interval: float, stop: threading.Event | None = None) -> None:
    """Return once a .py file under ``folder`` changes (checked every ``interval`` s)."""
    before = snapshot(folder)
    while snapshot(folder) == before:
        if stop is not None and stop.wait(interval):
            return
        if stop is None:
            time.sleep(interval)


def wait_for_events(folder: Path, stop: threading.Event | None = None) -> None:
    """Return once a .py file under ``folder`` changes (file system events)."""
    import watchfiles

    for _ in watchfiles.watch(
        folder,
        watch_filter=lambda _c, p: p.endswith(".py"),
        debounce=200,
        stop_event=stop,
    ):
        return


class Changes:
    """Waits for saves in a background thread, so the main thread can read keys meanwhile."""

    def __init__(self, folder: Path, poll: bool, interval: float) -> None:
        self.changed = threading.Event()
        self.stop = threading.Event()
        events = not poll
        if events:
            try:
                import watchfiles  # noqa: F401
            except ImportError:
                events = False
                print("(watchfiles is not installed: checking for changes by polling)")

        def loop() -> None:
            while not self.stop.is_set():
                if events:
                    wait_for_events(folder, self.stop)
                else:
                    wait_by_polling(folder, interval, self.stop)
                if not self.stop.is_set():
                    self.changed.set()

        self.thread = threading.Thread(target=loop, name="katas-watch", daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop waiting."""
        self.stop.set()


@contextlib.contextmanager
def raw_keys(stream: TextIO) -> Iterator[int | None]:
    """Single key presses from ``stream`` (cbreak mode: no Enter needed, Ctrl-C still works);
    yields its file descriptor, or None when it is not a terminal (then there are no keys)."""
    try:
        import termios
        import tty
    except ImportError:  # Windows: no termios
        yield None
        return
    try:
        fd = stream.fileno()
        if not os.isatty(fd):
            raise OSError
        saved = termios.tcgetattr(fd)
    except (OSError, ValueError, termios.error):
        yield None
        return
    try:
        tty.setcbreak(fd)
        yield fd
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def next_event(fd: int | None, changes: Changes, tick: float = 0.05) -> str:
    """The next key pressed (one character) or ``SAVED`` after a file changed."""
    while True:
        if changes.changed.is_set():
            changes.changed.clear()
            return SAVED
        if fd is None:
            changes.changed.wait(tick * 4)
            continue
        ready, _, _ = select.select([fd], [], [], tick)
        if ready:
            data = os.read(fd, 1)
            if not data:  # the terminal went away: watch on without keys
                fd = None
                continue
            return data.decode("ascii", "replace").lower()


def link(path: Path, text: str, on: bool) -> str:
    """``text`` as a clickable OSC 8 link to ``path`` (terminals that know it), else plain."""
    if not on:
        return text
    return f"\033]8;;{path.resolve().as_uri()}\033\\{text}\033]8;;\033\\"


def links_work(stream: Any) -> bool:
    """OSC 8 where the output is a terminal that is not a bare console."""
    try:
        tty_out = bool(stream.isatty())
    except (AttributeError, ValueError):
        tty_out = False
    return tty_out and os.environ.get("TERM", "") not in ("dumb", "linux", "")


def legend(width: int, keys: bool) -> str:
    """The last line: what each key does (or how to grade again without keys)."""
    if not keys:
        return "Save the file to grade it again. Ctrl-C to quit."
    full = "Save the file to grade it again. " + " · ".join(f"{k} {v}" for k, v in KEYS.items())
    for line in (
        full,
        " · ".join(f"{k} {v}" for k, v in KEYS.items()),
        " ".join(f"{k} {v.split()[0]}" for k, v in KEYS.items()),
    ):
        if len(line) <= width:
            return line
    return " ".join(KEYS)


def screen(
    result: KataResult,
    done: int,
    total: int,
    target: Path,
    style: Style,
    *,
    width: int | None = None,
    keys: bool = False,
    links: bool = False,
    unicode: bool = True,
) -> str:
    """One screen about the current kata; every line fits ``width``."""
    width = width or columns(sys.stdout)
    entry = result.info
    mark, colour = MARKS[result.status]
    path = target / (entry.id + ".py")
    head = f"asyncio-katas watch · {done}/{total} passed"
    room = width - len(head) - 3
    lines = [
        head + (f" [{bar(done / total if total else 1.0, min(30, room))}]" if room >= 10 else "")
    ]
    lines += ["", *(style(part, "1") for part in fit(f"{entry.name}: {entry.title}", width))]
    shown = display(path)
    for n, part in enumerate(fit("file: " + shown, width, "      ")):  # a link, even wrapped
        lead = "file: " if n == 0 else "      "
        lines.append(lead + link(path, part[len(lead) :], links))
    lines += ["", style(f"{mark} {result.status}", colour)]
    if result.message:
        lines += ["  " + part for part in fit(result.message, width - 2)]
    drawn = timeline_of(result)
    if drawn is not None:
        lines += render_timeline(drawn, width=width, unicode=unicode, paint=style, indent=2)
    last = (
        legend(width, keys)
        if keys
        else f"Save the file to grade it again. Stuck? nox -s hint -- {entry.name}. Ctrl-C to quit."
    )
    lines += ["", *fit(last, width)]
    return "\n".join(lines)


def open_in_editor(path: Path) -> str:
    """Open ``path`` in VS Code (inside its terminal), $VISUAL or $EDITOR; one line on what."""
    line = 1
    with contextlib.suppress(OSError):
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "NotImplementedError" in text:
                line = n
                break
    if os.environ.get("TERM_PROGRAM") == "vscode" and shutil.which("code"):
        subprocess.Popen(["code", "-g", f"{path}:{line}"])
        return f"(opened {display(path)}:{line} in VS Code)"
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        return "(--edit: set $VISUAL or $EDITOR to open the kata in your editor)"
    try:
        subprocess.call([*shlex.split(editor), str(path)])
    except OSError as exc:
        return f"(could not start {editor}: {exc})"
    return f"(edited {display(path)} in {editor})"


class Watch:
    """The watch loop and its keys."""

    def __init__(
        self,
        entries: list[KataInfo],
        target: Path,
        *,
        out: TextIO = sys.stdout,
        edit: bool = False,
    ) -> None:
        self.entries = entries
        self.target = target
        self.out = out
        self.edit = edit
        self.style = Style(out)
        self.links = links_work(out)
        self.unicode = can_draw_unicode(out)
        self.track_progress = target == REPO / "exercises"
        saved = learn.load_progress()["status"] if self.track_progress else {}
        self.status: dict[str, str] = dict(saved)
        self.skipped: list[str] = []  # katas passed over with n, in order
        self.result: KataResult | None = None
        self.last_passed: KataInfo | None = None
        self.opened: str = ""
        self.keys = False

    def say(self, text: str) -> None:
        """Print and flush."""
        print(text, file=self.out, flush=True)

    def tell(self, text: str) -> None:
        """Print prose, each line wrapped to the terminal's width."""
        width = columns(self.out)
        lead = len(text) - len(text.lstrip("\n"))
        wrapped = [
            part
            for line in text.lstrip("\n").splitlines()
            for part in fit(line, width, " " * (len(line) - len(line.lstrip()) or 2))
        ]
        self.say("\n" * lead + "\n".join(wrapped))

    def todo(self) -> list[KataInfo]:
        """The unsolved katas, the current one first (skipped ones go last)."""
        left = [e for e in self.entries if self.status.get(e.id) != Status.PASS]
        return [e for e in left if e.id not in self.skipped] + [
            e for i in self.skipped for e in left if e.id == i
        ]

    def grade_current(self) -> KataResult | None:
        """Grade the current kata (moving on while katas pass); None when all pass."""
        while True:
            todo = self.todo()
            if not todo:
                return None
            entry = todo[0]
            if self.edit and self.opened != entry.id:
                self.opened = entry.id
                self.say(open_in_editor(self.target / (entry.id + ".py")))
            result = grade([entry], self.target)[0]
            self.record(result)
            if result.status is not Status.PASS:
                return result
            self.last_passed = entry
            nxt = next((e.name for e in self.todo()), None)
            self.say(
                self.style(f"✓ {entry.name} passes!", "32")
                + (f" Moving on to {nxt}." if nxt else "")
            )

    def record(self, result: KataResult) -> None:
        """Remember a grade (and save it when grading exercises/)."""
        self.status[result.info.id] = result.status
        if self.track_progress:
            learn.record_statuses({result.info.id: result.status})

    def draw(self) -> None:
        """Clear the terminal and show the current kata."""
        assert self.result is not None
        done = sum(1 for e in self.entries if self.status.get(e.id) == Status.PASS)
        if self.style.on:
            print("\033[2J\033[H", end="", file=self.out)
        self.say(
            screen(
                self.result,
                done,
                len(self.entries),
                self.target,
                self.style,
                width=columns(self.out),
                keys=self.keys,
                links=self.links,
                unicode=self.unicode,
            )
        )

    def ask(self, fd: int | None, question: str) -> bool:
        """A yes/no question answered with one key (no is the default)."""
        self.tell(f"{question} [y/N]")
        if fd is None:
            return False
        select.select([fd], [], [])
        return os.read(fd, 1).decode("ascii", "replace").lower() == "y"

    def on_key(self, key: str, fd: int | None) -> str:
        """Act on one key; returns "quit", "regrade" or "" (stay)."""
        assert self.result is not None
        entry = self.result.info
        width = columns(self.out)
        if key == "q":
            return "quit"
        if key == "h":
            self.tell("\n" + learn.hint(entry))
        elif key == "l":
            listed = [
                KataResult(e, Status(self.status.get(e.id, "not started"))) for e in self.entries
            ]
            self.say("\n" + scoreboard(listed, catalogue(), self.target, self.out, hide_paths=True))
        elif key == "n":
            todo = self.todo()
            if len(todo) < 2:
                self.say("\nNo other unsolved kata here.")
                return ""
            self.skipped = [i for i in self.skipped if i != entry.id] + [entry.id]
            return "regrade"
        elif key == "r":
            if not self.track_progress:
                self.tell(
                    f"\nReset works on exercises/ only (this watch grades {display(self.target)})."
                )
            elif self.ask(fd, f"\nReset {entry.name} to its stub? Your file is backed up first."):
                self.tell("\n".join(learn.reset([entry])))
                self.status[entry.id] = Status.NOT_STARTED
                return "regrade"
            else:
                self.say("Not reset.")
        elif key == "s":
            shown = entry if self.status.get(entry.id) == Status.PASS else self.last_passed
            if shown is None:
                self.tell(f"\nThe solution of {entry.name} unlocks once your kata passes.")
            else:  # it passed while watched: no need to look the grade up again
                self.say("\n" + learn.solution(shown, force=True)[1])
        elif key == "c":
            self.say("\nGrading every kata...")
            results = grade(self.entries, self.target)
            for result in results:
                self.record(result)
            self.say(scoreboard(results, catalogue(), self.target, self.out))
            self.say("\n" + legend(width, True))
            prepare([entry], self.target)  # grading all ended the one started ahead
        elif key == "t":
            drawn = timeline_of(self.result) or next(
                (c["timeline"] for c in self.result.checks if "timeline" in c), None
            )
            if drawn is None:
                self.say("\nNo timeline: no check of this kata looked at when its calls ran.")
            else:
                lines = render_timeline(drawn, width=width, unicode=self.unicode, paint=self.style)
                self.say("\n" + "\n".join(lines))
        return ""

    def run(self, changes: Changes, stdin: TextIO = sys.stdin) -> int:
        """Grade, show, wait for a save or a key; returns when every kata passes or on q."""
        os.environ[ALWAYS] = "1"  # keep every check's timeline, for t
        with raw_keys(stdin) as fd:
            self.keys = fd is not None
            regrade = True
            while True:
                if regrade:
                    self.result = self.grade_current()
                    if self.result is None:
                        total = len(self.entries)
                        self.say(f"Every kata here passes ({total}/{total}). Well done!")
                        return 0
                    self.draw()
                    # The next save is answered by a grader process started now, while the
                    # learner reads and edits: pytest and the graders are loaded by then.
                    prepare([self.result.info], self.target)
                event = next_event(fd, changes)
                if event == SAVED:
                    regrade = True
                    continue
                action = self.on_key(event, fd)
                if action == "quit":
                    self.say(STOPPED)
                    return 0
                regrade = action == "regrade"


def command(args: argparse.Namespace) -> int:
    """``python -m kit watch``."""
    cat = catalogue()
    try:
        infos = cat.select(args.names)
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])), file=sys.stderr)
        return 2
    target = resolve_target(args.target)
    changes = Changes(target, args.poll, args.interval)
    try:
        return Watch(infos, target, edit=getattr(args, "edit", False)).run(changes)
    except KeyboardInterrupt:
        print("\n" + STOPPED)
        return 0
    finally:
        discard()
        changes.close()
