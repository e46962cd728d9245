"""Sockets and child processes for the real-clock graders (08_streams, 09_subprocesses).

Every helper is bounded in time: a grader's scenario never waits forever on the learner's
server, client or child, it records what it saw and the grader judges afterwards. A scenario
runs inside ``kata.run(..., clock="real")``, whose exceptions become "your code raised ..."
sentences: so scenarios return observations, and graders call ``kit.fail`` outside.

- ``judge(kata, scenario, what=...)``: run a scenario on the real clock and fail with its
  complaint first; the learner's stray loop errors and warnings only when it had none.
- ``HOST``: loopback only.
- ``connect``, ``read_line``, ``read_to_eof``, ``close``: a grader's own client, with timeouts.
- ``port_of(server)``: the port an ``asyncio.Server`` listens on (graders pass port 0).
- ``open_transports(port)``: socket transports talking to ``port`` whose socket is still open.
- ``abort_transports(port)``: end those at once (so a broken submission costs one message).
- ``shut_server(server)``: close a server and its connections, bounded in time.
- ``settle()``: give pending tasks (the learner's handlers) a bounded moment to finish.
- ``process_state(pid)``: "running", "zombie" (exited, never waited for) or "gone".
- ``python(code)``: a child command that runs ``code`` with this interpreter, unbuffered.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import subprocess
import sys
import warnings
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .outcomes import fail

if TYPE_CHECKING:
    from .running import Run
    from .targets import Kata

HOST = "127.0.0.1"


def judge(
    kata: Kata,
    scenario: Callable[[], Awaitable[str]],
    *,
    what: str,
    limit: float = 20.0,
    hang_hint: str = "",
    unclosed: str = "",
) -> None:
    """Run ``scenario()`` under ``kata.run`` on the real clock; fail with what it returns.

    A scenario returns "" or one teaching sentence. A broken submission usually also leaves
    stray errors (a handler's ConnectionResetError) or warnings (an unclosed writer) behind;
    those are reported only when the scenario found nothing, so the sentence naming the
    mistake wins. ``unclosed`` is the sentence for a ResourceWarning (an unclosed writer or
    transport) seen while the scenario ran; the warning's text is appended to it.
    """

    async def main() -> str:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            problem = await scenario()
            gc.collect()  # a dropped, unclosed writer warns now, inside this record
        leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
        if not problem and leaks and unclosed:
            return f"{unclosed} (ResourceWarning: {str(leaks[0].message).splitlines()[0]})"
        if not problem:
            for w in caught:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        return problem

    def verdict(result: Run[str]) -> None:
        if result.value:
            fail(result.value)

    result = kata.run(
        main,
        clock="real",
        limit=limit,
        what=what,
        hang_hint=hang_hint,
        loop_errors=True,
        verdict=verdict,
    )
    if result.loop_errors:
        ctx = result.loop_errors[0]
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        fail(
            f"an error in {what} went unhandled ({ctx.get('message', '')}: {detail}). "
            "A client may vanish at any time: catch ConnectionError in the handler, and await "
            "every task you create so its exception reaches you."
        )


async def connect(port: int, timeout: float = 3.0) -> tuple[asyncio.StreamReader, Any]:
    """Open a grader's client connection to ``HOST:port``."""
    return await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)


async def read_line(reader: asyncio.StreamReader, timeout: float = 3.0) -> bytes | None:
    """One line (b"" at EOF), or None if nothing complete arrived within ``timeout``."""
    try:
        return await asyncio.wait_for(reader.readline(), timeout)
    except TimeoutError:
        return None
    except (ConnectionError, ValueError):
        return b""


async def read_to_eof(reader: asyncio.StreamReader, timeout: float = 3.0) -> tuple[bytes, bool]:
    """Everything until EOF, and whether EOF came within ``timeout`` (else what came)."""
    data = bytearray()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        left = deadline - loop.time()
        if left <= 0:
            return bytes(data), False
        try:
            chunk = await asyncio.wait_for(reader.read(65536), left)
        except TimeoutError:
            return bytes(data), False
        except ConnectionError:
            return bytes(data), True
        if not chunk:
            return bytes(data), True
        data += chunk


