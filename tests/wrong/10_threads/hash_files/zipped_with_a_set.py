"""Wrong: hashes set(paths) (to skip repeats) but zips the digests with the list of paths, so digests land on the wrong paths."""

import asyncio
import hashlib
from collections.abc import Iterable

EXPECT = "paired with the wrong paths"


def _sha256_of(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    paths = list(paths)
    digests = await asyncio.gather(*(asyncio.to_thread(_sha256_of, p) for p in set(paths)))
    return dict(zip(paths, digests))
