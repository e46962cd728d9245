"""Chat server: every line goes to everyone else, and no one can stall the room.

Write `class ChatServer` with two coroutine methods:

- `await start(host, port) -> int` starts listening (`asyncio.start_server`) and returns the
  port it listens on (with port 0 the OS picks one: `server.sockets[0].getsockname()[1]`);
- `await stop()` closes the listening socket (`server.close()`, then
  `await server.wait_closed()`) AND every client connection, and returns promptly.

Each line a client sends (read with `readline()`) goes, as it is, to every OTHER connected
client; the sender does not get its own line back. A client that disconnects is forgotten.
A last piece that ends without a newline (the client left right after it) is not a whole
line: do not relay it as it is, or it runs into the next line the others get; drop it, or
add the newline.

The hard part: a client that never reads. Its socket buffers fill up, and then
`await writer.drain()` for that client waits forever. If the broadcast awaits it, every
other client waits too. So never await one client's drain while broadcasting: write to each
client without waiting, and disconnect (`writer.transport.abort()`) a client whose unsent
data grows too large (`writer.transport.get_write_buffer_size()` over a megabyte, say); or
give each client its own bounded queue and writer task, and disconnect a client whose queue
is full. Drop only a client that falls far behind: one that keeps reading stays connected,
even while hundreds of lines arrive at once. A client may vanish at any time: treat
`ConnectionError` as a disconnect; when a client leaves, close your side of its connection
(`writer.close()`, then `await writer.wait_closed()`; or `writer.transport.abort()`).

    >>> chat = ChatServer(); port = await chat.start("127.0.0.1", 0)
    >>> # alice sends b"hi\\n": bob and carol each receive b"hi\\n", alice nothing
    >>> await chat.stop()

Key API: asyncio.start_server, StreamReader.readline, StreamWriter.write / close,
transport.get_write_buffer_size / abort, Server.close / wait_closed.

Grade it: nox -s grade -- chat_server
"""


class ChatServer:
    """A line-based chat room on TCP."""

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        raise NotImplementedError("start_server with a handler that broadcasts each line")

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        raise NotImplementedError("close the server and every client's writer")
