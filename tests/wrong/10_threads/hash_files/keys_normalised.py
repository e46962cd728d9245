"""Wrong: the keys are the paths normalised by pathlib, not the paths as given."""

import asyncio
import hashlib
from pathlib import Path

EXPECT = "exactly as given"


def _sha256_of(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def hash_files(paths):
    paths = [Path(p) for p in paths]
    digests = await asyncio.gather(*(asyncio.to_thread(_sha256_of, p) for p in paths))
    return {str(p): d for p, d in zip(paths, digests)}
