"""Wrong: awaits drain() only after every 64th write ("fewer awaits"): a client that sends long
lines and never reads makes 64 of them pile up in the server's buffer, not one."""

import asyncio

EXPECT = "after EACH write, not every few lines"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serve one client: one reply line per request line, until the client closes its side."""
    try:
        # readline() waits for a whole line, however the bytes were split into packets.
        written = 0
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            written += 1
            if written % 64 == 0:
                await writer.drain()
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
    return await asyncio.start_server(handle, host, port)
