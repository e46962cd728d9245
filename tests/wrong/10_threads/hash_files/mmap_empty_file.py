"""Wrong: maps each file into memory with mmap and hashes the map in a thread; mmap refuses
an empty file, so an empty file (whose digest is that of b"") makes the call fail."""

import asyncio
import hashlib
import mmap

EXPECT = "cannot mmap an empty file"


def _sha256(path):
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return hashlib.sha256(m).hexdigest()


async def hash_files(paths):
    paths = list(paths)
    return dict(zip(paths, await asyncio.gather(*(asyncio.to_thread(_sha256, p) for p in paths))))
