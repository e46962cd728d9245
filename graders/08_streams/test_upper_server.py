"""Grader for 08_streams/upper_server: a line server that answers in capitals, on loopback.

It checks, on the real clock with the grader's own clients on 127.0.0.1: replies to whole
lines even when a line arrives split across packets (a UTF-8 character split in two
included); spaces, tabs, blank lines and a "\r" kept; 50 clients served at once;
back-pressure from a client that does not read; the server closes a connection once the
client closed its side, and waits for it to be closed; nothing (task, transport) is left behind.

Docstring sentence -> the check that enforces it:
- returns the `asyncio.Server` once it is listening -> serve (every test),
  it listens on the `host` and `port` it is given -> serve (every test: on `host` only),
  test_listens_on_the_given_port (on the port it is given, when that is not 0)
- read one line at a time, send it back uppercased, newline included
  -> test_answers_each_line, test_lines_split_across_packets, test_text_is_kept_exactly
- await `drain()` after writing (a client that does not read holds the server back)
  -> test_a_client_that_does_not_read
- "a last line that ends without a newline ... is a line too: ... send it back uppercased"
  -> test_a_last_line_without_a_newline
- `readline()` returns b"": close yours too, `writer.close()` then `await writer.wait_closed()`
  -> test_closes_when_the_client_closes (EOF reaches the client, and the server's side of the
  connection is closed, not only half-closed with write_eof()), and serve() in every test (a
  server-side StreamWriter closed and never waited for fails)
- many clients are served at once -> test_fifty_clients_at_once
- a client may vanish (a reset): catch `ConnectionError`, still close the writer, and go on
  serving the others -> test_a_vanishing_client (no unhandled error; another client is
  answered afterwards), test_a_client_that_vanishes_after_closing_its_side (the error is then
  BrokenPipeError: ConnectionError, not only ConnectionResetError)
- (writer.writelines() counts as a write: the `writelines_pauses` fixture works around a
  CPython 3.12/3.13 transport that never pauses for drain() after it)
- after EACH write, `await writer.drain()` -> test_long_lines_are_drained_one_by_one (32 KiB
  lines from a client that does not read: under 512 KiB of replies waiting, not the
  megabytes that a few lines piled up between drains give)
- a client that sends but never reads holds back YOUR handler (that client's only), many
  clients served at once -> test_a_client_that_does_not_read_holds_only_itself (5 such
  clients: no lock or semaphore shared by all connections around drain())
- when `readline()` returns b"": `writer.close()` then `await writer.wait_closed()`
  -> test_every_reply_is_sent_before_closing (replies still buffered are sent, not dropped
  by transport.abort()); every check, through serve(): a close() not waited for fails,
  unless the connection was already lost (after a reset, "end that client's handler
  quietly": a close() then has nothing to wait for)
"""

import asyncio
import socket
import struct
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import kit
import pytest
from kit import streams

READ_IS_NOT_A_LINE = (
    "one read() returns whatever bytes have arrived (part of a line, or several lines), not "
    "a line: use `await reader.readline()` and upper-case the decoded text"
)
UNCLOSED = (
    "the server never closed a connection's writer: when readline() returns b'' the client "
    "is done; call writer.close() then `await writer.wait_closed()`"
)
HANG = (
    "start_upper_server must return the server once it listens (no serve_forever() inside), "
    "and the handler must answer each line as soon as it is complete."
)


NO_WAIT_CLOSED = (
    "the server called writer.close() on a connection but never `await writer.wait_closed()`: "
    "close() only starts closing; wait_closed() returns once the connection is really closed "
    "(and reports an error if closing failed). Await it after every close()."
)


