"""Wrong: a plain `def`: it is not a coroutine, so it cannot await."""

import time

EXPECT = "is a plain `def` function"


def hello_world() -> None:
    print("hello")
    time.sleep(1)
    print("world")
