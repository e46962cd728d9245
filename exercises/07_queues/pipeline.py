"""A three-stage pipeline: fetch, parse, store, each stage with its own workers.

Write `pipeline(urls, fetch, parse, store, widths)`. Every url goes through three async
steps: `page = await fetch(url)`, `record = await parse(page)`, `await store(record)`.
`widths = (f, p, s)` says how many workers each stage has: at most `f` fetches, `p` parses
and `s` stores run at once.

Connect the stages with queues, so items flow through one by one: as soon as one page is
fetched it can be parsed, and stored, while the other urls are still being fetched. (Running
all fetches, then all parses, then all stores keeps every stage idle most of the time.)

- Start `f` fetch workers, `p` parse workers and `s` store workers; each takes from its
  inbox queue, does its step, and puts the result in the next stage's queue.
- `urls` may be any iterable (a generator too: go through it once), may be empty, and may
  repeat a url: every occurrence goes through all three steps. A page or a record may be
  any value, `None` included: it goes through the next step like any other.
- If `pipeline` itself is cancelled, it cancels its workers, awaits them, and lets the
  CancelledError out.
- Return (None) after every record is stored. Stop every worker first: for example
  `await` each queue's `join()` in stage order, then cancel the workers and await them.

    >>> await pipeline(urls, fetch, parse, store, widths=(3, 2, 1))
    # 9 urls, fetch 3 s, parse 1 s, store 0.5 s: the first store starts at 4 s, while
    # fetching goes on until 9 s; the whole run takes 11.5 s (stage by stage: 18.5 s)

Key API: asyncio.Queue, get, put, task_done, join, create_task, Task.cancel, gather.

Grade it: nox -s grade -- pipeline
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def pipeline(
    urls: Iterable[str],
    fetch: Callable[[str], Awaitable[Any]],
    parse: Callable[[Any], Awaitable[Any]],
    store: Callable[[Any], Awaitable[Any]],
    widths: tuple[int, int, int],
) -> None:
    """Fetch, parse and store every url, with widths[i] workers on stage i."""
    raise NotImplementedError("connect three pools of workers with queues")