@contextmanager
def closing_spy() -> Iterator[dict[str, list[Any]]]:
    """Record the StreamWriters that were close()d and those whose wait_closed() ran."""
    seen: dict[str, list[Any]] = {"closed": [], "waited": []}
    close, wait_closed = asyncio.StreamWriter.close, asyncio.StreamWriter.wait_closed

    def spy_close(self: asyncio.StreamWriter) -> None:
        # Python 3.13's StreamWriter.__del__ closes a writer nobody closed: not the server's.
        # A connection already lost (the client reset it) has nothing left to wait for: the
        # docstring asks for wait_closed() after a close at EOF, and lets a reset end quietly.
        lost = self.transport.is_closing()
        if sys._getframe(1).f_code.co_name != "__del__" and not lost:
            seen["closed"].append(self)
        close(self)

    async def spy_wait_closed(self: asyncio.StreamWriter) -> None:
        seen["waited"].append(self)
        await wait_closed(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(asyncio.StreamWriter, "close", spy_close)
        patch.setattr(asyncio.StreamWriter, "wait_closed", spy_wait_closed)
        yield seen


def serve(kata: kit.Kata, scenario: Callable[[int], Awaitable[str]], what: str) -> None:
    """Start the learner's server, run ``scenario(port)``, clean up; fail with its complaint.

    Also fails if a server-side StreamWriter was closed but its wait_closed() never ran.
    """
    start = kata.get("start_upper_server", "coroutine")
    spied: dict[str, list[Any]] = {"closed": [], "waited": []}

    async def main() -> str:
        try:
            server = await asyncio.wait_for(start(streams.HOST, 0), 3.0)
        except TimeoutError:
            return (
                "start_upper_server(host, port) did not return within 3 s: start the server "
                "with `await asyncio.start_server(...)` and return it (no serve_forever())."
            )
        if not isinstance(server, asyncio.Server):
            return (
                f"start_upper_server returned {server!r}; expected the asyncio.Server that "
                "`await asyncio.start_server(handler, host, port)` gives you."
            )
        port = streams.port_of(server)
        problem = ""
        try:
            where = [s.getsockname() for s in server.sockets]
            if any(name[0] != streams.HOST for name in where):
                listening = ", ".join(f"{name[0]} port {name[1]}" for name in where)
                return (
                    f"start_upper_server({streams.HOST!r}, 0) returned a server listening on "
                    f"{listening}: listen on the host you are given (pass it to "
                    "asyncio.start_server), and only there."
                )
            problem = await scenario(port)
        finally:
            await streams.settle()  # the handlers see the clients go and finish
            streams.abort_transports(port)  # a connection the server never closed: reported above
            await streams.shut_server(server)
            await streams.settle()
        if not problem:
            waited = {id(w) for w in spied["waited"]}
            ours = [w for w in spied["closed"] if _local_port(w) == port]
            if any(id(w) not in waited for w in ours):
                return NO_WAIT_CLOSED
        return problem

    with closing_spy() as seen:
        spied.update(seen)
        kit.judge(kata, main, what=what, hang_hint=HANG, unclosed=UNCLOSED)


def _local_port(writer: asyncio.StreamWriter) -> int | None:
    """The port of the writer's own end (the server's port for a server-side writer)."""
    try:
        return int(writer.get_extra_info("sockname")[1])
    except Exception:  # noqa: BLE001 - no socket info: not a connection of ours
        return None


async def exchange(port: int, pieces: list[bytes], replies: int) -> tuple[list[bytes], str]:
    """Send ``pieces`` with real pauses between them; read ``replies`` lines (or what came)."""
    reader, writer = await streams.connect(port)
    got: list[bytes] = []
    try:
        for piece in pieces:
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.1)  # the piece reaches the server before the next is sent
        while len(got) < replies:
            line = await streams.read_line(reader)
            if not line:
                return got, "no more lines came" if line is None else "the server closed early"
            got.append(line)
        return got, ""
    finally:
        await streams.close(writer)


@pytest.fixture(autouse=True)
def writelines_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """writer.writelines() is a write too: it pauses for drain() (a CPython 3.12/3.13 fix)."""
    streams.writelines_pauses(monkeypatch)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """start_upper_server is an async def."""
    kata.get("start_upper_server", "coroutine")


def test_answers_each_line(kata: kit.Kata) -> None:
    """Two lines sent at once come back as two uppercased lines."""

    async def scenario(port: int) -> str:
        got, why = await exchange(port, [b"hello world\nasyncio streams\n"], 2)
        want = [b"HELLO WORLD\n", b"ASYNCIO STREAMS\n"]
        if got != want:
            return (
                f"sent b'hello world\\nasyncio streams\\n' and got back {got!r}"
                f"{' (' + why + ')' if why else ''}; expected {want!r}: send back each line "
                "uppercased, with its newline."
            )
        return ""

    serve(kata, scenario, "the upper server")


