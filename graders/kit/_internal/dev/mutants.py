"""Mutation testing of the graders: mutate each reference solution, grade every mutant.

    python -m kit dev mutants [KATA|TRACK ...] [options]      (nox -s mutants -- [...])
    python -m kit dev mutants fetch_all --list                what would be graded
    python -m kit dev mutants tasks --operators none           only the references (baselines)

    --list            list the mutants (id, line, change; [equivalent] when listed) and stale
                      equivalents, and grade nothing (exit 1 if an entry is stale)
    --show ID         print one mutant's diff (ids as printed by --list or the report)
    --operators OPS   only these operators (comma-separated names or prefixes: drop,with.swap)
    --jobs N          pytest processes side by side (default: two per core)
    --chunk N         katas graded in one pytest process (default: 16)
    --markdown FILE   also write the score table as Markdown (the README's table)
    --json FILE       also write every mutant's outcome as JSON

Each reference solution ``solutions/<track>/<kata>.py`` is parsed with ``ast`` and every
operator below makes its mutants, one change each; the normal grader grades each mutant, with
fail-fast, so a killed mutant costs its first failing check only. Mutants of different katas
share a target folder (one mutant per kata) and a pytest process, as the triangle does.
The unmutated reference (as ``ast.unparse`` writes it) is graded too, as a baseline. Grader
processes get 20 s per check, 900 s per unit and 2 GiB of address space; a mutant whose
``while`` loop no longer awaits (it may make coroutines until memory runs out) is graded
alone, and a kata whose shared process died is graded again alone, so that one mutant never
decides another's fate.

Mutants are written with ``ast.unparse``, so comments and formatting are gone and a change
in a docstring or a comment is never a mutant. Code the stub gives the learner unchanged
(``callback_api``, the crawler's link parser, ...) is not mutated, nor is a
``sys.version_info`` branch this Python does not run.

A mutant id is ``OPERATOR@QUALNAME:HASH``, e.g. ``drop.cancel@first_k:0c5dc2``: HASH is a
short hash of the changed code before and after, as ``ast.unparse`` writes it (``~2`` is
added when one function holds the same change twice). It survives edits elsewhere in the
solution, and changes when the mutated code itself changes.

A survivor is either killed by a stronger check or listed as equivalent, with a one-line
reason a reviewer can check, in ``tests/mutants/<track>/<kata>.toml``::

    [equivalent]
    "compare.boundary@RateLimiter.__aenter__:3fcf5f" = "wait == 0 sleeps 0 s: the same as no sleep"

The score of a kata is killed / (mutants - equivalent). An entry whose id matches no mutant
any more is reported as stale, and one whose mutant was killed as wrongly listed. The
operators tied to a track's topic (``TOPIC``) must all be killed. The exit code is 1 when a
kata scores under ``--min-score`` (95), a topic mutant survives, an entry is stale or wrong,
or a reference solution fails its own grader.
"""

from __future__ import annotations

import argparse
import ast
import copy
import dataclasses
import difflib
import hashlib
import json
import os
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[4]
SOLUTIONS = REPO / "solutions"
EXERCISES = REPO / "exercises"
EQUIVALENTS = REPO / "tests" / "mutants"

# Every operator, in the order mutants are listed; its summary is what the report prints.
OPERATORS: dict[str, str] = {
    "await.drop": "an `await` deleted: the coroutine is created and never run",
    "await.sleep0": "after a .cancel(), `await asyncio.sleep(0)` instead of awaiting the tasks",
    "fanout.sequential": "gather / TaskGroup / create_task fan-out becomes one await after another",
    "drop.cancel": "a `.cancel()` call deleted",
    "drop.task_done": "a `task_done()` call deleted",
    "drop.wait_closed": "an `await ....wait_closed()` deleted",
    "drop.drain": "an `await ....drain()` deleted",
    "drop.raise_for_status": "a `raise_for_status()` call deleted",
    "drop.release": "a `release()` call deleted",
    "drop.kill": "a `.kill()` call deleted",
    "drop.wait": "a `wait()` call deleted (proc.wait(), asyncio.wait(...), barrier.wait())",
    "drop.close": "a `.close()` call deleted",
    "drop.join": "a `.join()` call deleted (queue, thread)",
    "drop.abort": "a `transport.abort()` call deleted",
    "finally.empty": "the body of a `finally:` replaced by `pass`",
    "with.swap": "two context managers of `async with a, b:` swapped",
    "with.move-out": "the last statement of an `async with` body moved after the block",
    "with.move-in": "the statement after an `async with` block moved into it",
    "with.move-before": "the first statement of an `async with` body moved before the block",
    "check.late": "a `raise_for_status()` moved to the end of its block",
    "sleep.blocking": "`await asyncio.sleep(x)` becomes `time.sleep(x)`",
    "subprocess.blocking": "`await asyncio.create_subprocess_exec(...)` runs a blocking "
    "`subprocess.run(...)`",
    "except.widen": "`except X` becomes `except BaseException`, with no re-raise",
    "except.swallow": "the `raise` statements of an `except` block removed",
    "http.status": "a literal HTTP status code n becomes n + 1",
    "http.header": "a header name's `-` becomes `_` (Retry-After -> Retry_After)",
    "compare.boundary": "`<` and `<=` (or `>` and `>=`) swapped",
    "bound.shift": "a bound n becomes n + 1 (a comparison's right side, a Semaphore, Queue, "
    "range or timeout argument)",
    "log.level": "a logging call or level one step lower (error -> warning)",
}
DROPPED = tuple(name.removeprefix("drop.") for name in OPERATORS if name.startswith("drop."))
# The operators tied to a track's topic: every one of their mutants must be killed.
TOPIC: dict[str, tuple[str, ...]] = {
    "02": ("await.drop", "await.sleep0", "drop.cancel", "drop.wait"),
    "03": ("await.drop", "await.sleep0", "drop.cancel", "drop.wait"),
    "04": ("await.drop", "await.sleep0", "drop.cancel", "drop.wait"),
    "08": ("drop.drain", "drop.wait_closed"),
    "09": ("drop.kill", "drop.wait"),
    "12": ("drop.release", "drop.raise_for_status"),
}
BOUND_CALLS = {"Semaphore", "BoundedSemaphore", "Queue", "LifoQueue", "PriorityQueue", "Barrier"}
BOUND_CALLS |= {"range", "timeout", "deque"}
BOUND_KEYWORDS = {"maxsize", "maxlen", "limit", "timeout", "total", "value"}
LOWER_LEVEL = {"critical": "error", "error": "warning", "exception": "warning"}
LOWER_LEVEL |= {"warning": "info", "warn": "info", "info": "debug", "debug": "info"}
HEADER_LOOKUPS = {"get", "getone", "getall", "pop", "popone", "add"}

