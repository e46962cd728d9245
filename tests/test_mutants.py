"""The mutation tester's operators, ids and equivalents bookkeeping (no grading here)."""

from __future__ import annotations

import ast
import asyncio
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from kit._internal.dev import mutants as mt


def norm(source: str) -> str:
    """``source`` as the mutator writes it (ast.unparse: no comments, one style)."""
    return ast.unparse(ast.parse(textwrap.dedent(source)))


def made(source: str, op: str, stub: str | None = None) -> list[str]:
    """The code of every mutant ``op`` makes of ``source``."""
    found = mt.mutants("t/k", textwrap.dedent(source), stub and textwrap.dedent(stub))
    return [m.code for m in found if m.op == op]


def check(source: str, op: str, *expected: str) -> None:
    """``op`` makes exactly the mutants ``expected`` of ``source``."""
    assert sorted(made(source, op)) == sorted(norm(e) for e in expected)


def run_module(source: str, fn: str, *args: Any) -> Any:
    """Run ``fn(*args)`` of a mutant's whole source on a fresh loop."""
    space: dict[str, Any] = {}
    exec(compile(source, "<mutant>", "exec"), space)
    return asyncio.run(space[fn](*args))


def test_await_drop() -> None:
    check(
        """
        async def f(g):
            x = await g()
            return x
        """,
        "await.drop",
        """
        async def f(g):
            x = g()
            return x
        """,
    )


def test_await_sleep0_only_after_a_cancel() -> None:
    source = """
    import asyncio
    async def f(tasks):
        await asyncio.gather(*tasks)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    """
    check(
        source,
        "await.sleep0",
        """
        import asyncio
        async def f(tasks):
            await asyncio.gather(*tasks)
            for t in tasks:
                t.cancel()
            await asyncio.sleep(0)
        """,
    )


def test_fanout_gather_becomes_sequential_awaits() -> None:
    check(
        """
        import asyncio
        async def f(ids, fetch):
            return await asyncio.gather(*(fetch(i) for i in ids))
        async def g(a, b):
            return await asyncio.gather(a(), b())
        async def h(tasks):
            return await asyncio.gather(*tasks)
        """,
        "fanout.sequential",
        """
        import asyncio
        async def f(ids, fetch):
            return [await fetch(i) for i in ids]
        async def g(a, b):
            return await asyncio.gather(a(), b())
        async def h(tasks):
            return await asyncio.gather(*tasks)
        """,
        """
        import asyncio
        async def f(ids, fetch):
            return await asyncio.gather(*(fetch(i) for i in ids))
        async def g(a, b):
            return [await a(), await b()]
        async def h(tasks):
            return await asyncio.gather(*tasks)
        """,
    )


def test_fanout_taskgroup_awaits_each_task_in_turn() -> None:
    source = """
    import asyncio
    async def f(jobs):
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
            tasks = [group.create_task(job()) for job in jobs]
        return [t.result() for t in tasks]
    def spawn(coro):
        return asyncio.create_task(coro)
    """
    check(
        source,
        "fanout.sequential",
        """
        import asyncio
        async def f(jobs):
            async with asyncio.TaskGroup() as group:
                for job in jobs:
                    await job()
                tasks = [group.create_task(job()) for job in jobs]
            return [t.result() for t in tasks]
        def spawn(coro):
            return asyncio.create_task(coro)
        """,
        """
        import asyncio
        async def f(jobs):
            async with asyncio.TaskGroup() as group:
                for job in jobs:
                    group.create_task(job())
                tasks = [await _mutant_done(job()) for job in jobs]
            return [t.result() for t in tasks]
        def spawn(coro):
            return asyncio.create_task(coro)
        """,
    )
    simple = """
    import asyncio
    async def f(jobs):
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(job()) for job in jobs]
        return [t.result() for t in tasks]
    """
    (mutant,) = [m for m in mt.mutants("t/k", textwrap.dedent(simple)) if "_mutant_done" in m.code]
    order: list[str] = []

    def job(name: str, delay: float) -> Any:
        async def run() -> str:
            order.append(f"start {name}")
            await asyncio.sleep(delay)
            order.append(f"end {name}")
            return name

        return run

    # The helper makes it sequential: each job ends before the next starts.
    assert run_module(mutant.source, "f", [job("a", 0.02), job("b", 0.01)]) == ["a", "b"]
    assert order == ["start a", "end a", "start b", "end b"]


