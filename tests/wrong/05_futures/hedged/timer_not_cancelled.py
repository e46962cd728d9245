"""Wrong: schedules the backup with loop.call_later and never cancels that timer: when the
primary wins (or hedged is cancelled) first, the backup still starts later, for nothing."""

import asyncio

EXPECT = "after hedged had ended"


async def hedged(primary, backup, after):
    loop = asyncio.get_running_loop()
    first = loop.create_future()
    tasks = []

    def start(request):
        task = asyncio.ensure_future(request())
        tasks.append(task)
        task.add_done_callback(lambda t: first.done() or first.set_result(t))

    start(primary)
    loop.call_later(after, start, backup)
    try:
        winner = await first
        return winner.result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
