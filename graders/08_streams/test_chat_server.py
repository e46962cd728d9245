"""Grader for 08_streams/chat_server: broadcast to the others, never stall, stop cleanly.

On the real clock, with the grader's own clients on 127.0.0.1, it checks: a line reaches
every other client and not its sender; only whole lines are relayed (a line sent in two
pieces is not cut by another client's line); a client that never reads does not delay a
12 MB conversation between two others; stop() closes the listening socket and every client
connection and leaves no handler running.

Docstring sentence -> the check that enforces it:
- `start(host, port)` returns the port it listens on -> room (every test),
  on that host only -> room (every test: a server listening on other addresses fails),
  test_listens_on_the_given_port (a port other than 0 is the one listened on)
- each line (read with readline()) goes, as it is, to every OTHER client
  -> test_broadcast_to_the_others, test_whole_lines_only, test_lines_relayed_as_they_are
  (spaces, a tab, a carriage return, a blank line and non-UTF-8 bytes relayed byte for byte)
- a client that disconnects is forgotten -> test_a_client_that_left_is_forgotten,
  test_a_vanished_client_is_forgotten (a reset is a disconnect too: no writes to its dead
  connection), test_clients_that_left_are_not_kept (20 clients come and go: no collection
  of the ChatServer still holds them, skipped or not)
- every OTHER connected client (connected to this ChatServer: each instance is its own room)
  -> test_each_chat_server_is_its_own_room
- never await one client's drain while broadcasting -> test_a_stalled_client_delays_no_one,
  test_a_stalled_client_holds_up_no_line (5 stalled clients, one after the other: a line
  between two others is relayed at once, not after a drain() with a timeout);
  every other client gets each line, also while a stalled client is dropped mid-broadcast
  -> test_dropping_a_client_skips_no_one (no client skipped: a list changed while looped over)
- disconnect a client whose unsent data grows too large (or whose queue is full)
  -> test_a_stalled_client_delays_no_one (still connected after 12 MB fails; a client that
  reads all the time, disconnected by a burst of 50 lines, is named as such; that reader
  reads its socket dry each time it runs, so it keeps up with a server that reads its
  sender without flow control);
  drop only a client that falls far behind: one that keeps reading stays connected, even while
  hundreds of lines arrive at once -> test_a_stalled_client_delays_no_one (3000 lines in
  bursts of 50 to a client that reads all the time);
  and not a client a little behind -> test_a_client_a_little_behind_is_kept (64 KiB sent at
  once to a client that reads half a second later: some of it waits unsent in the server,
  far under a megabyte)
- when a client leaves, close your side of its connection
  -> test_a_client_that_left_is_forgotten; close() then `await wait_closed()` -> room (every
  test: a server-side StreamWriter closed and never waited for fails)
- treat `ConnectionError` as a disconnect -> test_a_vanishing_client
- a last piece without a newline is not a whole line: do not relay it as it is (drop it, or
  add the newline) -> test_a_last_piece_without_newline
- `stop()` closes the listening socket (close, then `await server.wait_closed()`) AND every
  client connection, returns promptly -> test_stop_closes_everything,
  test_stop_with_a_stalled_client (stop() returns while a client that never reads has
  unsent data waiting, and that connection is closed too: abort, not a close() that waits to
  send the data); on 3.11 too, where Server.wait_closed() returns before the connections
  are closed, the spy makes it wait for them as 3.12+ does: a stop() that awaits it before
  closing its clients hangs on every Python

A stop() that cancels its handler tasks is correct; asyncio 3.11 and 3.12.1 log each such
cancellation from start_server's own done-callback, and the grader ignores exactly that record
(tolerate_cancelled_handlers).
"""

import asyncio
import contextlib
import inspect
import logging
import socket
import struct
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import kit
import pytest
from kit import streams

HANG = (
    "Does start() return once the server listens (no serve_forever() inside), and does stop() "
    "return promptly? Awaiting a client's drain() or wait_closed() can wait forever when that "
    "client never reads."
)
UNCLOSED = (
    "the chat server left a connection open: when a client leaves (readline() returns b'') "
    "close its writer, and stop() must close every client connection"
)

Client = tuple[asyncio.StreamReader, asyncio.StreamWriter]


def _asyncio_noise(context: dict[str, Any]) -> bool:
    """True for the record asyncio 3.11 and 3.12.0-3.12.x (before the fix) logs when a
    start_server handler task is cancelled: its done-callback calls task.exception() on a
    cancelled task. A stop() that cancels its handlers is correct; that record is CPython's."""
    return isinstance(context.get("exception"), asyncio.CancelledError) and (
        "StreamReaderProtocol.connection_made" in str(context.get("message", ""))
    )


