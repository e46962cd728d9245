"""Wrong: listens on every interface (no host passed to start_server), not on the host given."""

import asyncio

EXPECT = "on the host you are given"


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
        # b"" means EOF: close our side too, and wait until the socket is really closed.
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""
    # start_server runs handle() in a new task per connection and returns once listening.
    return await asyncio.start_server(handle, port=port)