def test_lines_split_across_packets(kata: kit.Kata) -> None:
    """A line sent in pieces, pausing between them, comes back whole, even split mid-character."""
    pieces = [b"hel", b"lo wo", b"rld\ngr\xc3", b"\xbc\xc3\x9fe\n"]  # "grüße" split inside ü
    want = [b"HELLO WORLD\n", "GRÜSSE\n".encode()]

    async def scenario(port: int) -> str:
        got, why = await exchange(port, pieces, 2)
        if got != want:
            return (
                f"sent 'hello world\\ngrüße\\n' in 4 packets ({pieces!r}) and got back {got!r}"
                f"{' (' + why + ')' if why else ''}; expected {want!r}: {READ_IS_NOT_A_LINE}."
            )
        return ""

    serve(kata, scenario, "the upper server")


def test_text_is_kept_exactly(kata: kit.Kata) -> None:
    """Spaces, tabs, a blank line, non-ASCII letters and a carriage return before the newline
    come back exactly, only uppercased."""
    sent = "  two  spaces\t \n\nstraße ☃ ok\ncr\r\n"
    want = [b"  TWO  SPACES\t \n", b"\n", "STRASSE ☃ OK\n".encode(), b"CR\r\n"]

    async def scenario(port: int) -> str:
        got, why = await exchange(port, [sent.encode()], 4)
        if got != want:
            return (
                f"sent {sent.encode()!r} and got back {got!r}"
                f"{' (' + why + ')' if why else ''}; expected {want!r}: upper-case the whole "
                "decoded line and send it back as it is (strip() and rstrip() eat spaces, tabs "
                "and a carriage return; a blank line b'\\n' is a line too, only b'' means the "
                "client closed)."
            )
        return ""

    serve(kata, scenario, "the upper server")


def test_a_client_that_does_not_read(kata: kit.Kata) -> None:
    """A client sends 16 MiB of lines and reads none: the server stops reading instead of
    keeping megabytes of replies in memory (it awaits drain() after each write)."""
    total, line = 16 << 20, b"x" * 1023 + b"\n"

    async def scenario(port: int) -> str:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # replies pile up at once
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, (streams.HOST, port))
        reader, writer = await asyncio.open_connection(sock=sock)
        sent = 0
        try:
            while sent < total:
                writer.write(line * 64)
                sent += len(line) * 64
                try:
                    await asyncio.wait_for(writer.drain(), 1.0)
                except TimeoutError:
                    break  # the server stopped reading: back-pressure works
            await asyncio.sleep(0.3)  # the server handles what it has read
            held = max(
                (t.get_write_buffer_size() for t in streams.open_transports(port, peer=False)),
                default=0,
            )
            # Part as a polite client does: read every reply, then close (no reset).
            rest = asyncio.create_task(streams.read_to_eof(reader, timeout=10.0))
            await asyncio.wait_for(writer.drain(), 10.0)
            writer.write_eof()
            await rest
        finally:
            await streams.close(writer)
        if held > 1 << 20:
            return (
                f"a client sent {sent >> 20} MiB of lines without reading any reply, and the "
                f"server kept {held / (1 << 20):.1f} MiB of replies waiting in memory: "
                "`await writer.drain()` after each write, so that a client that does not "
                "read makes the server wait (and stop reading) instead of buffering without "
                "end."
            )
        return ""

    serve(kata, scenario, "the upper server with a client that does not read")


def test_fifty_clients_at_once(kata: kit.Kata) -> None:
    """50 clients connected at the same time each get their answer."""
    n = 50

    async def scenario(port: int) -> str:
        clients = await asyncio.gather(*(streams.connect(port) for _ in range(n)))
        try:
            for i, (_, writer) in enumerate(clients):
                writer.write(f"client {i}\n".encode())
            replies = await asyncio.gather(*(streams.read_line(r) for r, _ in clients))
            right = sum(r == f"CLIENT {i}\n".encode() for i, r in enumerate(replies))
            if right < n:
                return (
                    f"with {n} clients connected at once, {right} got their answer within 3 s; "
                    f"expected all {n}: the server must not serve one client at a time (a lock "
                    "or a blocking call held across a whole connection?). start_server already "
                    "runs each connection's handler in its own task."
                )
            return ""
        finally:
            await asyncio.gather(*(streams.close(w) for _, w in clients))

    serve(kata, scenario, "the upper server with 50 clients")


