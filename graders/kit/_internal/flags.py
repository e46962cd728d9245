"""Flags for a human to review: what a submission's code reaches for, read without running it.

Grading decides points; a flag never changes them. It marks a kata file whose source uses
something a kata never needs and that tampering with the grader would (walking frames or
the garbage collector, code objects, ctypes, atexit, fork or setsid, signal handlers,
imports of pytest or the kit, private attributes of objects it did not define, attributes
by a computed name, paths outside the submission), or whose code is the reference
solution's after renaming (a normalised syntax tree), or the same as a classmate's.
The scoreboard, the reports and the gradebook's ``flags`` column show them.
"""

from __future__ import annotations

import ast
import difflib
import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from .paths import REPO

MAX_BYTES = 1_000_000  # larger files are flagged, not parsed
SIMILAR = 0.97  # share of the normalised tree alike that counts as the reference's code
MIN_NODES = 60  # smaller files are alike by necessity: not compared

# dotted name (as written, after resolving `import x as y`) -> what the flag calls it
CALLS = {
    "sys._getframe": "frame walking",
    "inspect.currentframe": "frame walking",
    "inspect.stack": "frame walking",
    "inspect.getouterframes": "frame walking",
    "traceback.walk_stack": "frame walking",
    "gc.get_objects": "garbage-collector walking",
    "gc.get_referrers": "garbage-collector walking",
    "gc.get_referents": "garbage-collector walking",
    "atexit.register": "an atexit handler",
    "os.fork": "fork",
    "os.forkpty": "fork",
    "os.setsid": "setsid",
    "os.setpgid": "setsid",
    "os.daemon": "setsid",
    "os._exit": "os._exit",
    "posix._exit": "os._exit",
    "os.kill": "signals",
    "os.killpg": "signals",
    "signal.signal": "a signal handler",
    "signal.setitimer": "a signal handler",
    "signal.alarm": "a signal handler",
    "signal.pthread_kill": "signals",
    "signal.raise_signal": "signals",
    "signal.pthread_sigmask": "a signal handler",
    "signal.set_wakeup_fd": "a signal handler",
    "signal.siginterrupt": "a signal handler",
    "sys.setrecursionlimit": "sys.setrecursionlimit",
    "sys.settrace": "tracing hooks",
    "sys.setprofile": "tracing hooks",
    "sys.addaudithook": "audit hooks",
    "threading.settrace": "tracing hooks",
    "os.write": "raw file descriptors",
    "os.dup2": "raw file descriptors",
    "os.fdopen": "raw file descriptors",
    "os.chdir": "changing directory",
    "os.chmod": "file permissions",
    "os.symlink": "symlinks",
    "shutil.rmtree": "deleting folders",
    "exec": "exec/eval of built code",
    "eval": "exec/eval of built code",
    "compile": "exec/eval of built code",
    "__import__": "dynamic imports",
    "importlib.import_module": "dynamic imports",
    "inspect.trace": "frame walking",
    "inspect.getinnerframes": "frame walking",
    "inspect.getargvalues": "frame walking",
    "inspect.getcoroutinelocals": "frame walking",
    "inspect.getgeneratorlocals": "frame walking",
    "inspect.getasyncgenlocals": "frame walking",
    "vars": "attributes by a computed name",
}
ATTRIBUTES = {
    "__code__": "code objects",
    "__globals__": "function globals",
    "__builtins__": "builtins",
    "__subclasses__": "class walking",
    "__closure__": "closures of other code",
    "f_back": "frame walking",
    "f_locals": "frame walking",
    "f_globals": "frame walking",
    "tb_frame": "frame walking",
    "pluginmanager": "pytest's plugin manager",
    "add_signal_handler": "a signal handler",
    "cr_frame": "frame walking",
    "gi_frame": "frame walking",
    "ag_frame": "frame walking",
    "__import__": "dynamic imports",
    "__dict__": "attributes by a computed name",
    "__getattribute__": "attributes by a computed name",
    "modules": "sys.modules",  # also reached as os.sys.modules, asyncio.events.sys.modules
}
MODULES = {
    "ctypes": "ctypes",
    "cffi": "ctypes",
    "_ctypes": "ctypes",
    "pytest": "importing pytest",
    "_pytest": "importing pytest",
    "pluggy": "importing pytest",
    "kit": "importing the grading kit",
    "conftest": "importing the grading kit",
    "atexit": "an atexit handler",
    "gc": "garbage-collector walking",
    "posix": "os._exit",
    "multiprocessing": "fork",
    "builtins": "builtins",
    "importlib": "dynamic imports",
    "signal": None,  # its constants are honest (-signal.SIGKILL); its calls are flagged above
}
# Words in a string that point outside the submission.
OUTSIDE = (
    "solutions",
    "graders",
    "SHA256SUMS",
    "../",
    "..\\",
    "/proc/",
    "/dev/fd",
    "/tmp/",
    "/home/",
    "/root",
    ".git",
    "git show",
    "site-packages",
    "kata-channel",
    "kata-report",
)