# Code appended to a mutant that needs it (looked up when called, so the end will do).
PRELUDES: dict[str, str] = {
    "asyncio": "import asyncio",
    "time": "import time",
    "done": '''
async def _mutant_done(aw):
    """Await ``aw`` at once and hand back a finished future of its result (mutant helper)."""
    import asyncio
    future = asyncio.get_running_loop().create_future()
    future.set_result(await aw)
    return future
''',
    "subprocess": '''
def _mutant_reader(data):
    import asyncio
    if data is None:
        return None
    reader = asyncio.StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    return reader


class _MutantProcess:
    """A child that already ran to its end, dressed as an asyncio Process (mutant helper)."""

    def __init__(self, done):
        self._done = done
        self.returncode = done.returncode
        self.pid = 0
        self.stdin = None
        self.stdout = _mutant_reader(done.stdout)
        self.stderr = _mutant_reader(done.stderr)

    async def communicate(self, input=None):
        return self._done.stdout, self._done.stderr

    async def wait(self):
        return self.returncode

    def kill(self):
        pass

    def terminate(self):
        pass

    def send_signal(self, sig):
        pass


async def _mutant_run(*cmd, _mutant_shell=False, limit=None, **kwargs):
    """subprocess.run on the loop's thread: blocks the loop until the child is done."""
    import subprocess
    done = subprocess.run(cmd[0] if _mutant_shell else list(cmd), shell=_mutant_shell, **kwargs)
    return _MutantProcess(done)
''',
}

Path_ = tuple[tuple[str, int | None], ...]  # fields (and list indexes) from the module down


# ---------------------------------------------------------------------------------------------
# Finding the sites


@dataclass(frozen=True)
class Where:
    """Where a node sits: its path from the module and its enclosing function."""

    path: Path_
    qualname: str  # "first_k", "Spawner._finished", "first_match.ask", "<module>"
    is_async: bool  # the innermost function is an `async def`
    in_genexp: bool  # inside a generator expression or a lambda (no `await` there)
    given: bool  # code the stub gives unchanged: never mutated


@dataclass(frozen=True)
class Edit:
    """One mutation: put ``new`` (a node or a list of statements) at ``where.path``."""

    op: str
    where: Where
    line: int
    key: str  # the changed code, before and after: hashed into the mutant's id
    new: Any
    needs: tuple[str, ...] = ()  # PRELUDES the mutant needs


@dataclass(frozen=True)
class Mutant:
    """One mutant of a kata's reference solution."""

    kata: str
    id: str
    op: str
    qualname: str
    line: int
    code: str  # the mutated module, unparsed
    diff: str  # a short unified diff of the change (against the unparsed original)
    needs: tuple[str, ...] = ()  # PRELUDES appended to the code
    spins: bool = False  # it has a `while` loop with no await left: it may eat memory

    @property
    def source(self) -> str:
        """What is graded: the code, then the helpers it needs."""
        return self.code + "".join(f"\n\n{PRELUDES[need]}" for need in self.needs) + "\n"

    @property
    def change(self) -> str:
        """The diff's changed lines on one line, for listings."""
        lines = [ln for ln in self.diff.splitlines() if ln[:1] in "+-" and ln[:3] not in "+++---"]
        return " | ".join(ln[:1] + " " + ln[1:].strip() for ln in lines)[:160]


def locate(tree: ast.AST, path: Path_) -> Any:
    """The node (or list) at ``path`` under ``tree``."""
    node: Any = tree
    for name, index in path:
        node = getattr(node, name)
        if index is not None:
            node = node[index]
    return node


def put(tree: ast.AST, path: Path_, new: Any) -> None:
    """Replace what is at ``path`` with a copy of ``new``."""
    owner = locate(tree, path[:-1])
    name, index = path[-1]
    if index is None:
        setattr(owner, name, copy.deepcopy(new))
    else:
        getattr(owner, name)[index] = copy.deepcopy(new)


def _is_version_test(test: ast.expr) -> bool:
    return "sys.version_info" in ast.unparse(test)


def _version_branch(test: ast.expr) -> bool:
    """The value of a ``sys.version_info`` test on this Python."""
    return bool(eval(compile(ast.Expression(test), "<test>", "eval"), {"sys": sys}))


def walk(tree: ast.Module, given: frozenset[str] = frozenset()) -> Iterator[tuple[ast.AST, Where]]:
    """Every node under ``tree`` with where it sits; skips the untaken version branch."""

    def visit(node: ast.AST, where: Where) -> Iterator[tuple[ast.AST, Where]]:
        yield node, where
        inner = where
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            qual = node.name if where.qualname == "<module>" else f"{where.qualname}.{node.name}"
            is_async = isinstance(node, ast.AsyncFunctionDef)
            inner = Where(where.path, qual, is_async, False, qual in given or where.given)
        elif isinstance(node, ast.Lambda | ast.GeneratorExp):
            inner = Where(where.path, where.qualname, where.is_async, True, where.given)
        for name, value in ast.iter_fields(node):
            if isinstance(node, ast.If) and _is_version_test(node.test):
                if name == ("orelse" if _version_branch(node.test) else "body"):
                    continue
            if isinstance(value, list):
                for index, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        path = (*where.path, (name, index))
                        yield from visit(child, _at(inner, path))
            elif isinstance(value, ast.AST):
                yield from visit(value, _at(inner, (*where.path, (name, None))))

    yield from visit(tree, Where((), "<module>", False, False, False))


