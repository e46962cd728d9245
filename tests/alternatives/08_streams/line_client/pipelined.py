"""Correct in another style: send every line first, then read the replies one by one."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send all lines at once, then read one reply line per line."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        # one write of everything (writelines() of nothing fails on Python 3.12.1)
        writer.write(b"".join(line.encode() + b"\n" for line in lines))
        await writer.drain()
        replies = [await reader.readline() for _ in lines]
        if not all(replies):  # b"": the server closed before answering every line
            raise ConnectionError("the server closed the connection before replying")
        return [reply.decode().rstrip("\n") for reply in replies]
    finally:
        writer.close()
        await writer.wait_closed()
