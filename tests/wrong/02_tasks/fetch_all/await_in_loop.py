"""Wrong: awaits each fetch in a for loop, so the latencies add up."""

EXPECT = "await them one by one in a loop"


async def fetch_all(ids, fetch) -> list:
    results = []
    for i in ids:
        results.append(await fetch(i))
    return results
