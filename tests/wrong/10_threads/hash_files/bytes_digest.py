"""Wrong: .digest() gives bytes; the kata wants hex strings."""

import asyncio
import hashlib

EXPECT = "hexdigest"


def sha(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).digest()


async def hash_files(paths):
    return {path: await asyncio.to_thread(sha, path) for path in paths}
