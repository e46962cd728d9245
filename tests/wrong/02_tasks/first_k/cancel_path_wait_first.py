"""Wrong: on the caller's cancel, waits for the cancelled jobs with return_when=FIRST_COMPLETED, so first_k ends when the first job has stopped, not all of them."""

import asyncio

EXPECT = "when the first cancelled job had stopped, while 3 other(s)"


async def first_k(factories, k):
    if k <= 0:
        return []
    pending = {asyncio.ensure_future(make()) for make in factories}
    results = []
    try:
        while len(results) < k and pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for t in list(done)[: k - len(results)]:
                results.append(t.result())
    except asyncio.CancelledError:
        for t in pending:
            t.cancel()
        if pending:
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        raise
    for t in pending:
        t.cancel()
    if pending:
        await asyncio.wait(pending)
    return results
