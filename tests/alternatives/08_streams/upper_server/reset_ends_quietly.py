"""Upper server whose handler, after a reset, only closes the writer: the connection is
already gone, so there is nothing to wait for (the docstring asks for wait_closed() at EOF)."""

import asyncio


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()
    except ConnectionError:
        writer.close()  # the client vanished: its connection is lost already
        return
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionError:
        pass


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
