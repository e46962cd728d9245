"""Wrong: readuntil(b"\n") with IncompleteReadError taken as the end: a last line without a
newline (the error's .partial) is dropped."""

import asyncio

EXPECT = "the last line, which has no newline, was dropped"

async def handle(reader, writer):
    try:
        while True:
            try:
                line = await reader.readuntil(b"\n")
            except asyncio.IncompleteReadError:
                break
            writer.write(line.decode().upper().encode())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()
async def start_upper_server(host, port):
    return await asyncio.start_server(handle, host, port)
