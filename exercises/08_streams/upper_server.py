"""Upper server: a TCP server that answers every line in capitals.

Write `start_upper_server(host, port)`. It starts a TCP server with `asyncio.start_server`
and returns the `asyncio.Server` once it is listening (do not call `serve_forever()`: the
caller decides how long the server lives). It listens on the `host` and `port` it is given.
For each client:

- read one line at a time (`await reader.readline()`) and send it back uppercased, newline
  included: `b"hello\\n"` comes back as `b"HELLO\\n"` (decode UTF-8, `str.upper()`, encode;
  spaces, tabs and blank lines come back as they are);
- after each write, `await writer.drain()`: a client that sends but never reads then holds
  your handler back, instead of making the server buffer replies without end;
- a last line that ends without a newline (the client closed its side right after it) is
  a line too: `readline()` returns it as it is; send it back uppercased, as it is;
- when `readline()` returns `b""` the client closed its side: close yours too,
  `writer.close()` then `await writer.wait_closed()`;
- a client may also vanish without closing (a reset): `readline()`, `drain()` and
  `wait_closed()` then raise `ConnectionError`; catch it and end that client's handler
  quietly (the other clients go on being served).

TCP is a stream of bytes, not of messages: one `read()` may return half a line, or three
lines. Only `readline()` (or `readuntil(b"\\n")`) gives you whole lines. Many clients are
served at once: `start_server` runs your handler in a new task for each connection.

    >>> server = await start_upper_server("127.0.0.1", 0)   # port 0: the OS picks one
    >>> port = server.sockets[0].getsockname()[1]
    >>> reader, writer = await asyncio.open_connection("127.0.0.1", port)
    >>> writer.write(b"hello\\n"); await reader.readline()
    b'HELLO\\n'

Key API: asyncio.start_server, StreamReader.readline, StreamWriter.write / drain / close /
wait_closed.

Grade it: nox -s grade -- upper_server
"""

import asyncio


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""
    raise NotImplementedError("start a server whose handler upper-cases each line it reads")
