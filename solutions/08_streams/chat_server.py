"""Chat server: every line goes to everyone else, and no one can stall the room (reference).

Drop only a client that falls far behind: one that keeps reading stays connected, even while
hundreds of lines arrive at once.
"""

import asyncio
import contextlib


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
                self._broadcast(line, sender=writer)
        except (ConnectionError, ValueError):  # vanished, or a line over the reader's limit
            pass
        finally:
            self._clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _broadcast(self, line: bytes, sender: asyncio.StreamWriter) -> None:
        """Queue ``line`` for every other client without waiting for any of them."""
        for client in list(self._clients):
            if client is sender:
                continue
            if client.transport.get_write_buffer_size() > self.MAX_BACKLOG:
                # It stopped reading: drop it rather than wait for it (or buffer forever).
                self._clients.discard(client)
                client.transport.abort()
                continue
            client.write(line)  # no drain(): awaiting one slow client would stall everyone

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
