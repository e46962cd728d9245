"""Wrong: turns greet into a plain function instead of running its coroutine."""

EXPECT = "greet is no longer an `async def`"


def greet(name: str) -> str:
    return f"Hello, {name}!"


def main(name: str) -> str:
    return greet(name)
