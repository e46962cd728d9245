"""Wrong: the handler returns at EOF without closing the writer: the client never sees EOF."""

import asyncio

EXPECT = "never closed"


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.decode().upper().encode())
        await writer.drain()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
