"""Correct in another style: `async for line in reader` (a StreamReader yields lines), a
protocol-free handler written as a closure, cleanup in contextlib helpers."""

import asyncio
import contextlib


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    """Start a server that sends back every line uppercased; return it while it listens."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async for line in reader:  # each item is one line, newline included (or the last)
                writer.write(line.decode("utf-8").upper().encode("utf-8"))
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    server = await asyncio.start_server(handle, host=host, port=port)
    return server