def _at(where: Where, path: Path_) -> Where:
    return Where(path, where.qualname, where.is_async, where.in_genexp, where.given)


def given_code(solution: str, stub: str) -> frozenset[str]:
    """Qualnames of the functions and classes the stub holds unchanged (given code)."""

    def defs(source: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for node, where in walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                qual = (
                    node.name if where.qualname == "<module>" else f"{where.qualname}.{node.name}"
                )
                found[qual] = ast.dump(_without_docstrings(node))
        return found

    try:
        mine, theirs = defs(solution), defs(stub)
    except SyntaxError:
        return frozenset()
    return frozenset(q for q, dump in mine.items() if theirs.get(q) == dump)


def _without_docstrings(node: ast.AST) -> ast.AST:
    node = copy.deepcopy(node)
    for sub in ast.walk(node):
        body = getattr(sub, "body", None)
        if (
            isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module)
            and isinstance(body, list)
            and body
            and _is_docstring(body[0])
        ):
            sub.body = body[1:] or [ast.Pass()]
    return node


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


# ---------------------------------------------------------------------------------------------
# The operators: each maps one node (and where it is) to its edits


def _call_name(node: ast.AST) -> str:
    """'asyncio.sleep' for asyncio.sleep(...), 'create_task' for group.create_task(...)."""
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id == "asyncio":
            return f"asyncio.{func.attr}"
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _method(stmt: ast.AST) -> str:
    """The method a statement calls, awaited or not: 'cancel' for ``task.cancel()``."""
    if not isinstance(stmt, ast.Expr):
        return ""
    call = stmt.value.value if isinstance(stmt.value, ast.Await) else stmt.value
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _attr(value: ast.expr, name: str) -> ast.Attribute:
    return ast.Attribute(value=value, attr=name, ctx=ast.Load())


def _name(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load())


def _plus_one(node: ast.expr) -> ast.expr:
    value = node.value if isinstance(node, ast.Constant) else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return ast.Constant(value + 1)
    return ast.BinOp(left=copy.deepcopy(node), op=ast.Add(), right=ast.Constant(1))


def _text(node: Any) -> str:
    if isinstance(node, list):
        return "\n".join(ast.unparse(n) for n in node)
    return ast.unparse(node)


