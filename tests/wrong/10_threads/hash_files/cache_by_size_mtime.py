"""Wrong: keeps a module-level cache of digests keyed by (path, size, mtime) to skip files
"that did not change": a file rewritten with the same size within the same timestamp tick
(or whose mtime was restored, as cp -p or rsync do) gets its old digest."""

import asyncio
import hashlib
import os
from collections.abc import Iterable

EXPECT = "a cache keyed by path, size and mtime goes stale"

_cache: dict[tuple[str, int, int], str] = {}


def _sha256_of(path: str) -> str:
    st = os.stat(path)
    key = (path, st.st_size, st.st_mtime_ns)
    if key not in _cache:
        with open(path, "rb") as file:
            _cache[key] = hashlib.file_digest(file, "sha256").hexdigest()
    return _cache[key]


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    paths = list(paths)
    digests = await asyncio.gather(*(asyncio.to_thread(_sha256_of, p) for p in paths))
    return dict(zip(paths, digests, strict=True))