def tolerate_cancelled_handlers() -> None:
    """Drop asyncio's own record of a cancelled handler; pass every other one on."""
    loop = asyncio.get_running_loop()
    handler = loop.get_exception_handler()

    def filtered(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if _asyncio_noise(context):
            return
        if handler is None:
            loop.default_exception_handler(context)
        else:
            handler(loop, context)

    loop.set_exception_handler(filtered)


NO_WAIT_CLOSED = (
    "the server called writer.close() on a client's connection but never "
    "`await writer.wait_closed()`: close() only starts closing; wait_closed() returns once the "
    "connection is really closed. Await it after every close() (or end the connection at "
    "once with writer.transport.abort())."
)


@contextmanager
def closing_spy() -> Iterator[dict[str, list[Any]]]:
    """Record StreamWriters and Servers that were close()d, and those whose wait_closed() ran."""
    seen: dict[str, list[Any]] = {"closed": [], "waited": [], "server_waited": [], "servers": []}
    close, wait_closed = asyncio.StreamWriter.close, asyncio.StreamWriter.wait_closed
    server_wait_closed, server_init = asyncio.Server.wait_closed, asyncio.Server.__init__

    def spy_close(self: asyncio.StreamWriter) -> None:
        seen["closed"].append(self)
        close(self)

    async def spy_wait_closed(self: asyncio.StreamWriter) -> None:
        seen["waited"].append(self)
        await wait_closed(self)

    async def spy_server_wait_closed(self: asyncio.Server) -> None:
        seen["server_waited"].append(self)
        if sys.version_info < (3, 12):
            # As on 3.12+ (gh-79033): wait until every connection is closed too, so that code
            # awaiting it before closing its clients hangs on 3.11 as it does on newer Pythons.
            waiters = self._waiters  # type: ignore[attr-defined]
            if waiters is not None:
                waiter = asyncio.get_running_loop().create_future()
                waiters.append(waiter)
                await waiter
            return
        await server_wait_closed(self)

    def spy_server_init(self: asyncio.Server, *args: Any, **kwargs: Any) -> None:
        seen["servers"].append(self)
        server_init(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(asyncio.StreamWriter, "close", spy_close)
        patch.setattr(asyncio.StreamWriter, "wait_closed", spy_wait_closed)
        patch.setattr(asyncio.Server, "wait_closed", spy_server_wait_closed)
        patch.setattr(asyncio.Server, "__init__", spy_server_init)
        yield seen


_SPIED: dict[str, list[Any]] = {"closed": [], "waited": [], "server_waited": [], "servers": []}


def closing_spied() -> dict[str, list[Any]]:
    """What the closing spy of the room running now has recorded."""
    return _SPIED


def _local_port(writer: asyncio.StreamWriter) -> int | None:
    """The port of the writer's own end (the server's port for a server-side writer)."""
    try:
        return int(writer.get_extra_info("sockname")[1])
    except Exception:  # noqa: BLE001 - no socket info: not a connection of ours
        return None


def elsewhere(servers: list[asyncio.Server], port: int) -> str:
    """The addresses (other than ``streams.HOST``) that the server listening on ``port``
    listens on too, or ""."""
    for server in servers:
        names = [s.getsockname() for s in server.sockets or ()]
        if any(name[1] == port for name in names):
            others = [f"{name[0]} port {name[1]}" for name in names if name[0] != streams.HOST]
            return ", ".join(others)
    return ""


def room(kata: kit.Kata, scenario: Callable[[object, int], Awaitable[str]], what: str) -> None:
    """Start a ChatServer, run ``scenario(chat, port)``, stop and clean up; judge it.

    Also fails if a server-side StreamWriter was closed but its wait_closed() never ran.
    """
    chat_server = kata.get("ChatServer", "class")
    spied = closing_spied()

    async def main() -> str:
        problem = await session()
        if not problem:
            waited = {id(w) for w in spied["waited"]}
            ours = [w for w in spied["closed"] if _local_port(w) == port_seen[0]]
            if any(id(w) not in waited for w in ours):
                return NO_WAIT_CLOSED
        return problem

    port_seen = [0]

    async def session() -> str:
        tolerate_cancelled_handlers()
        chat = chat_server()
        try:
            port = await asyncio.wait_for(chat.start(streams.HOST, 0), 3.0)
        except TimeoutError:
            return "ChatServer.start() did not return within 3 s: start the server and return."
        if not isinstance(port, int) or not 0 < port < 65536:
            return (
                f"ChatServer.start(host, 0) returned {port!r}; expected the port it listens "
                "on: `server.sockets[0].getsockname()[1]`."
            )
        port_seen[0] = port
        try:
            if where := elsewhere(spied["servers"], port):
                return (
                    f"ChatServer.start({streams.HOST!r}, 0) listened on {where}: listen on the "
                    "host you are given (pass it to asyncio.start_server), and only there."
                )
            return await scenario(chat, port)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(chat.stop(), 3.0)
            await streams.settle(2.0)
            streams.abort_transports(port)
            await streams.settle(1.0)

    with closing_spy() as seen:
        spied.update(seen)
        kit.judge(kata, main, what=what, limit=25.0, hang_hint=HANG, unclosed=UNCLOSED)


def server_side(port: int, client: object) -> list[asyncio.Transport]:
    """The server's open transports of the connection from ``client`` (a client's sockname)."""
    return [
        t
        for t in streams.open_transports(port, peer=False)
        if t.get_extra_info("peername") == client
    ]


async def join(port: int, n: int) -> list[Client]:
    """Connect ``n`` clients, one after the other."""
    return [await streams.connect(port) for _ in range(n)]


async def sync(clients: list[Client], line: bytes) -> str:
    """The last client says ``line``; every other client must receive it."""
    clients[-1][1].write(line)
    got = await asyncio.gather(*(streams.read_line(r) for r, _ in clients[:-1]))
    if any(g != line for g in got):
        return (
            f"client {len(clients)} sent {line!r}; the other clients received {got!r} within "
            "3 s (None: nothing): broadcast each line to every other connected client."
        )
    return ""


async def leave(clients: list[Client]) -> None:
    """Close the grader's clients."""
    await asyncio.gather(*(streams.close(w) for _, w in clients))


@pytest.fixture(autouse=True)
def writelines_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """writer.writelines() is a write too: it pauses for drain() (a CPython 3.12/3.13 fix)."""
    streams.writelines_pauses(monkeypatch)


def test_is_a_class(kata: kit.Kata) -> None:
    """ChatServer is a class with async start() and stop()."""
    cls = kata.get("ChatServer", "class")
    for name in ("start", "stop"):
        kit.expect(
            inspect.iscoroutinefunction(getattr(cls, name, None)),
            f"ChatServer.{name} should be an `async def` method.",
        )


def test_broadcast_to_the_others(kata: kit.Kata) -> None:
    """A line reaches every other client, and not its sender."""

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"hello from 3\n"):
                return problem
            (ra, wa), (rb, wb), (rc, _) = clients
            wa.write(b"hello from 1\n")
            got = [await streams.read_line(rb), await streams.read_line(rc)]
            if got[1] == b"hello from 3\n":
                return (
                    "client 3 got its own line back (b'hello from 3\\n'): broadcast to every "
                    "client except the one who sent it."
                )
            if got != [b"hello from 1\n"] * 2:
                return (
                    f"client 1 sent b'hello from 1\\n'; clients 2 and 3 received {got!r}: "
                    "broadcast each line, as it is, to every other client."
                )
            wb.write(b"hello from 2\n")
            first = await streams.read_line(ra)
            if first == b"hello from 1\n":
                return (
                    "client 1 got its own line back (b'hello from 1\\n'): broadcast to every "
                    "client except the one who sent it."
                )
            if first != b"hello from 2\n":
                return f"client 2 sent b'hello from 2\\n'; client 1 received {first!r}."
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server")


def test_whole_lines_only(kata: kit.Kata) -> None:
    """A line sent in two pieces is relayed whole, even if another line arrives in between."""

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"ready\n"):
                return problem
            (_, wa), (rb, _), (_, wc) = clients
            for writer, piece in ((wa, b"hal"), (wc, b"from 3\n"), (wa, b"ves\n")):
                writer.write(piece)
                await writer.drain()
                await asyncio.sleep(0.1)
            got = [await streams.read_line(rb), await streams.read_line(rb)]
            if got != [b"from 3\n", b"halves\n"]:
                return (
                    "client 1 sent b'hal', then client 3 sent b'from 3\\n', then client 1 "
                    f"b'ves\\n'; client 2 received {got!r}, expected [b'from 3\\n', "
                    "b'halves\\n']: relay whole lines only. A read() returns whatever bytes "
                    "arrived: use `await reader.readline()`."
                )
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server")


