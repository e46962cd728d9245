"""Wrong: readline() then splitlines()[0]: a carriage return that ends a reply is dropped."""

import asyncio

EXPECT = "or splitlines() drop them"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    try:
        for line in lines:
            writer.write(f"{line}\n".encode())
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("the server hung up")
            replies.append((reply.decode().splitlines() or [""])[0])
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
