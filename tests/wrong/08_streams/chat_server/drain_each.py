"""Wrong: awaits drain() for each client inside the broadcast: a client that never reads
stalls the sender's handler, and so everyone."""

import asyncio

EXPECT = "never reads"


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
            while line := await reader.readline():
                for other in list(self.clients):
                    if other is not writer:
                        other.write(line)
                        await other.drain()
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
