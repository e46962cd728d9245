"""Retry with backoff and jitter: try again when the server (or the network) fails.

Write `get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random)`. It
GETs `url` on `session` and returns the decoded JSON body, retrying failures that may go
away by themselves:

- retry a 5xx response, a 429 (Too Many Requests) and a connection error
  (`aiohttp.ClientConnectionError`);
- never retry any other 4xx (400, 401, 404...): raise its `aiohttp.ClientResponseError` at
  once (asking again will not make it right);
- anything else (a 200 whose body is not JSON, say, or a body cut short:
  `aiohttp.ClientPayloadError` is no connection error) is raised at once, not retried;
- `tries` counts every request, the first included: `tries=5` means at most 5 requests.
  When the last one fails, raise its error (the `ClientResponseError` that
  `response.raise_for_status()` gives, or the connection error) without waiting again.

How long to wait before retry number `attempt` (`attempt` is 0 before the first retry, so
before the second request; 1 before the third; ...):

- if the failed response has a `Retry-After` header holding a number of seconds (HTTP's
  delay-seconds: a whole number, such as `Retry-After: 3`), wait exactly that long (and do
  not call `rng`); a header that holds no number (an HTTP date, say) counts as none;
- otherwise wait `rng() * min(cap, base * 2 ** attempt)` ("full jitter": a random wait
  between 0 and an exponentially growing ceiling, so many clients that failed together do
  not all retry together). Call `rng()` exactly once per such wait.

Example (base=0.5): the ceilings are 0.5, 1, 2, 4, 8, 8, ... seconds; with `rng()` giving
0.5, 0.1 and a 503, a 500, a 200 answer, the requests go out at 0, 0.25 and 0.35 s.

Key API: `response.raise_for_status()`, `aiohttp.ClientResponseError` (`.status`,
`.headers`), `aiohttp.ClientConnectionError`, `response.headers.get("Retry-After")`,
`await asyncio.sleep(delay)`.

Grade it: nox -s grade -- retry
"""

import random
from collections.abc import Callable

import aiohttp


async def get_with_retry(
    session: aiohttp.ClientSession,
    url: str,
    *,
    tries: int = 5,
    base: float = 0.5,
    cap: float = 8.0,
    rng: Callable[[], float] = random.random,
) -> dict:
    """GET ``url``, retrying 5xx, 429 and connection errors with capped, jittered backoff."""
    raise NotImplementedError("loop over tries; sleep Retry-After or rng() * min(cap, base*2**n)")