def test_a_vanishing_client(kata: kit.Kata) -> None:
    """A client that resets its connection is dropped; the others go on talking."""

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"ready\n"):
                return problem
            _, wa = clients[0]
            sock = wa.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            wa.transport.abort()  # a crash: the server sees ConnectionResetError, not EOF
            await asyncio.sleep(0.2)
            for i in range(3):
                if problem := await sync(clients[1:], f"still here {i}\n".encode()):
                    return problem
            return ""
        finally:
            await leave(clients[1:])

    room(kata, scenario, "the chat server with a client that vanished")


@contextmanager
def asyncio_warnings() -> Iterator[list[str]]:
    """The messages asyncio logs at WARNING or above while inside."""
    warned: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warned.append(record.getMessage())

    catch = Catch(logging.WARNING)
    logging.getLogger("asyncio").addHandler(catch)
    try:
        yield warned
    finally:
        logging.getLogger("asyncio").removeHandler(catch)


def test_a_client_that_left_is_forgotten(kata: kit.Kata) -> None:
    """After a client leaves, the server no longer writes to its closed connection."""

    async def scenario(chat: object, port: int) -> str:
        with asyncio_warnings() as warned:
            clients = await join(port, 3)
            try:
                if problem := await sync(clients, b"ready\n"):
                    return problem
                gone = clients[0][1].get_extra_info("sockname")
                await streams.close(clients[0][1])
                closed = await kit.until(lambda: not server_side(port, gone), timeout=2.0)()
                if not closed:
                    return (
                        "a client closed its connection, and 2 s later the server had not closed "
                        "its side: when readline() returns b'' the client has left; close its "
                        "writer (writer.close(), then `await writer.wait_closed()`)."
                    )
                for i in range(8):
                    if problem := await sync(clients[1:], f"line {i}\n".encode()):
                        return problem
                if any("socket.send() raised exception" in w for w in warned):
                    return (
                        "after a client left, the server kept writing to its closed connection "
                        "(asyncio warned 'socket.send() raised exception.'): forget a client when "
                        "it disconnects, for example remove its writer in the handler's `finally`."
                    )
                return ""
            finally:
                await leave(clients[1:])

    room(kata, scenario, "the chat server after a client left")


