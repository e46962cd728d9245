"""Wrong: catches ConnectionError around the reading loop only: after a reset, wait_closed()
raises it again, unhandled."""

import asyncio

EXPECT = "catch ConnectionError in the handler"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()
        await writer.wait_closed()


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
