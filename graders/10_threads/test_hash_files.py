"""Grader for 10_threads/hash_files: SHA-256 of files, computed without blocking the loop.

Docstring sentence -> the check that enforces it (on the real clock):

- "return a dict mapping each path ... to the SHA-256 hex digest of that file's contents"
  -> test_digests (a 4 MiB file, a small one, an empty one); test_any_paths checks the
  digests of its files before its keys, and names text mode when a digest is that of the
  bytes with their line endings translated (a file holding every byte value, \r included)
- "(exactly as given: not normalised, spaces and non-ASCII kept)" -> test_any_paths
  (a path with `./` in it, a name with a space and an accent), test_one_file_by_two_paths
  (a.txt and ./a.txt: two paths, two keys; paths are not merged by the file they name)
- "the SHA-256 hex digest of that file's contents" (each file its own) -> test_digests and
  test_any_paths name a digest that is another file's of the same call (a lambda made in a
  loop, which reads the loop variable only when its thread runs, when two paths share it;
  digests paired with the wrong paths, e.g. zipped with a set's order, when none is shared;
  test_many_files: eight files, so a set's order is all but sure to differ from the list's)
- "Each call hashes the files as they are when it is made, and returns only its own paths"
  -> test_called_twice (a dict kept between calls, and digests cached by path, are named;
  the file is rewritten with its size and mtime kept, so a cache keyed by them is seen too;
  the first call's dict must not change when the second call runs: no module-level dict
  returned), test_a_call_made_while_another_hashes_the_file (no hashing shared with an
  earlier call still in flight), test_many_files (a second call in a new event loop, as a
  second asyncio.run() makes, works too: no Semaphore or Lock made at import time)
- "`paths` may be any iterable (a generator too: go through it once), may be empty, and may
  name a file twice" -> test_any_paths, test_no_paths
- "Reading a big file and hashing it are blocking calls" -> test_loop_stays_free (its
  message names reading as well as hashing: code that reads on the loop and hashes in a
  thread blocks the loop too)
- "Run the blocking part in a worker thread ... The grader runs a heartbeat task that ticks
  every 10 ms beside your code: the loop's thread must never compute for 100 ms between two
  ticks, and the heartbeat must never stall for 100 ms" -> test_loop_stays_free (on a busy
  machine a longer stall passes while it is under 25% of the call's time)
- "Run the blocking part in a worker thread" (reading and hashing both, not slices of them on
  the loop) -> test_the_hashing_is_done_in_a_thread (the loop's thread spends under half the
  big file's hashing cost in CPU time, whatever the stalls)

The big file is sized on this machine so that hashing it takes about 0.3 s of CPU time: code
that hashes on the loop computes in the loop's thread for that long, busy machine or not,
which is clearly apart from the few milliseconds a worker thread costs the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import os
import time
from pathlib import Path
from typing import Any

import kit
import pytest

TICK = 0.01  # the heartbeat's period (real seconds)
STALL_LIMIT = 0.1  # the longest gap between two ticks a free loop may show
# On a busy machine (a class graded side by side) even a free loop stalls longer: a worker
# thread that reads a whole 500 MiB file holds the GIL while Python grows the buffer (0.03 to
# 0.07 s idle, 0.14 s with 2 cores shared by 7 busy processes, measured). A longer stall
# still passes when it is a small part of the call: that thread stalls the loop for 4 to 8%
# of the call, idle or loaded, while code that hashes on the loop holds it for 53 to 64%
# (hash_on_loop) or all of it (blocking_on_loop).
# But on a busy machine hash_on_loop's share fell under 25% too (reading the file in its
# thread grew slower than hashing it on the loop), so a stall is also judged by what the
# loop's own thread did in it: its CPU time. Waiting for a CPU or for the GIL costs none;
# hashing on the loop costs the whole hash, however busy the machine.
STALL_SHARE = 0.25
TARGET = 0.3  # CPU seconds the big file takes to hash here (what hashing on the loop costs)
OFF_THE_LOOP = (
    "reading a file or hashing on the event loop blocks every other task. Read and hash each "
    "file in a worker thread: `await asyncio.to_thread(fn, path)`."
)


def _big_size() -> int:
    """Bytes of data this machine hashes in about TARGET seconds of CPU time (32 to 512 MiB):
    CPU time, not real time, so a busy machine does not make the file small."""
    sample = bytes(range(256)) * (64 * 1024)  # 16 MiB
    start = time.thread_time()
    hashlib.sha256(sample).digest()
    speed = len(sample) / max(time.thread_time() - start, 1e-6)
    return int(min(max(speed * TARGET, 32 << 20), 512 << 20)) >> 20 << 20


MEDIUM = hashlib.sha256(b"seed").digest() * (1 << 17)  # 4 MiB of varied bytes: many reads


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Three files (4 MiB, small, empty) and their expected digests, keyed by str path."""
    folder = tmp_path_factory.mktemp("hash_files")
    contents = {"medium.bin": MEDIUM, "small.txt": b"hello", "empty.txt": b""}
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return {str(folder / n): hashlib.sha256(d).hexdigest() for n, d in contents.items()}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A file that takes about TARGET seconds to hash here, for the heartbeat to notice.
    Sparse: 1 MiB of varied bytes, then zeros up to the size; creating it costs no disk
    writes, reading and hashing it costs what any file of that size costs. (Its digest is
    not checked: test_digests checks digests, on files that cost little to hash twice.)"""
    path = tmp_path_factory.mktemp("hash_files_big") / "big.bin"
    with path.open("wb") as out:
        out.write(MEDIUM[: 1 << 20])
        out.truncate(_big_size())
    return str(path)


def _with_heartbeat(hash_files: Any, paths: list[str]) -> Any:
    """A call running hash_files(paths) beside a heartbeat; returns (result, longest gap,
    the call's time, the most CPU time the loop's thread spent between two ticks)."""

    async def scenario() -> tuple[Any, float, float, float]:
        gaps, computed = [0.0], [0.0]

        async def heartbeat() -> None:
            last, last_cpu = time.perf_counter(), time.thread_time()
            while True:
                await asyncio.sleep(TICK)
                now, cpu = time.perf_counter(), time.thread_time()
                gaps.append(now - last - TICK)
                computed.append(cpu - last_cpu)
                last, last_cpu = now, cpu

        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(TICK)  # the heartbeat is ticking before hashing starts
        try:
            start = time.perf_counter()
            result = await hash_files(paths)
            took = time.perf_counter() - start
            await asyncio.sleep(3 * TICK)  # the heartbeat notes the gap a blocked loop left
        finally:
            beat.cancel()
            await asyncio.gather(beat, return_exceptions=True)
        return result, max(gaps), took, max(computed)

    return scenario


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """hash_files is an async def."""
    kata.get("hash_files", "coroutine")


def test_digests(kata: kit.Kata, files: dict[str, str]) -> None:
    """Each path (as given) maps to the SHA-256 hex digest of its file."""
    hash_files = kata.get("hash_files", "coroutine")
    paths = list(files)
    result = kata.run(
        _with_heartbeat(hash_files, paths), clock="real", limit=30, what="hash_files(paths)"
    )
    digests, _, _, _ = result.value
    kit.expect(isinstance(digests, dict), f"hash_files returned {digests!r}; expected a dict.")
    if any(inspect.iscoroutine(v) for v in digests.values()):
        for value in digests.values():
            if inspect.iscoroutine(value):
                value.close()
        kit.fail(
            "hash_files returned coroutine objects as digests: asyncio.to_thread(...) gives a "
            "coroutine; await it to run the function in a thread and get its result."
        )
    if any(isinstance(v, bytes) for v in digests.values()):
        kit.fail(
            "the digests are bytes (from .digest()); the kata wants hex strings: use .hexdigest()."
        )
    kit.expect_equal(
        sorted(digests),
        sorted(paths),
        "the keys",
        "Use each path exactly as given as its key.",
    )
    for path, expected in files.items():
        _expect_not_another_files(digests, path, files)
        kit.expect(
            digests[path] == expected,
            f"the digest of {Path(path).name} was {digests[path]!r}; expected {expected!r}. "
            "Hash the whole file's bytes with hashlib.sha256 and take .hexdigest().",
        )


@pytest.fixture(scope="module")
def odd_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Small files named with a space and an accent, reached through un-normalised paths."""
    folder = tmp_path_factory.mktemp("odd names")
    (folder / "résumé 1.txt").write_bytes("crème brûlée\n".encode())
    (folder / "two words.bin").write_bytes(bytes(range(256)) * 40)
    return {
        f"{folder}/./résumé 1.txt": hashlib.sha256("crème brûlée\n".encode()).hexdigest(),
        f"{folder}//two words.bin": hashlib.sha256(bytes(range(256)) * 40).hexdigest(),
    }


