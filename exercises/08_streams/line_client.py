"""Line client: ask a line server several questions over one connection.

Write `request_lines(host, port, lines)`. It opens ONE connection with
`asyncio.open_connection(host, port)`, and for each string in `lines` sends it followed by a
newline and reads the server's one-line reply. It returns the replies, in order, as strings
without their trailing newline (nothing else stripped; text is UTF-8 both ways). Before
returning it closes the connection completely:
`writer.close()` only *starts* closing, `await writer.wait_closed()` waits until it is done.
If the server closes the connection before it has answered every line, raise
`ConnectionError` (or let `readuntil()`'s `IncompleteReadError` out): the `b""` that
readline() then returns is not a reply. Close your side in that case too.

TCP delivers a stream of bytes, not messages: a reply may arrive in several pieces, or two
replies in one. `await reader.read(n)` returns whatever has arrived so far; only
`await reader.readline()` returns exactly one whole line.

    >>> await request_lines("127.0.0.1", port, ["hello", "bye"])   # an echo-ish server
    ['you said: hello', 'you said: bye']

Key API: asyncio.open_connection, StreamWriter.write / drain / close / wait_closed,
StreamReader.readline.

Grade it: nox -s grade -- line_client
"""


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each line to host:port, read one reply line per line; return the replies."""
    raise NotImplementedError("connect, send each line, readline() each reply, close and wait")
