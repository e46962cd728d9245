"""Wrong: writes each reply without drain(): a client that does not read fills the memory."""

import asyncio

EXPECT = "`await writer.drain()` after each write"


async def handle(reader, writer):
    try:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
    finally:
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