def _expect_not_another_files(digests: dict[str, Any], path: str, files: dict[str, str]) -> None:
    """Name the late-binding closure: a file's digest that is another file's of the call,
    shared by two paths (a closure made in a loop reads a later path, so the last path's
    digest comes twice); each file holding another's digest, none twice, is a mispairing."""
    other = next((p for p, d in files.items() if d == digests[path] != files[path]), None)
    if other is None:
        return
    shared = sum(1 for p in files if digests.get(p) == digests[path])
    if shared == 1:
        kit.fail(
            f"the digest of {Path(path).name!r} was that of {Path(other).name!r}, another file "
            "of the call, and no two paths got the same digest: the right digests were paired "
            "with the wrong paths. Pair each digest with the path it was computed from: zip the "
            "results with the very list you hashed, in its order (a set() has an order of its "
            "own), or build the dict from (path, digest) pairs.",
        )
    kit.fail(
        f"the digest of {Path(path).name!r} was that of {Path(other).name!r}, another "
        "file of the call: each file must be hashed with its own path. A function made in a "
        "loop (`lambda: sha(path)`) reads `path` when the thread runs it, by then another "
        "one: pass the path as an argument, `asyncio.to_thread(sha, path)`.",
    )


def _expect_digests_of(digests: dict[str, Any], expected: dict[str, str]) -> None:
    """The right keys: name a digest that is not the file's, and text mode when it is the
    digest of the file's bytes with their line endings translated (\\r to \\n)."""
    for path, wanted in expected.items():
        _expect_not_another_files(digests, path, expected)
        data = Path(path).read_bytes()
        as_text = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        kit.expect(
            as_text == data or digests[path] != hashlib.sha256(as_text).hexdigest(),
            f"the digest of {Path(path).name!r} (its bytes include a \\r) was the digest of "
            "its bytes with every \\r turned into \\n: the file was read in text mode, "
            "which translates line endings. Open it in binary mode (`open(path, 'rb')`) and "
            "hash its bytes as they are.",
        )
        kit.expect(
            digests[path] == wanted,
            f"the digest of {Path(path).name!r} was {digests[path]!r}; expected {wanted!r}. "
            "Hash the whole file's bytes with hashlib.sha256 and take .hexdigest().",
        )