def _dotted(node: ast.AST, aliases: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, aliases)
        return f"{base}.{node.attr}" if base else None
    return None


# Private state of objects the file does not define (the loop's timers or clock, a task's
# coroutine, the kit's own objects): what no kata needs and tampering does.
PRIVATE = "private attributes of objects it did not define"
BY_NAME = ("getattr", "setattr", "delattr", "hasattr")


def _private(name: str) -> bool:
    """``_name`` or ``_Class__name``, not ``__dunder__`` nor ``_`` alone (``"_".join``)."""
    dunder = name.startswith("__") and name.endswith("__")
    return name.startswith("_") and name.strip("_") != "" and not dunder


def _defined_names(tree: ast.AST) -> set[str]:
    """Names the file itself gives attributes: ``self._n = ...`` (or ``cls._n``), and what
    a class body defines (methods, assignments)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for part in ast.walk(target):  # self._a, self._b = ...
                    if (
                        isinstance(part, ast.Attribute)
                        and isinstance(part.value, ast.Name)
                        and part.value.id in ("self", "cls")
                    ):
                        names.add(part.attr)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    names.add(item.name)
                elif isinstance(item, ast.Assign | ast.AnnAssign):
                    targets = item.targets if isinstance(item, ast.Assign) else [item.target]
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def scan_source(source: str) -> list[str]:
    """The flags of one file's source: ``"frame walking (line 4)"``, first line of each kind."""
    if len(source) > MAX_BYTES:
        return [f"a file over {MAX_BYTES // 1000} kB (not scanned)"]
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    aliases: dict[str, str] = {}
    found: dict[str, int] = {}

    def flag(what: str | None, node: ast.AST) -> None:
        if what and what not in found:
            found[what] = getattr(node, "lineno", 0)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name.split(".")[0]] = alias.name
                flag(MODULES.get(alias.name.split(".")[0]), node)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            flag(MODULES.get(top) if node.level == 0 else "relative imports", node)
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    own = _defined_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func, aliases)
            flag(CALLS.get(name or ""), node)
            if name in BY_NAME and len(node.args) >= 2:
                attr = node.args[1]
                if isinstance(attr, ast.Constant) and isinstance(attr.value, str):
                    flag(ATTRIBUTES.get(attr.value), node)
                    if _private(attr.value) and attr.value not in own:
                        flag(PRIVATE, node)
                elif not isinstance(attr, ast.Name):  # getattr(loop, "_sch" + "eduled")
                    flag("attributes by a computed name", node)
            for keyword in node.keywords:
                if keyword.arg in ("start_new_session", "preexec_fn", "process_group"):
                    flag("setsid", node)
        elif isinstance(node, ast.Attribute):
            if _private(node.attr) and node.attr not in own:
                flag(PRIVATE, node)
            flag(ATTRIBUTES.get(node.attr), node)
            name = _dotted(node, aliases)
            if name in CALLS and name not in ("exec", "eval", "compile"):
                flag(CALLS[name], node)  # taken without a call: f = sys._getframe
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__"):
            flag("builtins", node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
            text = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
            hit = next((w for w in OUTSIDE if w in text), None)
            if hit:
                flag(f"a path outside the submission ({hit!r})", node)
            if text.isidentifier() and _private(text) and text not in own:
                flag(PRIVATE, node)  # n = "_scheduled"; getattr(loop, n)
    return [f"{what} (line {line})" for what, line in sorted(found.items(), key=lambda x: x[1])]


class _Normalise(ast.NodeTransformer):
    """Names replaced by their order of appearance, docstrings and annotations dropped."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def _name(self, name: str) -> str:
        return self.names.setdefault(name, f"n{len(self.names)}")

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.copy_location(ast.Name(self._name(node.id), node.ctx), node)

    def visit_arg(self, node: ast.arg) -> ast.AST:
        return ast.copy_location(ast.arg(self._name(node.arg)), node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        node.name = self._name(node.name)
        node.returns = None
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            node.body = body[1:] or [ast.Pass()]
        self.generic_visit(node)
        return node

    visit_FunctionDef = _function  # noqa: N815 - ast.NodeTransformer's names
    visit_AsyncFunctionDef = _function  # noqa: N815

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is None:
            return ast.Pass()
        return self.visit(ast.copy_location(ast.Assign([node.target], node.value), node))  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1024)
def shape(source: str) -> tuple[str, ...] | None:
    """The normalised syntax tree of ``source`` as node words, or None. Cached: a gradebook
    shapes each reference once per student, and each student's file twice."""
    if len(source) > MAX_BYTES:
        return None
    try:
        tree = _Normalise().visit(ast.parse(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    words: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.Expr | ast.Load | ast.Store | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            continue
        label = type(node).__name__
        if isinstance(node, ast.Name):
            label += ":" + node.id
        elif isinstance(node, ast.Attribute):
            label += ":" + node.attr
        elif isinstance(node, ast.Constant):
            label += ":" + repr(node.value)[:20]
        words.append(label)
    return tuple(words)


def fingerprint(words: tuple[str, ...]) -> str:
    """A short digest of a normalised tree: equal for code equal after renaming."""
    return hashlib.sha256("\n".join(words).encode()).hexdigest()[:16]


def alike(words: tuple[str, ...], reference: tuple[str, ...]) -> float:
    """How much of two normalised trees is the same (0 to 1)."""
    return difflib.SequenceMatcher(None, words, reference, autojunk=False).ratio()


def _read(path: Path) -> str | None:
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def scan(
    folder: Path, kata_ids: Iterable[str], reference: Path | None = None
) -> dict[str, list[str]]:
    """Kata id -> flags, for each kata file of ``folder`` (symlinks flagged, not followed)."""
    reference = reference or REPO / "solutions"
    flags: dict[str, list[str]] = {}
    for kata_id in kata_ids:
        path = folder / f"{kata_id}.py"
        found: list[str] = []
        if path.is_symlink():
            found.append("the kata file is a symlink")
        source = _read(path)
        if source is not None:
            found += scan_source(source)
            words = shape(source)
            ref_source = _read(reference / f"{kata_id}.py")
            ref = shape(ref_source) if ref_source is not None else None
            if words and ref and len(ref) >= MIN_NODES and folder.resolve() != reference.resolve():
                share = alike(words, ref)
                if share >= SIMILAR:
                    found.append(
                        f"{share:.0%} alike the reference solution after renaming (for review)"
                    )
        if found:
            flags[kata_id] = found
    return flags


def shared_code(
    folders: dict[str, Path], kata_ids: Iterable[str]
) -> dict[str, dict[str, list[str]]]:
    """Student -> kata id -> flags naming classmates whose file is the same after renaming
    (files of at least MIN_NODES nodes, and not the stub)."""
    out: dict[str, dict[str, list[str]]] = {}
    for kata_id in kata_ids:
        stub_source = _read(REPO / "exercises" / f"{kata_id}.py")
        stub = shape(stub_source) if stub_source is not None else None
        stub_print = fingerprint(stub) if stub else ""
        seen: dict[str, list[str]] = {}
        for student, folder in folders.items():
            source = _read(folder / f"{kata_id}.py")
            words = shape(source) if source is not None else None
            if words and len(words) >= MIN_NODES and fingerprint(words) != stub_print:
                seen.setdefault(fingerprint(words), []).append(student)
        for group in seen.values():
            if len(group) > 1:
                for student in group:
                    others = ", ".join(s for s in group if s != student)
                    out.setdefault(student, {}).setdefault(kata_id, []).append(
                        f"the same code as {others} after renaming (for review)"
                    )
    return out