def test_closes_when_the_client_closes(kata: kit.Kata) -> None:
    """After the client sends EOF, the server answers and then closes the connection."""

    async def scenario(port: int) -> str:
        reader, writer = await streams.connect(port)
        try:
            writer.write(b"bye\n")
            writer.write_eof()  # the client closes its sending side
            data, eof = await streams.read_to_eof(reader, timeout=2.0)
        finally:
            await streams.close(writer)
        if data != b"BYE\n":
            return (
                f"sent b'bye\\n' then closed the sending side, and got back {data!r}; "
                "expected b'BYE\\n': answer each line before looking for the end."
            )
        if not eof:
            return (
                "after the client sent b'bye\\n' and closed its side, the server answered but "
                "never closed the connection (no EOF within 2 s): the server never closed the "
                "writer. When readline() returns b'', call writer.close() then "
                "`await writer.wait_closed()`."
            )
        await kit.until(lambda: not streams.open_transports(port, peer=False), timeout=2.0)()
        if streams.open_transports(port, peer=False):
            return (
                "after the client sent b'bye\\n' and closed its side, the server sent its end "
                "of the stream (EOF) but its side of the connection was still open 2 s later: "
                "write_eof() only ends the sending half, the socket stays open. When "
                "readline() returns b'', call writer.close() then `await writer.wait_closed()`."
            )
        return ""

    serve(kata, scenario, "the upper server")


# Checked last: earlier wrong answers fail the checks above first.


def test_a_last_line_without_a_newline(kata: kit.Kata) -> None:
    """The client sends b"one\\nlast" and closes its side: b"ONE\\nLAST" comes back."""

    async def scenario(port: int) -> str:
        reader, writer = await streams.connect(port)
        try:
            writer.write(b"one\nlast")
            writer.write_eof()
            data, _ = await streams.read_to_eof(reader, timeout=2.0)
        finally:
            await streams.close(writer)
        if data == b"ONE\n":
            return (
                "sent b'one\\nlast' then closed the sending side, and only b'ONE\\n' came "
                "back: the last line, which has no newline, was dropped. readline() returns "
                "it as it is (b'last'); answer it too (with readuntil, it is the "
                "IncompleteReadError's .partial)."
            )
        if data != b"ONE\nLAST":
            return (
                f"sent b'one\\nlast' then closed the sending side, and got back {data!r}; "
                "expected b'ONE\\nLAST': a last line without a newline comes back uppercased "
                "as it is."
            )
        return ""

    serve(kata, scenario, "the upper server, with a last line without a newline")


def test_listens_on_the_given_port(kata: kit.Kata) -> None:
    """start_upper_server(host, port) with a port other than 0 listens on that port."""
    start = kata.get("start_upper_server", "coroutine")
    wanted = streams.free_port()

    async def main() -> str:
        try:
            server = await asyncio.wait_for(start(streams.HOST, wanted), 3.0)
        except TimeoutError:
            return "start_upper_server(host, port) did not return within 3 s."
        try:
            port = streams.port_of(server)
            if port != wanted:
                return (
                    f"start_upper_server(host, {wanted}) returned a server listening on port "
                    f"{port}: listen on the port you are given (only port 0 lets the OS pick "
                    "one); pass it to asyncio.start_server."
                )
            return ""
        finally:
            await streams.shut_server(server)
            await streams.settle()

    kit.judge(kata, main, what=f"the upper server on port {wanted}", hang_hint=HANG)


def test_a_vanishing_client(kata: kit.Kata) -> None:
    """A client that sent lines without reading resets its connection: the server treats that
    as the client leaving (no unhandled error) and goes on serving another client."""

    async def scenario(port: int) -> str:
        loop = asyncio.get_running_loop()
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # replies pile up at once
        sock.setblocking(False)
        try:
            await loop.sock_connect(sock, (streams.HOST, port))
            await loop.sock_sendall(sock, (b"y" * 1023 + b"\n") * 2000)
            await asyncio.sleep(0.2)  # the server is answering (and waiting on drain())
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        finally:
            sock.close()  # with SO_LINGER 0: a reset, as from a crashed client
        await asyncio.sleep(0.2)
        got, why = await exchange(port, [b"still there?\n"], 1)
        if got != [b"STILL THERE?\n"]:
            return (
                f"after a client reset its connection, another client sent b'still there?\n' "
                f"and got back {got!r}{' (' + why + ')' if why else ''}; expected "
                "[b'STILL THERE?\n']: a client that vanishes ends its own handler only."
            )
        return ""

    serve(kata, scenario, "the upper server with a client that vanished")