def test_any_paths(kata: kit.Kata, odd_files: dict[str, str]) -> None:
    """Paths from a generator, un-normalised, with spaces and accents, one of them twice."""
    hash_files = kata.get("hash_files", "coroutine")
    paths = [*odd_files, next(iter(odd_files))]
    shown = ", ".join(repr(Path(p).name) for p in paths)
    what = f"hash_files(a generator of the paths of {shown})"

    async def call() -> Any:
        return await hash_files(p for p in paths)

    result = kata.run(call, clock="real", limit=30, what=what, raises=TypeError)
    if isinstance(result.error, TypeError):
        kit.fail(
            f"{what} raised TypeError: {result.error}. `paths` may be any iterable, a "
            "generator too: turn it into a list once (`paths = list(paths)`) if you need it "
            "twice."
        )
    if isinstance(result.value, dict) and sorted(result.value) == sorted(odd_files):
        _expect_digests_of(result.value, odd_files)
    kit.expect_equal(
        result.value,
        odd_files,
        what,
        "Use each path exactly as given as its key (no normalising, no Path objects), and "
        "go through a generator only once: `paths = list(paths)` first if you need it twice.",
    )


def test_no_paths(kata: kit.Kata) -> None:
    """No paths: an empty dict."""
    hash_files = kata.get("hash_files", "coroutine")
    result = kata.run(lambda: hash_files([]), clock="real", limit=30, what="hash_files([])")
    kit.expect_equal(result.value, {}, "hash_files([])")


def test_loop_stays_free(kata: kit.Kata, files: dict[str, str], big: str) -> None:
    """A heartbeat ticking every 10 ms never stalls 100 ms while files are hashed."""
    hash_files = kata.get("hash_files", "coroutine")
    size = Path(big).stat().st_size >> 20
    result = kata.run(
        _with_heartbeat(hash_files, [big, *files]), clock="real", limit=30, what="hash_files(paths)"
    )
    _, stall, took, computed = result.value
    share = stall / max(took, 1e-9)
    kit.expect(
        computed < STALL_LIMIT,
        f"the event loop's own thread computed for {computed:.2f} s without letting a "
        f"heartbeat task (ticking every 10 ms) run, while hash_files hashed a {size} MiB "
        f"file: {OFF_THE_LOOP}",
    )
    kit.expect(
        stall < STALL_LIMIT or share < STALL_SHARE,
        f"a heartbeat task ticking every 10 ms stalled for {stall:.2f} s ({share:.0%} of the "
        f"call) while hash_files hashed a {size} MiB file: {OFF_THE_LOOP}",
    )