class Ctx:
    """The tree being mutated, and what operators need to know about it."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.top_names = {
            alias.asname or alias.name
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        self.cancels: dict[str, int] = {}  # qualname -> line of its first .cancel()

    def edit(
        self, op: str, where: Where, node: ast.AST | list[ast.stmt], new: Any, *needs: str
    ) -> Edit:
        """Replace ``node`` (at ``where``) with ``new``; the key is both texts."""
        first = node[0] if isinstance(node, list) else node
        line = getattr(first, "lineno", 0)
        return Edit(op, where, line, f"{_text(node)}\n=>\n{_text(new)}", new, needs)

    def block(self, where: Where) -> tuple[Path_, list[ast.stmt], int] | None:
        """The statement list that holds the node at ``where``, and its index there."""
        if not where.path or where.path[-1][1] is None:
            return None
        owner = locate(self.tree, where.path[:-1])
        name, index = where.path[-1]
        stmts: list[ast.stmt] = getattr(owner, name)
        if index is None or not isinstance(stmts[index], ast.stmt):
            return None
        return (*where.path[:-1], (name, None)), stmts, index


Operator = Callable[[ast.AST, Where, Ctx], Iterator[Edit]]


def op_await(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """await.drop, and await.sleep0 for a statement `await X` after a .cancel()."""
    if isinstance(node, ast.Await):
        yield ctx.edit("await.drop", where, node, node.value)
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Await):
        first_cancel = ctx.cancels.get(where.qualname)
        called = _call_name(node.value.value)
        if first_cancel is not None and node.lineno > first_cancel and called != "asyncio.sleep":
            sleep0 = ast.Call(_attr(_name("asyncio"), "sleep"), [ast.Constant(0)], [])
            needs = () if "asyncio" in ctx.top_names else ("asyncio",)
            yield ctx.edit("await.sleep0", where, node, ast.Expr(ast.Await(sleep0)), *needs)


def op_fanout(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """fanout.sequential: gather(...) becomes a list of awaits; a task is awaited at once."""
    if not where.is_async or where.in_genexp:
        return
    if isinstance(node, ast.Await) and _call_name(node.value) == "asyncio.gather":
        call = node.value
        assert isinstance(call, ast.Call)
        new: ast.expr | None = None
        if len(call.args) == 1 and isinstance(call.args[0], ast.Starred):
            gen = call.args[0].value
            if isinstance(gen, ast.GeneratorExp):
                new = ast.ListComp(ast.Await(copy.deepcopy(gen.elt)), copy.deepcopy(gen.generators))
        elif call.args and not any(isinstance(a, ast.Starred) for a in call.args):
            new = ast.List([ast.Await(copy.deepcopy(a)) for a in call.args], ast.Load())
        if new is not None:
            yield ctx.edit("fanout.sequential", where, node, new)
    if isinstance(node, ast.Call) and _call_name(node) in (
        "create_task",
        "asyncio.create_task",
        "asyncio.ensure_future",
    ):
        if not node.args:
            return
        coro = copy.deepcopy(node.args[0])
        block = ctx.block(_at(where, where.path[:-1])) if where.path else None
        parent = locate(ctx.tree, where.path[:-1]) if where.path else None
        if isinstance(parent, ast.Expr) and block is not None:  # a statement: just await it
            yield ctx.edit(
                "fanout.sequential", _at(where, where.path[:-1]), parent, ast.Expr(ast.Await(coro))
            )
        else:
            done = ast.Await(ast.Call(_name("_mutant_done"), [coro], []))
            yield ctx.edit("fanout.sequential", where, node, done, "done")


def op_drop(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """drop.<method>: a statement that calls one of DROPPED is deleted."""
    method = _method(node)
    if method in DROPPED and ctx.block(where) is not None:
        yield ctx.edit(f"drop.{method}", where, node, ast.Pass())


def op_finally(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """finally.empty: the body of a `finally:` becomes `pass`."""
    if isinstance(node, ast.Try | ast.TryStar) and node.finalbody:
        inner = _at(where, (*where.path, ("finalbody", None)))
        if not (len(node.finalbody) == 1 and isinstance(node.finalbody[0], ast.Pass)):
            yield ctx.edit("finally.empty", inner, node.finalbody, [ast.Pass()])


def op_with(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """with.swap, with.move-out, with.move-in, with.move-before on an `async with`."""
    if not isinstance(node, ast.AsyncWith):
        return
    items = _at(where, (*where.path, ("items", None)))
    for i in range(len(node.items) - 1):
        swapped = list(node.items)
        swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
        yield Edit("with.swap", items, node.lineno, _text(node.items[i : i + 2]) + " swap", swapped)
    found = ctx.block(where)
    if found is None:
        return
    path, stmts, index = found
    heads = ", ".join(ast.unparse(item) for item in node.items)

    def rebuilt(body: list[ast.stmt]) -> ast.AsyncWith:
        return ast.AsyncWith(node.items, body or [ast.Pass()], lineno=node.lineno)

    last = node.body[-1]
    if not _plain_return(last):
        new = [*stmts[:index], rebuilt(node.body[:-1]), last, *stmts[index + 1 :]]
        key = f"{ast.unparse(last)}\nout of {heads}"
        yield Edit("with.move-out", _at(where, path), node.lineno, key, new)
    if index + 1 < len(stmts) and not _plain_return(stmts[index + 1]):
        nxt = stmts[index + 1]
        new = [*stmts[:index], rebuilt([*node.body, nxt]), *stmts[index + 2 :]]
        key = f"{ast.unparse(nxt)}\ninto {heads}"
        yield Edit("with.move-in", _at(where, path), node.lineno, key, new)
    bound = {
        n.id
        for item in node.items
        if item.optional_vars is not None
        for n in ast.walk(item.optional_vars)
        if isinstance(n, ast.Name)
    }
    first = node.body[0]
    uses = {n.id for n in ast.walk(first) if isinstance(n, ast.Name)}
    if len(node.body) > 1 and not uses & bound:
        new = [*stmts[:index], first, rebuilt(node.body[1:]), *stmts[index + 1 :]]
        key = f"{ast.unparse(first)}\nbefore {heads}"
        yield Edit("with.move-before", _at(where, path), node.lineno, key, new)


def _plain_return(stmt: ast.stmt) -> bool:
    """`return x` (names, attributes, constants): the same inside a block or just after it."""
    if not isinstance(stmt, ast.Return):
        return False
    allowed = (ast.Name, ast.Attribute, ast.Constant, ast.Tuple, ast.Load, ast.expr_context)
    return stmt.value is None or all(isinstance(n, allowed) for n in ast.walk(stmt.value))


def op_check_late(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """check.late: `x.raise_for_status()` moves to the end of its block (before a return)."""
    found = ctx.block(where)
    if _method(node) != "raise_for_status" or found is None:
        return
    path, stmts, index = found
    rest = [s for i, s in enumerate(stmts) if i != index]
    end = len(rest) - 1 if rest and isinstance(rest[-1], ast.Return | ast.Raise) else len(rest)
    new = [*rest[:end], node, *rest[end:]]
    if new != stmts:
        key = f"{ast.unparse(node)}\nlate"
        assert isinstance(node, ast.stmt)
        yield Edit("check.late", _at(where, path), node.lineno, key, new)


def op_blocking(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """sleep.blocking and subprocess.blocking."""
    if not isinstance(node, ast.Await):
        return
    called = _call_name(node.value)
    call = node.value
    if called == "asyncio.sleep" and isinstance(call, ast.Call):
        new = ast.Call(_attr(_name("time"), "sleep"), copy.deepcopy(call.args[:1]), [])
        yield ctx.edit(
            "sleep.blocking", where, node, new, *(() if "time" in ctx.top_names else ("time",))
        )
    if called in ("asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell"):
        assert isinstance(call, ast.Call)
        keywords = copy.deepcopy(call.keywords)
        if called.endswith("shell"):
            keywords.append(ast.keyword("_mutant_shell", ast.Constant(True)))
        run = ast.Await(ast.Call(_name("_mutant_run"), copy.deepcopy(call.args), keywords))
        yield ctx.edit("subprocess.blocking", where, node, run, "subprocess")


class _NoRaise(ast.NodeTransformer):
    """Replaces `raise` statements (bare ones only, if ``bare``) by `pass`, not in nested defs."""

    def __init__(self, bare: bool) -> None:
        self.bare = bare
        self.count = 0

    def visit_Raise(self, node: ast.Raise) -> ast.AST:
        if self.bare and node.exc is not None:
            return node
        self.count += 1
        return ast.Pass()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return node

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        return node


def op_except(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """except.widen (BaseException, no bare re-raise) and except.swallow (no raise at all)."""
    if not isinstance(node, ast.ExceptHandler) or node.type is None:
        return
    head = f"except {ast.unparse(node.type)}" + (f" as {node.name}" if node.name else "")
    if not (isinstance(node.type, ast.Name) and node.type.id == "BaseException"):
        wide = copy.deepcopy(node)
        wide.type = _name("BaseException")
        wide = _NoRaise(bare=True).visit(wide)
        yield Edit("except.widen", where, node.lineno, f"{head}\nwiden", wide)
    remover = _NoRaise(bare=False)
    quiet = remover.visit(copy.deepcopy(node))
    if remover.count:
        yield Edit("except.swallow", where, node.lineno, f"{head}\nswallow", quiet)


def _mentions_status(node: ast.expr) -> bool:
    return any(
        (isinstance(n, ast.Attribute) and "status" in n.attr.lower())
        or (isinstance(n, ast.Name) and "status" in n.id.lower())
        for n in ast.walk(node)
    )


def _is_status(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and 100 <= node.value <= 599


def op_http(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """http.status (in a comparison with a status, or in a *STATUS* collection) and
    http.header (a header name looked up, or a dict key)."""
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        for name, side, other in (
            ("left", node.left, node.comparators[0]),
            ("comparators", node.comparators[0], node.left),
        ):
            if _is_status(side) and _mentions_status(other):
                index = None if name == "left" else 0
                at = _at(where, (*where.path, (name, index)))
                yield ctx.edit("http.status", at, side, _plus_one(side))
    if (
        isinstance(node, ast.Assign)
        and any("status" in ast.unparse(t).lower() for t in node.targets)
        and isinstance(node.value, ast.Set | ast.List | ast.Tuple)
    ):
        for i, elt in enumerate(node.value.elts):
            if _is_status(elt):
                at = _at(where, (*where.path, ("value", None), ("elts", i)))
                yield ctx.edit("http.status", at, elt, _plus_one(elt))
    for at, const in _header_names(node, where):
        yield ctx.edit("http.header", at, const, ast.Constant(str(const.value).replace("-", "_")))


def _header_names(node: ast.AST, where: Where) -> Iterator[tuple[Where, ast.Constant]]:
    def header(n: ast.AST) -> bool:
        if not (isinstance(n, ast.Constant) and isinstance(n.value, str)):
            return False
        parts = n.value.split("-")
        return (
            len(parts) > 1
            and all(p.isalnum() and p.isascii() for p in parts)
            and n.value[0].isupper()
        )

    if isinstance(node, ast.Subscript) and header(node.slice):
        assert isinstance(node.slice, ast.Constant)
        yield _at(where, (*where.path, ("slice", None))), node.slice
    if isinstance(node, ast.Call) and _call_name(node) in HEADER_LOOKUPS and node.args:
        if header(node.args[0]):
            assert isinstance(node.args[0], ast.Constant)
            yield _at(where, (*where.path, ("args", 0))), node.args[0]
    if isinstance(node, ast.Dict):
        for i, key in enumerate(node.keys):
            if key is not None and header(key):
                assert isinstance(key, ast.Constant)
                yield _at(where, (*where.path, ("keys", i))), key


def op_bounds(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """compare.boundary and bound.shift."""
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and not _is_version_test(node):
        op, right = node.ops[0], node.comparators[0]
        swap = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}.get(type(op))
        if swap is not None:
            at = _at(where, (*where.path, ("ops", 0)))
            yield Edit(
                "compare.boundary", at, node.lineno, f"{ast.unparse(node)}\nboundary", swap()
            )
        numeric = isinstance(right, ast.Name | ast.Attribute | ast.BinOp | ast.Call) or (
            isinstance(right, ast.Constant) and type(right.value) in (int, float)
        )
        ordered = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
        status = _is_status(right) and _mentions_status(node.left)
        if isinstance(op, ordered) and numeric and not status:
            at = _at(where, (*where.path, ("comparators", 0)))
            yield ctx.edit("bound.shift", at, right, _plus_one(right))
    if isinstance(node, ast.Call):
        called = _call_name(node).removeprefix("asyncio.")
        if called in BOUND_CALLS and node.args:
            index = 1 if called == "range" and len(node.args) > 1 else 0
            arg = node.args[index]
            if not isinstance(arg, ast.Starred):
                at = _at(where, (*where.path, ("args", index)))
                yield ctx.edit("bound.shift", at, arg, _plus_one(arg))
        for i, kw in enumerate(node.keywords):
            none = isinstance(kw.value, ast.Constant) and kw.value.value is None
            if kw.arg in BOUND_KEYWORDS and not none:
                at = _at(where, (*where.path, ("keywords", i), ("value", None)))
                yield ctx.edit("bound.shift", at, kw.value, _plus_one(kw.value))


def op_log(node: ast.AST, where: Where, ctx: Ctx) -> Iterator[Edit]:
    """log.level: logger.error(...) -> logger.warning(...), logging.ERROR -> logging.WARNING."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        receiver = ast.unparse(node.func.value).lower()
        lower = LOWER_LEVEL.get(node.func.attr)
        if "log" in receiver and lower is not None:
            at = _at(where, (*where.path, ("func", None)))
            yield ctx.edit("log.level", at, node.func, _attr(copy.deepcopy(node.func.value), lower))
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "logging"
        and node.attr.lower() in LOWER_LEVEL
        and node.attr.isupper()
    ):
        lower = LOWER_LEVEL[node.attr.lower()].upper()
        yield ctx.edit("log.level", where, node, _attr(_name("logging"), lower))


