"""Wrong: a class-based pool keeps its resources in a class attribute, so a pool opened inside another one's block clears the outer pool's list and its resources are never closed."""

from typing import Any

EXPECT = "each pool keeps a list of its own"


class pool:  # noqa: N801
    """An async context manager that makes n resources and closes them on the way out."""

    resources: list[Any] = []  # shared by every pool: the mistake

    def __init__(self, n: int, make: Any, close: Any) -> None:
        self.n, self.make, self.close = n, make, close

    async def __aenter__(self) -> list[Any]:
        self.resources.clear()
        try:
            for _ in range(self.n):
                self.resources.append(await self.make())
        except BaseException:
            await self._close_all()
            raise
        return self.resources

    async def _close_all(self) -> None:
        while self.resources:
            await self.close(self.resources.pop())

    async def __aexit__(self, *exc: object) -> bool:
        await self._close_all()
        return False
