"""Wrong: each job is `asyncio.to_thread(lambda: _sha(path))` made in a comprehension; the
lambdas read `path` only when their threads run them, by then the last path, so every file
gets the last file's digest."""

import asyncio
import hashlib

EXPECT = "another file of the call"


def _sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


async def hash_files(paths):
    paths = list(paths)
    jobs = [asyncio.to_thread(lambda: _sha(path)) for path in paths]
    return dict(zip(paths, await asyncio.gather(*jobs)))
