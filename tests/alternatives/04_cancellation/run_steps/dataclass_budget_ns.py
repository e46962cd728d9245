"""Correct in another style: a Budget dataclass notes its start with
field(default_factory=time.monotonic_ns), and each step runs under asyncio.timeout of what is
left (one shared deadline, measured in integer nanoseconds)."""

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class Budget:
    seconds: float
    started_ns: int = field(default_factory=time.monotonic_ns)

    def left(self) -> float:
        return self.seconds - (time.monotonic_ns() - self.started_ns) / 1e9


async def run_steps(steps, budget):
    b = Budget(budget)
    results = []
    for step in steps:
        left = b.left()
        if left <= 0:
            raise TimeoutError("budget spent")
        async with asyncio.timeout(left):
            results.append(await step())
    return results