RELAY_TIME = 10.0  # real seconds for 12 MB through the server: ample even on a loaded machine


def test_a_stalled_client_delays_no_one(kata: kit.Kata) -> None:
    """A client that never reads does not slow an 12 MB conversation between two others."""
    # The kernel buffers about 3 MB for a socket that is not read before the writer blocks:
    # the volume must be well over that to stall a server that waits for the slow client.
    lines = 3000
    line = b"x" * 4095 + b"\n"

    async def scenario(chat: object, port: int) -> str:
        loop = asyncio.get_running_loop()
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.setblocking(False)
        await loop.sock_connect(stalled, (streams.HOST, port))
        clients = await join(port, 1)
        (_, wa), *_ = clients
        # The reading client reads its socket dry each time it runs (no StreamReader, whose
        # flow control reads at most one chunk per loop step): it keeps up with a server that
        # reads its sender at full speed (a Protocol, or a large `limit`) and drops only
        # clients over a megabyte behind.
        rb = socket.socket()
        rb.setblocking(False)
        await loop.sock_connect(rb, (streams.HOST, port))
        pending = bytearray()
        received = 0
        cut = False  # the reading client's connection ended (EOF or reset) before every line

        async def next_lines() -> list[bytes] | None:
            """The whole lines that arrived next (None: EOF or a reset)."""
            while True:
                try:
                    data = await loop.sock_recv(rb, 1 << 20)
                except ConnectionError:
                    data = b""
                if not data:
                    return None
                pending.extend(data)
                if (end := pending.rfind(b"\n")) >= 0:
                    whole = bytes(pending[: end + 1])
                    del pending[: end + 1]
                    return whole.splitlines(keepends=True)

        async def send() -> None:
            for i in range(lines):
                wa.write(line)
                if i % 50 == 0:
                    await wa.drain()

        async def receive() -> None:
            nonlocal received, cut
            while received < lines:
                got = await next_lines()
                if got is None:
                    cut = True
                    return
                for piece in got:
                    if piece != line:
                        return
                    received += 1

        sender = None
        try:
            wa.write(b"ready\n")
            try:
                ready = await asyncio.wait_for(next_lines(), 3.0)
            except TimeoutError:
                ready = None
            if ready != [b"ready\n"]:
                return (
                    f"client 1 sent b'ready\\n'; the other client received {ready!r} within "
                    "3 s (None: nothing): broadcast each line to every other connected client."
                )
            sender = asyncio.create_task(send())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(receive(), RELAY_TIME)
            here = stalled.getsockname()
            kept = server_side(port, here)
            held = max((t.get_write_buffer_size() for t in kept), default=0)
            if received < lines and cut:
                return (
                    f"with one client connected that never reads, the server disconnected a "
                    f"client that reads all the time, after {received} of the {lines} lines "
                    "another client sent it in bursts of 50 (4 KiB each): drop only a client "
                    "that falls far behind (unsent data over a megabyte, say, or a full queue "
                    "of some hundreds of lines), not one that a burst keeps busy for a moment."
                )
            if received < lines:
                return (
                    f"with one client connected that never reads, a client received only "
                    f"{received} of {lines} lines another client sent (12 MB, "
                    f"{RELAY_TIME:.0f} s): the broadcast waited for the stalled client "
                    "(`await writer.drain()` per client in the broadcast loop?). Never await "
                    "one client while broadcasting: write without waiting and drop clients "
                    "whose buffer grows too large, or give each client its own queue and "
                    "writer task."
                )
            if kept and all(t.is_closing() for t in kept):
                return (
                    f"12 MB later, the connection of a client that never reads was still open, "
                    f"with {held / (1 << 20):.1f} MiB unsent, though the server had started "
                    "closing it: writer.close() first tries to send the unsent data, which "
                    "that client never takes, so the connection stays open. Disconnect such a "
                    "client with `writer.transport.abort()`, which drops the data at once."
                )
            if kept:
                return (
                    f"12 MB later, the server still kept connected a client that never reads, "
                    f"with {held / (1 << 20):.1f} MiB unsent: disconnect a client whose unsent "
                    "data grows too large (`writer.transport.get_write_buffer_size()` over, "
                    "say, 1 MiB: `writer.transport.abort()`), or whose bounded queue is full; "
                    "otherwise it holds memory (and the room) for ever."
                )
            return ""
        finally:
            if sender is not None:
                sender.cancel()
            stalled.close()  # it never read: the server sees a reset, as from a crashed peer
            rb.close()
            await leave(clients)

    room(kata, scenario, "the chat server with a stalled client")


