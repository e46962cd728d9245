"""Wrong: one lock shared by every connection is held around write() + drain() "so replies do
not interleave": a client that sends but never reads holds the lock in drain(), and every
other client waits for it."""

import asyncio

EXPECT = "may hold back only its own handler. Did every connection share"

_send_lock = asyncio.Lock()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            async with _send_lock:
                writer.write(line.decode().upper().encode())
                await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass


async def start_upper_server(host: str, port: int) -> asyncio.Server:
    return await asyncio.start_server(handle, host, port)
