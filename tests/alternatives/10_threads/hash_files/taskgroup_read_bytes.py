"""Correct in another style: a TaskGroup of to_thread calls, each reading the whole file."""

import asyncio
import hashlib
from collections.abc import Iterable
from pathlib import Path


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


async def hash_files(paths: Iterable[str]) -> dict[str, str]:
    async with asyncio.TaskGroup() as group:
        tasks = {path: group.create_task(asyncio.to_thread(_sha256, path)) for path in paths}
    return {path: task.result() for path, task in tasks.items()}
