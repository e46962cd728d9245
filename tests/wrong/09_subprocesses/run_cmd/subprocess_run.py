"""Wrong: a blocking subprocess.run() inside the coroutine freezes the event loop."""

import subprocess

EXPECT = "blocks the whole loop"


async def run(cmd, timeout):
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # run() has killed and reaped the child
        raise TimeoutError from exc
    return done.returncode, done.stdout, done.stderr
