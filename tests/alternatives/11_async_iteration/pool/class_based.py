"""Correct in another style: a plain function returning an object with __aenter__/__aexit__."""


class _Pool:
    def __init__(self, n, make, close):
        self.n, self.make, self.close = n, make, close
        self.resources = []

    async def __aenter__(self):
        try:
            for _ in range(self.n):
                self.resources.append(await self.make())
        except BaseException:
            await self._close_all()
            raise
        return self.resources

    async def __aexit__(self, exc_type, exc, tb):
        await self._close_all()
        return False  # never swallow the block's exception

    async def _close_all(self):
        while self.resources:
            await self.close(self.resources.pop())


def pool(n, make, close):
    return _Pool(n, make, close)
