"""Wrong: hashes each file once, merging the paths that lead to the same file (by
os.path.abspath) and keeping the first spelling: a file named by two different paths gets one
key, and the other path given is missing from the result."""

import asyncio
import os
import hashlib
from collections.abc import Iterable

EXPECT = "do not merge paths by the file they lead to"


def _sha256_of(path: str) -> str:
    """Blocking: read and hash one file. Runs in a worker thread, never on the loop."""
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    """Map each path to the SHA-256 hex digest of its file, hashing in worker threads."""
    first: dict[str, str] = {}
    for path in paths:
        first.setdefault(os.path.abspath(path), path)  # one hash per file
    names = list(first.values())
    digests = await asyncio.gather(*(asyncio.to_thread(_sha256_of, p) for p in names))
    return dict(zip(names, digests, strict=True))
