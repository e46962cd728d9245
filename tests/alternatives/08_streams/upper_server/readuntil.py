"""Correct in another style: readuntil() with IncompleteReadError marking the end (its
.partial is a last line without a newline)."""

import asyncio
import contextlib


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer whole lines until the client closes its side, then close."""
    try:
        while True:
            try:
                line = await reader.readuntil(b"\n")
            except asyncio.IncompleteReadError as end:
                line = end.partial  # a last line without a newline (b"" at a clean end)
                if not line:
                    break
            writer.write(line.decode().upper().encode())
            await writer.drain()
    except ConnectionError:
        pass  # the client vanished (a reset): this handler just ends
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""
    return await asyncio.start_server(handle, host, port)
