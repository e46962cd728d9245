"""Wrong: write() without drain() to the others, but never drops a client that does not read:
the room never stalls, yet such a client costs memory without bound.
"""

import asyncio

EXPECT = "disconnect a client whose unsent data grows too large"


class ChatServer:
    """A line-based chat room on TCP."""

    def __init__(self) -> None:
        self.server: asyncio.Server | None = None
        self.writers: list[asyncio.StreamWriter] = []

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self.server = await asyncio.start_server(self.handle, host, port)
        return self.server.sockets[0].getsockname()[1]

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Broadcast each line of this client to the others."""
        self.writers.append(writer)
        try:
            async for line in reader:  # a StreamReader iterates over lines
                for other in self.writers:
                    if other is not writer and not other.is_closing():
                        other.write(line)
        except ConnectionError:
            pass
        finally:
            self.writers.remove(writer)
            writer.transport.abort()

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        assert self.server is not None
        self.server.close()
        for writer in self.writers:
            writer.transport.abort()
        await self.server.wait_closed()
