"""Run a command: its exit code and output, with a timeout.

Write `run(cmd, timeout)`. `cmd` is a list of strings, program first:
`["python3", "-c", "print('hi')"]`. Start it with `asyncio.create_subprocess_exec(*cmd, ...)`
(never through a shell: a shell would split "two words" and expand `$HOME`), with stdout and
stderr connected to pipes (`asyncio.subprocess.PIPE`). Return
`(returncode, stdout_bytes, stderr_bytes)`. Never call `subprocess.run()` here: it blocks the
whole event loop until the child exits.

Read the output WHILE the child runs: `await proc.communicate()` does that and then waits
for the exit. Calling `await proc.wait()` first deadlocks as soon as the child writes more
than a pipe holds (about 64 KiB): the child waits for you to read, you wait for it to exit.

If the command runs longer than `timeout` seconds: kill it (`proc.kill()`), reap it
(`await proc.wait()`, so no zombie process is left behind), and raise `TimeoutError`.
If `run()` itself is cancelled, stop the child the same way (kill it, reap it), then let the
cancellation go on. A command that dies of a signal before the timeout is no timeout: return
its returncode as it is (-9 for SIGKILL).

    >>> await run(["python3", "-c", "print('hi')"], timeout=5)
    (0, b'hi\\n', b'')

Key API: asyncio.create_subprocess_exec, asyncio.subprocess.PIPE, Process.communicate /
kill / wait / returncode, asyncio.timeout (or asyncio.wait_for).

Grade it: nox -s grade -- run_cmd
"""


async def run(cmd: list[str], timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``cmd``; return (returncode, stdout, stderr); kill and raise TimeoutError if slow."""
    raise NotImplementedError("create_subprocess_exec with pipes, communicate() under a timeout")
