"""Merge async iterators: one stream of items, in the order they arrive.

Write the async generator `merge(*aits)`. It reads all the async iterators at the same time
and yields each item as soon as it arrives, whichever iterator it comes from (any item,
`None` included; two items arriving in the same instant may come out in either order). It ends when
every iterator has ended. If one of them raises, `merge` raises that exception (after
stopping the others). If the caller stops early (breaks out of its `async for` and the
generator is closed), nothing may be left running.

    >>> async for item in merge(ticks("a", every=2), ticks("b", every=3)):
    ...     print(loop.time(), item)
    2.0 a   3.0 b   4.0 a   6.0 b ...   # not all of a first, then all of b

Iterating one after another (`for ait in aits: async for x in ait: yield x`) is the classic
mistake: the second iterator's items wait until the first is exhausted. Instead, keep one
pending read per iterator (a task running `anext(ait)`) and `asyncio.wait(...,
return_when=FIRST_COMPLETED)` on them; or run one task per iterator that pumps its items
into a shared `asyncio.Queue`. Cancel and await your tasks in a `finally:`.

Key API: async generators, anext, asyncio.create_task, asyncio.wait, FIRST_COMPLETED,
asyncio.Queue.

Grade it: nox -s grade -- merge
"""

from collections.abc import AsyncIterator
from typing import Any


async def merge(*aits: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """Yield the items of every iterator in `aits` as they arrive."""
    raise NotImplementedError("read every iterator at once; yield items as they arrive")
    yield None  # makes this an async generator (remove when you write yours)
