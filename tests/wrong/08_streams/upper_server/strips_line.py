"""Wrong: strips the line before upper-casing it, losing spaces and tabs."""

import asyncio

EXPECT = "strip() and rstrip() eat spaces"


async def handle(reader, writer):
    try:
        while line := await reader.readline():
            writer.write((line.decode().strip().upper() + "\n").encode())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
