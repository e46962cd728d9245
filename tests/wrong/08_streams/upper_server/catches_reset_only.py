"""Wrong: catches only ConnectionResetError, not ConnectionError: a client that vanishes with
a broken pipe (or an aborted connection) ends the handler with an unhandled error."""

import asyncio

EXPECT = "BrokenPipeError: [Errno 32] Broken pipe). A client may vanish at any time"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()
    except ConnectionResetError:
        pass
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionResetError:
            pass


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
