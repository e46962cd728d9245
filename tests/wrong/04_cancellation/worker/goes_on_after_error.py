"""Wrong: catches and logs the error of a failing use() and goes on looping, so an error
never stops the worker and never reaches the caller."""

import logging

EXPECT = "did it catch the error and go on looping?"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            try:
                await resource.use()
            except Exception:
                logging.getLogger(__name__).exception("use() failed; going on")
    finally:
        resource.release()
