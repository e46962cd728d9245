"""Correct in another style: writelines() of one reply, drain() after each, functools.partial."""

import asyncio
import contextlib
import functools


async def _serve(encoding, reader, writer):
    with contextlib.suppress(ConnectionError):
        while line := await reader.readline():
            writer.writelines([line.decode(encoding).upper().encode(encoding)])
            await writer.drain()
    writer.close()
    with contextlib.suppress(ConnectionError):
        await writer.wait_closed()


async def start_upper_server(host, port):
    return await asyncio.start_server(functools.partial(_serve, "utf-8"), host, port)
