"""Correct in another style: shield a task kept in a list, pruned when the save is done."""

import asyncio

pending_saves = []


def _forget(task):
    pending_saves.remove(task)


async def save_then_ack(save, ack):
    task = asyncio.ensure_future(save())
    pending_saves.append(task)
    task.add_done_callback(_forget)
    await asyncio.shield(task)
    await ack()