STALLED = (
    5  # clients that send without reading, in test_a_client_that_does_not_read_holds_only_itself
)
LINE = b"y" * 1023 + b"\n"


def _small_window_socket() -> socket.socket:
    """A non-blocking client socket with a tiny receive buffer: replies pile up at once."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    return sock


def _reset(sock: socket.socket) -> None:
    """Close ``sock`` with a reset (SO_LINGER 0), as a crashed client does."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


def _server_pending(port: int) -> int:
    """Bytes of replies waiting in the server-side transports' write buffers."""
    return sum(t.get_write_buffer_size() for t in streams.open_transports(port, peer=False))


def _server_tcp_states(port: int) -> list[int | None]:
    """The TCP state (Linux TCP_INFO, 8 for CLOSE_WAIT) of each server-side socket."""
    states: list[int | None] = []
    for transport in streams.open_transports(port, peer=False):
        try:
            sock = transport.get_extra_info("socket")
            states.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0])
        except (AttributeError, OSError):
            states.append(None)
    return states


def _not_reading(port: int, client: object) -> bool:
    """True once the server has paused reading the connection from ``client`` (its handler
    is not reading: the StreamReader's buffer is full)."""
    return any(
        not t.is_reading()
        for t in streams.open_transports(port, peer=False)
        if t.get_extra_info("peername") == client
    )


CLOSE_WAIT = 8  # the server has received the client's FIN (Linux's TCP state number)


def test_a_client_that_does_not_read_holds_only_itself(kata: kit.Kata) -> None:
    """Five clients send lines and never read: a sixth client is still answered at once."""

    async def scenario(port: int) -> str:
        loop = asyncio.get_running_loop()
        socks: list[socket.socket] = []

        async def stall() -> None:
            sock = _small_window_socket()
            socks.append(sock)
            await loop.sock_connect(sock, (streams.HOST, port))
            here = sock.getsockname()
            for _ in range(256):  # up to 16 MiB, until the server stops reading
                try:
                    await asyncio.wait_for(loop.sock_sendall(sock, LINE * 64), 0.5)
                except TimeoutError:
                    # A send that waits may only be a busy machine: stop once the server has
                    # stopped reading this connection (its handler is held up) while replies
                    # wait in a server-side buffer (a handler is in drain() for good). A
                    # handler only behind on a busy machine pauses reading too, and when
                    # every client stopped then, the replies all fit in the sockets' buffers,
                    # no drain() ever waited, and a server-wide lock passed (3.13, loaded).
                    if _not_reading(port, here) and _server_pending(port):
                        return

        try:
            await asyncio.gather(*(stall() for _ in range(STALLED)))
            got, why = await exchange(port, [b"hi\n"], 1)
        finally:
            for sock in socks:
                _reset(sock)
        if got != [b"HI\n"]:
            return (
                f"while {STALLED} clients sent lines without reading their replies (each "
                f"handler waiting in drain()), another client sent b'hi\\n' and got back "
                f"{got!r}{' (' + why + ')' if why else ''}; expected [b'HI\\n']: a client that "
                "does not read may hold back only its own handler. Did every connection share "
                "one lock or semaphore around write() and drain()? Keep nothing shared across "
                "connections while waiting in drain()."
            )
        return ""

    serve(kata, scenario, f"the upper server with {STALLED} clients that do not read")


