"""Wrong: reads and hashes each file on the loop in 64 KiB slices, with `await asyncio.sleep(0)` between them: the heartbeat never stalls, but the blocking work never leaves the loop's thread."""

import asyncio
import hashlib
from collections.abc import Iterable

EXPECT = "the file was read and hashed on the loop, in slices"


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for p in paths:
        with open(p, "rb") as f:
            h = hashlib.sha256()
            while chunk := f.read(1 << 16):
                h.update(chunk)
                await asyncio.sleep(0)
        result[p] = h.hexdigest()
    return result
