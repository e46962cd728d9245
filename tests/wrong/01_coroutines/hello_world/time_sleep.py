"""Wrong: time.sleep inside a coroutine blocks the event loop for the whole second."""

import time

EXPECT = "blocked the event loop"


async def hello_world() -> None:
    print("hello")
    time.sleep(1)
    print("world")
