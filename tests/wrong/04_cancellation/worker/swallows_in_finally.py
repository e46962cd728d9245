"""Wrong: `return` inside `finally:` discards the CancelledError being raised."""

EXPECT = "the task ended normally instead of cancelled"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    finally:
        resource.release()
        return