DROPPING = """
import asyncio
async def f(task, writer, resp, sem, proc, queue, barrier, transport, thread):
    task.cancel()
    queue.task_done()
    writer.close()
    await writer.wait_closed()
    await writer.drain()
    resp.raise_for_status()
    sem.release()
    proc.kill()
    await proc.wait()
    await asyncio.wait({task})
    thread.join()
    transport.abort()
    x = await proc.wait()
"""


def test_drop_each_call_named_in_the_issue() -> None:
    found = mt.mutants("t/k", DROPPING)
    dropped = sorted(m.op for m in found if m.op.startswith("drop."))
    assert dropped == sorted(
        [
            "drop.cancel",
            "drop.task_done",
            "drop.close",
            "drop.wait_closed",
            "drop.drain",
            "drop.raise_for_status",
            "drop.release",
            "drop.kill",
            "drop.wait",
            "drop.wait",
            "drop.join",
            "drop.abort",
        ]
    )
    cancel = next(m for m in found if m.op == "drop.cancel")
    assert cancel.code == norm(DROPPING.replace("task.cancel()", "pass"))


def test_a_dropped_last_statement_leaves_pass() -> None:
    check(
        """
        async def f(resource):
            try:
                await resource.use()
            finally:
                resource.release()
        """,
        "drop.release",
        """
        async def f(resource):
            try:
                await resource.use()
            finally:
                pass
        """,
    )


def test_finally_empty() -> None:
    check(
        """
        async def f(r):
            try:
                await r.use()
            finally:
                r.release()
                await r.close()
        """,
        "finally.empty",
        """
        async def f(r):
            try:
                await r.use()
            finally:
                pass
        """,
    )


WITH = """
async def f(a, b, session):
    async with a, b:
        x = 1
        y = await a.get()
    print(x, y)
"""


def test_with_swap() -> None:
    check(
        WITH,
        "with.swap",
        """
        async def f(a, b, session):
            async with b, a:
                x = 1
                y = await a.get()
            print(x, y)
        """,
    )


def test_with_moves() -> None:
    check(
        WITH,
        "with.move-out",
        """
        async def f(a, b, session):
            async with a, b:
                x = 1
            y = await a.get()
            print(x, y)
        """,
    )
    check(
        WITH,
        "with.move-in",
        """
        async def f(a, b, session):
            async with a, b:
                x = 1
                y = await a.get()
                print(x, y)
        """,
    )
    check(
        WITH,
        "with.move-before",
        """
        async def f(a, b, session):
            x = 1
            async with a, b:
                y = await a.get()
            print(x, y)
        """,
    )


def test_with_move_before_never_uses_the_bound_name() -> None:
    source = """
    async def f(session, url):
        async with session.get(url) as resp:
            resp.raise_for_status()
            return await resp.json()
    """
    assert made(source, "with.move-before") == []


def test_check_late_moves_the_status_check_after_the_work() -> None:
    check(
        """
        async def f(session, url, path):
            async with session.get(url) as resp:
                resp.raise_for_status()
                with open(path, 'wb') as file:
                    file.write(await resp.read())
            return path
        """,
        "check.late",
        """
        async def f(session, url, path):
            async with session.get(url) as resp:
                with open(path, 'wb') as file:
                    file.write(await resp.read())
                resp.raise_for_status()
            return path
        """,
    )


def test_sleep_blocking_imports_time() -> None:
    source = """
    import asyncio
    async def f():
        await asyncio.sleep(0.05)
    """
    (mutant,) = [m for m in mt.mutants("t/k", textwrap.dedent(source)) if m.op == "sleep.blocking"]
    assert mutant.code == norm(
        """
        import asyncio
        async def f():
            time.sleep(0.05)
        """
    )
    assert "import time" in mutant.source
    started = time.monotonic()
    run_module(mutant.source, "f")
    assert time.monotonic() - started >= 0.05


