"""Wrong: always listens on port 0 (a port the OS picks), whatever port start() is given."""

import asyncio
import contextlib

EXPECT = "listen on the port you are given"


class ChatServer:
    def __init__(self):
        self.server = None
        self.clients = set()

    async def start(self, host, port):
        self.server = await asyncio.start_server(self.handle, host, 0)
        return self.server.sockets[0].getsockname()[1]

    async def handle(self, reader, writer):
        self.clients.add(writer)
        try:
            while line := await reader.readline():
                if not line.endswith(b"\n"):
                    break
                for other in list(self.clients):
                    if other is writer:
                        continue
                    if other.transport.get_write_buffer_size() > 1 << 20:
                        self.clients.discard(other)
                        other.transport.abort()
                    else:
                        other.write(line)
        except (ConnectionError, ValueError):
            pass
        finally:
            self.clients.discard(writer)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def stop(self):
        self.server.close()
        for client in list(self.clients):
            client.transport.abort()
        self.clients.clear()
        await self.server.wait_closed()
