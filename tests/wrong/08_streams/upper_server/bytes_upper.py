"""Wrong: upper-cases raw read() chunks as bytes: only ASCII changes, and lines are never seen."""

import asyncio

EXPECT = "whatever bytes have arrived"


async def handle(reader, writer):
    while data := await reader.read(100):
        writer.write(data.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