def test_subprocess_blocking_runs_the_child_to_its_end_first() -> None:
    source = """
    import asyncio
    async def run(cmd):
        proc = await asyncio.create_subprocess_exec(
            *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await proc.communicate()
        return proc.returncode, out, await proc.wait()
    """
    (mutant,) = [
        m for m in mt.mutants("t/k", textwrap.dedent(source)) if m.op == "subprocess.blocking"
    ]
    assert "proc = await _mutant_run(*cmd, stdout=" in mutant.code
    code = "import sys; print('hi'); sys.exit(3)"
    assert run_module(mutant.source, "run", [sys.executable, "-c", code]) == (3, b"hi\n", 3)


def test_except_widen_and_swallow() -> None:
    source = """
    async def f(fn, path):
        try:
            return await fn()
        except TimeoutError as exc:
            path.unlink()
            raise
    """
    check(
        source,
        "except.widen",
        """
        async def f(fn, path):
            try:
                return await fn()
            except BaseException as exc:
                path.unlink()
                pass
        """,
    )
    check(
        source,
        "except.swallow",
        """
        async def f(fn, path):
            try:
                return await fn()
            except TimeoutError as exc:
                path.unlink()
                pass
        """,
    )
    assert made("try:\n    pass\nexcept BaseException:\n    pass\n", "except.widen") == []


def test_http_status_and_header() -> None:
    source = """
    RETRY_STATUSES = {429, 503}
    def f(error, headers, sleep):
        if error.status == 429 or error.status >= 500:
            return headers["Retry-After"], headers.get("Content-Type")
        sleep(500)
    """
    assert sorted(made(source, "http.status")) == sorted(
        norm(source.replace(old, new, 1))
        for old, new in (
            ("{429", "{430"),
            ("503}", "504}"),
            ("== 429", "== 430"),
            (">= 500", ">= 501"),
        )
    )
    assert sorted(made(source, "http.header")) == sorted(
        norm(source.replace(old, new))
        for old, new in (("Retry-After", "Retry_After"), ("Content-Type", "Content_Type"))
    )


def test_compare_boundary_and_bound_shift() -> None:
    source = """
    import asyncio, sys
    async def f(items, limit, k):
        sem = asyncio.Semaphore(limit)
        if sys.version_info >= (3, 13):
            pass
        if len(items) < k:
            return [i for i in range(limit)]
    """
    check(source, "compare.boundary", source.replace("len(items) < k", "len(items) <= k"))
    check(
        source,
        "bound.shift",
        source.replace("Semaphore(limit)", "Semaphore(limit + 1)"),
        source.replace("len(items) < k", "len(items) < k + 1"),
        source.replace("range(limit)", "range(limit + 1)"),
    )


def test_log_level() -> None:
    check(
        """
        import logging
        logger = logging.getLogger('x')
        def f(exc):
            logger.error('failed', exc_info=exc)
            logging.basicConfig(level=logging.ERROR)
        """,
        "log.level",
        """
        import logging
        logger = logging.getLogger('x')
        def f(exc):
            logger.warning('failed', exc_info=exc)
            logging.basicConfig(level=logging.ERROR)
        """,
        """
        import logging
        logger = logging.getLogger('x')
        def f(exc):
            logger.error('failed', exc_info=exc)
            logging.basicConfig(level=logging.WARNING)
        """,
    )


def test_docstrings_and_comments_are_never_mutated() -> None:
    source = '''
    """Module: await asyncio.sleep(1); headers["Retry-After"]; status == 429; x < 3."""
    import asyncio

    async def f(g, limit):
        """await g() at most `limit` times: if n < limit: headers["Retry-After"]."""
        "a lone string: await x; task.cancel()"
        # a comment: await asyncio.sleep(1)
        await asyncio.sleep(limit)
    '''
    original = [
        ast.get_docstring(n)
        for n in ast.walk(ast.parse(textwrap.dedent(source)))
        if isinstance(n, ast.Module | ast.AsyncFunctionDef)
    ]
    found = mt.mutants("t/k", textwrap.dedent(source))
    assert found
    for mutant in found:
        tree = ast.parse(mutant.code)
        docs = [
            ast.get_docstring(n)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.AsyncFunctionDef)
        ]
        assert docs == original, mutant.id
        assert "a lone string: await x; task.cancel()" in mutant.code
    # Only a change in a docstring or a comment: no mutant differs from the original.
    edited = source.replace("at most", "no more than").replace("a comment", "a remark")
    assert {m.code for m in mt.mutants("t/k", textwrap.dedent(edited))} == {
        m.code.replace("at most", "no more than") for m in found
    }