async def close(writer: Any, timeout: float = 2.0) -> None:
    """Close a grader's connection; never raise, never wait long."""
    with contextlib.suppress(Exception):
        writer.close()
        await asyncio.wait_for(writer.wait_closed(), timeout)


def port_of(server: Any) -> int:
    """The port an ``asyncio.Server`` listens on."""
    return int(server.sockets[0].getsockname()[1])


def _transports(port: int) -> list[asyncio.Transport]:
    """Socket transports with ``port`` at either end whose socket is still open."""
    found = []
    for obj in gc.get_objects():
        if not isinstance(obj, asyncio.Transport):
            continue
        try:
            sock = obj.get_extra_info("socket")
            ends = (obj.get_extra_info("peername"), obj.get_extra_info("sockname"))
        except Exception:  # noqa: BLE001 - a half-built transport is simply not ours
            continue
        if sock is None or sock.fileno() == -1:
            continue
        if any(isinstance(end, tuple) and len(end) >= 2 and end[1] == port for end in ends):
            found.append(obj)
    return found


def open_transports(port: int, *, peer: bool = True) -> list[asyncio.Transport]:
    """Open transports whose peer (``peer=True``: clients of ``port``) or own end is ``port``."""
    key = "peername" if peer else "sockname"
    return [t for t in _transports(port) if t.get_extra_info(key)[1] == port]


def abort_transports(port: int) -> None:
    """Abort every open transport with ``port`` at either end."""
    for transport in _transports(port):
        with contextlib.suppress(Exception):
            transport.abort()


async def shut_server(server: Any, timeout: float = 2.0) -> bool:
    """Close ``server`` and its connections; True if it closed within ``timeout``."""
    server.close()
    port = None
    with contextlib.suppress(Exception):
        port = port_of(server)
    if hasattr(server, "close_clients"):  # 3.13+
        server.close_clients()
    try:
        await asyncio.wait_for(server.wait_closed(), timeout)
        return True
    except TimeoutError:
        if port is not None:
            abort_transports(port)
        return False


async def settle(timeout: float = 2.0) -> list[asyncio.Task[Any]]:
    """Wait up to ``timeout`` for every other task to finish; return those still pending."""
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        pending = [t for t in asyncio.all_tasks() if t is not me and not t.done()]
        if not pending or loop.time() > deadline:
            return pending
        await asyncio.sleep(0.01)


def _unwaited(pid: int) -> bool:
    """True if a Process, subprocess transport or Popen for ``pid`` has no returncode yet.

    The kernel may reap a child in a helper thread (Python 3.11's ThreadedChildWatcher) a few
    microseconds after it dies; the returncode only reaches the parent's objects when the
    parent waits (``await proc.wait()``), so this tells "waited for" apart deterministically.
    """
    kinds = (asyncio.subprocess.Process, asyncio.SubprocessTransport, subprocess.Popen)
    for obj in gc.get_objects():
        if isinstance(obj, kinds):
            try:
                same = (obj.get_pid() if hasattr(obj, "get_pid") else obj.pid) == pid
                code = obj.get_returncode() if hasattr(obj, "get_returncode") else obj.returncode
            except Exception:  # noqa: BLE001 - a closed transport has no pid: not ours
                continue
            if same and code is None:
                return True
    return False


def process_state(pid: int) -> str:
    """'running', 'zombie' (exited, never waited for) or 'gone' (exited and waited for).

    Call it right after the learner's code returns, before the loop runs again.
    """
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
        alive = state not in ("Z", "X")
    except FileNotFoundError:
        alive = False
    except OSError:  # no /proc (macOS): ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = True
    if alive:
        return "running"
    return "zombie" if _unwaited(pid) else "gone"


def python(code: str, *args: str) -> list[str]:
    """A command running ``code`` in this interpreter, unbuffered, with ``args`` as argv[1:]."""
    return [sys.executable, "-u", "-c", code, *args]
