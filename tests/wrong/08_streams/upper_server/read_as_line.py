"""Wrong: takes each read(100) as one line, so a line split across packets comes back in pieces."""

import asyncio

EXPECT = "whatever bytes have arrived"


async def handle(reader, writer):
    while data := await reader.read(100):
        line = data.decode(errors="replace").strip()
        writer.write((line.upper() + "\n").encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
