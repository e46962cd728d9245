"""Wrong: asks each distinct line once and reuses its reply for a repeat."""

import asyncio

EXPECT = "sent the lines"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each distinct line once; a repeated line reuses the reply it got."""
    reader, writer = await asyncio.open_connection(host, port)
    answers: dict[str, str] = {}
    try:
        for line in lines:
            if line in answers:
                continue
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise ConnectionError("the server closed the connection before replying")
            answers[line] = reply.decode().removesuffix("\n")
    finally:
        writer.close()
        await writer.wait_closed()
    return [answers[line] for line in lines]
