"""Wrong: the broadcast discards a stalled client from the set it is looping over: RuntimeError (Set changed size during iteration) kills the sender's handler."""

import asyncio
import contextlib

EXPECT = "Set changed size during iteration"


LIMIT = 1 << 20


class ChatServer:
    def __init__(self):
        self._server = None
        self._clients = set()

    async def start(self, host, port):
        self._server = await asyncio.start_server(self._handle, host, port)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader, writer):
        self._clients.add(writer)
        try:
            while line := await reader.readline():
                for client in self._clients:
                    if client is writer:
                        continue
                    if client.transport.get_write_buffer_size() > LIMIT:
                        self._clients.discard(client)  # too slow: drop it
                        client.transport.abort()
                        continue
                    client.write(line)
        except ConnectionError:
            pass
        finally:
            self._clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def stop(self):
        self._server.close()
        for client in list(self._clients):
            client.transport.abort()
        self._clients.clear()
        await self._server.wait_closed()
