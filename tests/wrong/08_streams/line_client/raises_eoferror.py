"""Wrong: when the server hangs up early it raises a plain EOFError, which is not a
ConnectionError (nor readuntil's IncompleteReadError): `except ConnectionError` misses it."""

import asyncio

EXPECT = "which is neither a ConnectionError nor"


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send each line to host:port, read one reply line per line; return the replies."""
    reader, writer = await asyncio.open_connection(host, port)
    replies: list[str] = []
    try:
        for line in lines:
            writer.write(line.encode() + b"\n")
            await writer.drain()
            reply = await reader.readline()
            if not reply:
                raise EOFError("the server closed the connection before replying")
            replies.append(reply.decode().removesuffix("\n"))
    finally:
        writer.close()
        await writer.wait_closed()
    return replies