def test_a_client_that_vanishes_after_closing_its_side(kata: kit.Kata) -> None:
    """A client sends lines, closes its sending side, then resets without reading the
    replies: the server's next send fails with BrokenPipeError (a ConnectionError), which
    ends that handler quietly."""

    async def scenario(port: int) -> str:
        loop = asyncio.get_running_loop()
        sock = _small_window_socket()
        try:
            await loop.sock_connect(sock, (streams.HOST, port))
            for _ in range(256):  # until replies wait in the server's buffer
                try:
                    await asyncio.wait_for(loop.sock_sendall(sock, LINE * 32), 0.5)
                except TimeoutError:
                    break
                await asyncio.sleep(0.01)
                if _server_pending(port):
                    break
            sock.shutdown(socket.SHUT_WR)
            # Until the server has taken the client's FIN: a reset then makes its next send
            # fail with EPIPE (BrokenPipeError), not ECONNRESET.
            await kit.until(lambda: CLOSE_WAIT in _server_tcp_states(port), 2.0)()
        finally:
            _reset(sock)
        await asyncio.sleep(0.3)
        got, why = await exchange(port, [b"still there?\n"], 1)
        if got != [b"STILL THERE?\n"]:
            return (
                f"after a client closed its side and then vanished, another client sent "
                f"b'still there?\\n' and got back {got!r}{' (' + why + ')' if why else ''}; "
                "expected [b'STILL THERE?\\n']: a client that vanishes ends its own handler "
                "only."
            )
        return ""

    serve(kata, scenario, "the upper server with a client that closed its side and vanished")


def test_every_reply_is_sent_before_closing(kata: kit.Kata) -> None:
    """A client sends lines and closes its side before reading: when the server closes the
    connection, every reply still waiting in its buffer is sent first."""

    async def scenario(port: int) -> str:
        loop = asyncio.get_running_loop()
        sock = _small_window_socket()
        await loop.sock_connect(sock, (streams.HOST, port))
        reader, writer = await asyncio.open_connection(sock=sock)
        sent = 0
        try:
            for _ in range(256):  # until replies wait in the server's buffer
                writer.write(LINE * 32)
                sent += len(LINE) * 32
                try:
                    await asyncio.wait_for(writer.drain(), 0.5)
                except TimeoutError:
                    break
                await asyncio.sleep(0.01)
                if _server_pending(port):
                    break
            pending = _server_pending(port)
            writer.write_eof()
            # Until the server has read to the end and closed (or dropped) the connection.
            await kit.until(
                lambda: all(t.is_closing() for t in streams.open_transports(port, peer=False)),
                2.0,
            )()
            data, _ = await streams.read_to_eof(reader, timeout=10.0)
        finally:
            await streams.close(writer)
        if pending and len(data) < sent:
            return (
                f"a client sent {sent} bytes of lines, closed its sending side, then read: it "
                f"got back {len(data)} bytes, not {sent}. Replies still waiting in the "
                "server's buffer when readline() returned b'' were thrown away: end the "
                "connection with writer.close() then `await writer.wait_closed()`, which sends "
                "them first; transport.abort() drops them."
            )
        return ""

    serve(kata, scenario, "the upper server with a client that reads after closing its side")


LONG_LINE = b"z" * (32 * 1024 - 1) + b"\n"  # well under readline()'s 64 KiB limit
HELD_LONG = 512 * 1024  # a drain() after each write holds about 64 KiB and one line


def test_long_lines_are_drained_one_by_one(kata: kit.Kata) -> None:
    """A client sends 16 MiB of 32 KiB lines and reads none: the server keeps under 512 KiB
    of replies waiting (a drain() after each write: about 64 KiB and one line)."""
    total = 16 << 20

    async def scenario(port: int) -> str:
        sock = _small_window_socket()
        await asyncio.get_running_loop().sock_connect(sock, (streams.HOST, port))
        reader, writer = await asyncio.open_connection(sock=sock)
        here = sock.getsockname()
        sent = 0
        try:
            while sent < total:
                writer.write(LONG_LINE * 8)
                sent += len(LONG_LINE) * 8
                try:
                    await asyncio.wait_for(writer.drain(), 1.0)
                except TimeoutError:
                    if _not_reading(port, here):
                        break  # the server stopped reading: back-pressure works
            await asyncio.sleep(0.3)  # the server handles what it has read
            held = _server_pending(port)
            rest = asyncio.create_task(streams.read_to_eof(reader, timeout=10.0))
            await asyncio.wait_for(writer.drain(), 10.0)
            writer.write_eof()
            await rest
        finally:
            await streams.close(writer)
        if held > HELD_LONG:
            return (
                f"a client sent {sent >> 20} MiB of 32 KiB lines without reading any reply, and "
                f"the server kept {held / (1 << 20):.1f} MiB of replies waiting: more than a "
                "drain() after each write lets pile up (about 64 KiB and one line). "
                "`await writer.drain()` after EACH write, not every few lines."
            )
        return ""

    serve(kata, scenario, "the upper server with a client that sends long lines and does not read")
