"""Wrong: strips '\\r\\n' and adds '\\n': a line ending in a carriage return does not come back as it was sent."""

import asyncio

EXPECT = "eat spaces, tabs and a carriage return"


async def handle(reader, writer):
    try:
        while line := await reader.readline():
            text = line.decode().rstrip("\r\n")
            writer.write((text.upper() + "\n").encode())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
