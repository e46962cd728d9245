"""Guards around learner code while a grader test runs.

- No network beyond loopback: connecting to, or looking up, any host other than 127.0.0.1,
  ::1 or localhost raises PermissionError with a sentence that says so.
- No damage outside the sandbox: removing, renaming or writing files anywhere but the
  target folder and the temporary directory raises PermissionError.
- No ending the grader: ``os._exit()`` raises PermissionError instead of killing the process
  (other ways down, such as a segfault, are caught by the scoreboard, which regrades the
  kata alone).
- No tampering with the grader: if the learner's code replaces a function of the kit or of
  pytest, the test fails and says so.

The first two are a Python audit hook (PEP 578): it sees every ``socket.connect``,
``open``, ``os.remove``... in the process, and is switched on only while a test runs. An
audit hook is a guard rail for honest mistakes and casual cheating, not a security boundary:
instructors grade untrusted code in CI containers as well.
"""

from __future__ import annotations

import builtins
import ipaddress
import operator
import os
import re
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from .paths import REPO

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}
_state: dict[str, Any] = {"active": False, "roots": (), "tmp": Path(tempfile.gettempdir())}


def _is_loopback(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return False
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _inside_roots(path: object) -> bool:
    if isinstance(path, int):  # a file descriptor: already opened
        return True
    try:
        resolved = Path(str(path) if not isinstance(path, bytes) else path.decode()).resolve()
    except (OSError, ValueError):
        return False
    if any(resolved.is_relative_to(root) for root in _state["roots"]):
        return True
    # The temporary directory is free to use, except the project itself when it lives there.
    # (A private grading tree keeps its temporary directory inside: then all of it is free.)
    tmp: Path = _state["tmp"]
    inside_project = resolved.is_relative_to(REPO) and not tmp.is_relative_to(REPO)
    return resolved.is_relative_to(tmp) and not inside_project


def _devnull(path: object) -> bool:
    """Whether ``path`` is os.devnull: opened for writing by ``subprocess.DEVNULL``, it throws
    output away (writable, never deletable)."""
    return isinstance(path, str | bytes) and os.fsdecode(path) == os.devnull


# What /proc holds of a process's memory: its ``mem`` file (a thread's, under task/, too)
# read the recorder's key out of the grader process, and a report signed with it passed
# every check (attack 48); and a folder of a process in /proc, a base to open ``mem`` from
# (``os.open("mem", dir_fd=...)``: the event names the path without its folder).
_PROC_FOLDER = re.compile(r"/proc(/[^/]+(/task(/[^/]+)?)?)?/?")


def _process_memory(path: object) -> bool:
    """Whether opening ``path`` reads a process's memory, or opens a base to reach it from."""
    if not isinstance(path, str | bytes | os.PathLike):
        return False
    try:
        text = os.fsdecode(path)
        resolved = os.path.realpath(text)
    except (TypeError, ValueError, OSError):
        return False
    if os.path.basename(text.rstrip("/")) == "mem" or os.path.basename(resolved) == "mem":
        return not os.path.isabs(text) or resolved.startswith("/proc/")
    return _PROC_FOLDER.fullmatch(resolved) is not None


MEMORY = (
    "your code tried to open {path}, the memory of a process (where the grader keeps what "
    "it signs its reports with); graders only grade code that leaves the grading alone"
)


def _hook(event: str, args: tuple[Any, ...]) -> None:
    # A process's memory, between checks too: a thread of the code under grading runs on
    # while no check does, and nothing of the grader's opens it.
    if event in ("open", "os.symlink") and _process_memory(args[0]):
        raise PermissionError(MEMORY.format(path=args[0]))
    if not _state["active"]:
        return
    if event == "socket.connect":
        sock, address = args
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            raise PermissionError(
                f"the graders allow network connections to 127.0.0.1 only; your code tried "
                f"to connect to {address[0]}:{address[1]}"
            )
    elif event == "socket.getaddrinfo":
        if not _is_loopback(args[0]):
            raise PermissionError(
                f"the graders allow network access to 127.0.0.1 only; your code tried to look "
                f"up {args[0]!r} (use the session or URL the grader gives you)"
            )
    elif event in ("os.remove", "os.rmdir", "shutil.rmtree", "os.truncate"):
        if not _inside_roots(args[0]):
            raise PermissionError(f"your code tried to delete {args[0]} outside its sandbox")
    elif event == "os.rename":
        if not (_inside_roots(args[0]) and _inside_roots(args[1])):
            raise PermissionError(f"your code tried to move {args[0]} outside its sandbox")
    elif event == "open":
        path, mode, flags = args
        writing = (mode and any(c in str(mode) for c in "wax+")) or (
            isinstance(flags, int) and flags & 0o3  # O_WRONLY or O_RDWR
        )
        if writing and path is not None and not _inside_roots(path) and not _devnull(path):
            raise PermissionError(f"your code tried to write {path} outside its sandbox")


_real_exit = os._exit


def _refuse_exit(code: int) -> None:
    """Stands in for ``os._exit`` while a test runs, in this process only (a forked child,
    which inherits it, still exits)."""
    if os.getpid() != _state["pid"]:
        _real_exit(code)
    raise PermissionError(
        f"your code called os._exit({code}), which would end the grader itself: "
        "return a value or raise an exception instead"
    )


_installed = False


def _no_dumps() -> None:
    """Make this process not dumpable (Linux prctl PR_SET_DUMPABLE 0): its memory, where the
    recorder's key is, is then no other process's to read through /proc/PID/mem or ptrace
    (a child of the grader process runs as the same uid). A process may still read its own:
    the audit hook refuses that."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


@contextmanager
def sandbox(*roots: Path) -> Iterator[None]:
    """While inside, learner code may reach loopback only and write only under ``roots``
    and the temporary directory (but not into the project, should it live there)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _no_dumps()
        _installed = True
    _state["roots"] = tuple(r.resolve() for r in roots)
    _state["tmp"] = Path(tempfile.gettempdir()).resolve()
    _state["pid"] = os.getpid()
    _state["active"] = True
    os._exit = _refuse_exit  # type: ignore[assignment]
    try:
        yield
    finally:
        os._exit = _real_exit
        _state["active"] = False


WATCHED_PACKAGES = ("kit", "pytest", "_pytest", "pluggy", "asyncio", "looptime", "hypothesis")


# The builtins the looks below rely on, bound when the kit is imported, before any learner
# code runs: code that later replaces builtins.id or operator.is_ (to make every look come
# out the same) changes neither what they see nor how they compare.
_id, _map, _len, _all, _list, _vars, _dir = id, map, len, all, list, vars, dir
_getattr, _callable, _sorted, _is = getattr, callable, sorted, operator.is_
_isinstance = isinstance


def snapshot(modules: list[ModuleType], plugins: Any = None) -> dict[str, int]:
    """The identity of what graders rely on: every public function, class and module of
    ``modules`` and each function's code object (a module too: `asyncio.base_events.time`,
    replaced by an object whose ``monotonic()`` ran ten times too fast, sped up every real
    loop's timers for the rest of the grader process, unseen), every builtin, the modules
    of the kit, pytest and asyncio in ``sys.modules``, and (given pytest's plugin manager)
    every hook implementation."""
    seen: dict[str, int] = {}
    for module in modules:
        for name, value in _list(_vars(module).items()):
            if (_callable(value) or _isinstance(value, ModuleType)) and name[:2] != "__":
                seen[f"{module.__name__}.{name}"] = _id(value)
                code = _getattr(value, "__code__", None)
                if code is not None:
                    seen[f"{module.__name__}.{name}.__code__"] = _id(code)
    for name, value in _list(_vars(builtins).items()):
        if not name.startswith("__"):
            seen[f"builtins.{name}"] = _id(value)
    for name, module in _list(sys.modules.items()):
        if name.partition(".")[0] in WATCHED_PACKAGES:
            seen[f"sys.modules[{name!r}]"] = _id(module)
    if plugins is not None:
        for hook_name, caller in _list(_vars(plugins.hook).items()):
            seen[f"pytest's hook relay .{hook_name}"] = _id(caller)
        for hook_name in _dir(plugins.hook):
            caller = _getattr(plugins.hook, hook_name)
            for impl in _getattr(caller, "get_hookimpls", _list)():
                seen[f"pytest hook {hook_name} of {impl.plugin_name}"] = _id(impl.function)
    return seen


def identical(now: list[Any] | tuple[Any, ...], then: list[Any] | tuple[Any, ...]) -> bool:
    """Whether two sequences hold the very same objects in the same order: compared by
    identity in C, never with ``==``, which an object (or a str subclass) can define to
    say anything."""
    return _len(now) == _len(then) and _all(_map(_is, now, then))


_code_of = operator.attrgetter("__code__")
_function_of = operator.attrgetter("function")
_impls_of = operator.attrgetter("_hookimpls")  # where pluggy's HookCaller keeps its list


class Watch:
    """A ``snapshot`` kept for fast second looks: ``changed()`` compares the watched objects
    (``identical``) and names what changed, through ``tampered``, only when something did.
    It holds what it watches, so no id is ever reused by an impostor. ``process_wide``:
    builtins and ``sys.modules`` too (a second watch looked at with the first can leave
    them to it)."""

    def __init__(
        self, modules: list[ModuleType], plugins: Any = None, *, process_wide: bool = True
    ) -> None:
        self.modules, self.plugins = modules, plugins
        self.before = snapshot(modules, plugins)
        self._spaces: list[tuple[Any, list[str]]] = [
            (_vars(m), [k for k in _vars(m) if f"{m.__name__}.{k}" in self.before]) for m in modules
        ]
        found = [space[name] for space, names in self._spaces for name in names]
        self._functions = [f for f in found if hasattr(f, "__code__")]
        if process_wide:
            self._spaces.append((_vars(builtins), [k for k in _vars(builtins) if k[:2] != "__"]))
            self._spaces.append(
                (sys.modules, [n for n in sys.modules if n.partition(".")[0] in WATCHED_PACKAGES])
            )
        self._objects, self._sizes = self._look()

    def _look(self) -> tuple[list[Any], list[int]]:
        """What is watched, in order: the object bound to each watched name (None once it is
        gone), each watched function's code, and pytest's hooks: their names and callers,
        and each caller's implementations and their functions; and how many each caller has."""
        found: list[Any] = []
        for space, names in self._spaces:
            found.extend(_map(space.get, names))
        found.extend(_map(_code_of, self._functions))
        if self.plugins is None:
            return found, []
        relay = _vars(self.plugins.hook)
        found.extend(relay)
        found.extend(relay.values())
        try:
            lists = _list(_map(_impls_of, relay.values()))
            impls = [impl for each in lists for impl in each]
            found.extend(_map(_function_of, impls))
        except (AttributeError, TypeError):  # not pluggy's callers and implementations
            return [*found, object()], []  # an object seen nowhere else: a change
        found.extend(impls)
        return found, _list(_map(_len, lists))

    def changed(self) -> list[str]:
        """What changed since this watch began (as ``tampered`` names it)."""
        objects, sizes = self._look()
        if sizes == self._sizes and identical(objects, self._objects):
            return []
        return tampered(self.before, self.modules, self.plugins)


def tampered(before: dict[str, int], modules: list[ModuleType], plugins: Any = None) -> list[str]:
    """What changed since ``before`` was taken: replaced or removed names, and added hooks."""
    after = snapshot(modules, plugins)
    changed = {name for name, ident in before.items() if after.get(name) != ident}
    changed |= {name for name in after.keys() - before.keys() if name.startswith("pytest hook")}
    return _sorted(changed)
