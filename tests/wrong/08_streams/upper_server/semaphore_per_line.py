"""Wrong: a server-wide asyncio.Semaphore(4) is held while answering each line (write +
drain): four clients that do not read hold every slot, and no other client is answered."""

import asyncio

EXPECT = "may hold back only its own handler. Did every connection share"

_busy = asyncio.Semaphore(4)


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while line := await reader.readline():
            async with _busy:  # at most 4 replies in flight, to bound memory
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
