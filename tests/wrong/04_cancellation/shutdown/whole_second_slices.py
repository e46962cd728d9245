"""Wrong: waits in one-second slices to log progress, `int(grace)` of them, so a fractional
grace is cut short: grace=1.5 gives up after 1 s while a cleanup still runs."""

import asyncio
import logging

EXPECT = "count its fraction too"

log = logging.getLogger(__name__)


async def shutdown(tasks, grace):
    pending = [task for task in tasks if not task.done()]
    for task in pending:
        task.cancel()
    for second in range(int(grace)):
        if not pending:
            break
        _done, still = await asyncio.wait(pending, timeout=1.0)
        pending = list(still)
        log.info("shutdown: %d task(s) still running after %d s", len(pending), second + 1)
    return pending
