"""Wrong: stores what asyncio.to_thread returns (a coroutine) without awaiting it."""

import asyncio
import hashlib

EXPECT = "await it"


def sha(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


async def hash_files(paths):
    return {path: asyncio.to_thread(sha, path) for path in paths}
