"""Wrong: decodes each read() piece on its own: a character split between two pieces breaks."""

import asyncio

EXPECT = "not each piece on its own"


async def request_lines(host, port, lines):
    reader, writer = await asyncio.open_connection(host, port)
    replies = []
    buffer = ""
    try:
        for line in lines:
            writer.write((line + "\n").encode())
            await writer.drain()
            while "\n" not in buffer:
                piece = await reader.read(1024)
                if not piece:
                    raise ConnectionError("closed")
                buffer += piece.decode()
            reply, buffer = buffer.split("\n", 1)
            replies.append(reply)
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
