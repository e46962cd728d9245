"""Wrong: cuts each reply with `[:-1]`: a last reply sent without a newline loses a character."""

import asyncio

EXPECT = "the last reply lost its last character"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("the server closed the connection before replying")
            replies.append(reply.decode()[:-1])
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
