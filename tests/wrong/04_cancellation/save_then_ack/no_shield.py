"""Wrong: no shield, so cancelling the caller cancels the save half-way."""

EXPECT = "asyncio.shield"


async def save_then_ack(save, ack):
    await save()
    await ack()
