"""Sockets on loopback for the real-clock stream graders (08_streams).

Every helper is bounded in time: a grader's scenario never waits forever on the learner's
server or client, it records what it saw and the grader judges afterwards (``kit.judge``).

- ``HOST``: loopback only.
- ``connect``, ``read_line``, ``read_to_eof``, ``close``: a grader's own client, with timeouts.
- ``port_of(server)``: the port an ``asyncio.Server`` listens on (graders pass port 0).
- ``free_port()``: a loopback port nothing listens on right now.
- ``open_transports(port)``: socket transports talking to ``port`` whose socket is still open.
- ``abort_transports(port)``: end those at once (so a broken submission costs one message).
- ``shut_server(server)``: close a server and its connections, bounded in time.
- ``settle()``: give pending tasks (the learner's handlers) a bounded moment to finish.
- ``writelines_pauses(monkeypatch)``: ``writer.writelines()`` pauses for ``drain()`` as
  ``write()`` does, on the Pythons whose socket transport forgets to.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import socket
from typing import Any

HOST = "127.0.0.1"


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


def free_port() -> int:
    """A loopback TCP port with nothing listening right now (a connection to it is refused)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


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


def writelines_pauses(monkeypatch: Any) -> None:
    """Make the socket transport's ``writelines()`` pause the protocol as ``write()`` does.

    CPython 3.12 and 3.13 (3.12.1 and 3.13.0 here) give ``_SelectorSocketTransport`` a
    ``writelines()`` that never calls ``_maybe_pause_protocol()``: ``await writer.drain()``
    after ``writer.writelines([...])`` then never waits, however much is buffered. That is
    CPython's bug, not the learner's; code that never drains still piles data up.
    """
    from asyncio import selector_events

    cls: Any = getattr(selector_events, "_SelectorSocketTransport")  # noqa: B009 - private
    original = vars(cls).get("writelines")
    if original is None:  # 3.11: the base class joins the data and calls write()
        return

    def writelines(self: Any, list_of_data: Any) -> None:
        original(self, list_of_data)
        if not self.is_closing():
            self._maybe_pause_protocol()

    monkeypatch.setattr(cls, "writelines", writelines)