def test_called_twice(kata: kit.Kata, tmp_path: Path) -> None:
    """Two calls: the second hashes the files as they are then, and returns only its paths;
    the first call's dict is left as it was. The file is rewritten with as many bytes and its
    modification time put back (as `cp -p` does): its size and mtime tell nothing."""
    hash_files = kata.get("hash_files", "coroutine")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_bytes(b"before")
    second.write_bytes(b"other")
    what = "hash_files([first, second]), then first rewritten, then hash_files([first])"

    async def scenario() -> Any:
        returned = await hash_files([str(first), str(second)])
        before = dict(returned) if isinstance(returned, dict) else returned  # as it was then
        stat = first.stat()
        first.write_bytes(b"after!")  # as many bytes as before
        os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the old mtime, as cp -p
        return before, await hash_files([str(first)]), returned

    result = kata.run(scenario, clock="real", limit=30, what=what)
    before, after, returned = result.value
    kit.expect(
        not isinstance(after, dict) or str(second) not in after,
        f"{what}: the second call returned {after!r}, with a path it was not given. A dict "
        "kept from one call to the next (a mutable default argument such as `out={}`, or a "
        "dict at module level) collects every call's paths: make a new dict in each call.",
    )
    fresh = hashlib.sha256(b"after!").hexdigest()
    kit.expect(
        not isinstance(after, dict)
        or after.get(str(first)) != hashlib.sha256(b"before").hexdigest(),
        f"{what}: the second call gave first.txt the digest of its old contents: digests "
        "kept from an earlier call (a cache keyed by path) go stale when a file changes. "
        "The file was rewritten with as many bytes and its modification time put back (as "
        "`cp -p` does), so a cache keyed by path, size and mtime goes stale too. Hash each "
        "file's contents as they are when hash_files is called.",
    )
    kit.expect_equal(after, {str(first): fresh}, "the second call")
    kit.expect(
        not isinstance(returned, dict) or returned == before,
        f"{what}: the dict the first call returned, {before!r}, had become {returned!r} after "
        "the second call: both calls filled one dict kept at module level, so a caller's "
        "result changes under its feet. Make a new dict in each call and return it.",
    )


def _is_open(path: Path) -> bool:
    """True if this process holds a file descriptor on ``path`` (Linux: /proc/self/fd)."""
    with contextlib.suppress(OSError):
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                    return True
    return False


def test_a_call_made_while_another_hashes_the_file(kata: kit.Kata, tmp_path: Path) -> None:
    """A call made after a file was replaced gets the new contents' digest, even while an
    earlier call is still hashing the old file."""
    hash_files = kata.get("hash_files", "coroutine")
    path = tmp_path / "changing.bin"
    with path.open("wb") as out:  # sparse, like `big`: slow to hash, cheap to make
        out.write(MEDIUM[: 1 << 20])
        out.truncate(_big_size())
    new = tmp_path / "new.bin"
    new.write_bytes(b"new contents")
    fresh = hashlib.sha256(b"new contents").hexdigest()
    what = (
        "hash_files([path]) of a big file, then the file replaced while that call still "
        "hashed it, then hash_files([path]) again"
    )

    async def scenario() -> Any:
        earlier = asyncio.ensure_future(hash_files([str(path)]))
        # Until the earlier call's thread has the old file open (or it has finished).
        await kit.until(lambda: _is_open(path) or earlier.done(), timeout=3.0)()
        os.replace(new, path)
        try:
            later = await hash_files([str(path)])
        finally:
            first = await earlier
        return first, later

    result = kata.run(scenario, clock="real", limit=30, what=what)
    first, later = result.value
    if isinstance(later, dict) and isinstance(first, dict):
        mine, theirs = later.get(str(path)), first.get(str(path))
        kit.expect(
            mine == fresh or mine != theirs,
            f"{what}: the later call gave the digest the earlier call computed, that of the "
            "old contents, though it was made after the file was replaced: it waited for "
            "the earlier call's hashing instead of hashing the file itself. Each call hashes "
            "the files as they are when it is made: share no work or result between calls.",
        )
    kit.expect_equal(later, {str(path): fresh}, "the later call")