STABLE = """
import asyncio

async def first(tasks):
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
"""


def test_ids_survive_an_unrelated_edit() -> None:
    before = {m.id for m in mt.mutants("t/k", STABLE)}
    edited = (
        '"""A new docstring."""\n'
        + STABLE.replace(
            "async def first", "async def other(x):\n    return await x\n\n\nasync def first"
        )
        + "\n\ndef later(a, b):\n    return a < b\n"
    )
    after = {m.id for m in mt.mutants("t/k", edited)}
    assert before < after
    assert "drop.cancel@first:" in " ".join(before)
    # An edit of the mutated line itself gives a new id.
    changed = {m.id for m in mt.mutants("t/k", STABLE.replace("task.cancel()", "task.cancel('x')"))}
    cancel = {i for i in before if i.startswith("drop.cancel")}
    assert cancel and not cancel & changed


def test_the_same_change_twice_in_a_function_gets_two_ids() -> None:
    source = """
    async def f(a, b):
        a.cancel()
        await a.wait()
        a.cancel()
    """
    ids = [m.id for m in mt.mutants("t/k", textwrap.dedent(source)) if m.op == "drop.cancel"]
    assert len(ids) == 2
    assert ids[1] == ids[0] + "~2"
    assert ids[0].startswith("drop.cancel@f:")


def test_given_code_and_an_untaken_version_branch_are_not_mutated() -> None:
    solution = """
    import asyncio, sys
    def given(x):
        '''Given to the learner.'''
        return x < 3
    async def mine(x):
        if sys.version_info < (3, 0):
            await asyncio.sleep(x)
        else:
            await asyncio.sleep(x + 1)
    """
    stub = """
    import asyncio
    def given(x):
        '''Given to the learner (the stub's own words).'''
        return x < 3
    async def mine(x):
        raise NotImplementedError
    """
    found = mt.mutants("t/k", textwrap.dedent(solution), textwrap.dedent(stub))
    assert {m.qualname for m in found} == {"mine"}
    assert all("sleep(x + 1)" not in m.code or "sleep(x)" in m.code for m in found)
    assert not [m for m in found if "asyncio.sleep(x)" not in m.code]


def test_every_operator_has_a_summary_and_topics_name_real_operators() -> None:
    for ops in mt.TOPIC.values():
        assert set(ops) <= set(mt.OPERATORS)
    assert {"cancel", "task_done", "wait_closed", "drain", "raise_for_status"} <= set(mt.DROPPED)
    assert {"release", "kill", "wait"} <= set(mt.DROPPED)


def outcome(ident: str, killed: bool, op: str = "drop.cancel") -> mt.Outcome:
    return mt.Outcome(mt.Mutant("02_tasks/k", ident, op, "f", 1, "", ""), killed)


