"""Correct in another style: each file mapped into memory (mmap) and hashed in a thread."""

import asyncio
import hashlib
import mmap
from collections.abc import Iterable


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return hashlib.sha256().hexdigest()
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return hashlib.sha256(mapped).hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    """Hash each distinct path in a worker thread, all at once."""
    unique = list(dict.fromkeys(paths))
    digests = await asyncio.gather(*(asyncio.to_thread(_digest, p) for p in unique))
    return dict(zip(unique, digests, strict=True))
