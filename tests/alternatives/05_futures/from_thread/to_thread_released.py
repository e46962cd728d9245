"""Correct in another style: a queue.SimpleQueue read in a worker thread (asyncio.to_thread),
and on cancel a sentinel put into the queue releases the worker."""

import asyncio
import queue

CANCELLED = object()


async def from_thread(start_job):
    results = queue.SimpleQueue()
    start_job(results.put)
    try:
        return await asyncio.to_thread(results.get)
    except asyncio.CancelledError:
        results.put(CANCELLED)
        raise
