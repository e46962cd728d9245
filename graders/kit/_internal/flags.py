"""Flags for a human to review: what a submission's code reaches for, read without running it.

Grading decides points; a flag never changes them. It marks a kata file whose source uses
something a kata never needs and that tampering with the grader would (walking frames or
the garbage collector, code objects, ctypes, atexit, fork or setsid, signal handlers,
imports of pytest or the kit, private attributes of objects it did not define, attributes
by a computed name, what runs a string as code, paths outside the submission, names only
the grading has such as PYTEST_CURRENT_TEST; a string that parses as Python is scanned as code
too), or whose code is the reference solution's after renaming (a normalised syntax tree),
or the same as a classmate's. The scoreboard, the reports and the gradebook's ``flags``
column show them.
"""

from __future__ import annotations

import ast
import difflib
import functools
import hashlib
import importlib.util
import tokenize
from collections.abc import Iterable
from pathlib import Path

from .paths import REPO

MAX_BYTES = 1_000_000  # larger files are flagged, not parsed
SIMILAR = 0.97  # share of the normalised tree alike that counts as the reference's code
MIN_NODES = 60  # smaller files are alike by necessity: not compared

IMPORT_PATH = "changing where imports look (sys.path)"
COMPUTED = "attributes by a computed name"
BUILT = "exec/eval of built code"
# dotted name (as written, after resolving `import x as y`) -> what the flag calls it
CALLS = {
    "site.addsitedir": IMPORT_PATH,
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
    "sys.path": IMPORT_PATH,
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
    "exec": BUILT,
    "eval": BUILT,
    "compile": BUILT,
    "__import__": "dynamic imports",
    "importlib.import_module": "dynamic imports",
    "inspect.trace": "frame walking",
    "inspect.getinnerframes": "frame walking",
    "inspect.getargvalues": "frame walking",
    "inspect.getcoroutinelocals": "frame walking",
    "inspect.getgeneratorlocals": "frame walking",
    "inspect.getasyncgenlocals": "frame walking",
    # what a closure and a function's globals hold, with no __closure__ or __globals__ written:
    # pytest-timeout's SIGALRM handler (signal.getsignal) holds the running pytest item, and
    # from it the recorder's key and pipe (attack 43: every check passed, no flag)
    "inspect.getclosurevars": "closures of other code",
    # sys.modules[name] for any name: a class whose __module__ is set to that name (attack 45)
    "inspect.getmodule": "sys.modules",
    "signal.getsignal": "a signal handler",
    "vars": COMPUTED,
    "inspect.getmembers": COMPUTED,
    "inspect.getmembers_static": COMPUTED,
    "sys._current_frames": "frame walking",
    # what evaluates annotations written as strings (or set at run time), as eval does
    "typing.get_type_hints": BUILT,
    "inspect.get_annotations": BUILT,
    "breakpoint": BUILT,  # pdb on sys.stdin: its commands run as Python
    "sys.breakpointhook": BUILT,
    "string.Formatter": COMPUTED,
    "config.dictConfig": COMPUTED,  # logging.config, reached without an import
    "config.fileConfig": BUILT,
    "config.listen": BUILT,  # Formatter().get_field("0.f_back", ...)
    "threading.setprofile": "tracing hooks",
    "threading.setprofile_all_threads": "tracing hooks",
    "threading.settrace_all_threads": "tracing hooks",
    "monitoring.register_callback": "tracing hooks",  # sys.monitoring
    "monitoring.set_events": "tracing hooks",
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
    "__dict__": COMPUTED,
    "__getattribute__": COMPUTED,
    "modules": "sys.modules",  # also reached as os.sys.modules, asyncio.events.sys.modules
    # where imports look: a kata file that adds its own folder to sys.path imports a file
    # of the submission that no scan reads (attack 27)
    "meta_path": IMPORT_PATH,
    "path_hooks": IMPORT_PATH,
    "path_importer_cache": IMPORT_PATH,
    "__annotations__": BUILT,
    **{name: BUILT for name in ("timeit", "pdb", "bdb", "cProfile", "doctest")},
    "pydoc": COMPUTED,  # evaluated by typing.get_type_hints, functools.singledispatch
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
    # graders.conftest, graders.extra.test_<name>: in sys.modules under these names once pytest
    # imported them, so a plain import statement reaches the grader's own module
    "graders": "importing the grading kit",
    "extra": "importing the grading kit",
    "atexit": "an atexit handler",
    "gc": "garbage-collector walking",
    "posix": "os._exit",
    "multiprocessing": "fork",
    "builtins": "builtins",
    "importlib": "dynamic imports",
    # what runs code no scan reads (another file of the submission, bytes built at run time)
    "runpy": "dynamic imports",
    "pkgutil": "dynamic imports",
    "zipimport": "dynamic imports",
    "code": BUILT,
    "codeop": BUILT,
    "marshal": BUILT,
    "pickle": "unpickling (it calls any function it names)",
    "_pickle": "unpickling (it calls any function it names)",
    "shelve": "unpickling (it calls any function it names)",
    "copyreg": "unpickling (it calls any function it names)",
    "signal": None,  # its constants are honest (-signal.SIGKILL); its calls are flagged above
    # what compiles and runs a string, as exec does: timeit.timeit(code) ran attack 26 written
    # as a string (470/500, no flag: attack 47); the debuggers and profilers run their
    # commands and statements, doctest a docstring's examples
    "timeit": BUILT,
    "pdb": BUILT,
    "bdb": BUILT,
    "cProfile": BUILT,
    "profile": BUILT,
    "trace": BUILT,
    "doctest": BUILT,
    # what finds any object by a dotted name in a string (sys._getframe): pydoc.locate,
    # unittest.mock.patch(...).get_original(), logging.config's "ext://" and "()"
    "pydoc": COMPUTED,
    "unittest": COMPUTED,
    "logging.config": COMPUTED,
    # site.addpackage runs the import lines of a .pth file
    "site": IMPORT_PATH,
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

# Words in a string that only the grading has (its environment, its modules): code that
# behaves otherwise when it sees them (`os.environ.get("PYTEST_CURRENT_TEST")`) is right only
# while it is graded.
GRADING_SIGNS = ("PYTEST", "KATAS_", "looptime", "_pytest")
WORDS = (
    (OUTSIDE, "a path outside the submission"),
    (GRADING_SIGNS, "looking for signs of the grading"),
)


def _imported(aliases: dict[str, str]) -> set[str]:
    """The top-level names the file's imports bind, as their modules' names."""
    return {v.partition(".")[0] for v in aliases.values()}


def _call(name: str | None) -> str | None:
    """What CALLS calls ``name``, also reached through another module (``asyncio.events.os.
    write`` is ``os.write``; ``asyncio.coroutines.inspect.stack`` is ``inspect.stack``)."""
    if not name:
        return None
    if name in CALLS:
        return CALLS[name]
    last_two = ".".join(name.split(".")[-2:])
    return CALLS.get(last_two) if "." in last_two else None


def _dotted(node: ast.AST, aliases: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, aliases)
        return f"{base}.{node.attr}" if base else None
    return None


def _sys(node: ast.AST, aliases: dict[str, str]) -> bool:
    """``sys``, under any name or reached through another module (``os.sys``)."""
    name = _dotted(node, aliases)
    return name is not None and (name == "sys" or name.endswith(".sys"))


# Private state of objects the file does not define (the loop's timers or clock, a task's
# coroutine, the kit's own objects): what no kata needs and tampering does.
PRIVATE = "private attributes of objects it did not define"
BY_NAME = ("getattr", "setattr", "delattr", "hasattr")
# Functions that reach an attribute by a name given at run time -> where that name is among
# their arguments (None: every argument).
GETTERS: dict[str, int | None] = {
    **{name: 1 for name in BY_NAME},
    "inspect.getattr_static": 1,
    "operator.attrgetter": None,
    "operator.methodcaller": 0,
}


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


class _Names:
    """What strings a name in a file can hold, when the file itself says: every binding of
    the name (anywhere in the file: scopes are not told apart) is a string written there,
    a loop over strings written there, another such name, or a parameter of a function that
    the file only calls (or binds with ``functools.partial``) with such values."""

    DEPTH = 8

    def __init__(self, tree: ast.AST, aliases: dict[str, str]) -> None:
        self.aliases = aliases
        self.bound: dict[str, list[ast.expr | None]] = {}  # None: a binding not understood
        self.params: dict[str, list[tuple[str, int, ast.expr | None]]] = {}
        self.calls: list[ast.Call] = []
        self.loads: dict[str, int] = {}  # name -> references that are not a call's function
        callees = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
                self._bind(node.target, node.value)
            elif isinstance(node, ast.AugAssign):
                self._bind(node.target, None)
            elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
                self._bind(node.target, ast.Starred(node.iter))  # one of what it iterates
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self._bind(ast.Name(node.name, ast.Store()), None)
                args = node.args
                positional = [*args.posonlyargs, *args.args]
                defaults = [None] * (len(positional) - len(args.defaults)) + [*args.defaults]
                for i, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
                    self.params.setdefault(arg.arg, []).append((node.name, i, default))
                for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
                    self.params.setdefault(arg.arg, []).append((node.name, -1, default))
                for rest in (args.vararg, args.kwarg):
                    if rest is not None:
                        self.bound.setdefault(rest.arg, []).append(None)
            elif isinstance(node, ast.Lambda):
                for part in ast.walk(node.args):
                    if isinstance(part, ast.arg):
                        self.bound.setdefault(part.arg, []).append(None)
            elif isinstance(node, ast.ClassDef):
                self._bind(ast.Name(node.name, ast.Store()), None)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.bound.setdefault(node.name, []).append(None)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._bind(node.optional_vars, None)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                for alias in node.names:
                    self.bound.setdefault(alias.asname or alias.name.split(".")[0], []).append(None)
            elif isinstance(node, ast.Global | ast.Nonlocal):
                for name in node.names:
                    self.bound.setdefault(name, []).append(None)
            elif isinstance(node, ast.Call):
                self.calls.append(node)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                if id(node) not in callees:
                    self.loads[node.id] = self.loads.get(node.id, 0) + 1

    def _bind(self, target: ast.expr, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.bound.setdefault(target.id, []).append(value)
        else:  # a, b = ...; x.y = ...; x[i] = ...: names inside are not understood
            for part in ast.walk(target):
                if isinstance(part, ast.Name):
                    self.bound.setdefault(part.id, []).append(None)

    def strings(self, node: ast.expr, depth: int = 0) -> set[str] | None:
        """The strings ``node`` can be, or None when the file does not say."""
        if depth > self.DEPTH:
            return None
        if isinstance(node, ast.Constant):
            return {node.value} if isinstance(node.value, str) else None
        if isinstance(node, ast.Starred):  # one element of a literal sequence
            if not isinstance(node.value, ast.Tuple | ast.List | ast.Set):
                return None
            found: set[str] = set()
            for element in node.value.elts:
                got = self.strings(element, depth + 1)
                if got is None:
                    return None
                found |= got
            return found
        if isinstance(node, ast.IfExp):
            a, b = self.strings(node.body, depth + 1), self.strings(node.orelse, depth + 1)
            return None if a is None or b is None else a | b
        if not isinstance(node, ast.Name):
            return None
        values = [*self.bound.get(node.id, [])]
        found = set()
        for value in values:
            got = None if value is None else self.strings(value, depth + 1)
            if got is None:
                return None
            found |= got
        for function, index, default in self.params.get(node.id, []):
            got = self._passed(function, node.id, index, default, depth)
            if got is None:
                return None
            found |= got
        if not values and not self.params.get(node.id):
            return None  # a builtin's or a star import's name, or never bound
        return found

    def _passed(
        self, function: str, param: str, index: int, default: ast.expr | None, depth: int
    ) -> set[str] | None:
        """What the file passes for ``param`` of ``function``: it must be called only by its
        name (or through functools.partial), never handed on as a value."""
        partial_refs = 0
        given: list[ast.expr | None] = []
        for call in self.calls:
            offset = 0
            func = call.func
            dotted = _dotted(func, self.aliases)
            if dotted in ("functools.partial", "partial") and call.args:
                if not (isinstance(call.args[0], ast.Name) and call.args[0].id == function):
                    continue
                partial_refs += 1
                offset = 1
            elif isinstance(func, ast.Name) and func.id == function:
                pass
            elif isinstance(func, ast.Attribute) and func.attr == function:
                offset = -1  # self.method(...): the first parameter is self
            else:
                continue
            keyword = next((k.value for k in call.keywords if k.arg == param), None)
            if any(k.arg is None for k in call.keywords):
                return None  # f(**names)
            if keyword is not None:
                given.append(keyword)
                continue
            position = index + offset
            if any(isinstance(a, ast.Starred) for a in call.args):
                return None
            if 0 <= index and 0 <= position < len(call.args):
                given.append(call.args[position])
            elif offset == 1:  # partial(f, ...) without it: the later caller gives it
                return None
            else:
                given.append(default)
        if self.loads.get(function, 0) > partial_refs:
            return None  # handed on as a value: who calls it with what is not in the file
        found: set[str] = set()
        for value in given:
            got = None if value is None else self.strings(value, depth + 1)
            if got is None:
                return None
            found |= got
        return found


def _module(name: str) -> str | None:
    """What MODULES calls the module ``name`` or the package it is in (``logging.config``)."""
    parts = name.split(".")
    found = (MODULES.get(".".join(parts[:i])) for i in range(len(parts), 0, -1))
    return next((what for what in found if what), None)


# Strings scanned as code, and how deep (a string in code in a string): what runs a string
# as Python (timeit, a debugger, an annotation evaluated) runs what the scan never read.
STRING_DEPTH = 2
IN_A_STRING = " (in code written as a string)"


def _code_like(text: str) -> bool:
    """Whether a string may hold code the scan flags (a call, an attribute, an import): most
    strings (messages, names) are not parsed."""
    return not text.isidentifier() and ("(" in text or "." in text or "import" in text)


def scan_source(source: str) -> list[str]:
    """The flags of one file's source: ``"frame walking (line 4)"``, first line of each kind.
    A file nested too deeply for the scan (an attribute chain of 1200 links, which Python
    compiles) is flagged as such: the scan raised, and ``grade`` ended with a traceback."""
    if len(source) > MAX_BYTES:
        return [f"a file over {MAX_BYTES // 1000} kB (not scanned)"]
    try:
        return [f"{what} (line {line})" for what, line in _scan_source(source)]
    except (RecursionError, MemoryError):
        return ["code nested too deeply for the scan (not scanned)"]


def _scan_source(source: str, depth: int = 0) -> list[tuple[str, int]]:
    """(flag, line) for each kind found in ``source``, in the order of their lines; strings
    that parse as Python are scanned as code (``depth``: how deep in strings this is)."""
    if len(source) > MAX_BYTES:
        return []
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
                flag(_module(alias.name), node)
        elif isinstance(node, ast.ImportFrom) and node.module:
            flag(_module(node.module) if node.level == 0 else "relative imports", node)
            for alias in node.names:
                if node.level == 0:  # from logging import config
                    flag(_module(f"{node.module}.{alias.name}"), node)
                if alias.name == "*":  # from inspect import *: its functions by their own names
                    for dotted in (*CALLS, *GETTERS, *(f"sys.{a}" for a in ATTRIBUTES)):
                        module, _, last = dotted.rpartition(".")
                        if module == node.module:
                            aliases.setdefault(last, dotted)
                    continue
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    own = _defined_names(tree)
    # A module or function bound to another name by assignment is an alias too (m = inspect;
    # m.stack()): attack 32 walked frames and wrote the channel's fd under such names.
    for _ in range(4):  # n = m = inspect: a few links
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.NamedExpr) and node.value:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                value = _dotted(node.value, aliases)
                if value and value.partition(".")[0] in _imported(aliases):
                    for target in targets:
                        if isinstance(target, ast.Name) and target.id != value:
                            aliases.setdefault(target.id, value)
    names = _Names(tree, aliases)

    def by_name(attr: ast.expr, node: ast.AST, obj: ast.expr | None = None) -> None:
        """An attribute named at run time: flagged unless every name it can be is a string
        written in this file (then each is judged as if written as an attribute)."""
        values = names.strings(attr)
        if values is None:  # getattr(sys, chr(95) + "getframe"), or through a variable
            flag(COMPUTED, node)
            return
        base = _dotted(obj, aliases) if obj is not None else None
        for value in values:
            flag(ATTRIBUTES.get(value), node)
            if base:  # getattr(inspect, "stack"), getattr(os, "write")
                flag(_call(f"{base}.{value}"), node)
            if _private(value) and value not in own:
                flag(PRIVATE, node)

    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func, aliases)
            flag(_call(name), node)
            where = GETTERS.get(name or "", -1)
            if where is None:
                for attr in node.args:
                    by_name(attr, node)
            elif where >= 0 and len(node.args) > where:
                by_name(node.args[where], node, node.args[0] if where == 1 else None)
                if where == 1 and _sys(node.args[0], aliases):
                    if "path" in (names.strings(node.args[1]) or ()):
                        flag(IMPORT_PATH, node)  # getattr(sys, "path")
            if where != -1 and any(isinstance(a, ast.Starred) for a in node.args):
                flag(COMPUTED, node)
            for keyword in node.keywords:
                if keyword.arg in ("start_new_session", "preexec_fn", "process_group"):
                    flag("setsid", node)
                if keyword.arg == "eval_str":  # inspect.signature(f, eval_str=True)
                    flag(BUILT, node)
        elif isinstance(node, ast.Attribute):
            if _private(node.attr) and node.attr not in own:
                flag(PRIVATE, node)
            flag(ATTRIBUTES.get(node.attr), node)
            name = _dotted(node, aliases)
            if node.attr == "path" and _sys(node.value, aliases):
                flag(IMPORT_PATH, node)  # os.sys.path, asyncio.events.sys.path
            if name and name not in ("exec", "eval", "compile"):
                flag(_call(name), node)  # taken without a call: f = sys._getframe
            if name in GETTERS and id(node) not in called:
                flag(COMPUTED, node)  # g = operator.attrgetter; g(name)
        elif isinstance(node, ast.Name) and node.id in aliases and "." in aliases[node.id]:
            name = aliases[node.id]  # from sys import modules; from inspect import stack as s
            flag(ATTRIBUTES.get(name.rpartition(".")[2]), node)
            if id(node) not in called:
                flag(CALLS.get(name) if name not in ("exec", "eval", "compile") else None, node)
                if name in GETTERS:
                    flag(COMPUTED, node)
        elif isinstance(node, ast.Name) and node.id in GETTERS and id(node) not in called:
            flag(COMPUTED, node)  # g = getattr; g(sys, name): a getter under another name
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__"):
            flag("builtins", node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
            text = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
            for words, kind in WORDS:
                hit = next((w for w in words if w in text), None)
                if hit:
                    flag(f"{kind} ({hit!r})", node)
            if text.isidentifier() and _private(text) and text not in own:
                flag(PRIVATE, node)  # n = "_scheduled"; getattr(loop, n)
            if isinstance(node.value, str) and depth < STRING_DEPTH and _code_like(text):
                for what, _ in _scan_source(text, depth + 1):  # timeit.timeit("...")
                    flag(what if what.endswith(IN_A_STRING) else what + IN_A_STRING, node)
    return sorted(found.items(), key=lambda x: x[1])


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
    """The source as Python reads it: decoded by its coding cookie (PEP 263). Read as UTF-8,
    a file declaring ``coding: utf-7`` hid its code from the scan in what UTF-8 shows as a
    comment (``+AAo-`` is a newline in UTF-7), and Python ran it (attack 30)."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        with path.open("rb") as handle:  # a 100 GB file was read whole into memory
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_BYTES:  # one character a byte: enough to be flagged as too large
        return data.decode("latin-1")
    try:
        return importlib.util.decode_source(data)
    except (SyntaxError, LookupError, UnicodeDecodeError, ValueError):
        return data.decode("utf-8", errors="replace")  # Python refuses to compile it too


def _encoding(path: Path) -> str | None:
    """The encoding a kata file declares, when it is not UTF-8 (nor ASCII, a part of it)."""
    try:
        with path.open("rb") as handle:
            declared, _ = tokenize.detect_encoding(lambda: handle.readline(MAX_BYTES))
    except (OSError, SyntaxError, LookupError):
        return None
    return None if declared in ("utf-8", "utf-8-sig", "ascii", "us-ascii") else declared


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
            declared = _encoding(path)
            if declared:
                found.append(f"a source encoding other than UTF-8 ({declared})")
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
