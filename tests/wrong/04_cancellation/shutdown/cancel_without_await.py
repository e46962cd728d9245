"""Wrong: cancels every task but returns at once, before any could finish cancelling."""

EXPECT = "cancel() only asks"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    return [task for task in tasks if not task.done()]
