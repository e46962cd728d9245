"""Wrong: a line without a newline is taken as the end and dropped, though it is the client's
last line."""

import asyncio

EXPECT = "the last line, which has no newline, was dropped"

async def handle(reader, writer):
    while line := await reader.readline():
        if not line.endswith(b"\n"):
            break
        writer.write(line.decode().upper().encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()
async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
