"""Wrong: a module-level flag says whether the resource was acquired, so once any worker has acquired, another worker cancelled before its own acquire() returned releases a resource it never held."""

EXPECT = "B was never acquired"

_acquired = False


async def worker(resource):
    global _acquired
    try:
        await resource.acquire()
        _acquired = True
        while True:
            await resource.use()
    finally:
        if _acquired:
            resource.release()
