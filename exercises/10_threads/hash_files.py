"""Hash files off the loop: blocking work goes to a thread.

Write `hash_files(paths)`: return a dict mapping each path (exactly as given: not
normalised, spaces and non-ASCII kept) to the SHA-256 hex digest of that file's contents.
`paths` may be any iterable (a generator too: go through it once), may be empty, and may
name a file twice (it is then one key). Each call hashes the files as they are when it is
made, and returns only its own paths (keep no digests from one call to the next).

    >>> await hash_files(["a.txt", "empty.txt"])
    {'a.txt': '2cf24dba5fb0a30e...', 'empty.txt': 'e3b0c44298fc1c14...'}

Reading a big file and hashing it are blocking calls: made directly in a coroutine they
freeze the event loop, and every other task (a heartbeat, a server answering requests) stops
until they finish. Run the blocking part in a worker thread with `asyncio.to_thread(fn, *args)`
and await it: the loop stays free while the thread works. (hashlib releases the GIL while it
hashes large buffers, so the loop thread keeps running.) The grader runs a heartbeat task
that ticks every 10 ms beside your code: the loop's thread must never compute for 100 ms
between two ticks, and the heartbeat must never stall for 100 ms (on a busy machine, where
even a free loop stalls longer, for a quarter of the call's time).

Key API: `await asyncio.to_thread(fn, *args)`, `hashlib.sha256`, `hashlib.file_digest(f,
"sha256")` (3.11+), `.hexdigest()`, `asyncio.gather` (to hash several files at once).

Grade it: nox -s grade -- hash_files
"""

from collections.abc import Iterable


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    """Map each path to the SHA-256 hex digest of its file, hashing in worker threads."""
    raise NotImplementedError("hash each file with asyncio.to_thread(...) and return the dict")
