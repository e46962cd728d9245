"""Wrong: takes a blank line for the end of the conversation."""

import asyncio

EXPECT = "only b'' means the client closed"


async def handle(reader, writer):
    try:
        while (line := await reader.readline()).strip():
            writer.write(line.decode().upper().encode())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
