"""Correct in another style: one wait_for around a coroutine that runs every step."""

import asyncio


async def run_steps(steps, budget):
    async def all_steps():
        return [await step() for step in steps]

    return await asyncio.wait_for(all_steps(), budget)
