"""A request with a timeout: give up on a slow server after `total` seconds.

Write `fetch_with_timeout(session, url, total)`. It GETs `url` on the given `session` and
returns the decoded JSON body, unless the whole request (connecting, sending, waiting for
and reading the response) takes longer than `total` seconds: then it gives up and returns
`None`.

- Pass `timeout=aiohttp.ClientTimeout(total=total)` to `session.get(...)`. aiohttp raises
  `asyncio.TimeoutError` (the built-in `TimeoutError`) when the time is up: catch it there.
- Only the timeout becomes `None`. Any other error (a refused connection, a bad body) still
  raises: swallowing every exception hides real failures. An error status (4xx, 5xx) raises
  `aiohttp.ClientResponseError` too: call `response.raise_for_status()`.
- Use the `session` you are given (never a new `ClientSession`), and leave it open.
- `ClientTimeout(connect=...)` or `sock_connect=...` only bound connecting, and
  `sock_read=...` only bounds each wait for the next piece of data: a server that sends its
  body a byte at a time never trips it. Only `total` bounds the whole request.

    >>> await fetch_with_timeout(session, "http://127.0.0.1:8080/slow", total=0.5)
    None
    >>> await fetch_with_timeout(session, "http://127.0.0.1:8080/fast", total=0.5)
    {'fast': True}

This kata is graded against a real aiohttp server on 127.0.0.1 and the real clock (a mock
would skip ClientTimeout entirely).

Key API: `aiohttp.ClientTimeout(total=...)`, `session.get(url, timeout=...)`,
`except TimeoutError:` (same class as `asyncio.TimeoutError`).

Grade it: nox -s grade -- timeout
"""

import aiohttp


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    """GET ``url``; return its JSON body, or None if it takes more than ``total`` seconds."""
    raise NotImplementedError("session.get with ClientTimeout(total=total); None on TimeoutError")