OPERATOR_FUNCTIONS: tuple[Operator, ...] = (
    op_await,
    op_fanout,
    op_drop,
    op_finally,
    op_with,
    op_check_late,
    op_blocking,
    op_except,
    op_http,
    op_bounds,
    op_log,
)


# ---------------------------------------------------------------------------------------------
# Making the mutants


def _fill_empty(tree: ast.AST) -> None:
    """Give every body emptied by a deletion a `pass` (a `finally:` too, if it was the only
    clause)."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and not body and not isinstance(node, ast.Module):
            node.body = [ast.Pass()]  # type: ignore[attr-defined]
        if isinstance(node, ast.Try | ast.TryStar) and not node.handlers and not node.finalbody:
            node.finalbody = [ast.Pass()]


def edits(source: str, given: frozenset[str] = frozenset()) -> list[Edit]:
    """Every edit of every operator on ``source``, in source order."""
    tree = ast.parse(source)
    ctx = Ctx(tree)
    nodes = list(walk(tree, given))
    for node, where in nodes:
        if _call_name(node) == "cancel" and where.qualname not in ctx.cancels:
            ctx.cancels[where.qualname] = getattr(node, "lineno", 0)
    found: list[Edit] = []
    for node, where in nodes:
        if where.given:
            continue
        for operator in OPERATOR_FUNCTIONS:
            found.extend(operator(node, where, ctx))
    order = list(OPERATORS)
    found.sort(key=lambda e: (e.line, order.index(e.op) if e.op in order else len(order)))
    return found


def mutant_id(op: str, qualname: str, key: str) -> str:
    """``OPERATOR@QUALNAME:HASH``; HASH is 6 hex digits of the change's text."""
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:6]
    return f"{op}@{qualname}:{digest}"


