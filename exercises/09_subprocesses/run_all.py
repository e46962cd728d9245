"""Run all: many commands, at most `limit` at a time.

Write `run_all(cmds, limit)`. `cmds` is a list of commands, each a list of strings (program
first). Run them all, with at most `limit` child processes alive at any moment, starting the
next as soon as one finishes. Return their exit codes in the order of `cmds`, as a list.
Leave `cmds` as it was (do not pop commands from the caller's list).

Start each child with `asyncio.create_subprocess_exec(*cmd)` and wait for it with
`await proc.wait()` (the commands' output is not needed: let it go to the terminal). Bound
them with an `asyncio.Semaphore(limit)` held from before the start until after the exit:
a command waiting for a slot waits on the semaphore, never in an `asyncio.sleep` loop.

Never call `subprocess.run()` (or `os.system`, `Popen.wait`) inside a coroutine: it blocks
the whole event loop until that child exits, so nothing else runs, one command at a time.

    >>> await run_all([["true"], ["false"], ["sh", "-c", "exit 3"]], limit=2)
    [0, 1, 3]

Key API: asyncio.create_subprocess_exec, Process.wait, asyncio.Semaphore,
asyncio.gather (or asyncio.TaskGroup).

Grade it: nox -s grade -- run_all
"""


async def run_all(cmds: list[list[str]], limit: int) -> list[int]:
    """Run every command, at most ``limit`` at once; return the exit codes in input order."""
    raise NotImplementedError("create_subprocess_exec under a Semaphore(limit), gather the codes")
