"""GET some JSON: one request on a session you are given, errors raised, body read in time.

Write `get_json(session, url)`. It sends `GET url` on the `session` it receives (never a new
`aiohttp.ClientSession`: sessions are made once and shared, because each one owns a pool of
connections), and returns the decoded JSON body. Leave the session open: it is the caller's.

- A 4xx or 5xx response is an error: raise `aiohttp.ClientResponseError`, which is what
  `response.raise_for_status()` does. Never return the body of an error page.
- Read the body *inside* `async with session.get(url) as response:`. When that block ends
  the connection goes back to the pool, and reading afterwards fails ("Connection closed").

    >>> async with aiohttp.ClientSession() as session:
    ...     await get_json(session, "https://api.example.com/users/1")
    {'id': 1, 'name': 'Ada'}

Key API: `async with session.get(url) as response:`, `response.raise_for_status()`,
`await response.json()`, `aiohttp.ClientResponseError`.

Grade it: nox -s grade -- get_json
"""

import aiohttp


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    """GET ``url`` with ``session``; raise on 4xx/5xx; return the decoded JSON body."""
    raise NotImplementedError("GET the url with the given session, raise_for_status, return json")
