"""The kata under grading: its module, loaded by path from the target.

One grader grades three targets: the learner's ``exercises/``, the reference ``solutions/``,
or any folder laid out like ``exercises/`` (a student's submission). Modules are loaded by
file path, so a grader never imports from the wrong tree.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, TypeVar, Unpack

from ._internal.data import RunRecord
from ._internal.manifest import close_matches
from ._internal.paths import display
from .outcomes import fail
from .running import Raises, Run, RunOptions
from .running import call as call_plain
from .running import run as run_async

T = TypeVar("T")

# What a learner file must define, in words a learner understands.
KINDS = {
    "coroutine": "an `async def` function",
    "function": "a plain `def` function",
    "asyncgen": "an async generator (`async def` with `yield`)",
    "class": "a class",
    "callable": "a function",
}


def _learner_frame(exc: BaseException, path: Path) -> str:
    """'file:line' of the deepest frame of ``exc`` that lies in ``path``, else the file."""
    where = display(path)
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            where = f"{display(path)}:{frame.lineno}"
    return where


@dataclass
class Kata:
    """A kata's module, loaded from the target under grading."""

    id: str  # e.g. "02_tasks/fetch_all"
    path: Path
    module: ModuleType
    signatures: dict[str, str]
    runs: list[RunRecord] = field(default_factory=list)  # every run, for the report

    def where(self, exc: BaseException) -> str:
        """The learner's file and line an exception came from."""
        return _learner_frame(exc, self.path)

    def run(self, call: Callable[[], Awaitable[T]], **options: Unpack[RunOptions]) -> Run[T]:
        """Run the learner's coroutine and check how it behaved (see kit.running.run)."""
        return run_async(self, call, **options)

    def call(self, fn: Callable[[], T], *, raises: Raises = (), what: str = "your code") -> Run[T]:
        """Call plain learner code and check how it behaved (see kit.running.call)."""
        return call_plain(self, fn, raises=raises, what=what)

    def get(self, name: str, kind: str = "callable") -> Any:
        """The learner's ``name``, checked to be of ``kind`` (see KINDS)."""
        want = self.signatures.get(name, f"{KINDS[kind]} named `{name}`")
        obj = getattr(self.module, name, None)
        if obj is None:
            names = [n for n in vars(self.module) if not n.startswith("__")]
            close = close_matches(name, names, n=1)
            also = f" (found `{close[0]}`: check the spelling)" if close else ""
            fail(f"{display(self.path)} defines no `{name}`{also}; the kata expects `{want}`.")
        ok = {
            "coroutine": inspect.iscoroutinefunction(obj),
            "function": callable(obj)
            and not inspect.iscoroutinefunction(obj)
            and not inspect.isasyncgenfunction(obj),
            "asyncgen": inspect.isasyncgenfunction(obj),
            "class": inspect.isclass(obj),
            "callable": callable(obj),
        }[kind]
        if not ok:
            found = (
                "an async generator"
                if inspect.isasyncgenfunction(obj)
                else "an `async def` function"
                if inspect.iscoroutinefunction(obj)
                else "a class"
                if inspect.isclass(obj)
                else "a plain `def` function"
                if callable(obj)
                else f"a {type(obj).__name__}"
            )
            fail(f"`{name}` in {display(self.path)} is {found}; the kata expects `{want}`.")
        return obj


_CODE: dict[tuple[Path, int, int], CodeType] = {}


def _compiled(path: Path) -> CodeType:
    """The code of ``path``, compiled once per version of the file (graders load the kata
    afresh for every test; compiling it each time cost about 0.5 s per submission)."""
    stat = path.stat()
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    if key not in _CODE:
        _CODE[key] = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    return _CODE[key]


def attributes(obj: Any) -> dict[str, Any]:
    """The attributes an object of the learner's holds, by name: its __dict__ and its slots
    (a class with `__slots__`, or a dataclass with `slots=True`, has no __dict__ for vars()
    to read; a private slot is found under its mangled name)."""
    found = dict(getattr(obj, "__dict__", {}))
    for cls in type(obj).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{cls.__name__.lstrip('_')}{name}"  # a private name, mangled
            if name not in ("__dict__", "__weakref__") and hasattr(obj, name):
                found[name] = getattr(obj, name)
    return found


def load(kata_id: str, target: Path, signatures: dict[str, str] | None = None) -> Kata:
    """Import ``<target>/<kata_id>.py`` by path, turning every failure into one sentence."""
    path = target / f"{kata_id}.py"
    if not path.is_file():
        fail(
            f"{display(path)} is missing. The kata's file must be at that path "
            f"(restore the stub with `nox -s reset -- {kata_id.split('/')[-1]}`)."
        )
    name = "kata_" + kata_id.replace("/", "__")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up here
    try:
        exec(_compiled(path), module.__dict__)  # a fresh module each time: no state carried over
    except SyntaxError as exc:
        sys.modules.pop(name, None)
        fail(f"{display(path)}:{exc.lineno}: {exc.msg} (SyntaxError). Fix it and grade again.")
    except BaseException as exc:  # noqa: BLE001 - any import-time error is the learner's to fix
        sys.modules.pop(name, None)
        fail(
            f"importing {_learner_frame(exc, path)} raised {type(exc).__name__}: {exc}. "
            "Code at the top level of the file runs on import; keep it inside functions."
        )
    return Kata(kata_id, path, module, signatures or {})
