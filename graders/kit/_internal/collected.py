"""The check ids of graders, collected once per content: kept in memory, and on disk under
.katas/collected/ where grader processes cannot reach it (with isolation only: without it a
grader process could write there, and the next grading would expect its checks)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable

from . import isolation
from .paths import STATE

Found = dict[str, list[str]]  # kata id -> check ids

_lock = threading.Lock()
_memory: dict[str, Found] = {}


def cached(key: str, collect: Callable[[], Found]) -> Found:
    """What ``collect()`` found for ``key`` (which names every input of the collection):
    from memory, else from disk, else collected now and kept (on disk only when it found
    something, and only with isolation)."""
    on_disk = isolation.mode() != "none"
    path = STATE / "collected" / f"{hashlib.sha256(key.encode()).hexdigest()}.json"
    with _lock:
        if key not in _memory:
            found: Found | None = None
            if on_disk:
                try:
                    found = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    found = None
            if found is None:
                found = collect()
                if on_disk and found:
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        part = path.with_suffix(f".{os.getpid()}.tmp")
                        part.write_text(json.dumps(found), encoding="utf-8")
                        part.replace(path)
                    except OSError:
                        pass
            _memory[key] = found
        return _memory[key]
