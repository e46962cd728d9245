"""Wrong: gives each client a queue of ONE line and disconnects the client when it is full:
a burst of lines drops a client that reads all the time, not only one that never reads."""

import asyncio
import contextlib

EXPECT = "disconnected a client that reads all the time"


class ChatServer:
    """A line-based chat room on TCP."""

    def __init__(self) -> None:
        self.server: asyncio.Server | None = None
        self.queues: dict[asyncio.StreamWriter, asyncio.Queue[bytes]] = {}

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self.server = await asyncio.start_server(self.handle, host, port)
        return self.server.sockets[0].getsockname()[1]

    async def pump(self, writer: asyncio.StreamWriter, queue: asyncio.Queue[bytes]) -> None:
        """Write this client's queued lines; only this task ever waits for this client."""
        while True:
            writer.write(await queue.get())
            await writer.drain()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Broadcast each line of this client to the others' queues."""
        queue: asyncio.Queue[bytes] = asyncio.Queue(maxsize=1)
        self.queues[writer] = queue
        pump = asyncio.create_task(self.pump(writer, queue))
        try:
            while line := await reader.readline():
                if not line.endswith(b"\n"):
                    line += b"\n"  # its last piece, completed: it must not run into the next
                for other, other_queue in list(self.queues.items()):
                    if other is writer:
                        continue
                    try:
                        other_queue.put_nowait(line)
                    except asyncio.QueueFull:  # fell behind: disconnect it
                        self.queues.pop(other, None)
                        other.transport.abort()
        except (ConnectionError, ValueError):
            pass
        finally:
            self.queues.pop(writer, None)
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError, ConnectionError):
                await pump
            writer.transport.abort()

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        assert self.server is not None
        self.server.close()
        for writer in list(self.queues):
            writer.transport.abort()
        self.queues.clear()
        await self.server.wait_closed()