def test_stop_closes_everything(kata: kit.Kata) -> None:
    """stop() returns promptly, closes every client connection and the listening socket."""

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"ready\n"):
                return problem
            spied = closing_spied()
            awaited_before = len(spied["server_waited"])
            try:
                await asyncio.wait_for(chat.stop(), 3.0)  # type: ignore[attr-defined]
            except TimeoutError:
                return (
                    "stop() did not return within 3 s with 3 clients connected: close every "
                    "client connection in stop() (on Python 3.12+ Server.wait_closed() waits "
                    "until every connection is closed)."
                )
            ends = await asyncio.gather(*(streams.read_to_eof(r, 2.0) for r, _ in clients))
            if not all(eof for _, eof in ends):
                open_ = sum(not eof for _, eof in ends)
                return (
                    f"after stop() returned, {open_} of 3 client connections stayed open: "
                    "stop() must close every client connection, not only the listening server."
                )
            try:
                _, writer = await streams.connect(port, 1.0)
            except (OSError, TimeoutError):
                pass
            else:
                await streams.close(writer)
                return (
                    "after stop(), a new client could still connect: close the listening "
                    "server (server.close(), then `await server.wait_closed()`)."
                )
            if pending := await streams.settle(2.0):
                return (
                    f"after stop(), {len(pending)} connection handler(s) were still running: "
                    "a handler must end when its client's connection is closed."
                )
            if len(spied["server_waited"]) == awaited_before:
                return (
                    "stop() closed the listening server but never awaited "
                    "`server.wait_closed()`: close() only starts closing; await wait_closed() "
                    "so stop() returns once the server is really closed."
                )
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server")


# Checked last: earlier wrong answers fail the checks above first.


def test_lines_relayed_as_they_are(kata: kit.Kata) -> None:
    """Spaces, a tab, a carriage return, a blank line and bytes that are not UTF-8 are relayed
    byte for byte."""
    sent = [b"  spaced\t \r\n", b"\n", b"after\n", b"caf\xe9 \xff\n"]

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"ready\n"):
                return problem
            (_, wa), (rb, _), _ = clients
            wa.write(b"".join(sent))
            got = [await streams.read_line(rb, 2.0) for _ in sent]
            if got[0] != sent[0]:
                return (
                    f"client 1 sent {sent[0]!r}; client 2 received {got[0]!r}: relay each "
                    "line as it is, exactly the bytes readline() returned (strip() and "
                    "rstrip() eat spaces, tabs and the carriage return)."
                )
            if got[:3] != sent[:3]:
                return (
                    f"client 1 sent {b''.join(sent[:3])!r}; client 2 received {got[:3]!r} (None: "
                    "nothing within 2 s): a blank line b'\\n' is a line too, relay it and "
                    "keep reading; only b'' from readline() means the client left."
                )
            if got[3] != sent[3]:
                return (
                    f"client 1 sent {sent[3]!r} (bytes that are not UTF-8); client 2 received "
                    f"{got[3]!r} (None: nothing within 2 s): relay the bytes readline() "
                    "returned as they are; decoding and re-encoding a line changes or rejects "
                    "bytes that are not valid UTF-8."
                )
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server")


