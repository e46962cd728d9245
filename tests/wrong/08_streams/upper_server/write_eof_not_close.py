"""Wrong: answers EOF with writer.write_eof() instead of writer.close(): the client gets its EOF, but the server's socket is never closed."""

import asyncio

EXPECT = "call writer.close() then `await writer.wait_closed()`"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serve one client: one reply line per request line, until the client closes its side."""
    try:
        # readline() waits for a whole line, however the bytes were split into packets.
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()  # respect back-pressure from a slow reader
    except ConnectionError:
        pass  # the client vanished: nothing left to answer
    finally:
        # b"" means EOF: end our side of the stream too.
        try:
            writer.write_eof()
        except ConnectionError:
            pass


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""
    # start_server runs handle() in a new task per connection and returns once listening.
    return await asyncio.start_server(handle, host, port)