def mutants(kata: str, source: str, stub: str | None = None) -> list[Mutant]:
    """Every mutant of ``source`` (a kata's reference solution), without duplicates or ones
    that do not compile. ``stub``: the exercise, whose unchanged code is not mutated."""
    given = given_code(source, stub) if stub is not None else frozenset()
    tree = ast.parse(source)
    original = ast.unparse(tree)
    spinning = _spinning_loops(tree)
    seen = {original}
    ids: dict[str, int] = {}
    out: list[Mutant] = []
    for edit in edits(source, given):
        mutated = copy.deepcopy(tree)
        put(mutated, edit.where.path, edit.new)
        _fill_empty(mutated)
        ast.fix_missing_locations(mutated)
        try:
            text = ast.unparse(mutated)
        except Exception:  # noqa: BLE001 - an edit that makes no valid tree is no mutant
            continue
        if text in seen:
            continue
        seen.add(text)
        mutant = Mutant(kata, "", edit.op, edit.where.qualname, edit.line, text, "", edit.needs)
        try:
            compile(mutant.source, f"{kata}.py", "exec", dont_inherit=True)
        except SyntaxError:
            continue
        ident = mutant_id(edit.op, edit.where.qualname, edit.key)
        ids[ident] = ids.get(ident, 0) + 1
        if ids[ident] > 1:
            ident = f"{ident}~{ids[ident]}"
        spins = _spinning_loops(mutated) > spinning
        out.append(dataclasses.replace(mutant, id=ident, diff=_diff(original, text), spins=spins))
    return out


def _spinning_loops(tree: ast.AST) -> int:
    """`while` loops of async functions that never suspend (no await, async for or with, or
    yield in their body): with the await deleted, `while True: queue.get()` makes coroutines
    without end."""

    def suspends(node: ast.AST) -> bool:
        if isinstance(node, ast.Await | ast.AsyncFor | ast.AsyncWith | ast.Yield):
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return False
        return any(suspends(child) for child in ast.iter_child_nodes(node))

    count = 0
    for func in ast.walk(tree):
        if isinstance(func, ast.AsyncFunctionDef):
            for node in ast.walk(func):
                if isinstance(node, ast.While) and not any(
                    suspends(part) for part in (node.test, *node.body)
                ):
                    count += 1
    return count


def _diff(before: str, after: str, limit: int = 14) -> str:
    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), n=1, lineterm=""))
    lines = [ln for ln in lines[2:] if not ln.startswith("@@")] or ["(no change)"]
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more lines)"]
    return "\n".join(lines)


def kata_mutants(kata: str, operators: Sequence[str] = ()) -> tuple[str, list[Mutant]]:
    """The unparsed reference of ``kata`` (the baseline) and its mutants."""
    source = (SOLUTIONS / f"{kata}.py").read_text(encoding="utf-8")
    stub_path = EXERCISES / f"{kata}.py"
    stub = stub_path.read_text(encoding="utf-8") if stub_path.is_file() else None
    found = mutants(kata, source, stub)
    if operators:
        found = [
            m
            for m in found
            if any(m.op == o or m.op.startswith(o.rstrip(".") + ".") for o in operators)
        ]
    return ast.unparse(ast.parse(source)), found


# ---------------------------------------------------------------------------------------------
# Equivalent mutants


@dataclass
class Equivalents:
    """The equivalent mutants listed for one kata: id -> reason."""

    path: Path
    reasons: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, kata: str, root: Path = EQUIVALENTS) -> Equivalents:
        """Read ``root/<track>/<kata>.toml`` (no file: none listed)."""
        path = root / f"{kata}.toml"
        if not path.is_file():
            return cls(path)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        table = data.get("equivalent", {})
        return cls(path, {str(k): str(v) for k, v in table.items()})

    def stale(self, found: Sequence[Mutant]) -> list[str]:
        """Listed ids that match no mutant any more."""
        ids = {m.id for m in found}
        return sorted(i for i in self.reasons if i not in ids)


# ---------------------------------------------------------------------------------------------
# Grading


@dataclass
class Outcome:
    """What the grader said of one mutant (or of the baseline, the unparsed reference)."""

    mutant: Mutant
    killed: bool
    message: str = ""  # the first failure


@dataclass
class KataReport:
    """Every outcome of one kata, and the score."""

    kata: str
    baseline_ok: bool
    baseline_message: str
    outcomes: list[Outcome]
    equivalents: Equivalents

    @property
    def survivors(self) -> list[Outcome]:
        """Survivors not listed as equivalent."""
        return [
            o for o in self.outcomes if not o.killed and o.mutant.id not in self.equivalents.reasons
        ]

    @property
    def equivalent(self) -> list[Outcome]:
        """Survivors listed as equivalent."""
        return [
            o for o in self.outcomes if not o.killed and o.mutant.id in self.equivalents.reasons
        ]

    @property
    def wrongly_listed(self) -> list[str]:
        """Ids listed as equivalent whose mutant was killed."""
        return [
            o.mutant.id
            for o in self.outcomes
            if o.killed and o.mutant.id in self.equivalents.reasons
        ]

    @property
    def stale(self) -> list[str]:
        """Listed ids that match no mutant any more."""
        return self.equivalents.stale([o.mutant for o in self.outcomes])

    @property
    def killed(self) -> int:
        """Mutants killed."""
        return sum(o.killed for o in self.outcomes)

    @property
    def scored(self) -> int:
        """Mutants that count: all but the equivalent ones."""
        return len(self.outcomes) - len(self.equivalent)

    @property
    def score(self) -> float:
        """Killed / scored, in percent (100 when nothing counts)."""
        return 100.0 * self.killed / self.scored if self.scored else 100.0

    def topic(self) -> tuple[int, int]:
        """(killed, total) of the non-equivalent mutants of this track's topic operators."""
        ops = TOPIC.get(self.kata[:2], ())
        equivalent = {o.mutant.id for o in self.equivalent}
        mine = [o for o in self.outcomes if o.mutant.op in ops and o.mutant.id not in equivalent]
        return sum(o.killed for o in mine), len(mine)


