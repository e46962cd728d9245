"""Watch mode in a real terminal emulator: pyte reads what watch writes to a pty, keys go in."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kit._internal.paths import REPO
from kit._internal.watch import raw_keys

pyte = pytest.importorskip("pyte")

COLUMNS, ROWS = 80, 60
SEQUENTIAL = (
    "import asyncio\n\n\nasync def two_sleepers(a=10, b=5):\n"
    "    start = asyncio.get_running_loop().time()\n"
    "    await asyncio.sleep(a)\n    await asyncio.sleep(b)\n"
    "    return asyncio.get_running_loop().time() - start\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\]8;;[^\x1b]*\x1b\\")


class Terminal:
    """A pty of 80x60 with pyte on the other side."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.lock = threading.Lock()
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, cwd=REPO, env=env, start_new_session=True
        )
        os.close(slave)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.raw += data
                self.stream.feed(data)

    def text(self) -> str:
        with self.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def wait(self, what: Callable[[str], bool] | str, timeout: float = 120.0) -> str:
        test = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.text()
            if test(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"never on screen: {what!r}; the screen:\n{self.text()}")

    def press(self, key: str) -> None:
        os.write(self.master, key.encode())

    def lines_written(self) -> list[str]:
        """Every line the program wrote, without escape sequences."""
        with self.lock:
            text = self.raw.decode("utf-8", "replace")
        return [ANSI.sub("", line) for line in re.split(r"\r?\n|\x1b\[2J\x1b\[H", text)]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    target = tmp_path / "exercises"
    shutil.copytree(REPO / "exercises" / "02_tasks", target / "02_tasks")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")},
        "PYTHONPATH": "graders",
        "KATAS_STATE": str(tmp_path / "state"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }
    args = [sys.executable, "-m", "kit", "watch", "two_sleepers", "fetch_all"]
    args += ["--poll", "--interval", "0.1", "--target", str(target)]
    term = Terminal(args, env)
    try:
        yield term, target
    finally:
        term.close()


@pytest.mark.once(on=(3, 12))
@pytest.mark.timeout(900)  # each save regrades in a subprocess: slow on a busy machine
def test_watch_keys_saves_and_a_pass_on_a_terminal(terminal: tuple[Terminal, Path]) -> None:
    term, target = terminal
    screen = term.wait("h hint")
    assert "two_sleepers: Two sleepers, one wait" in screen and "not started" in screen
    assert "h hint l list n next r reset s solution c check t timeline q quit" in screen

    # A save: the sequential answer fails with its sentence and its timeline.
    time.sleep(0.3)
    (target / "02_tasks" / "two_sleepers.py").write_text(SEQUENTIAL, encoding="utf-8")
    screen = term.wait("took 15 s of loop time")
    assert "yours, in loop seconds:" in screen
    assert re.search(r"sleep\(10\) │█+ +│ 0 → 10", screen), screen
    assert re.search(r"sleep\(5\) │ +█+│ 10 → 15", screen), screen

    # Keys: a hint, the list, no reset.
    term.press("h")
    term.wait("Hint 1/")
    term.press("l")
    term.wait(lambda s: re.search(r"✗ two_sleepers .* 0/10", s) is not None)
    term.press("r")
    term.wait("Reset works on exercises/ only")

    # A pass moves on to the next kata.
    time.sleep(0.3)
    shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", target / "02_tasks")
    screen = term.wait("fetch_all: Fan out, keep the order")
    assert "1/2 passed" in screen
    assert any("✓ two_sleepers passes! Moving on to fetch_all." in x for x in term.lines_written())
    too_wide = [line for line in term.lines_written() if len(line) > COLUMNS]
    assert not too_wide
    term.press("s")
    term.wait("Why this works")  # the reference's lines are code, shown as they are

    term.press("q")
    term.wait("Stopped watching.")
    assert term.proc.wait(timeout=30) == 0
    with term.lock:
        assert b"\x1b]8;;file://" in term.raw  # the kata's path is a link


def test_keys_use_cbreak_mode_and_restore_the_terminal() -> None:
    master, slave = pty.openpty()
    with os.fdopen(slave, "r", closefd=True) as stream:
        before = termios.tcgetattr(slave)
        with raw_keys(stream) as fd:
            assert fd == slave
            assert not termios.tcgetattr(slave)[3] & termios.ICANON
            os.write(master, b"h")
            assert os.read(slave, 1) == b"h"  # one key, no Enter
        assert termios.tcgetattr(slave) == before
    os.close(master)


def test_no_keys_when_stdin_is_not_a_terminal(tmp_path: Path) -> None:
    with (tmp_path / "in").open("w+") as stream, raw_keys(stream) as fd:
        assert fd is None


def test_r_asks_first_then_resets_with_a_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    """On exercises/, r resets through learn.reset (which backs the file up) once the
    learner says y; n skips to the next unsolved kata."""
    import io

    from kit._internal import learn, watch
    from kit._internal.data import KataResult, Status
    from kit._internal.manifest import catalogue

    entries = catalogue().select(["two_sleepers", "fetch_all"])
    monkeypatch.setattr(learn, "load_progress", lambda: {"status": {}, "hints": {}})
    session = watch.Watch(entries, REPO / "exercises", out=io.StringIO())
    session.result = KataResult(entries[0], Status.FAIL, "it broke")
    resets: list[list[str]] = []
    monkeypatch.setattr(learn, "reset", lambda es: resets.append([e.name for e in es]) or ["ok"])
    answers = iter([False, True])
    monkeypatch.setattr(session, "ask", lambda fd, question: next(answers))
    assert session.on_key("r", None) == ""  # answered no
    assert resets == []
    assert session.on_key("r", None) == "regrade"
    assert resets == [["two_sleepers"]]
    assert session.on_key("n", None) == "regrade"
    assert [e.name for e in session.todo()] == ["fetch_all", "two_sleepers"]
    assert session.on_key("q", None) == "quit"


def test_edit_opens_vs_code_at_the_line_or_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kit._internal.watch import open_in_editor

    kata = tmp_path / "two_sleepers.py"
    kata.write_text("import asyncio\n\n\nasync def f():\n    raise NotImplementedError\n")
    log = tmp_path / "log"
    tool = tmp_path / "bin"
    tool.mkdir()
    for name in ("code", "myeditor"):
        script = tool / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n')
        script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tool}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TERM_PROGRAM", "vscode")
    assert "VS Code" in open_in_editor(kata)
    for _ in range(600):  # code is started in the background (30 s: the suite runs beside)
        if log.exists() and log.read_text().endswith("\n"):
            break
        time.sleep(0.05)
    monkeypatch.setenv("TERM_PROGRAM", "xterm")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "myeditor --wait")
    open_in_editor(kata)
    assert log.read_text().splitlines() == [f"code -g {kata}:5", f"myeditor --wait {kata}"]
