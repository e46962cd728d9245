"""Wrong: relays whatever read() returns, so pieces of different clients' lines interleave."""

import asyncio

EXPECT = "relay whole lines only"


class ChatServer:
    def __init__(self):
        self.clients = set()
        self.server = None

    async def start(self, host, port):
        self.server = await asyncio.start_server(self.handle, host, port)
        return self.server.sockets[0].getsockname()[1]

    async def handle(self, reader, writer):
        self.clients.add(writer)
        try:
            while data := await reader.read(4096):
                for other in list(self.clients):
                    if other is writer:
                        continue
                    if other.transport.get_write_buffer_size() > 1 << 20:
                        other.transport.abort()
                        self.clients.discard(other)
                    else:
                        other.write(data)
        except ConnectionError:
            pass
        finally:
            self.clients.discard(writer)
            writer.transport.abort()

    async def stop(self):
        self.server.close()
        for w in list(self.clients):
            w.transport.abort()
        await self.server.wait_closed()