Unit = tuple[Path, list[tuple[str, Mutant]]]  # one target folder, one mutant per kata


def pack(queues: dict[str, list[Mutant]], chunk: int, root: Path) -> list[Unit]:
    """Cut every kata's mutants into units of at most ``chunk`` distinct katas; the katas with
    the most mutants left go first, so there are as few units (pytest processes) as can be.
    A mutant that may spin gets a unit of its own, first."""
    left = {kata: [m for m in items if not m.spins] for kata, items in queues.items()}
    left = {kata: items for kata, items in left.items() if items}
    order = list(queues)
    # A mutant that may spin (and eat memory until its process dies) is graded on its own,
    # so that it takes no other kata's grading down with it.
    units: list[Unit] = [
        (root / f"alone-{kata.replace('/', '-')}-{i}", [(kata, m)])
        for kata, items in queues.items()
        for i, m in enumerate(items)
        if m.spins
    ]
    while left:
        chosen = sorted(left, key=lambda k: (-len(left[k]), order.index(k)))[:chunk]
        target = root / f"unit{len(units)}"
        units.append((target, [(kata, left[kata].pop(0)) for kata in chosen]))
        for kata in chosen:
            if not left[kata]:
                del left[kata]
    return units


# killed; sure (a check failed, or it was graded alone: not a process another mutant killed)
Verdict = tuple[bool, bool, str]


