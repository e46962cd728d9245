"""Wrong: asks a failed fetch once more before letting its error out, so the other fetches
are cancelled only when the retry fails too."""

import asyncio

EXPECT = "asked fetch('b') 2 times"


async def fetch_all_or_fail(ids, fetch):
    async def one(i):
        try:
            return await fetch(i)
        except Exception:
            return await fetch(i)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(i)) for i in ids]
    return [t.result() for t in tasks]
