"""Correct in another style: send all lines, half-close, read everything until EOF, split."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send all lines, signal EOF, read until the server closes, split into lines."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for line in lines:
            writer.write(f"{line}\n".encode())
        writer.write_eof()  # no more requests: the server answers, then closes
        data = await reader.read()  # read() with no size reads until EOF
    finally:
        writer.close()
        await writer.wait_closed()
    # Split on "\n" only: str.splitlines() also splits on "\r" and other separators that
    # can be part of a reply.
    replies = data.decode().split("\n")[:-1]
    if len(replies) != len(lines):
        raise ConnectionError("the server closed the connection before answering every line")
    return replies
