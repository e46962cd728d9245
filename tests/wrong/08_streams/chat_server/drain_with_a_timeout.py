"""Wrong: the broadcast writes to everyone, then awaits every other client's drain() with a
0.5 s timeout and drops a client that does not drain in time: each stalled client holds the
sender's lines up for half a second before it is dropped."""

import asyncio
import contextlib

EXPECT = "the broadcast waited for the stalled client"


class ChatServer:
    """A line-based chat room on TCP."""

    # Bytes a client may have waiting unsent before we give up on it: a client that does not
    # read must cost memory up to this bound, never the other clients' time.
    MAX_BACKLOG = 1 << 20

    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.StreamWriter] = set()

    async def start(self, host: str, port: int) -> int:
        """Start listening on host:port; return the port actually bound."""
        self._server = await asyncio.start_server(self._handle, host, port)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve one client: broadcast each of its lines until it leaves."""
        self._clients.add(writer)
        try:
            while line := await reader.readline():
                if not line.endswith(b"\n"):
                    break  # a last piece without a newline: not a whole line, not relayed
                await self._broadcast(line, sender=writer)
        except (ConnectionError, ValueError):  # vanished, or a line over the reader's limit
            pass
        finally:
            self._clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _broadcast(self, line: bytes, sender: asyncio.StreamWriter) -> None:
        """Write ``line`` to every other client; drop those that cannot take it in 0.5 s."""
        others = [c for c in self._clients if c is not sender]
        for client in others:
            client.write(line)

        async def drain(client: asyncio.StreamWriter) -> None:
            try:
                await asyncio.wait_for(client.drain(), 0.5)
            except (TimeoutError, ConnectionError):
                self._clients.discard(client)
                client.transport.abort()

        await asyncio.gather(*(drain(c) for c in others))

    async def stop(self) -> None:
        """Close the listening socket and every client connection."""
        if self._server is None:
            return
        self._server.close()
        for client in list(self._clients):
            # abort(), not close(): close() would wait to flush data to a client that may
            # never read it. Each handler then sees EOF and finishes.
            client.transport.abort()
        self._clients.clear()
        await self._server.wait_closed()
