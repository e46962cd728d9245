"""Hash files off the loop: blocking work goes to a thread (reference solution)."""

import asyncio
import hashlib
from collections.abc import Iterable


def _sha256_of(path: str) -> str:
    """Blocking: read and hash one file. Runs in a worker thread, never on the loop."""
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    """Map each path to the SHA-256 hex digest of its file, hashing in worker threads."""
    paths = list(paths)
    # Each to_thread call runs in the loop's default thread pool; gather awaits them all
    # while the loop stays free for other tasks. Results come back in input order.
    digests = await asyncio.gather(*(asyncio.to_thread(_sha256_of, p) for p in paths))
    return dict(zip(paths, digests, strict=True))
