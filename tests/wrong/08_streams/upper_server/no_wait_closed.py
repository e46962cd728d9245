"""Wrong: closes the writer at EOF but never awaits wait_closed()."""

import asyncio

EXPECT = "never `await writer.wait_closed()`"


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.decode().upper().encode())
        await writer.drain()
    writer.close()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