def test_equivalents_are_counted_apart_and_stale_ones_reported(tmp_path: Path) -> None:
    folder = tmp_path / "02_tasks"
    folder.mkdir()
    (folder / "k.toml").write_text(
        "[equivalent]\n"
        '"compare.boundary@f:aaaaaa" = "n == 0 sleeps no time either way"\n'
        '"bound.shift@f:bbbbbb" = "killed after all"\n'
        '"await.drop@gone:cccccc" = "the line was rewritten"\n',
        encoding="utf-8",
    )
    listed = mt.Equivalents.load("02_tasks/k", root=tmp_path)
    assert listed.reasons["compare.boundary@f:aaaaaa"] == "n == 0 sleeps no time either way"
    report = mt.KataReport(
        "02_tasks/k",
        True,
        "",
        [
            outcome("drop.cancel@f:111111", True),
            outcome("await.drop@f:222222", False, "await.drop"),
            outcome("compare.boundary@f:aaaaaa", False, "compare.boundary"),
            outcome("bound.shift@f:bbbbbb", True, "bound.shift"),
        ],
        listed,
    )
    assert [o.mutant.id for o in report.equivalent] == ["compare.boundary@f:aaaaaa"]
    assert [o.mutant.id for o in report.survivors] == ["await.drop@f:222222"]
    assert report.stale == ["await.drop@gone:cccccc"]
    assert report.wrongly_listed == ["bound.shift@f:bbbbbb"]
    assert report.scored == 3
    assert report.score == pytest.approx(200 / 3)
    assert report.topic() == (1, 2)  # drop.cancel killed, await.drop survived
    assert mt.failing([report], 50.0)
    text = mt.details([report])
    assert "SURVIVED 02_tasks/k  await.drop@f:222222" in text
    assert "STALE    02_tasks/k  await.drop@gone:cccccc" in text
    assert "KILLED   02_tasks/k  bound.shift@f:bbbbbb" in text
    assert "66.7%" in mt.table([report]) and "| 02_tasks/k | 4 | 2 | 1 | 1 |" in mt.table(
        [report], markdown=True
    )
    assert mt.Equivalents.load("02_tasks/none", root=tmp_path).reasons == {}


def test_pack_puts_one_mutant_per_kata_in_a_unit_and_uses_few_units(tmp_path: Path) -> None:
    def some(kata: str, n: int) -> list[mt.Mutant]:
        return [mt.Mutant(kata, f"m{i}", "await.drop", "f", 1, "", "") for i in range(n)]

    queues = {"a/a": some("a/a", 5), "b/b": some("b/b", 3), "c/c": some("c/c", 3)}
    units = mt.pack(queues, 2, tmp_path)
    assert len(units) == 6  # 11 mutants, at most 2 a unit; "a/a" needs 5 units of its own
    for _, items in units:
        assert len({kata for kata, _ in items}) == len(items) <= 2
    assert sorted((k, m.id) for _, items in units for k, m in items) == sorted(
        (k, m.id) for k, ms in queues.items() for m in ms
    )


def test_every_reference_solution_makes_mutants_that_compile() -> None:
    """... with distinct ids, and every equivalent listed for it still names one of them (a
    solution edited since leaves stale ids, which only a whole ``nox -s mutants`` reports)."""
    solutions = sorted(mt.SOLUTIONS.glob("*/*.py"))
    assert solutions
    for path in solutions:
        kata = f"{path.parent.name}/{path.stem}"
        baseline, found = mt.kata_mutants(kata)
        compile(baseline, kata, "exec")
        assert len({m.id for m in found}) == len(found), kata
        assert mt.Equivalents.load(kata).stale(found) == [], kata


def test_moving_a_plain_return_across_async_with_is_no_mutant() -> None:
    source = """
    async def f(lock, items):
        async with lock:
            item = items.pop()
            return item
    async def g(lock, items):
        async with lock:
            items.append(1)
        return items
    """
    (out,) = made(source, "with.move-out")  # g's append moves out; f's `return item` stays
    assert "async with lock:\n        pass\n    items.append(1)" in out
    assert made(source, "with.move-in") == []


def test_a_loop_left_without_await_is_graded_alone(tmp_path: Path) -> None:
    source = """
    async def worker(resource):
        while True:
            await resource.use()
    async def reader(stream, out):
        while True:
            out.append(await stream.readline())
            await stream.drain()
    """
    found = mt.mutants("t/k", textwrap.dedent(source))
    spinning = [m.id for m in found if m.spins]
    assert len(spinning) == 1 and spinning[0].startswith("await.drop@worker:")
    units = mt.pack({"t/k": found, "u/u": some_mutants("u/u", 2)}, 8, tmp_path)
    alone = [items for _, items in units if items[0][1].spins]
    assert alone == [[("t/k", next(m for m in found if m.spins))]]
    assert sum(len(items) for _, items in units) == len(found) + 2


def some_mutants(kata: str, n: int) -> list[mt.Mutant]:
    return [mt.Mutant(kata, f"m{i}", "await.drop", "f", 1, "", "") for i in range(n)]