def test_stop_with_a_stalled_client(kata: kit.Kata) -> None:
    """stop() returns promptly even when a client that never reads has unsent data waiting,
    and that client's connection is closed too."""
    line = b"x" * 4095 + b"\n"

    async def scenario(chat: object, port: int) -> str:
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.setblocking(False)
        await asyncio.get_running_loop().sock_connect(stalled, (streams.HOST, port))
        clients = await join(port, 1)
        _, wa = clients[0]
        here = stalled.getsockname()

        def backlog() -> int:
            return max((t.get_write_buffer_size() for t in server_side(port, here)), default=0)

        try:
            # Fill the kernel's buffers for the stalled client until the server holds some
            # unsent data for it (far below the megabyte after which it may be dropped).
            sent = 0
            while not backlog() and sent < 16 << 20:
                wa.write(line * 32)
                sent += len(line) * 32
                await wa.drain()
                await asyncio.sleep(0.01)
            try:
                await asyncio.wait_for(chat.stop(), 3.0)  # type: ignore[attr-defined]
            except TimeoutError:
                return (
                    "stop() did not return within 3 s while a connected client that never "
                    "reads had unsent data waiting: anything in stop() that waits for that "
                    "client (its drain(), or wait_closed() after close(), which first tries "
                    "to send the data) waits forever; in stop(), end each client connection "
                    "with writer.transport.abort()."
                )
            held = backlog()
            ended = await kit.until(lambda: not server_side(port, here), timeout=2.0)()
            if not ended:
                return (
                    "stop() returned, but 2 s later the connection of a client that never "
                    f"reads was still open on the server's side, with {held} bytes unsent: "
                    "writer.close() first tries to send the unsent data, which that client "
                    "never takes, so the connection stays open. stop() must close every "
                    "client connection: in stop(), end each client connection with "
                    "writer.transport.abort()."
                )
            return ""
        finally:
            stalled.close()
            await leave(clients)

    room(kata, scenario, "the chat server stopped with a stalled client")


def test_a_last_piece_without_newline(kata: kit.Kata) -> None:
    """A client's last piece without a newline is dropped or relayed with one, never bare."""

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 3)
        try:
            if problem := await sync(clients, b"ready\n"):
                return problem
            (ra, wa), (rb, _), (_, wc) = clients
            wa.write(b"bye")
            wa.write_eof()  # client 1 leaves right after a piece with no newline
            _, eof = await streams.read_to_eof(ra, 2.0)
            if not eof:
                return (
                    "client 1 sent b'bye' and closed its side; 2 s later the server had not "
                    "closed its side: when readline() returns b'' the client has left; close "
                    "its writer."
                )
            wc.write(b"hello\n")
            got = await streams.read_line(rb, 2.0)
            if got == b"bye\n":
                got = await streams.read_line(rb, 2.0)
            if got != b"hello\n":
                nothing = " (None: nothing within 2 s)" if got is None else ""
                return (
                    "client 1 sent b'bye' with no newline and left, then client 3 sent "
                    f"b'hello\\n'; client 2 received {got!r}{nothing}, "
                    "expected b'hello\\n' (after b'bye\\n', or alone): a last piece without a "
                    "newline is not a whole line; relayed as it is, it runs into the next "
                    "line. Drop it, or relay it with a newline added."
                )
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server")


def test_listens_on_the_given_port(kata: kit.Kata) -> None:
    """start(host, port) with a port other than 0 listens on that port and returns it."""
    chat_server = kata.get("ChatServer", "class")
    wanted = streams.free_port()

    async def main() -> str:
        tolerate_cancelled_handlers()
        chat = chat_server()
        try:
            port = await asyncio.wait_for(chat.start(streams.HOST, wanted), 3.0)
        except TimeoutError:
            return "ChatServer.start() did not return within 3 s: start the server and return."
        try:
            if port != wanted:
                return (
                    f"ChatServer.start(host, {wanted}) returned {port!r}; expected {wanted}: "
                    "listen on the port you are given (only port 0 lets the OS pick one)."
                )
            try:
                _, writer = await streams.connect(wanted, 1.0)
            except (OSError, TimeoutError):
                return (
                    f"ChatServer.start(host, {wanted}) returned {wanted}, but a client could "
                    f"not connect to port {wanted}: pass the port to asyncio.start_server."
                )
            await streams.close(writer)
            return ""
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(chat.stop(), 3.0)
            await streams.settle(2.0)

    kit.judge(
        kata,
        main,
        what=f"the chat server on port {wanted}",
        limit=10.0,
        hang_hint=HANG,
        unclosed=UNCLOSED,
    )


def test_each_chat_server_is_its_own_room(kata: kit.Kata) -> None:
    """Two ChatServers at once: a line said in one reaches no client of the other."""
    chat_server = kata.get("ChatServer", "class")

    async def scenario(chat: object, port: int) -> str:
        other = chat_server()
        other_port = await asyncio.wait_for(other.start(streams.HOST, 0), 3.0)
        clients = await join(port, 2)
        outsider = await streams.connect(other_port)
        try:
            await asyncio.sleep(0.1)  # every connection has reached its server
            if problem := await sync(clients, b"in room one\n"):
                return problem
            leaked = await streams.read_line(outsider[0], timeout=0.5)
            if leaked:
                return (
                    "two ChatServers ran at once; a client of the first sent b'in room one\\n', "
                    f"and a client of the second received {leaked!r}: each ChatServer relays "
                    "lines only to the clients connected to it."
                )
            return ""
        finally:
            await leave([*clients, outsider])
            with contextlib.suppress(Exception):
                await asyncio.wait_for(other.stop(), 3.0)
            await streams.settle(1.0)
            streams.abort_transports(other_port)

    room(kata, scenario, "two chat servers at once")


