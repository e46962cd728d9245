"""Many URLs, one session: fetch them all, at most `limit` at a time, results in input order.

Write `fetch_many(urls, limit=5)`. It opens ONE `aiohttp.ClientSession` for the whole batch
(with `async with`, so it is closed at the end), GETs every URL on it, and returns the
decoded JSON bodies in the order of `urls`.

- At most `limit` requests may be in flight at any moment: bound them yourself, for example
  with an `asyncio.Semaphore(limit)` held around each request. `TCPConnector(limit=...)`
  only caps connections, not requests (extra requests still start and queue for a
  connection, and their timeouts run while they wait); it is not enough here.
- Keep all `limit` slots busy: with 12 URLs and `limit=5`, 5 requests run at once, and a
  new one starts as soon as any of them finishes (batches of 5 would wait for the slowest).
- Results follow the input order, not the order the responses arrive in.
- An error status (4xx, 5xx) raises `aiohttp.ClientResponseError`
  (`response.raise_for_status()`; with a TaskGroup, inside an ExceptionGroup): an error page
  is not a result.

    >>> await fetch_many(["http://a.test/1", "http://a.test/2"], limit=2)
    [{'id': 1}, {'id': 2}]

Key API: `async with aiohttp.ClientSession() as session:`, `asyncio.Semaphore`,
`async with semaphore:`, `asyncio.gather` (or `asyncio.TaskGroup`), `await response.json()`.

Grade it: nox -s grade -- fetch_many
"""

import aiohttp


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    """GET every URL on one session, at most ``limit`` at once; JSON bodies in input order."""
    raise NotImplementedError("one session, a Semaphore(limit) around each GET, results in order")
