"""Wrong: quotes the list with shlex.join and starts it through a shell: kill() stops the
shell only, and the command runs on with the pipe open, so closing the generator hangs."""

import asyncio
import shlex
from collections.abc import AsyncIterator

EXPECT = "started through another process"


async def tail(cmd: list[str]) -> AsyncIterator[str]:
    """Yield the lines ``cmd`` prints, as they come; kill and reap it if stopped early."""
    proc = await asyncio.create_subprocess_shell(shlex.join(cmd), stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    try:
        # A StreamReader iterates line by line, each line as soon as it has arrived.
        async for line in proc.stdout:
            yield line.decode().removesuffix("\n")
        await proc.wait()
    finally:
        # Reached too when the consumer breaks out and the generator is closed (aclose()).
        if proc.returncode is None:
            proc.kill()
            await proc.wait()  # reap it: no zombie, no unclosed transport