def test_a_vanished_client_is_forgotten(kata: kit.Kata) -> None:
    """After a client vanishes (a reset), the server no longer writes to its dead connection."""

    async def scenario(chat: object, port: int) -> str:
        with asyncio_warnings() as warned:
            clients = await join(port, 3)
            try:
                if problem := await sync(clients, b"ready\n"):
                    return problem
                _, wa = clients[0]
                sock = wa.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                wa.transport.abort()  # a crash: the server sees ConnectionResetError, not EOF
                await asyncio.sleep(0.2)
                for i in range(8):
                    if problem := await sync(clients[1:], f"line {i}\n".encode()):
                        return problem
                if any("socket.send() raised exception" in w for w in warned):
                    return (
                        "after a client vanished (its connection was reset), the server kept "
                        "writing to its dead connection (asyncio warned 'socket.send() raised "
                        "exception.'): a ConnectionError is a disconnect too. Forget the client "
                        "whatever ends its handler: remove its writer in the handler's `finally`."
                    )
                return ""
            finally:
                await leave(clients[1:])

    room(kata, scenario, "the chat server after a client vanished")


# Checked last: earlier wrong answers fail the checks above first.


def test_dropping_a_client_skips_no_one(kata: kit.Kata) -> None:
    """A stalled client that joined between the sender and a reader is dropped mid-broadcast:
    the reader still gets every line (no client skipped while the room changes)."""
    lines = 3000
    pad = b"x" * 4088

    async def scenario(chat: object, port: int) -> str:
        (ra, wa), *_ = await join(port, 1)
        await asyncio.sleep(0.2)  # the server has added the sender first
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.setblocking(False)
        await asyncio.get_running_loop().sock_connect(stalled, (streams.HOST, port))
        await asyncio.sleep(0.2)  # then the stalled client
        (rb, wb), *_ = await join(port, 1)  # then the reader
        clients = [(ra, wa), (rb, wb)]
        got: list[int] = []

        async def send() -> None:
            for i in range(lines):
                wa.write(b"%06d" % i + pad + b"\n")
                if i % 50 == 0:
                    await wa.drain()
            wa.write(b"end\n")
            await wa.drain()

        async def receive() -> None:
            while (piece := await rb.readline()) not in (b"", b"end\n"):
                got.append(int(piece[:6]))

        sender = None
        try:
            if problem := await sync([clients[1], clients[0]], b"ready\n"):
                return problem
            sender = asyncio.create_task(send())
            with contextlib.suppress(TimeoutError, ValueError):
                await asyncio.wait_for(receive(), 8.0)
            missing = sorted(set(range(lines)) - set(got))
            if missing and got and max(got) > missing[0]:
                return (
                    f"a client missed line #{missing[0]} of the {lines} another client sent, "
                    "though it got the lines after it: the broadcast skipped it once, as a "
                    "loop does when it removes an item (here, perhaps, the client that never "
                    "reads) from the list it is looping over; loop over a copy "
                    "(`for client in list(self.clients):`)."
                )
            return ""
        finally:
            if sender is not None:
                sender.cancel()
            stalled.close()
            await leave(clients)

    room(kata, scenario, "the chat server dropping a stalled client mid-broadcast")


DEPARTED = 20  # clients that come and go in test_clients_that_left_are_not_kept


