"""Correct in another style: a loop.call_later timer starts the backup; done callbacks settle one
future with the first task to finish.
"""

import asyncio


async def hedged(primary, backup, after):
    loop = asyncio.get_running_loop()
    winner = loop.create_future()
    tasks = []

    def on_done(t):
        if not winner.done() and not t.cancelled():
            winner.set_result(t)

    def start(fn):
        t = loop.create_task(fn())
        t.add_done_callback(on_done)
        tasks.append(t)

    start(primary)
    handle = loop.call_later(after, start, backup)
    try:
        t = await winner
        return t.result()
    finally:
        handle.cancel()
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
