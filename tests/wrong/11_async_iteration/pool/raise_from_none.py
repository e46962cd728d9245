"""Wrong: catches the block's exception, closes everything and re-raises it with
`raise exc from None`, which changes it: its __cause__/__suppress_context__ are rewritten,
so the context it carried (the error it was raised while handling) is hidden."""

from contextlib import asynccontextmanager

EXPECT = "__cause__"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except Exception as exc:
        for resource in reversed(resources):
            await close(resource)
        raise exc from None
    except BaseException:
        for resource in reversed(resources):
            await close(resource)
        raise
    else:
        for resource in reversed(resources):
            await close(resource)
