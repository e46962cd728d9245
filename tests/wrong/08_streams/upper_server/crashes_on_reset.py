"""Wrong: catches no ConnectionError: a client that resets its connection makes the handler
die with an unhandled ConnectionResetError."""

import asyncio

EXPECT = "catch ConnectionError in the handler"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while line := await reader.readline():
        writer.write(line.decode().upper().encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
