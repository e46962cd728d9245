"""Wrong: re-raises a failing make()'s error as a new exception of the same type, its message
prefixed with which make() failed, instead of letting that very error out."""

from contextlib import asynccontextmanager

EXPECT = "another exception object than the ConnectionError make() raised"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for i in range(n):
            try:
                resources.append(await make())
            except Exception as exc:
                # say which one failed
                raise type(exc)(f"make() #{i + 1} of {n} failed: {exc}") from exc
        yield resources
    finally:
        for resource in reversed(resources):
            await close(resource)