def grade_units(units: list[Unit], jobs: int) -> dict[tuple[str, str], Verdict]:
    """Grade each unit in one pytest process, ``jobs`` side by side; (kata, id) -> verdict."""
    from kit._internal.data import Status
    from kit._internal.manifest import catalogue
    from kit._internal.orchestrate import grade

    cat = catalogue()
    infos = {k.id: k for k in cat.katas}

    def run(unit: Unit) -> dict[tuple[str, str], Verdict]:
        target, items = unit
        for kata, mutant in items:
            dest = target / f"{kata}.py"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(mutant.source, encoding="utf-8")
        results = grade([infos[kata] for kata, _ in items], target, spread=False, jobs=1)
        by_kata = {r.info.id: r for r in results}
        return {
            (kata, mutant.id): (
                by_kata[kata].status is not Status.PASS,
                len(items) == 1 or any(c["outcome"] == "failed" for c in by_kata[kata].checks),
                by_kata[kata].message,
            )
            for kata, mutant in items
        }

    out: dict[tuple[str, str], Verdict] = {}
    done = 0
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(run, units):
            out.update(part)
            done += 1
            print(f"\r  graded {done}/{len(units)} units", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return out


BASELINE = "baseline"
MEMORY_LIMIT = 2 << 30  # bytes of address space for a grader process: `while True: f()` with
# the `await` deleted makes coroutines without end, and would take all the machine's memory
TEST_TIMEOUT = "20"  # real seconds for one check of a mutant (the kit's default is 30)
UNIT_BUDGET = "900"  # real seconds for one unit (a submission gets 160)


def _limit_children() -> None:
    """Cap the address space our grader processes inherit, and their checks' time. A unit is
    our own folder, not a submission: a mutant that hangs past its kata's budget must not
    leave the unit's other katas "not graded" (they would be graded again, alone)."""
    os.environ.setdefault("KATAS_TEST_TIMEOUT", TEST_TIMEOUT)
    os.environ.setdefault("KATAS_SUBMISSION_BUDGET", UNIT_BUDGET)
    loaded = sys.modules.get("kit._internal.orchestrate")
    if loaded is not None:  # read at import: tell it too
        setattr(loaded, "TEST_TIMEOUT", float(os.environ["KATAS_TEST_TIMEOUT"]))  # noqa: B010
        setattr(loaded, "SUBMISSION_BUDGET", float(os.environ["KATAS_SUBMISSION_BUDGET"]))  # noqa: B010
    try:
        import resource
    except ImportError:  # Windows: no limit
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > MEMORY_LIMIT:
        limit = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def run_katas(
    katas: Sequence[str], *, operators: Sequence[str] = (), jobs: int = 0, chunk: int = 16
) -> list[KataReport]:
    """Grade the baseline and every mutant of ``katas``; one report per kata."""
    _limit_children()
    jobs = jobs or 2 * (os.cpu_count() or 1)  # graders mostly wait on real clocks
    queues: dict[str, list[Mutant]] = {}
    for kata in katas:
        baseline, found = kata_mutants(kata, operators)
        base = Mutant(kata, BASELINE, BASELINE, "<module>", 0, baseline, "")
        queues[kata] = [base, *found]
    with tempfile.TemporaryDirectory(prefix="katas-mutants-") as tmp:
        units = pack(queues, chunk, Path(tmp))
        total = sum(len(q) for q in queues.values())
        print(
            f"grading {total} programs ({len(katas)} baselines) in {len(units)} units",
            file=sys.stderr,
        )
        graded = grade_units(units, jobs)
        # A process that died (a mutant ate its memory, say) fails every kata it had not
        # finished, the guilty one or not: grade those again, each in a process of its own.
        again = [
            (kata, m)
            for kata, queue in queues.items()
            for m in queue
            if graded[(kata, m.id)][0] and not graded[(kata, m.id)][1]
        ]
        if again:
            print(f"grading {len(again)} again, each alone (a process died)", file=sys.stderr)
            alone = [(Path(tmp) / f"alone{i}", [item]) for i, item in enumerate(again)]
            graded.update(grade_units(alone, jobs))
    reports: list[KataReport] = []
    for kata, queue in queues.items():
        base_killed, _, base_message = graded[(kata, BASELINE)]
        outcomes = [Outcome(m, graded[(kata, m.id)][0], graded[(kata, m.id)][2]) for m in queue[1:]]
        reports.append(
            KataReport(kata, not base_killed, base_message, outcomes, Equivalents.load(kata))
        )
    return reports


# ---------------------------------------------------------------------------------------------
# Reporting


def table(reports: Sequence[KataReport], markdown: bool = False) -> str:
    """The per-kata score table, and the overall line."""
    head = ("kata", "mutants", "killed", "survived", "equivalent", "score", "topic")
    rows: list[tuple[str, ...]] = []
    for r in reports:
        k, n = r.topic()
        rows.append(
            (
                r.kata + ("" if r.baseline_ok else " (REFERENCE FAILS)"),
                str(len(r.outcomes)),
                str(r.killed),
                str(len(r.survivors)),
                str(len(r.equivalent)),
                f"{r.score:.1f}%",
                f"{k}/{n}" if n else "-",
            )
        )
    mutants_ = sum(len(r.outcomes) for r in reports)
    killed = sum(r.killed for r in reports)
    scored = sum(r.scored for r in reports)
    tk = sum(r.topic()[0] for r in reports)
    tn = sum(r.topic()[1] for r in reports)
    rows.append(
        (
            "overall",
            str(mutants_),
            str(killed),
            str(sum(len(r.survivors) for r in reports)),
            str(sum(len(r.equivalent) for r in reports)),
            f"{100.0 * killed / scored if scored else 100.0:.1f}%",
            f"{tk}/{tn}" if tn else "-",
        )
    )
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * 6) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]

    def fmt(row: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    return "\n".join(
        [fmt(head), *(fmt(row) for row in rows[:-1]), "-" * len(fmt(head)), fmt(rows[-1])]
    )


def details(reports: Sequence[KataReport]) -> str:
    """The surviving mutants with their diffs, stale and wrongly listed equivalents, failed
    baselines."""
    out: list[str] = []
    for r in reports:
        if not r.baseline_ok:
            out.append(f"{r.kata}: the reference solution fails its grader: {r.baseline_message}")
        for o in r.survivors:
            m = o.mutant
            out.append(f"SURVIVED {m.kata}  {m.id}  (line {m.line}: {OPERATORS.get(m.op, m.op)})")
            out.extend("    " + line for line in m.diff.splitlines())
        for ident in r.stale:
            out.append(f"STALE    {r.kata}  {ident}: listed as equivalent, matches no mutant")
        for ident in r.wrongly_listed:
            out.append(f"KILLED   {r.kata}  {ident}: listed as equivalent, but the grader kills it")
    return "\n".join(out)


def failing(reports: Sequence[KataReport], min_score: float) -> bool:
    """True when the run should exit 1."""
    return any(
        not r.baseline_ok
        or r.score < min_score
        or r.stale
        or r.wrongly_listed
        or r.topic()[0] < r.topic()[1]
        for r in reports
    )


def to_json(reports: Sequence[KataReport], seconds: float) -> dict[str, Any]:
    """Every outcome, for tools."""
    return {
        "seconds": round(seconds, 1),
        "katas": [
            {
                "kata": r.kata,
                "baseline_ok": r.baseline_ok,
                "score": round(r.score, 1),
                "mutants": [
                    {
                        "id": o.mutant.id,
                        "line": o.mutant.line,
                        "killed": o.killed,
                        "equivalent": o.mutant.id in r.equivalents.reasons,
                        "message": o.message,
                        "diff": o.mutant.diff,
                    }
                    for o in r.outcomes
                ],
                "stale": r.stale,
            }
            for r in reports
        ],
    }


def _children_cpu() -> float:
    """CPU seconds of the grader processes so far (0 where unknown): unlike the wall time,
    it does not grow when other work shares the cores."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(args: argparse.Namespace) -> int:
    """``python -m kit dev mutants`` (options: see kit._internal.cli, or ``--help``)."""
    from kit._internal.manifest import catalogue

    cat = catalogue()
    try:
        katas = [k.id for k in cat.select(args.names)]
    except LookupError as exc:
        print(cat.unknown(str(exc.args[0])))
        return 2
    operators = [o.strip() for o in args.operators.split(",") if o.strip()]
    if args.list or args.show:
        stale = False
        for kata in katas:
            found = kata_mutants(kata, operators)[1]
            listed = Equivalents.load(kata)
            for m in found:
                if args.show and m.id == args.show:
                    print(f"{m.kata}  {m.id}  line {m.line}: {OPERATORS.get(m.op, m.op)}")
                    print(m.diff)
                    return 0
                if args.list:
                    mark = "  [equivalent]" if m.id in listed.reasons else ""
                    print(f"{m.kata}  {m.id}  line {m.line}: {m.change}{mark}")
            for ident in listed.stale(found) if args.list and not operators else ():
                print(f"STALE {kata}  {ident}: listed as equivalent, matches no mutant")
                stale = True
        if args.list:
            return 1 if stale else 0
        if args.show:
            print(f"no mutant {args.show}", file=sys.stderr)
            return 1
        return 0
    started, cpu = time.monotonic(), _children_cpu()
    reports = run_katas(katas, operators=operators, jobs=args.jobs, chunk=args.chunk)
    seconds, cpu = time.monotonic() - started, _children_cpu() - cpu
    text = details(reports)
    if text:
        print(text, end="\n\n")
    print(table(reports))
    print(f"wall time: {seconds:.0f} s on {os.cpu_count()} cores ({cpu:.0f} CPU s in graders)")
    if args.markdown:
        Path(args.markdown).write_text(table(reports, markdown=True) + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(
            json.dumps(to_json(reports, seconds), indent=1), encoding="utf-8"
        )
    return 1 if failing(reports, args.min_score) else 0