def test_clients_that_left_are_not_kept(kata: kit.Kata) -> None:
    """20 clients come and go, 2 stay: the ChatServer holds no collection of 20 or more
    entries afterwards (a client that disconnects is forgotten, not only skipped)."""

    async def scenario(chat: object, port: int) -> str:
        stay = await join(port, 2)
        try:
            if problem := await sync(stay, b"ready\n"):
                return problem
            for _ in range(DEPARTED // 5):
                batch = await join(port, 5)
                if problem := await sync([*batch, stay[0]], b"hello\n"):
                    await leave(batch)
                    return problem
                await leave(batch)
            # Until the server has closed its side of every departed connection.
            await kit.until(lambda: len(streams.open_transports(port, peer=False)) <= 2, 3.0)()
            await asyncio.sleep(0.2)  # the handlers' `finally` blocks have run
            if problem := await sync(stay, b"still here\n"):
                return problem
            kept = {
                name: len(value)
                for name, value in kit.attributes(chat).items()
                if hasattr(value, "__len__")
                and hasattr(value, "__iter__")
                and not isinstance(value, str | bytes)
            }
            big = {name: n for name, n in kept.items() if n >= DEPARTED // 2}
            if big:
                name, n = next(iter(sorted(big.items())))
                return (
                    f"{DEPARTED} clients joined and left, 2 stayed connected, and then the "
                    f"ChatServer's `{name}` still held {n} entries: the clients that left are "
                    "still kept there. A client that "
                    "disconnects is forgotten: remove it from the room in the handler's "
                    "`finally`, whatever ends the handler."
                )
            return ""
        finally:
            await leave(stay)

    room(kata, scenario, "the chat server after 20 clients came and went")


STALLED_ROUNDS = (
    5  # stalled clients, one after the other, in test_a_stalled_client_holds_up_no_line
)
SLOW_LINE = 0.25  # real seconds: a relayed line takes about 0.02 s at most on loopback


def test_a_stalled_client_holds_up_no_line(kata: kit.Kata) -> None:
    """Five clients that never read join one after the other; while each one's replies pile
    up, a line from one client still reaches another at once (no drain() awaited for the
    stalled client in the broadcast, not even with a timeout)."""
    line = b"x" * 4095 + b"\n"

    async def scenario(chat: object, port: int) -> str:
        loop = asyncio.get_running_loop()
        clients = await join(port, 2)
        (_, wa), (rb, _) = clients
        socks: list[socket.socket] = []
        worst: list[float] = []
        try:
            if problem := await sync([clients[1], clients[0]], b"ready\n"):
                return problem
            for _ in range(STALLED_ROUNDS):
                stalled = socket.socket()
                socks.append(stalled)
                stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                stalled.setblocking(False)
                await loop.sock_connect(stalled, (streams.HOST, port))
                here = stalled.getsockname()
                await kit.until(lambda here=here: bool(server_side(port, here)), 3.0)()
                for transport in server_side(port, here):
                    with contextlib.suppress(OSError, AttributeError):
                        sock = transport.get_extra_info("socket")
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
                await asyncio.sleep(0.1)  # the server has added it to the room
                slowest = 0.0
                for _ in range(100):  # until its replies pile up (or it is dropped)
                    kept = server_side(port, here)
                    if not kept or max(t.get_write_buffer_size() for t in kept) > 96 * 1024:
                        break
                    start = loop.time()
                    wa.write(line)
                    got = await streams.read_line(rb, 3.0)
                    slowest = max(slowest, loop.time() - start)
                    if got != line:
                        return (
                            "while a client that never reads was connected, a 4 KiB line "
                            f"from one client reached another as {got!r:.40} within 3 s "
                            "(None: nothing): never wait for one client while broadcasting."
                        )
                worst.append(slowest)
            # The least of the rounds' worst delays: a hiccup of a loaded machine spoils a
            # round or two; a broadcast that waits for the stalled client is slow in each.
            typical = min(worst)
            if typical > SLOW_LINE:
                return (
                    f"{STALLED_ROUNDS} clients that never read joined one after the other; "
                    f"while each one's replies piled up, a line between two other clients "
                    f"took {typical:.2f} s or more to be relayed in each round (the least "
                    f"of the {STALLED_ROUNDS} worst delays; a few hundredths of a second is "
                    "usual): "
                    "the broadcast waited for the stalled client (awaiting its drain() does, "
                    "even with a timeout that then drops it). Never await one client while "
                    "broadcasting: write without waiting and drop a client whose buffer grows "
                    "too large, or give each client its own queue and writer task."
                )
            return ""
        finally:
            for sock in socks:
                sock.close()
            await leave(clients)

    room(kata, scenario, "the chat server with clients that never read")


# Checked last: earlier wrong answers fail the checks above first.
def test_a_client_a_little_behind_is_kept(kata: kit.Kata) -> None:
    """A client that reads, but half a second late, while 64 lines of 1 KiB arrive at once
    (its socket buffers made small, so some of them wait unsent in the server): it is not
    disconnected, and then gets every line."""
    lines = 64

    async def scenario(chat: object, port: int) -> str:
        clients = await join(port, 2)
        (_, wa), (rb, wb) = clients
        try:
            if problem := await sync([clients[1], clients[0]], b"ready\n"):
                return problem
            wb.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            for t in server_side(port, wb.get_extra_info("sockname")):
                t.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
            wa.write(b"".join(b"%04d" % i + b"y" * 1019 + b"\n" for i in range(lines)))
            await wa.drain()
            await asyncio.sleep(0.5)  # the reader is busy: the lines wait for it
            got = 0
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(5.0):
                    while got < lines and len(await rb.readline()) == 1024:
                        got += 1
            if got < lines and rb.at_eof():
                return (
                    f"a client that reads, only half a second late, was disconnected after "
                    f"{got} of {lines} lines of 1 KiB that another client sent at once (64 KiB "
                    "in all): drop only a client that falls far behind (unsent data over a "
                    "megabyte, say, or a full queue of some hundreds of lines), not one with "
                    "some data waiting for a moment (here 64 KiB at most ever waited for it)."
                )
            if got < lines:
                return (
                    f"a client that reads, only half a second late, got {got} of {lines} lines "
                    "of 1 KiB another client sent at once, within 5 s: relay every line to "
                    "every other client."
                )
            return ""
        finally:
            await leave(clients)

    room(kata, scenario, "the chat server with a client a little behind")
