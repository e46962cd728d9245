"""Correct in another style: a future set by done callbacks, waited for with a timeout."""

import asyncio


async def shutdown(tasks, grace):
    tasks = list(tasks)
    loop = asyncio.get_running_loop()
    all_done = loop.create_future()
    left = {task for task in tasks if not task.done()}

    def finished(task):
        left.discard(task)
        if not left and not all_done.done():
            all_done.set_result(None)

    for task in tasks:
        task.cancel()
    if left:
        for task in list(left):
            task.add_done_callback(finished)
        try:
            await asyncio.wait_for(asyncio.shield(all_done), grace)
        except TimeoutError:
            pass
        finally:
            for task in tasks:
                task.remove_done_callback(finished)
    return [task for task in tasks if not task.done()]
