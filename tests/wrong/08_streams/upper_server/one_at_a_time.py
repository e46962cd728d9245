"""Wrong: a lock held for a whole connection serves one client at a time."""

import asyncio

EXPECT = "one client at a time"

_lock = None


async def handle(reader, writer):
    async with _lock:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host, port):
    global _lock
    _lock = asyncio.Lock()
    return await asyncio.start_server(handle, host, port)
