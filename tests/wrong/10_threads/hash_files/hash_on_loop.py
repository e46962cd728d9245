"""Wrong: reads each file in a thread, but hashes the bytes on the event loop."""

import asyncio
import hashlib
from pathlib import Path

EXPECT = "hashing on the event loop blocks every other task"


async def hash_files(paths):
    out = {}
    for path in paths:
        data = await asyncio.to_thread(Path(path).read_bytes)
        out[path] = hashlib.sha256(data).hexdigest()
    return out
