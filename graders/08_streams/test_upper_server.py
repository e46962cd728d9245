"""Grader for 08_streams/upper_server: a line server that answers in capitals, on loopback.

It checks, on the real clock with the grader's own clients on 127.0.0.1: replies to whole
lines even when a line arrives split across packets (a UTF-8 character split in two
included); 50 clients served at once; the server closes a connection once the client closed
its side; nothing (task, transport) is left behind.
"""

import asyncio
from collections.abc import Awaitable, Callable

import kit
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


def serve(kata: kit.Kata, scenario: Callable[[int], Awaitable[str]], what: str) -> None:
    """Start the learner's server, run ``scenario(port)``, clean up; fail with its complaint."""
    start = kata.get("start_upper_server", "coroutine")

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
        try:
            return await scenario(port)
        finally:
            await streams.settle()  # the handlers see the clients go and finish
            streams.abort_transports(port)  # a connection the server never closed: reported above
            await streams.shut_server(server)
            await streams.settle()

    kit.judge(kata, main, what=what, hang_hint=HANG, unclosed=UNCLOSED)


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
        return ""

    serve(kata, scenario, "the upper server")
