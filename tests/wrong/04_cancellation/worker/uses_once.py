"""Wrong: uses the resource once and returns instead of looping until cancelled."""

EXPECT = "keep calling"


async def worker(resource):
    await resource.acquire()
    try:
        await resource.use()
    finally:
        resource.release()
