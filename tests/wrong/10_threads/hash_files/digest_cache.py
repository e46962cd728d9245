"""Wrong: digests are cached in a dict at module level, keyed by path: a later call returns
the old digest of a file whose contents have changed since."""

import asyncio
import hashlib

EXPECT = "a cache keyed by path"

_digests = {}


def _sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths):
    result = {}
    for path in paths:
        if path not in _digests:
            _digests[path] = await asyncio.to_thread(_sha256, path)
        result[path] = _digests[path]
    return result
