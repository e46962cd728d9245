"""Correct in another style: send every line first, then read the replies one by one."""

import asyncio


async def request_lines(host: str, port: int, lines: list[str]) -> list[str]:
    """Send all lines at once, then read one reply line per line."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        # one write of everything (writelines() of nothing fails on Python 3.12.1)
        writer.write(b"".join(line.encode() + b"\n" for line in lines))
        await writer.drain()
        return [(await reader.readline()).decode().rstrip("\n") for _ in lines]
    finally:
        writer.close()
        await writer.wait_closed()