# Checked last: earlier wrong answers fail the checks above first.


def test_many_files(kata: kit.Kata, tmp_path: Path) -> None:
    """Eight small files: each path gets its own file's digest (a set's order, which is not
    the list's, cannot pair the digests with the paths)."""
    hash_files = kata.get("hash_files", "coroutine")
    expected: dict[str, str] = {}
    for i in range(8):
        data = f"file {i}\n".encode()
        (tmp_path / f"f{i}.txt").write_bytes(data)
        expected[str(tmp_path / f"f{i}.txt")] = hashlib.sha256(data).hexdigest()
    what = "hash_files(the paths of 8 small files)"
    result = kata.run(lambda: hash_files(list(expected)), clock="real", limit=30, what=what)
    if isinstance(result.value, dict) and sorted(result.value) == sorted(expected):
        _expect_digests_of(result.value, expected)
    kit.expect_equal(result.value, expected, what, "Use each path exactly as given as its key.")
    # Again, in a new event loop (as a second asyncio.run() makes): nothing made at import
    # time may belong to the first loop.
    again = kata.run(
        lambda: hash_files(list(expected)), clock="real", limit=30, what=what, raises=RuntimeError
    )
    if again.error is not None and "different event loop" in str(again.error):
        kit.fail(
            f"{what} worked in one event loop, then raised RuntimeError in a second one (as a "
            f"second asyncio.run() makes): {again.error} (at {kata.where(again.error)}). An "
            "asyncio Semaphore or Lock made at import time belongs to the first loop that "
            "waited on it: make it inside hash_files, afresh for each call."
        )
    if again.error is not None:
        kit.fail(
            f"{what} worked in one event loop, then raised RuntimeError in a second one: "
            f"{again.error} (at {kata.where(again.error)})."
        )
    kit.expect_equal(again.value, expected, f"{what}, in a second event loop")


def test_one_file_by_two_paths(kata: kit.Kata, tmp_path: Path) -> None:
    """One file named by two different paths (`a.txt` and `./a.txt` in its folder): two
    paths, so two keys, each with the file's digest."""
    hash_files = kata.get("hash_files", "coroutine")
    data = b"one file, two names\n"
    (tmp_path / "a.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    expected = {f"{tmp_path}/a.txt": digest, f"{tmp_path}/./a.txt": digest}
    what = "hash_files([folder/a.txt, folder/./a.txt]) (one file, two paths)"
    result = kata.run(lambda: hash_files(list(expected)), clock="real", limit=30, what=what)
    got = result.value
    if isinstance(got, dict) and len(got) == 1 and set(got) < set(expected):
        kit.fail(
            f"{what} returned {got!r}: one key only. The two paths name one file, but they "
            "are two different paths, and each path given is a key of the result (exactly as "
            "given). Only the very same path given twice makes one key: do not merge paths "
            "by the file they lead to (os.path.abspath, realpath, Path.resolve)."
        )
    kit.expect_equal(got, expected, what, "Use each path exactly as given as its key.")


# Checked last: earlier wrong answers fail the checks above first.
def test_the_hashing_is_done_in_a_thread(kata: kit.Kata, big: str) -> None:
    """Hashing the big file costs the loop's own thread well under half of what hashing it
    costs (TARGET): the reading and hashing run in a worker thread, not in slices on the loop
    between which the other tasks run."""
    hash_files = kata.get("hash_files", "coroutine")
    size = Path(big).stat().st_size >> 20

    async def scenario() -> float:
        start = time.thread_time()
        await hash_files([big])
        return time.thread_time() - start

    result = kata.run(scenario, clock="real", limit=30, what="hash_files([big])")
    spent = result.value
    kit.expect(
        spent < TARGET / 2,
        f"the event loop's own thread spent {spent:.2f} s of CPU time in hash_files of a "
        f"{size} MiB file, about what hashing it costs ({TARGET:.1f} s): the file was read "
        "and hashed on the loop, in slices between which other tasks ran. Reading and hashing "
        "are blocking work: run them in a worker thread (`await asyncio.to_thread(fn, path)`), "
        "where they cost the loop's thread nothing.",
    )
