"""Correct in another style: stop() cancels every connection's handler task and awaits them.

Each handler closes its own connection in `finally`, so cancelling it closes the client too.
(On Python 3.11 and early 3.12, asyncio's start_server logs each cancelled handler as an
"Unhandled exception in client_connected_cb": that is asyncio's noise, not a mistake.)
"""

import asyncio
import contextlib


class ChatServer:
    """A line-based chat room on TCP."""

    MAX_BACKLOG = 1 << 20

    def __init__(self) -> None:
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.handlers: set[asyncio.Task[None]] = set()

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self.server = await asyncio.start_server(self.handle, host, port)
        return self.server.sockets[0].getsockname()[1]

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Broadcast each line of this client to the others, until it leaves or is cancelled."""
        task = asyncio.current_task()
        assert task is not None
        self.handlers.add(task)
        self.writers.add(writer)
        try:
            async for line in reader:
                if not line.endswith(b"\n"):
                    break  # a last piece without a newline is not a whole line
                for other in list(self.writers):
                    if other is writer:
                        continue
                    if other.transport.get_write_buffer_size() > self.MAX_BACKLOG:
                        self.writers.discard(other)
                        other.transport.abort()
                    else:
                        other.write(line)
        except (ConnectionError, ValueError):
            pass
        finally:
            self.writers.discard(writer)
            self.handlers.discard(task)
            writer.transport.abort()

    async def stop(self) -> None:
        """Close the listening socket, cancel every handler and wait until they are done."""
        assert self.server is not None
        self.server.close()
        handlers = list(self.handlers)
        for task in handlers:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*handlers, return_exceptions=True)
        await self.server.wait_closed()
