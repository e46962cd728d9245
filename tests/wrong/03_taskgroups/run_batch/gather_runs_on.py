"""Wrong: gather(return_exceptions=True) sorts the errors right but never cancels the other jobs."""

import asyncio

EXPECT = "cancels the other jobs as soon as one fails"


async def run_batch(jobs):
    results = await asyncio.gather(*(job() for job in jobs), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    others = [e for e in errors if not isinstance(e, ValueError)]
    if others:
        raise ExceptionGroup("jobs failed", others)
    return sorted(str(e) for e in errors if isinstance(e, ValueError))
