"""Wrong: at EOF ends the connection with writer.transport.abort() instead of close() +
wait_closed(): replies still waiting in the buffer are thrown away."""

import asyncio

EXPECT = "were thrown away: end the connection with writer.close()"


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            writer.write(line.decode().upper().encode())
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        # abort(): never hangs on a client that does not read, unlike wait_closed().
        writer.transport.abort()


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
